"""Language data shared by several stages (honorifics, transliteration variants), read once."""
from __future__ import annotations

from functools import cache
from importlib import resources


def word_list(name: str) -> frozenset[str]:
    """The lower-case entries of a data file in this package, comments and blanks skipped."""
    return _word_list(name)


@cache
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("dossier.lang").joinpath(name).read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


def honorifics() -> frozenset[str]:
    """Titles written before names (honorifics.txt)."""
    return word_list("honorifics.txt")


def known_alias_groups() -> dict[str, int]:
    """Name key → group number, for names well known to mean one thing (known_aliases.txt)."""
    return _known_alias_groups()


@cache
def _known_alias_groups() -> dict[str, int]:
    from dossier.resolve.names import name_key
    text = resources.files("dossier.lang").joinpath("known_aliases.txt").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return {name_key(n): i for i, line in enumerate(lines) for n in line.split(" = ") if name_key(n)}
