"""Normal forms of names: the key two spellings share when they are the same name."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml
from anyascii import anyascii

from dossier.lang import honorifics

NON_WORD = re.compile(r"[^0-9a-z]+")
KUNYA = frozenset(["abu", "abou", "umm", "um", "abo"])
VOWEL_RUN = re.compile(r"[aeiouy]+")
GLUED_ABD = re.compile(r"^abd(?![aeu]?l+ah?$)(?:ul|ur|us|ud|el|al|u)?(?=[a-z]{4,}$)")


def words(name: str) -> list[str]:
    """Lower-case ASCII words of a name, split at punctuation, hyphens and spaces."""
    text = anyascii(unicodedata.normalize("NFKC", name or "")).lower()
    return [w for w in NON_WORD.split(text) if w]


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparison key of a name: its words without leading honorifics, joined.

    "Mawlawi Zia-ul Haq", "Zia ul-Haq" and "ZIA UL HAQ" share the key "ziaulhaq";
    "IS-KP" and "ISKP" share "iskp".
    """
    ws = words(name)
    titles = honorifics()
    while len(ws) > 1 and ws[0] in titles:
        ws.pop(0)
    return "".join(ws)


@dataclass(frozen=True)
class Spelling:
    """The transliteration rules of dossier/lang/transliteration.yaml, compiled."""

    particles: frozenset[str]
    glued: tuple[str, ...]
    words: tuple[tuple[re.Pattern, str], ...]
    letters: tuple[tuple[re.Pattern, str], ...]


@cache
def spelling() -> Spelling:
    raw = yaml.safe_load(resources.files("dossier.lang").joinpath("transliteration.yaml").read_text("utf-8"))
    words = tuple((re.compile(rf"^(?:{'|'.join([key, *forms])})$"), key) for key, forms in raw["words"].items())
    return Spelling(frozenset(raw["particles"]), tuple(raw["glued_articles"]), words,
                    tuple((re.compile(a), b) for a, b in raw["letters"]))


def _vowels(run: re.Match) -> str:
    """A run of vowels as its class: o for o/u (Omar/Umar), a for the others (Ahmad/Ahmed, Tanvir/Tanveer)."""
    first = run.group()[0]
    return "o" if first in "ou" else "a"


@lru_cache(maxsize=65536)
def spelled_word(word: str) -> str:
    """One word of a name reduced to what its spellings share: "Tanveer" and "Tanvir" give "tanvar"."""
    rules = spelling()
    for pattern, key in rules.words:
        if pattern.match(word):
            return key
    for pattern, replacement in rules.letters:
        word = pattern.sub(replacement, word)
    if not word:
        return word
    head, rest = word[0], word[1:]
    if head in "aeiouy":
        return VOWEL_RUN.sub(_vowels, word)
    return head + VOWEL_RUN.sub(_vowels, rest)


@lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, ...]:
    """The meaningful words of a name, spelt as keys: no honorifics, articles or connectives.

    "Mawlawi Zia-ul Haq", "Ziaul Haque" and "Zia ul-Haq" all give ("za", "hak");
    a kunya stays one part: "Abu Bakr al-Baghdadi" gives ("abubakr", "baghdad").
    """
    rules = spelling()
    ws = words(name)
    titles = honorifics()
    while len(ws) > 1 and ws[0] in titles:
        ws.pop(0)
    out: list[str] = []
    for i, w in enumerate(ws):
        if w in rules.particles:
            continue
        if i + 1 < len(ws) and len(w) > 4 and w.endswith(rules.glued) and ws[i + 1] not in rules.particles:
            w = next(w[:-len(g)] for g in rules.glued if w.endswith(g))  # "Ziaul Haque": "zia" + "haque"
        glued = GLUED_ABD.match(w)
        if glued and glued.end() < len(w):
            out.append("abd")  # "Abdurrahman" is "Abd al-Rahman"
            w = w[glued.end():]
        key = spelled_word(w)
        if out and out[-1] in ("abu", "bin") and out[-1] != key:
            out[-1] = out[-1] + key  # a kunya or patronym is one part: "abu" + "bakr"
        else:
            out.append(key)
    return tuple(out)


def spelling_key(name: str) -> str:
    """The key two spellings of one name share: "Tehreek-e-Taliban" and "Tehrik-i-Taliban" alike."""
    return " ".join(name_parts(name))


def initials(name: str) -> str:
    """The initials of a multi-word name, honorifics, articles and connectives left out ("iskp")."""
    rules = spelling()
    ws = words(name)
    titles = honorifics()
    while len(ws) > 1 and ws[0] in titles:
        ws.pop(0)
    return "".join(w[0] for w in ws if w not in rules.particles)
