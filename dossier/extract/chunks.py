"""Capitalised name chunks in a sentence: "Mawlawi Zia-ul Haq", "Islamic Movement of Uzbekistan".

A chunk is a run of capitalised words, bridged by the particles names contain (al, ul, bin,
ki, de, ...) and, inside organization and place names, by "of", "for", "and", "&" and "the".
Chunks are found on the text itself, so hyphens and apostrophes stay inside words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.extract.lexicon import Lexicon

WORD = re.compile(r"[@#]?[^\W_][\w'’\-.&@]*")
ABBREVIATION = re.compile(r"^(?:[A-Z]\.|(?:[A-Za-z]\.){2,}|Md\.|Mohd\.|Dr\.|Jr\.|Sr\.|St\.|Mt\.|Gen\.|Lt\.|Col\.|"
                          r"Capt\.|Sgt\.|Mr\.|Mrs\.|Ms\.|Prof\.|No\.|Co\.|Ltd\.|Inc\.|Rev\.)$")
PARTICLES = frozenset("al el ul ud ur bin ibn bint ben e i o de da di du del della der den van von la le y ki ka ke "
                      "wa wal fi bil".split())
NAME_PREFIX_PARTICLES = frozenset(["al", "el"])
BRIDGES = frozenset(["of", "for", "and", "&", "the", "on", "in"])
ACRONYM_PLURAL = re.compile(r"[A-Z][A-Za-z-]*[A-Z]s")
QUOTES = "'\"‘’“”"
# Endings that turn a name into a modifier: "ISI-backed", "Islamic State-linked", "Kabul-based".
MODIFIER = re.compile(r"-(linked|backed|based|led|affiliated|aligned|inspired|sponsored|supported|allied|run|"
                      r"controlled|held|born|bred|trained|funded|owned|related|style|era|type|made|centric|"
                      r"oriented|dominated|friendly|registered|origin|like|wide)$", re.I)


def _regions() -> re.Pattern:
    """Runs of whitespace-separated pieces of text in which every name chunk lies.

    A chunk starts at a capitalised word (or "al"/"el" before one) and goes on only through
    capitalised words, particles, bridge words and " & ", so the words of a sentence outside
    such runs need not be looked at: a run starts at a piece holding a letter other than a-z
    (any capital, in any script) or "al"/"el", and goes on through pieces holding one of
    those, a particle, a bridge word or "&". Pieces end at whitespace, which no word crosses,
    so the words of a run are the words the whole sentence has there.
    """
    def word(words) -> str:
        return r"(?<![^\W\d_])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![^\W\d_])"

    starts = rf"[^\W\d_a-z]|{word(NAME_PREFIX_PARTICLES)}"
    goes_on = rf"{starts}|&|{word((PARTICLES | BRIDGES) - {'&'})}"
    return re.compile(rf"(?<!\S)\S*?(?:{starts})\S*(?:\s+\S*?(?:{goes_on})\S*)*")


REGION = _regions()


@dataclass
class Word:
    """A word of a sentence: its span, text (possessive 's removed) and shape."""

    start: int
    end: int
    text: str
    possessive: bool = False

    @property
    def cap(self) -> bool:
        """Starts with a capital, or is a name particle followed by a capitalised part (al-Qaeda)."""
        t = self.text
        if t[0].isupper() or re.match(r"(?:al|el)[A-Z]", t):
            return True
        head, dash, rest = t.partition("-")
        return bool(dash and rest[:1].isupper() and head.lower() in PARTICLES | {"neo", "pro", "anti"})

    @property
    def acronym(self) -> bool:
        """Two or more capitals in a short word: IS-KP, LeT, HuJI, U.S."""
        t = self.text
        return len(t) <= 9 and t[0].isupper() and sum(map(str.isupper, t)) >= 2


@dataclass
class Chunk:
    """A candidate name: its span in the document, its words, and where it stands."""

    start: int
    end: int
    words: list[Word]
    sentence: int
    initial: bool  # starts its sentence
    possessive: bool  # written with 's
    text: str


def words_of(text: str, start: int, end: int) -> list[Word]:
    """The words of text[start:end], with possessives and trailing full stops split off."""
    out = []
    for m in WORD.finditer(text, start, end):
        s, e = m.span()
        t = m.group()
        possessive = False
        if t[-1] in "-'’.":
            if t[-1] in "'’" and len(t) > 2 and t[-2] == "s":
                t, e, possessive = t[:-1], e - 1, True  # "the Haqqanis' network"
            while t and (t[-1] in "-'’" or (t[-1] == "." and not ABBREVIATION.match(t))):
                t, e = t[:-1], e - 1
            if not t:
                continue
        if len(t) > 2 and t[-1] in "sS" and t[-2] in "'’":
            t, e, possessive = t[:-2], e - 2, True
        elif t[-1] == "s" and len(t) > 2 and t[-2].isupper() and ACRONYM_PLURAL.fullmatch(t):
            t, e, possessive = t[:-1], e - 1, True  # "ABTs attacks": an acronym's possessive without apostrophe
        modifier = MODIFIER.search(t) if "-" in t else None
        if modifier and modifier.start() > 0:
            out.append(Word(s, s + modifier.start(), t[:modifier.start()]))
            out.append(Word(s + modifier.start(), e, t[modifier.start():], possessive))
        else:
            out.append(Word(s, e, t, possessive))
    return out


def find_chunks(text: str, sentence: int, start: int, end: int, lexicon: Lexicon) -> list[Chunk]:
    """Every candidate name in one sentence."""
    first = WORD.search(text, start, end)
    first_start = first.start() if first and not text[start:first.start()].strip(QUOTES + "([ *") else -1
    chunks: list[Chunk] = []
    for region in REGION.finditer(text[start:end]):  # a slice: the sentence's start is a piece's start
        words = words_of(text, start + region.start(), start + region.end())
        chunks += _chunks_in(text, words, sentence, first_start, lexicon)
    return chunks


def _chunks_in(text: str, words: list[Word], sentence: int, first_start: int, lexicon: Lexicon) -> list[Chunk]:
    """The candidate names among a run of words (see REGION)."""
    chunks: list[Chunk] = []
    i = 0
    while i < len(words):
        w = words[i]
        starts_name = w.cap or (w.text.lower() in NAME_PREFIX_PARTICLES and _joined(text, w, words, i)
                                and words[i + 1].cap)
        if not starts_name or w.text[0].isdigit():
            i += 1
            continue
        j = i + 1
        while j < len(words) and not words[j - 1].possessive and _space_between(text, words[j - 1], words[j]):
            nxt = words[j]
            if nxt.cap and not nxt.text[0].isdigit():
                j += 1
                continue
            low = nxt.text.lower()
            if low in PARTICLES and j + 1 < len(words) and words[j + 1].cap and \
                    _space_between(text, nxt, words[j + 1]):
                j += 2
                continue
            if low in BRIDGES and _bridge(text, words, i, j, lexicon):
                j = _after_bridge(text, words, j)
                continue
            break
        chunk_words = words[i:j]
        chunks.append(Chunk(chunk_words[0].start, chunk_words[-1].end, chunk_words, sentence, w.start == first_start,
                            chunk_words[-1].possessive, text[chunk_words[0].start:chunk_words[-1].end]))
        i = j
    return chunks


def _space_between(text: str, a: Word, b: Word) -> bool:
    gap = text[a.end:b.start]
    return gap.isspace() and "\n" not in gap or gap == "" or gap == " & "


def _joined(text: str, w: Word, words: list[Word], i: int) -> bool:
    return i + 1 < len(words) and _space_between(text, w, words[i + 1])


def _bridge(text: str, words: list[Word], i: int, j: int, lexicon: Lexicon) -> bool:
    """Whether "of", "for", "and", "&", "the", "on", "in" at words[j] continues the name begun at words[i]."""
    low = words[j].text.lower()
    k = _after_bridge(text, words, j)
    if k >= len(words) or not words[k].cap or k == j:
        return False
    left = [w.text for w in words[i:j]]
    right: list[str] = []
    m = k
    while m < len(words) and words[m].cap and _space_between(text, words[m - 1], words[m]):
        right.append(words[m].text)
        m += 1
    org_left = any(x in lexicon.org_starts or x in lexicon.org_heads for x in left) or \
        " ".join(left[:2]) in lexicon.org_starts
    org_right = bool(right) and right[-1] in lexicon.org_heads
    if left[-1].rstrip(".") in lexicon.org_heads and right and lexicon.is_org_shaped(" ".join(right)):
        return False  # two names: "the Monitoring Team of the Islamic Movement of Uzbekistan"
    if low == "&":
        return org_left or org_right
    if low in ("of", "for"):
        title = " ".join(left).lower()
        return org_left or title in lexicon.titles or left[-1] in lexicon.place_capital_heads or left[-1] in (
            "Horn", "Republic", "Kingdom", "State", "States", "Emirate", "Province", "Secretary", "Bank", "Gulf",
            "Sea", "Bay", "Isle", "Islands", "Cape", "Strait")
    if low == "and":
        if any(x.lower() in lexicon.given_names or x.lower() in lexicon.titles for x in left):
            return False
        if len(left) == 1 and words[i].acronym:
            return False
        left_org = lexicon.is_org_shaped(" ".join(left))
        right_org = lexicon.is_org_shaped(" ".join(right))
        if not right_org and len(right) <= 2 and _is_place(" ".join(right)):
            return False  # "the National Assembly and Canada"
        return (right_org and not left_org) or (org_left and not right_org)
    if low in ("on", "in"):
        combined = " ".join(left + [low] + (["the"] if words[j + 1].text.lower() == "the" else []) + right)
        return (org_left and org_right) or _is_known(combined, lexicon)
    return False


def _is_known(name: str, lexicon: Lexicon) -> bool:
    from dossier.resolve.names import name_key
    return name_key(name) in lexicon.known_names


def _is_place(name: str) -> bool:
    from dossier.lang.gazetteer import gazetteer
    return gazetteer().place(name) is not None


def _after_bridge(text: str, words: list[Word], j: int) -> int:
    """Index of the word after a bridge word and an optional "the"."""
    k = j + 1
    if k < len(words) and words[k].text.lower() == "the" and _space_between(text, words[j], words[k]):
        k += 1
    return k
