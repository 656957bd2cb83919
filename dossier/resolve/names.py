"""Normal forms of names: the key two spellings share when they are the same name."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml
from anyascii import anyascii
from rapidfuzz.fuzz import ratio

from dossier.lang import honorifics

NON_WORD = re.compile(r"[^0-9a-z]+")
INNER_APOSTROPHE = re.compile(r"(?<=[a-z])['’ʼ`ʻ](?=[a-z])")
KUNYA = frozenset(["abu", "abou", "umm", "um", "abo"])
VOWEL_RUN = re.compile(r"[aeiouy]+")
GLUED_ABD = re.compile(r"^abd(?![aeu]?l+ah?$)(?:ul|ur|us|ud|el|al|u|i)?(?=[a-z]{4,}$)")


def words(name: str) -> list[str]:
    """Lower-case ASCII words of a name, split at punctuation, hyphens and spaces."""
    text = INNER_APOSTROPHE.sub("", unicodedata.normalize("NFKC", name or "").lower())
    text = anyascii(text).lower()
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
    compound_endings: tuple[str, ...]
    suffixes: frozenset[str]
    connectors: frozenset[str]
    words: tuple[tuple[re.Pattern, str], ...]
    letters: tuple[tuple[re.Pattern, str], ...]


@cache
def spelling() -> Spelling:
    raw = yaml.safe_load(resources.files("dossier.lang").joinpath("transliteration.yaml").read_text("utf-8"))
    words = tuple((re.compile(rf"^(?:{'|'.join([key, *forms])})$"), key) for key, forms in raw["words"].items())
    return Spelling(frozenset(raw["particles"]), tuple(raw["glued_articles"]),
                    tuple(sorted({"".join(words_of(e)) for e in raw["compound_endings"]}, key=len, reverse=True)),
                    frozenset(raw["name_suffixes"]), frozenset(raw["connectors"]), words,
                    tuple((re.compile(a), b) for a, b in raw["letters"]))


def words_of(text: str) -> list[str]:
    return [w for w in NON_WORD.split(text.lower()) if w]


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
def name_words(name: str) -> tuple[str, ...]:
    """The meaningful words of a name as written (lower-case ASCII): no honorifics before it, no
    suffixes after it ("Jr."), no articles or connectives; a kunya or patronym is one word.

    "Mawlawi Zia-ul Haq" gives ("zia", "haq"); "Abu Bakr al-Baghdadi" gives ("abubakr", "baghdadi").
    """
    rules = spelling()
    ws = words(name)
    titles = honorifics()
    while len(ws) > 1 and ws[0] in titles:
        ws.pop(0)
    while len(ws) > 1 and ws[-1] in rules.suffixes:
        ws.pop()
    out: list[str] = []
    for i, w in enumerate(ws):
        initials_run = len(w) == 1 and (i and len(ws[i - 1]) == 1 or i + 1 < len(ws) and len(ws[i + 1]) == 1)
        if w in rules.particles and not initials_run:  # "D. I. Khan" keeps its "I."
            continue
        if i + 1 < len(ws) and len(w) > 4 and ws[i + 1] not in rules.particles:
            w = _unglued(w, ws[i + 1], rules.glued)  # "Ziaul Haque": "zia" + "haque"
        glued = GLUED_ABD.match(w)
        if glued and glued.end() < len(w):
            out.append("abd")  # "Abdurrahman" is "Abd al-Rahman"
            w = w[glued.end():]
        if out and spelled_word(out[-1]) in ("abu", "bin") and spelled_word(w) != spelled_word(out[-1]):
            out[-1] = out[-1] + w  # a kunya or patronym is one word: "abu" + "bakr"
        else:
            out.append(w)
    return tuple(out) or tuple(ws)  # a name of particles alone is its own words ("US", "AS")


def _unglued(word: str, following: str, glued: tuple[str, ...]) -> str:
    """A word without the article glued to its end: "ul" always, an assimilated article
    ("ur", "ud", ...) only before a word starting with its consonant."""
    for g in glued:
        if word.endswith(g) and (g == "ul" or following.startswith(g[1:])):
            return word[:-len(g)]
    return word


@lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, ...]:
    """The meaningful words of a name, spelt as keys (see name_words and spelled_word).

    "Mawlawi Zia-ul Haq", "Ziaul Haque" and "Zia ul-Haq" all give ("za", "hak");
    a kunya stays one part: "Abu Bakr al-Baghdadi" gives ("abubakr", "baghdad").
    """
    return tuple(_spelled_part(w) for w in name_words(name))


def _spelled_part(word: str) -> str:
    for head in ("abu", "bin", "abou", "abo", "ibn", "ben"):
        if word.startswith(head) and len(word) > len(head) and spelled_word(head) in ("abu", "bin"):
            return spelled_word(head) + spelled_word(word[len(head):])
    return spelled_word(word)


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


# ---- loose comparison of name parts -------------------------------------------------------

SKELETON_DROP = re.compile(r"[aeiouyvwh]")
SKELETON_LETTERS = str.maketrans({"q": "k", "c": "k", "j": "g"})
DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonants a word's romanisations share: its first letter (any vowel as "a"), then
    consonants without the glides and breathings that outlets write or leave out (w, y, h, v),
    q/c as k, j as g, doubled letters once. "Awlaki"/"Aulaqi" → "alk", "Hekmatyar"/"Hikmatyar"
    → "hkmtr", "Jawlani"/"Golani" → "gln"; French "dj" and Russian initial "kh" as j and h."""
    if not word:
        return word
    word = word.replace("dj", "j")  # French Dj for J: "Belhadj" = "Belhaj", "Djamel" = "Jamal"
    if word.startswith("kh"):
        word = word[1:]  # Russian Kh for H: "Khalimov" = "Halimov"
    head = "a" if word[0] in "aeiou" else word[0].translate(SKELETON_LETTERS)
    rest = SKELETON_DROP.sub("", word[1:]).translate(SKELETON_LETTERS)
    return DOUBLED.sub(r"\1", head + rest)


@lru_cache(maxsize=262144)
def words_alike(a: str, b: str) -> bool:
    """Whether two words of names (as written, lower-case ASCII) are spellings of one word.

    Same spelling key; or the same consonant skeleton of three or more letters; or, for longer
    words, nearly the same letters (Akhundzada/Akhunzada); or one is the other with a compound
    ending (Siraj/Sirajuddin), a nisba -i (Ibrahim/Ibrahimi) or a plural -s (Houthi/Houthis).
    """
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial: "D.I. Khan" = "Dera Ismail Khan" (see align)
        return False
    sa, sb = spelled_word(a), spelled_word(b)
    if sa == sb:
        return True
    if a[0] in "aeiou" and b[0] not in "aeiou" or b[0] in "aeiou" and a[0] not in "aeiou":
        return False
    short, long_ = sorted((a, b), key=len)
    for patronym in ("bin", "ibn", "binti"):  # "Azahari bin Husin" = "Azahari Husin"
        if long_.startswith(patronym) and len(long_) - len(patronym) >= 4 and words_alike(long_[len(patronym):], short):
            return True
    if len(short) >= 4 and long_.startswith(short):
        rest = long_[len(short):]
        if rest in ("i", "s", "es") or (len(short) >= 5 and rest in spelling().compound_endings):
            return True
    ka, kb = skeleton(a), skeleton(b)
    if ka == kb and len(long_) - len(short) <= 3 and min(len(a), len(b)) >= 3:
        if len(ka) >= 3 or (len(ka) == 2 and ratio(a, b) >= 60):
            return True
    if min(len(a), len(b)) >= 7 and ka[:1] == kb[:1] and ratio(a, b) >= 88:
        return True
    return False


@lru_cache(maxsize=262144)
def align(a: tuple[str, ...], b: tuple[str, ...], initials: bool = True) -> str | None:
    """How two names (their name_words) correspond: "same" when every word is alike in order,
    "contained" when the shorter (two words or more) is the longer with words left out, "single"
    when a one-word name is alike to one word of the other; None otherwise. A word may also
    match two adjacent words written as one ("Belmokhtar" = "Bel Mokhtar"), and with `initials`
    a letter the word it is the initial of ("D.I. Khan" = "Dera Ismail Khan"; not for groups,
    where a letter names a faction: "CPI(M)" is not "CPI (Maoist)")."""
    if not a or not b:
        return None
    alike = _alike_or_initial if initials else words_alike
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == 1:
        if len(long_) == 1:
            return "same" if words_alike(short[0], long_[0]) else None
        if _joined(short[0], long_):
            return "same"
        return "single" if any(words_alike(short[0], w) for w in long_) else None
    taken = _subsequence(short, long_, alike)
    if taken is None:
        return None
    return "same" if taken == len(long_) else "contained"


def _joined(word: str, parts: tuple[str, ...]) -> bool:
    """Whether one word is all the parts written together ("belmokhtar" = "bel mokhtar")."""
    return len(parts) <= 3 and words_alike(word, "".join(parts))


def _alike_or_initial(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0] and len(a) + len(b) > 2
    return words_alike(a, b)


def _subsequence(short: tuple[str, ...], long_: tuple[str, ...], alike=words_alike) -> int | None:
    """How many words of `long_` the words of `short` cover, in order, or None when they do not
    all match; a word of either side may stand for two adjacent words of the other."""
    i = j = covered = 0
    while i < len(short):
        if j >= len(long_):
            return None
        if alike(short[i], long_[j]):
            i, j, covered = i + 1, j + 1, covered + 1
        elif j + 1 < len(long_) and words_alike(short[i], long_[j] + long_[j + 1]):
            i, j, covered = i + 1, j + 2, covered + 2
        elif i + 1 < len(short) and words_alike(short[i] + short[i + 1], long_[j]):
            i, j, covered = i + 2, j + 1, covered + 1
        else:
            j += 1
    return covered


def spells_initials(long_form: str, acronym: str) -> bool:
    """Whether an acronym's letters are the initials of a long form's words, in order.

    Small words may be skipped or counted (ISGS, AQIM, LeT); a word may give more than one
    letter when there are capitals inside it (alQa'ida → AQ).
    """
    letters = [c.lower() for c in acronym if c.isalpha()]
    parts = [re.sub(r"['’]s$", "", w.strip("()[]")) for w in re.split(r"[\s\-]+", long_form)]
    parts = [w for w in parts if w and w[0].isalnum()]
    if len(letters) < 2 or not parts:
        return False
    small = _small_words()

    def match(i: int, j: int) -> bool:
        if i == len(letters):
            return all(w.lower() in small for w in parts[j:])
        if j == len(parts):
            return False
        w = parts[j]
        if w.lower() in small and match(i, j + 1):
            return True
        if w[0].lower() != letters[i]:
            return False
        inner = [c.lower() for c in w[1:] if c.isupper()]
        taken = 1
        while True:
            if match(i + taken, j + 1):
                return True
            if taken - 1 < len(inner) and i + taken < len(letters) and inner[taken - 1] == letters[i + taken]:
                taken += 1
            else:
                return False

    return match(0, 0)


@cache
def _small_words() -> frozenset[str]:
    rules = spelling()
    return rules.particles | rules.connectors | frozenset(["s", "neo", "pro", "anti", "ul", "ud", "ur", "la"])
