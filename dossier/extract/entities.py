"""Entity mentions: name chunks typed as person, organization or location.

Typing uses, strongest first: acronym definitions and organization shapes, the gazetteer,
titles and honorifics, given names, kunya and nisba shapes, the words around a chunk
("Gujarat police", "Kasaragod district", "in X", "X said"), and finally what the rest of
the document says about the same name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from dossier.extract.chunks import Chunk, Word, find_chunks, words_of
from dossier.lang.gazetteer import Gazetteer
from dossier.extract.lexicon import Lexicon
from dossier.model import Document
from dossier.resolve.names import name_key, spells_initials

MONTHS = frozenset("january february march april may june july august september october november december "
                   "jan feb mar apr jun jul aug sep sept oct nov dec".split())
KUNYA = re.compile(r"^(?:abu|abou|abul|umm|um)\b", re.I)
NISBA = re.compile(r"\b(?:al|el|ul)[- ][A-Z]\w+i\b|-al-[A-Z]\w+$|\b(?:bin|ibn|bint)\b")
JOINED_NISBA = re.compile(r"^[A-Z][a-z]+-(?:al|el|ul)-[A-Z]\w+i$")  # one word: "Huzafa-al-Bakistani"
PLACE_BEFORE = frozenset("in at from near into across outside inside toward towards via to throughout around "
                         "between within reached entered".split())
PERSON_AFTER = re.compile(r"^\s*(?:,\s*(?:who|aged|\d+)\b|said|says|told|added|stated|claimed|wrote|"
                          r"denied|admitted|confessed|was born|tweeted|explained)", re.I)
DIRECTIONS = re.compile(r"\b((?:north|south|east|west|central|north-east|north-west|south-east|south-west|"
                        r"northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern|"
                        r"north-eastern|north-western|south-eastern|south-western|upper|lower)\s+)$")
PERSON_BEFORE = re.compile(r"(?:named|called|identified as|alias|aka|a\.k\.a\.|son of|daughter of|wife of|"
                           r"husband of|brother of|according to)\s*$", re.I)
PLACE_PHRASE_BEFORE = re.compile(r"\b(?:resident|residents|native|natives|outskirts|capital|city|town|village|district|"
                                 r"province|state|region|suburb|heart)\s+of\s+$|\bhails?\s+from\s+$|\bhailing\s+from\s+$"
                                 r"|\b(?:hometown|home town|home village|native village|native town)\s+$", re.I)
MEDIA_BEFORE = re.compile(r"\b(?:magazine|newspaper|daily|weekly|journal|channel|website|outlet|agency|broadcaster|"
                          r"tabloid|portal|organisation|organization|group|outfit|party|movement|network)\s*,?\s+$",
                          re.I)
ORG_BEFORE = re.compile(r"\b(?:joined|join|member of|members of|ranks of|wing of|faction of|branch of)\s+(?:the\s+)?$",
                        re.I)
QUOTED = re.compile(r"[\"“‘'][^\"”’']{8,300}[\"”’']")
URL = re.compile(r"https?://\S+|www\.\S+")
SKIP_BLOCKS = ("heading", "table", "byline")

# How sure a typing rule is; a stronger reading of the same name elsewhere in the document wins.
STRONG, GOOD, WEAK = 3, 2, 1


@dataclass
class Mention:
    """A typed name at a place in the document."""

    start: int
    end: int
    text: str  # as written, with any title
    name: str  # without title or honorific
    type: str | None
    strength: int
    why: str
    sentence: int
    possessive: bool = False
    cluster: int = -1
    titled: bool = False  # written with a title or honorific
    place_context: bool = False  # written after "in", "at", "from", ... or before "in <place>"
    secondary: bool = False  # named as another name's alias ("X, also known as Y": Y)

    @cached_property
    def key(self) -> str:
        return name_key(self.name)


@dataclass
class Found:
    """Mentions of a document and what the typing learned on the way."""

    mentions: list[Mention] = field(default_factory=list)
    demonyms: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, country)
    acronyms: list[tuple[Mention, Mention]] = field(default_factory=list)  # (long form, acronym)


def find_mentions(doc: Document, lexicon: Lexicon, gazetteer: Gazetteer,
                  signals: list[tuple[int, int, str]] = ()) -> Found:
    """Typed name mentions in every sentence that can name things.

    `signals` are (start, end, type) from an optional statistical model: they type names the
    rules leave untyped or only weakly typed."""
    found = Found()
    lower_words = _lower_words(doc.text)
    text = doc.text
    titles = [s.title for s in doc.sources if s.title and _title_case(s.title)]
    masks_by_block: dict[int, list[tuple[int, int]]] = {}
    for index, sentence in enumerate(doc.sentences):
        block = doc.blocks[sentence.block]
        if block.kind in SKIP_BLOCKS or block.part == "back":
            continue
        sentence_text = text[sentence.start:sentence.end]
        if sentence_text.isupper() and len(sentence_text.split()) > 4:
            continue  # a line in capitals is a form heading, not prose
        if block.kind == "note" and sentence.block not in masks_by_block:
            masks_by_block[sentence.block] = _masks(text, block.start, block.end, titles)
        masks = masks_by_block.get(sentence.block, [])
        chunks = find_chunks(text, index, sentence.start, sentence.end, lexicon)
        long_forms = _long_forms(text, index, sentence.start, sentence.end, lexicon)
        chunks = sorted([c for c in chunks if not any(lf.start < c.end and c.start < lf.end for lf, _ in long_forms)]
                        + [lf for lf, _ in long_forms], key=lambda c: c.start)
        acronym_of = {lf.end: acronym for lf, acronym in long_forms}
        previous: Mention | None = None
        for chunk in chunks:
            if any(s < chunk.end and chunk.start < e for s, e in masks) and (
                    not _known(chunk.text, lexicon, gazetteer, strict=True)
                    or re.search(r"\b(?:an?|the)\s+$", text[max(0, chunk.start - 5):chunk.start], re.I)):
                continue  # in a title, only a known name counts ("the History of an African Jihadist Movement")
            for mention in _mentions_of(chunk, text, lexicon, gazetteer, lower_words, found):
                if previous is not None and acronym_of.get(previous.end) == mention.name and mention.start > previous.end:
                    if previous.type is None:
                        previous.type, previous.strength, previous.why = "organization", GOOD, "defines an acronym"
                    mention.type = previous.type
                    mention.strength = max(previous.strength, GOOD)
                    mention.why = "acronym of " + previous.name
                    found.acronyms.append((previous, mention))
                found.mentions.append(mention)
                previous = mention
    _use_signals(found.mentions, signals)
    _settle_types(found.mentions, lexicon)
    for m in found.mentions:
        before = re.findall(r"[A-Za-z]+", text[max(0, m.start - 20):m.start])[-1:]
        m.place_context = bool(before and before[0].lower() in PLACE_BEFORE) or bool(
            re.match(r"\s+in\s+[A-Z]", text[m.end:m.end + 6]))
        if m.type == "location" or (m.type == "organization" and m.why.startswith("followed by")):
            d = DIRECTIONS.search(text[max(0, m.start - 30):m.start])
            if d:
                m.start -= len(d.group(1))
                m.text = m.name = text[m.start:m.end]
                m.__dict__.pop("key", None)
    return found


def _lower_words(text: str) -> frozenset[str]:
    """Words the document writes in lower case somewhere (so a capitalised one is sentence-initial)."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", text))


def _title_case(title: str) -> bool:
    """True when most longer words of a title are capitalised ("Taliban Surge Routs ISIS")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", title) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _masks(text: str, start: int, end: int, titles: list[str]) -> list[tuple[int, int]]:
    """Spans of a note not to read names from: URLs and titles in title case."""
    spans = [(m.start(), m.end()) for m in URL.finditer(text, start, end)]
    spans += [(m.start(), m.end()) for m in QUOTED.finditer(text, start, end) if _title_case(m.group())]
    segment = text[start:end]
    for title in titles:
        at = segment.find(title)
        if at >= 0:
            spans.append((start + at, start + at + len(title)))
    return spans


def _long_forms(text: str, sentence: int, start: int, end: int, lexicon: Lexicon) -> list[tuple[Chunk, str]]:
    """Long forms defined by an acronym in brackets right after them: "National Directorate of Security (NDS)"."""
    out = []
    for m in DEFINITION.finditer(text, start, end):
        acronym = m.group("acronym")
        if sum(c.isupper() for c in acronym) < 2:
            continue
        before = words_of(text, start, m.start())
        for n in range(1, min(9, len(before) + 1)):
            words = before[-n:]
            candidate = text[words[0].start:words[-1].end]
            if not (words[0].cap or words[0].text.lower().startswith(("neo-", "pro-", "anti-"))):
                continue
            if _initials_match(candidate, acronym):
                if text[words[-1].end:m.start()].strip():
                    break
                out.append((Chunk(words[0].start, words[-1].end, words, sentence, False, False, candidate), acronym))
                break
    return out


DEFINITION = re.compile(r"\(\s*(?:the\s+)?[“\"'‘]?(?P<acronym>[A-Z][A-Za-z0-9&.]*(?:-[A-Za-z0-9]+)*)[”\"'’]?\s*\)")


def _initials_match(long_form: str, acronym: str) -> bool:
    """Whether an acronym's letters are the initials of a long form's words (resolve/names.py)."""
    return spells_initials(long_form, acronym)


def _mentions_of(chunk: Chunk, text: str, lexicon: Lexicon, gazetteer: Gazetteer, lower_words: frozenset[str],
                 found: Found) -> list[Mention]:
    """The mentions a chunk holds (a title may split off a place: "United States Secretary of State X")."""
    words = list(chunk.words)
    while words and words[0].text.lower() == "the":
        words = words[1:]
    whole_known = (_known(_span_text(text, words), lexicon, gazetteer) if words else False) and \
        words[0].text.lower() not in lexicon.stop_words
    if chunk.initial and words and words[0] is chunk.words[0] and not whole_known:
        while words and _common_word(words[0], lexicon, gazetteer, lower_words, alone=len(words) == 1):
            words = words[1:]
            while words and words[0].text.lower() in ("the", "of", "and"):
                words = words[1:]
    if words and re.match(r"(?:anti|pro|non|post|pre|ex)-", words[0].text):
        return []
    if not words:
        return []
    if len(words) == 1 and gazetteer.country_of_demonym(words[0].text) and not words[0].acronym:
        found.demonyms.append((words[0].start, words[0].end, gazetteer.country_of_demonym(words[0].text)))
        return _with_head(words, chunk, text, lexicon, gazetteer, lower_words, demonym_only=True)
    whole = _span_text(text, words)
    if not lexicon.is_org_shaped(whole):
        split = _split_title(words, lexicon)
        if split:
            before, title, name = split
            out = _mentions_of(_sub(chunk, before, text), text, lexicon, gazetteer, lower_words, found) if before else []
            if name and name[0].text.lower() in ("of", "for") and len(name) > 1:
                body = name[1:]
                out.append(Mention(body[0].start, body[-1].end, _span_text(text, body), _span_text(text, body),
                                   "organization", GOOD, "post of", chunk.sentence, body[-1].possessive))
            elif name:
                surface = _span_text(text, title + name)
                out.append(Mention(title[0].start, name[-1].end, surface, _span_text(text, name), "person", STRONG,
                                   "title " + " ".join(w.text for w in title), chunk.sentence,
                                   name[-1].possessive, titled=True))
            return out
    if len(words) == 1 and "-" in words[0].text:
        parts = _known_parts(words[0], lexicon, gazetteer)
        if parts:
            return [m for part in parts for m in _with_head([part], chunk, text, lexicon, gazetteer, lower_words)]
    return _with_head(words, chunk, text, lexicon, gazetteer, lower_words)


def _known_parts(word: Word, lexicon: Lexicon, gazetteer: Gazetteer) -> list[Word]:
    """The parts of "US-Taliban" or "Pakistan-Afghanistan" when each part is a known place or group."""
    pieces = word.text.split("-")
    if len(pieces) != 2 or not all(p[:1].isupper() for p in pieces):
        return []
    known = lambda p: gazetteer.place(p) is not None or name_key(p) in lexicon.armed_groups  # noqa: E731
    if not all(known(p) for p in pieces):
        return []
    first = Word(word.start, word.start + len(pieces[0]), pieces[0])
    return [first, Word(first.end + 1, word.end, pieces[1], word.possessive)]


def _known(name: str, lexicon: Lexicon, gazetteer: Gazetteer, strict: bool = False) -> bool:
    """A name the language data knows: a place, a well-known organization or an organization shape.

    Strictly, a name inside a title must be known as a whole or end in an organization head
    ("Taliban Surge Routs ISIS" is a headline, not a name)."""
    if gazetteer.place(name) is not None or name_key(name) in lexicon.known_names:
        return True
    words = name.split()
    if strict:
        return len(words) > 1 and (words[-1] in lexicon.org_heads or words[-1] in lexicon.place_capital_heads
                                   or re.match(r"(?i)wilaya", name) is not None)
    return len(words) > 1 and lexicon.is_org_shaped(name)


def _sub(chunk: Chunk, words: list[Word], text: str) -> Chunk:
    return Chunk(words[0].start, words[-1].end, words, chunk.sentence, False, words[-1].possessive,
                 _span_text(text, words))


def _span_text(text: str, words: list[Word]) -> str:
    return text[words[0].start:words[-1].end]


def _common_word(word: Word, lexicon: Lexicon, gazetteer: Gazetteer, lower_words: frozenset[str],
                 alone: bool) -> bool:
    """A sentence-initial capitalised word that is an ordinary word, not part of a name."""
    low = word.text.lower()
    if low in lexicon.stop_words or low in MONTHS:
        return True
    if word.acronym or low in lexicon.given_names or low in lexicon.honorifics or gazetteer.place(word.text):
        return False
    return low in lower_words or (alone and low.endswith(("ly", "ing", "ed", "s")))


@lru_cache(maxsize=4)
def _titles_by_first_word(titles: tuple[str, ...]) -> dict[str, list[list[str]]]:
    """Titles as word lists, by their first word (without stops), longest first."""
    index: dict[str, list[list[str]]] = {}
    for title in titles:
        parts = [p.rstrip(".") for p in title.split()]
        index.setdefault(parts[0], []).append(parts)
    return index


def _split_title(words: list[Word], lexicon: Lexicon) -> tuple[list[Word], list[Word], list[Word]] | None:
    """(words before the title, the title, the name after it), when the chunk holds a title."""
    lowered = [w.text.lower().rstrip(".") for w in words]
    by_first = _titles_by_first_word(lexicon.titles)
    for i in range(len(words)):
        for parts in by_first.get(lowered[i], ()):
            if lowered[i:i + len(parts)] == parts:
                rest = words[i + len(parts):]
                if rest and not all(w.text.lower() in lexicon.titles for w in rest):
                    return words[:i], words[i:i + len(parts)], rest
                if not rest:
                    return words[:i], words[i:], []
    return None


def _with_head(words: list[Word], chunk: Chunk, text: str, lexicon: Lexicon, gazetteer: Gazetteer,
               lower_words: frozenset[str] = frozenset(), demonym_only: bool = False) -> list[Mention]:
    """Type a chunk, letting the word after it ("police", "district") decide when it can."""
    start, end = words[0].start, words[-1].end
    name = text[start:end]
    after = text[end:end + 40]
    possessive = words[-1].possessive
    heads = _head_patterns(lexicon)
    if not possessive and after[:1].isspace():
        low_after = after.lower()
        m = heads["org"].match(low_after)
        if m and _head_ends_phrase(text, end + m.end(), lexicon):
            head, head_end = m.group(1), end + m.end()
            return [Mention(start, head_end, text[start:head_end], text[start:head_end], "organization", GOOD,
                            "followed by " + head, chunk.sentence, text[head_end:head_end + 2] in ("'s", "’s"))]
        if demonym_only:
            return []
        m = heads["site"].match(low_after)
        if m:
            head, head_end = m.group(1), end + m.end()
            return [Mention(start, head_end, text[start:head_end], text[start:head_end], "location", GOOD,
                            "followed by " + head, chunk.sentence)]
        m = heads["admin"].match(low_after)
        if m:
            head = m.group(1)
        if m and not lexicon.is_org_shaped(name):
                if head in ("province", "provinces") and _group_possessive(text, start, lexicon):
                    head_end = end + 1 + len(head)  # "the group's Khorasan province": a province of an armed group
                    return [Mention(start, head_end, text[start:head_end], text[start:head_end], "organization", GOOD,
                                    "province of a group", chunk.sentence)]
                return [Mention(start, end, name, name, "location", GOOD, "followed by " + head, chunk.sentence)]
    if demonym_only:
        return []
    if len(words) == 1 and (words[0].text.lower() in lexicon.not_entities or
                            (words[0].text in lexicon.org_heads and not words[0].acronym
                             and name_key(name) not in lexicon.known_names)):
        return []
    kind, strength, why = _type_of(words, name, text, lexicon, gazetteer, lower_words)
    if len(words) == 1 and (words[0].text.lower() in MONTHS or len(name) < 2):
        return []
    return [Mention(start, end, name, name, kind, strength, why, chunk.sentence, possessive)]


def _name_like(words: list[Word], lexicon: Lexicon, gazetteer: Gazetteer, lower_words: frozenset[str]) -> bool:
    """True when capitalised words read as a personal name, not a capitalised phrase ("Probable Cause")."""
    for w in words:
        low = w.text.lower().rstrip(".")
        if low in lexicon.given_names or low in lexicon.honorifics:
            continue
        if low in lower_words or lexicon.is_common_noun(low) or low in lexicon.stop_words or w.acronym:
            return False
    return gazetteer.country_of_demonym(words[-1].text) is None


@lru_cache(maxsize=4)
def _head_patterns(lexicon: Lexicon) -> dict[str, re.Pattern]:
    """One regular expression per kind of head word, longest heads first."""
    alternation = lambda heads: "|".join(re.escape(h) for h in heads)  # noqa: E731
    return {"org": re.compile(rf"\s({alternation(lexicon.org_lower_heads)})\b"),
            "site": re.compile(rf"\s(?:[a-z]+-[a-z]+\s)?({alternation(lexicon.site_heads)})\b"),
            "admin": re.compile(rf"\s({alternation(lexicon.admin_heads)})\b")}


def _group_possessive(text: str, start: int, lexicon: Lexicon) -> bool:
    """True when the name at `start` follows an armed group's "'s" ("Islamic State's", "the group's")."""
    return re.search(r"(?:'s|’s)\s+$", text[max(0, start - 3):start]) is not None and \
        _possessor_is_group(text, start, lexicon)


def _possessor_is_group(text: str, start: int, lexicon: Lexicon) -> bool:
    """True when the words before "'s" at `start` name an armed group ("Islamic State's", "the group's")."""
    before = text[max(0, start - 60):start].rstrip()
    before = re.sub(r"(?:'s|’s)$", "", before)
    if re.search(r"\bthe (?:group|outfit|organi[sz]ation|militants?)$", before, re.I):
        return True
    words = re.findall(r"[\w'’-]+", before)[-4:]
    return any(lexicon.is_org_shaped(" ".join(words[i:])) or name_key(" ".join(words[i:])) in lexicon.armed_groups
               for i in range(len(words)))


def _head_ends_phrase(text: str, at: int, lexicon: Lexicon) -> bool:
    """False when another noun follows a head ("Bogota police academy"): the head is then not the end."""
    m = re.match(r"\s+([a-z][a-z-]*)", text[at:at + 30])
    if not m:
        return True
    word = m.group(1)
    return word in lexicon.stop_words or word.endswith(("ed", "s")) or word in ("said", "told", "say")


def _type_of(words: list[Word], name: str, text: str, lexicon: Lexicon,
             gazetteer: Gazetteer, lower_words: frozenset[str] = frozenset()) -> tuple[str | None, int, str]:
    """The type a chunk has on its own and from the words around it, with how sure that is."""
    lowered = [w.text.lower() for w in words]
    known = lexicon.known_names.get(name_key(name))
    if known:
        return known, STRONG, "well-known name"
    if lexicon.is_org_shaped(name):
        if not (len(words) > 1 and all(w in lower_words for w in lowered)):
            return "organization", STRONG, "organization name shape"
        return None, 0, "generic phrase"
    if words[0].acronym and "-" in words[0].text and any(
            name_key(part) in lexicon.known_names for part in words[0].text.split("-")):
        return "organization", GOOD, "acronym of a known group"
    place = gazetteer.place(name)
    if words[-1].text in ("Province", "Provinces") and len(words) > 1 and _group_possessive(text, words[0].start, lexicon):
        return "organization", STRONG, "province of a group"  # "the Islamic State's Hind Province"
    if words[-1].text in lexicon.place_capital_heads and len(words) > 1:
        return "location", STRONG, "place name shape"
    before = text[max(0, words[0].start - 40):words[0].start]
    if PLACE_PHRASE_BEFORE.search(before):
        return "location", GOOD, "place phrase"
    if place and not (len(words) == 1 and lowered[0] in lexicon.given_names and not place.subtype == "country"):
        return "location", STRONG, f"gazetteer {place.subtype}"
    if len(words) > 1 and DIRECTIONS.search(words[0].text.lower() + " ") and gazetteer.place(
            text[words[1].start:words[-1].end]):
        return "location", STRONG, "direction and place"
    if lowered[0] in lexicon.honorifics and len(words) > 1:
        return "person", STRONG, "honorific"
    if KUNYA.match(name) and len(words) > 1:
        return "person", STRONG, "kunya"
    if NISBA.search(name) and (len(words) > 1 or JOINED_NISBA.match(name)):
        return "person", GOOD, "nisba"
    after = text[words[-1].end:words[-1].end + 40]
    if words[0].acronym and len(words) == 1:
        if ORG_BEFORE.search(before):
            return "organization", GOOD, "joined"
        if lowered[0] in lexicon.titles:
            return None, 0, "title"
        return None, 0, "acronym"
    if len(words) >= 2 and lowered[0] in lexicon.given_names:
        return "person", GOOD, "given name"
    if MEDIA_BEFORE.search(before) and len(words) <= 4:
        return "organization", GOOD, "named after an organization noun"
    if PERSON_AFTER.match(after) or PERSON_BEFORE.search(before) or _appositive_post(after, lexicon):
        return "person", GOOD, "context"
    if ORG_BEFORE.search(before):
        return "organization", GOOD, "joined"
    last_before = re.findall(r"[A-Za-z]+", before)[-1:] or [""]
    if 2 <= len(words) <= 4 and all(w.cap for w in words) and _name_like(words, lexicon, gazetteer, lower_words):
        return "person", WEAK, "capitalised words"
    if last_before[0].lower() in PLACE_BEFORE and len(words) == 1 and lowered[0] not in lower_words \
            and not lexicon.is_common_noun(lowered[0]):
        return "location", WEAK, "after " + last_before[0].lower()
    if len(words) == 1 and lowered[0] in lexicon.given_names:
        return "person", WEAK, "given name"
    return None, 0, "unknown"


def _appositive_post(after: str, lexicon: Lexicon) -> bool:
    """True for "X, the public relations chief", "X, a key member": a person described by a post."""
    m = re.match(r"^\s*,\s*(?:the|a|an|its|his|their)\s+((?:[\w-]+\s*){1,4})", after)
    if not m:
        return False
    words = m.group(1).lower().split()
    return any(" ".join(words[:n]).endswith(p) for n in range(1, len(words) + 1) for p in lexicon.posts)


def _use_signals(mentions: list[Mention], signals: list[tuple[int, int, str]]) -> None:
    """Type untyped or weakly typed names as a statistical model does, where its span is the same name."""
    if not signals:
        return
    by_span = {(s, e): kind for s, e, kind in signals}
    for m in mentions:
        kind = by_span.get((m.start, m.end))
        if kind and (m.type is None or m.strength <= WEAK):
            m.type, m.strength, m.why = kind, GOOD, "statistical model"


def _settle_types(mentions: list[Mention], lexicon: Lexicon) -> None:
    """Give every mention of a name the type of its strongest reading in the document."""
    best: dict[str, Mention] = {}
    for m in mentions:
        if m.type is None:
            continue
        old = best.get(m.key)
        if old is None or m.strength > old.strength:
            best[m.key] = m
    for m in mentions:
        b = best.get(m.key)
        if b is not None and (m.type is None or b.strength > m.strength):
            m.type, m.strength, m.why = b.type, b.strength, b.why + " (elsewhere)"
