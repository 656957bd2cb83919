"""Files that cannot be read: each is one ReadError whose message starts with the path."""
from __future__ import annotations

import pytest

from dossier.errors import ReadError
from dossier.read import read_document


def test_empty_file_is_a_read_error(tmp_path, read):
    with pytest.raises(ReadError) as error:
        read("empty.md", "")
    assert str(error.value) == f"{tmp_path / 'empty.md'}: empty file"


def test_whitespace_only_file_is_a_read_error(tmp_path, read):
    with pytest.raises(ReadError) as error:
        read("blank.md", " \n\n\t  \n")
    assert str(error.value) == f"{tmp_path / 'blank.md'}: empty file"


def test_binary_content_named_markdown_is_a_read_error(tmp_path, read):
    with pytest.raises(ReadError) as error:
        read("image.md", bytes(range(256)) * 8)
    assert str(error.value) == f"{tmp_path / 'image.md'}: binary content, not a text file"


def test_invalid_utf8_names_the_byte_and_suggests_an_encoding(tmp_path, read):
    with pytest.raises(ReadError) as error:
        read("latin.md", "The caf\xe9 was closed.".encode("latin-1"))
    assert str(error.value) == f"{tmp_path / 'latin.md'}: not valid UTF-8 (invalid continuation byte at byte 7)"
    assert "--encoding" in error.value.hint


def test_file_in_another_encoding_is_read_when_the_encoding_is_given(read):
    doc = read("latin.md", "The caf\xe9 was closed all week.".encode("latin-1"), encoding="latin-1")
    assert doc.text == "The caf\xe9 was closed all week."


def test_unknown_encoding_is_a_read_error(tmp_path, read):
    with pytest.raises(ReadError) as error:
        read("notes.md", b"The cafe was closed.", encoding="martian-8")
    assert str(error.value) == f"{tmp_path / 'notes.md'}: unknown encoding 'martian-8'"


def test_unsupported_extension_lists_the_supported_ones(tmp_path, read):
    with pytest.raises(ReadError) as error:
        read("report.docx", b"PK\x03\x04")
    assert str(error.value) == f"{tmp_path / 'report.docx'}: unsupported format '.docx'"
    assert error.value.hint == ("dossier reads .htm, .html, .markdown, .md, .mdown, .pdf, .text, .txt, .xhtml")


def test_file_over_the_size_limit_is_a_read_error(tmp_path, read):
    with pytest.raises(ReadError) as error:
        read("long.md", "The raid failed. " * 100_000, max_bytes=1_000_000)
    assert str(error.value) == f"{tmp_path / 'long.md'}: 1.6 MB is larger than the 1 MB limit"


def test_missing_file_is_a_read_error(tmp_path, readers):
    with pytest.raises(ReadError) as error:
        read_document(tmp_path / "gone.md", readers)
    assert str(error.value) == f"{tmp_path / 'gone.md'}: no such file"


def test_markdown_with_only_markup_and_no_text_is_a_read_error(tmp_path, read):
    with pytest.raises(ReadError) as error:
        read("images.md", "![](one.png)\n\n---\n\n![](two.png)\n")
    assert str(error.value) == f"{tmp_path / 'images.md'}: no text found"
