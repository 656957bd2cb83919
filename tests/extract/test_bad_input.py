"""Bad input: the extractor finishes in bounded time on any text, says what it could not read, and
returns what it could."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from dossier.extract.pipeline import RuleExtractor
from dossier.read import read_document

NO_NAMES = "no names of people, organizations or places were found"
NOT_LATIN = "most of the text is not in Latin script; the built-in extractor reads English"
READABLE = "Zarbat Kheljan was arrested in Quetta."
READABLE_ENTITIES = [("person", "Zarbat Kheljan"), ("location", "Quetta")]
ARABIC = "قال المتحدث باسم الحركة إن القوات هاجمت المدينة في الصباح. وأضاف أن عدداً من المقاتلين قتلوا."
URDU = "پولیس نے کوئٹہ میں ایک مشتبہ شخص کو گرفتار کر لیا۔ ترجمان نے کہا کہ تحقیقات جاری ہیں۔"
BENGALI = "পুলিশ ঢাকায় দুই জঙ্গিকে গ্রেপ্তার করেছে। মুখপাত্র বলেছেন তদন্ত চলছে।"
SECONDS = 30  # per small document; measured at well under 2 s, with room for a slow CI machine


@pytest.fixture
def timed(read, rule_extractor):
    """Extract a report whose body is `body`: (entities as (type, name), warnings, seconds taken)."""
    def timed(body: str) -> tuple[list[tuple[str, str]], list[str], float]:
        started = time.monotonic()
        extraction = rule_extractor.extract(read(body))
        seconds = time.monotonic() - started
        return [(e.type, e.name) for e in extraction.entities], list(extraction.warnings), seconds
    return timed


# ---- nothing to find
def test_text_without_names_gives_no_entities_and_says_so(timed):
    found, warnings, seconds = timed("The weather was mild and nothing happened.")
    assert (found, warnings) == ([], [NO_NAMES])
    assert seconds < SECONDS


def test_one_word_document_that_is_no_name(timed):
    found, warnings, _ = timed("Hello")
    assert (found, warnings) == ([], [NO_NAMES])


def test_one_word_document_that_is_a_place(timed):
    found, warnings, _ = timed("Quetta")
    assert (found, warnings) == ([("location", "Quetta")], [])


# ---- other scripts
@pytest.mark.parametrize("text", [ARABIC, URDU, BENGALI], ids=["arabic", "urdu", "bengali"])
def test_prose_in_another_script_is_flagged_and_gives_nothing(timed, text):
    found, warnings, seconds = timed(text)
    assert (found, warnings) == ([], [NOT_LATIN, NO_NAMES])
    assert seconds < SECONDS


def test_english_among_another_script_is_still_read(timed):
    found, warnings, _ = timed(f"{READABLE} " + " ".join([ARABIC] * 10))
    assert (found, warnings) == (READABLE_ENTITIES, [NOT_LATIN])


# ---- shapes no prose has
@pytest.mark.parametrize("body", [
    "!!!???...,,,;;;:::---" * 2000 + " " + READABLE,
    "?!" * 3000 + " " + "..." * 3000 + " " + "—–-" * 2000 + " " + READABLE + " " + ",;:" * 3000,
], ids=["before", "around"])
def test_runs_of_punctuation_leave_the_readable_sentence(timed, body):
    found, warnings, seconds = timed(body)
    assert (found, warnings) == (READABLE_ENTITIES, [])
    assert seconds < SECONDS


@pytest.mark.parametrize("opening,closing", [("(", ")"), ("[", "]"), ("([{", "}])")], ids=["round", "square", "mixed"])
def test_deeply_nested_brackets_leave_the_sentence_inside(timed, opening, closing):
    found, warnings, seconds = timed(opening * 3000 + f" {READABLE} " + closing * 3000)
    assert (found, warnings) == (READABLE_ENTITIES, [])
    assert seconds < SECONDS


def test_a_sentence_of_five_thousand_words(timed):
    filler = ("the men walked along the road and talked about nothing in particular " * 400).split()[:4990]
    body = "Zarbat Kheljan was arrested in Quetta and " + " ".join(filler) + " before he met the Sabr Brigade."
    found, warnings, seconds = timed(body)
    assert (found, warnings) == (READABLE_ENTITIES + [("organization", "Sabr Brigade")], [])
    assert seconds < SECONDS


# ---- limits on work
def test_a_document_longer_than_the_word_limit_is_read_up_to_it_with_a_warning(read):
    extraction = RuleExtractor(max_words=10).extract(read(f"{READABLE} The Sabr Brigade was founded in Kunar."))
    assert [(e.type, e.name) for e in extraction.entities] == READABLE_ENTITIES
    assert extraction.warnings == ("the document has more than 10 words; only the first 10 were read",)


def test_out_of_time_relations_and_events_stop_with_a_warning_and_entities_are_complete(read):
    extraction = RuleExtractor(max_seconds=0).extract(read("Qasim Dunbali joined the Sabr Brigade in 2004."))
    assert [(e.type, e.name) for e in extraction.entities] == [("person", "Qasim Dunbali"),
                                                                ("organization", "Sabr Brigade")]
    assert (extraction.relations, extraction.events) == ((), ())
    assert extraction.warnings == ("stopped reading relations and events after 0 sentences: the document took "
                                   "longer than the time allowed; entities are complete",)


@pytest.fixture(scope="module")
def ten_megabytes(tmp_path_factory, readers, rule_extractor):
    """10 MB of text in one paragraph, extracted once: (extraction, seconds taken to read and extract)."""
    sentence = "Zarbat Kheljan met Qasim Dunbali in Quetta and the men talked about the Sabr Brigade for hours, "
    path = tmp_path_factory.mktemp("big") / "big.md"
    path.write_text("Document-date: 2020-05-12\n\n" + sentence * (10 * 2**20 // len(sentence)) + "\n",
                    encoding="utf-8")
    started = time.monotonic()
    extraction = rule_extractor.extract(read_document(path, readers))
    return extraction, time.monotonic() - started


def test_ten_megabytes_in_one_paragraph_finish_in_bounded_time(ten_megabytes):
    _, seconds = ten_megabytes
    assert seconds < 120  # about 20 s on a laptop


def test_ten_megabytes_in_one_paragraph_give_the_names_of_the_part_read_and_a_warning(ten_megabytes):
    extraction, _ = ten_megabytes
    assert [(e.type, e.name) for e in extraction.entities] == [
        ("person", "Zarbat Kheljan"), ("person", "Qasim Dunbali"), ("location", "Quetta"),
        ("organization", "Sabr Brigade")]
    assert extraction.warnings == ("the document has more than 120,000 words; only the first 120,000 were read",)


# ---- the command line
def test_cli_extract_of_another_script_warns_on_stderr_and_exits_zero(cli, tmp_path):
    path = tmp_path / "arabic.md"
    path.write_text(f"Document-date: 2020-05-12\n\n{ARABIC}\n", encoding="utf-8")
    result = cli("extract", path)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"Warning: {path}: {NOT_LATIN}", f"Warning: {path}: {NO_NAMES}"]


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_cli_model_that_is_not_installed_is_one_error_line(cli, tmp_path, command):
    path = tmp_path / "report.md"
    path.write_text(f"Document-date: 2020-05-12\n\n{READABLE}\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    result = cli(command, path, "--model", "en_core_web_nonexistent", *(["--db", db] if command == "ingest" else []))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("Error: spaCy model 'en_core_web_nonexistent' is not installed")
    assert lines[0].endswith("— install it with pip first: dossier never downloads models")
    assert not db.exists()


def test_cli_model_with_an_extractor_that_takes_none_is_one_error_line(cli, tmp_path):
    path = tmp_path / "report.md"
    path.write_text(f"Document-date: 2020-05-12\n\n{READABLE}\n", encoding="utf-8")
    result = cli("extract", path, "--extractor", "simple", "--model", "en_core_web_sm")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: extractor 'simple' does not take --model")


@pytest.fixture
def entity_ruler_model(tmp_path: Path) -> Path:
    """A blank spaCy pipeline saved to a folder, whose entity ruler knows one person and one organization."""
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Vostrak"},
                                               {"label": "ORG", "pattern": "Kestrel Lodge"}])
    folder = tmp_path / "model"
    nlp.to_disk(folder)
    return folder


MODEL_REPORT = "Police said Vostrak met members of Kestrel Lodge near the river."


def test_cli_model_folder_types_a_name_the_rules_cannot(cli, tmp_path, entity_ruler_model):
    path = tmp_path / "report.md"
    path.write_text(f"Document-date: 2020-05-12\n\n{MODEL_REPORT}\n", encoding="utf-8")

    def entities(*options: str) -> list[tuple[str, str]]:
        result = cli("extract", path, "--json", *options)
        assert result.returncode == 0, result.stderr
        return [(e["type"], e["name"]) for e in json.loads(result.stdout)["entities"]]

    assert entities() == [("organization", "Kestrel Lodge")]
    assert entities("--model", str(entity_ruler_model)) == [("person", "Vostrak"), ("organization", "Kestrel Lodge")]


def test_cli_ingest_with_a_model_folder_stores_the_document(cli, tmp_path, entity_ruler_model):
    path = tmp_path / "report.md"
    path.write_text(f"Document-date: 2020-05-12\n\n{MODEL_REPORT}\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    result = cli("ingest", path, "--model", str(entity_ruler_model), "--workers", "1", db=db)
    assert result.returncode == 0, result.stderr
    shown = cli("show", "Vostrak", "--json", db=db)
    assert shown.returncode == 0, shown.stderr
    entity = json.loads(shown.stdout)["entity"]
    assert (entity["type"], entity["name"]) == ("person", "Vostrak")
