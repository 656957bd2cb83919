"""When two records name the same thing: blocking keys, the decision, and the reason for it.

A record is what one document says of an entity: its type, its names, and the organizations
and places the document ties it to. Deciding takes two steps:

1. **How the names correspond** (resolve/names.py): the same name in another spelling
   ("Hekmatyar"/"Hikmatyar", "Tehreek-e"/"Tehrik-i"), a fuller form ("Afzal Guru" /
   "Mohammad Afzal Guru"), a single name ("Zawahiri"), an acronym ("TTP", "KSM"), names known
   to be one group ("ISIS" = "Daesh"), or one gazetteer place ("Calcutta" = "Kolkata").
2. **Whether the context allows it**, by what each record ties the entity to: a full name
   needs no support but is refused when the organizations differ and no place is shared
   ("Zia-ul-Haq" of the Pakistan Army is not "Zia ul-Haq" of IS-KP); a fuller or single name
   needs a shared organization or place; same-named groups or places in countries far apart
   are different ("Ansar al-Islam" in Iraq and in Burkina Faso; Hyderabad in Sindh and in
   Telangana); an organization is never the one its record names as its parent.

`name_keys` gives the blocking keys under which candidates are found; `match` decides.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from dossier.lang import known_alias_groups, word_list
from dossier.lang.gazetteer import gazetteer
from dossier.resolve.names import (align, name_key, name_words, skeleton, spelling, spelling_key,
                                   spells_initials, words, words_alike)

# Strongest first: the order in which matches are applied when clustering.
KINDS = ("known", "name", "place", "spelling", "acronym", "fuller", "short")
REASONS = {"known": "known to be the same", "name": "same name", "place": "same place in the gazetteer",
           "spelling": "same name in another spelling", "acronym": "acronym and long form",
           "fuller": "fuller form of the name", "short": "short form of the name"}
KEY_KINDS = ("name", "skel", "known", "acronym", "place", "word")
STRONG_KEYS = ("name", "skel", "known", "acronym", "place")


@dataclass(frozen=True)
class Record:
    """What one document says of one entity, as resolution needs it."""

    type: str
    names: tuple[str, ...]
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """Why two records are one entity."""

    kind: str
    left: str  # the name of the first record that matched
    right: str
    support: str = ""  # the context that allowed it, when the names alone were not enough

    def reason(self) -> str:
        said = (f"{REASONS[self.kind]} '{self.left}'" if self.left == self.right
                else f"{REASONS[self.kind]}: '{self.left}' = '{self.right}'")
        return f"{said} ({self.support})" if self.support else said


# ---- language data -------------------------------------------------------------------------


@cache
def organization_words() -> frozenset[str]:
    """Words that say what kind of body a group is (organization_words.txt)."""
    return word_list("organization_words.txt")


def _is_country(word: str) -> bool:
    return any(pid == country for pid, country, main in gazetteer().place_ids(word) if main)


def _generic(word: str) -> bool:
    return word in organization_words() or _is_country(word)


def acronym_letters(name: str) -> str | None:
    """The letters of a name written as an acronym ("IS-KP" → "iskp", "LeT" → "let"), or None."""
    compact = name.replace("-", "").replace(".", "").replace(" ", "") if len(name) <= 12 else ""
    if not (2 <= len(compact) <= 8) or not compact.isalpha() or " " in name.strip().replace(". ", "."):
        return None
    capitals = sum(c.isupper() for c in compact)
    lower = len(compact) - capitals
    if capitals < 2 or not compact[0].isupper() or (lower and (lower > 2 or len(compact) > 5)):
        return None  # "LeT", "HuJI" are acronyms; "Al-Shabab", "HumAngle" are names
    return compact.lower()


def _initials_variants(name: str) -> set[str]:
    """The acronyms a long form may be written as: with or without its small words."""
    ws = words(name)
    rules = spelling()
    small = rules.particles | rules.connectors
    variants = set()
    for skip in (frozenset(), rules.connectors, rules.connectors | {w for w in small if len(w) == 1}, small):
        letters = "".join(w[0] for w in ws if w not in skip)
        if len(letters) >= 2:
            variants.add(letters)
    return variants


# ---- what each record says, computed once ---------------------------------------------------


@dataclass(frozen=True)
class _Name:
    text: str
    words: tuple[str, ...]
    key: str  # spelling key
    known: int | None
    acronym: str | None


@dataclass(frozen=True)
class _Features:
    names: tuple[_Name, ...]
    known: frozenset[int]
    org_names: tuple[_Name, ...]
    places: tuple[str, ...]
    place_ids: frozenset[str]
    countries: frozenset[str]


@lru_cache(maxsize=65536)
def _name(text: str) -> _Name:
    group = known_alias_groups().get(name_key(text))
    return _Name(text, name_words(text), spelling_key(text), group, acronym_letters(text))


@lru_cache(maxsize=65536)
def features(record: Record) -> _Features:
    names = tuple(_name(n) for n in record.names if name_words(n))
    known = frozenset(n.known for n in names if n.known is not None) if record.type != "person" else frozenset()
    orgs = tuple(_name(n) for n in record.organizations if name_words(n))
    ids = set()
    for p in record.places:
        ids.update(pid for pid, _, _ in gazetteer().place_ids(p)[:3])
    countries = _countries(record.places)
    return _Features(names, known, orgs, tuple(record.places), frozenset(ids), countries)


def _countries(places: tuple[str, ...]) -> frozenset[str]:
    """The countries a record's places lie in; places that several countries' places are named
    after count only when no place is certain."""
    certain, ambiguous = set(), set()
    for p in places:
        found = gazetteer().countries(p)
        (certain if len(found) == 1 else ambiguous).update(found)
    return frozenset(certain or ambiguous)


# ---- blocking keys ----------------------------------------------------------------------------


def name_keys(entity_type: str, name: str) -> list[tuple[str, str]]:
    """The blocking keys one name gives an entity of this type: records sharing a key are
    compared with `match`; records sharing none never are."""
    n = _name(name)
    if not n.words:
        return []
    keys = [("name", n.key), ("skel", " ".join(skeleton(w) for w in n.words))]
    if n.known is not None and entity_type != "person":
        keys.append(("known", str(n.known)))
    if n.acronym and (entity_type != "person" or (len(n.acronym) >= 3 and name.isupper())):
        keys.append(("acronym", n.acronym))
    elif entity_type == "organization" and len(n.words) >= 2 or entity_type == "person" and len(n.words) >= 3:
        keys += [("acronym", v) for v in sorted(_initials_variants(name))]
    if entity_type == "location":
        keys += [("place", pid) for pid, _, _ in gazetteer().place_ids(name)[:3]]
    elif entity_type == "organization":
        core = [w for w in n.words if not _generic(w)]
        keys += [("word", skeleton(w)) for w in core if len(skeleton(w)) >= 2]
    elif len(n.words) >= 1:
        keys += [("word", skeleton(w)) for w in n.words if len(skeleton(w)) >= 3]
    return list(dict.fromkeys(keys))


def record_keys(record: Record) -> dict[tuple[str, str], str]:
    """Every blocking key of a record, with the name that gives it."""
    out: dict[tuple[str, str], str] = {}
    for name in record.names:
        for key in name_keys(record.type, name):
            out.setdefault(key, name)
    return out


# ---- context -------------------------------------------------------------------------------------


def _orgs_alike(a: _Name, b: _Name) -> bool:
    return _org_names_alike(a.text, b.text)


@lru_cache(maxsize=65536)
def _org_names_alike(a_text: str, b_text: str) -> bool:
    """Whether two organization names in context may be one group (generously: "Hezb-e-Islami"
    is the "Hezb-e-Islami Gulbuddin" of another report, "LeT" its "Lashkar-e-Taiba")."""
    a, b = _name(a_text), _name(b_text)
    if a.key == b.key or (a.known is not None and a.known == b.known):
        return True
    if a.acronym or b.acronym:
        if a.acronym and b.acronym:  # "FARC-EP" is the FARC of another report
            return a.acronym == b.acronym or _acronym_stem(a.text) == _acronym_stem(b.text)
        short, long_ = (a, b) if a.acronym else (b, a)
        return spells_initials(long_.text, short.text)
    how = align(a.words, b.words)
    if how in ("same", "contained"):
        return True
    if how == "single":
        word = (a.words if len(a.words) == 1 else b.words)[0]
        return not _generic(word)
    return False


def _acronym_stem(text: str) -> str:
    return text.split("-")[0].strip().lower()


def _organizations(fa: _Features, fb: _Features) -> str:
    """"shared", "disjoint" or "unknown": whether the records tie the entity to a common group."""
    if not fa.org_names or not fb.org_names:
        return "unknown"
    if any(_orgs_alike(x, y) for x in fa.org_names for y in fb.org_names):
        return "shared"
    return "disjoint"


@lru_cache(maxsize=65536)
def _places_alike(a: str, b: str) -> bool:
    wa, wb = name_words(a), name_words(b)
    return bool(wa and wb and align(wa, wb) in ("same", "contained"))


def _places(fa: _Features, fb: _Features) -> str:
    """"shared" (a common place), "country" (a common country), "disjoint" (countries known on
    both sides and none in common) or "unknown"."""
    if fa.place_ids & fb.place_ids or any(_places_alike(x, y) for x in fa.places for y in fb.places):
        return "shared"
    if fa.countries and fb.countries:
        return "country" if fa.countries & fb.countries else "disjoint"
    return "unknown"


def _far_apart(fa: _Features, fb: _Features) -> bool:
    """Countries known on both sides, none in common and none neighbouring."""
    if not fa.countries or not fb.countries or fa.countries & fb.countries:
        return False
    g = gazetteer()
    return not any(g.neighbours(x, y) for x in fa.countries for y in fb.countries)


# ---- the decision ----------------------------------------------------------------------------


def match(a: Record, b: Record) -> Match | None:
    """Why two records name the same entity, or None."""
    if a.type != b.type:
        return None
    fa, fb = features(a), features(b)
    if not fa.names or not fb.names:
        return None
    if a.type == "person":
        return _person(fa, fb)
    if a.type == "organization":
        return _organization(fa, fb)
    return _location(a, b, fa, fb)


def _best(fa: _Features, fb: _Features, organization: bool = False):
    """The closest correspondence between a name of each record: (rank, kind, left, right)."""
    best = None
    for x in fa.names:
        for y in fb.names:
            found = _correspond(x.text, y.text, organization)
            if found and (best is None or found[0] < best[0]):
                best = (*found, x.text, y.text)
                if found[0] == 0:
                    return best
    return best


@lru_cache(maxsize=262144)
def _correspond(x_text: str, y_text: str, organization: bool) -> tuple[int, str] | None:
    """How two names correspond, as (rank, kind), best rank 0; None when they do not."""
    x, y = _name(x_text), _name(y_text)
    if x.acronym or y.acronym:
        if x.acronym and y.acronym:
            return (0, "name") if x.acronym == y.acronym else None
        short, long_ = (x, y) if x.acronym else (y, x)
        return (3, "acronym") if spells_initials(long_.text, short.text) else None
    whole = len(x.words) > 1 or organization
    if x.key == y.key:  # the same name; "name" when written alike, "spelling" when not (Jamiat/Jamaat)
        written_alike = name_key(x.text) == name_key(y.text)
        return (0 if whole and written_alike else 1 if whole else 5, "name" if written_alike else "spelling")
    how = align(x.words, y.words, initials=not organization)
    if how == "same":
        return (1 if whole else 5, "spelling")
    if how == "contained":
        return (4, "fuller")
    if how == "single":
        return (6, "short")
    return None


def _person(fa: _Features, fb: _Features) -> Match | None:
    best = _best(fa, fb)
    if best is None:
        return None
    rank, kind, left, right = best
    orgs, places = _organizations(fa, fb), _places(fa, fb)
    words = max(len(name_words(left)), len(name_words(right)))
    if rank <= 1:  # the whole name, in one spelling or another
        if orgs == "disjoint" and (places == "disjoint" or places == "unknown" and words < 3):
            return None  # namesakes in different groups and places
        return Match(kind, left, right)
    if orgs == "shared":  # people move: a shared group outweighs different places
        return Match(kind, left, right, "same organization")
    if places == "disjoint":
        return None
    if kind == "fuller" and orgs != "disjoint" and _same_ends(left, right):
        return Match(kind, left, right)  # a middle name left out: "Aijaz [Ahmad] Ahangar"
    if places == "shared" and orgs != "disjoint":
        return Match(kind, left, right, "same place")
    if kind == "fuller" and orgs == "unknown" and places == "country":
        return Match(kind, left, right, "same country")
    return None


def _same_ends(a: str, b: str) -> bool:
    """Whether the shorter of two names is the longer's first and last names."""
    (short, short_text), (long_, _) = sorted(((name_words(a), a), (name_words(b), b)), key=lambda x: len(x[0]))
    written = words(short_text)
    if len(written) >= 2 and written[-2] in ("al", "el") and written[-1].endswith(("i", "y")):
        return False  # "Omar al-Khorasani": a nisba says where a man is from, many share it
    return len(short) >= 2 and words_alike(short[0], long_[0]) and words_alike(short[-1], long_[-1])


def _organization(fa: _Features, fb: _Features) -> Match | None:
    if fa.known and fb.known and not (fa.known & fb.known):
        return None  # two groups known apart ("Taliban" / "Tehrik-i-Taliban Pakistan")
    if _names_other(fa, fb) or _names_other(fb, fa):
        return None  # a branch is not its parent
    if _acronym_only(fa, fb):
        return None
    if _far_apart(fa, fb) and _organizations(fa, fb) == "disjoint":
        return None  # one name for groups in different regions under different parents
    if fa.known & fb.known:
        x, y = _known_pair(fa, fb)
        return Match("known", x, y)
    best = _best(fa, fb, organization=True)
    if best is None:
        return _fuller_group(fa, fb)
    rank, kind, left, right = best
    places = _places(fa, fb)
    if kind == "name":
        return None if _far_apart(fa, fb) else Match(kind, left, right)
    if kind in ("spelling", "acronym"):
        return None if places == "disjoint" else Match(kind, left, right)
    return _fuller_group(fa, fb)


def _known_pair(fa: _Features, fb: _Features) -> tuple[str, str]:
    shared = fa.known & fb.known
    x = next(n.text for n in fa.names if n.known in shared)
    y = next(n.text for n in fb.names if n.known in shared)
    return x, y


def _names_other(fa: _Features, fb: _Features) -> bool:
    """Whether one record names the other's organization as its parent or ally."""
    return any(o.key == n.key or (o.known is not None and o.known == n.known)
               for o in fa.org_names for n in fb.names)


def _acronym_only(fa: _Features, fb: _Features) -> bool:
    """Two organizations whose full names differ while an acronym is all they share ("ISI" for
    the Inter-Services Intelligence in one report, for the Islamic State of Iraq in another)."""
    long_a = {n.key for n in fa.names if not n.acronym and len(n.words) > 1}
    long_b = {n.key for n in fb.names if not n.acronym and len(n.words) > 1}
    if not long_a or not long_b or long_a & long_b:
        return False
    if any(align(x.words, y.words) in ("same", "contained") for x in fa.names for y in fb.names
           if not x.acronym and not y.acronym):
        return False
    return bool({n.acronym for n in fa.names if n.acronym} & {n.acronym for n in fb.names if n.acronym})


def _fuller_group(fa: _Features, fb: _Features) -> Match | None:
    """A group's name with words left out: the same group when only words saying what kind of
    body it is, or a country, are left out at the end ("Tehreek-e-Labbaik [Pakistan]"); with a
    naming word left out, or a head word ("Hezbollah" / "Kataib Hezbollah"), only with a shared
    organization, place or country."""
    found = None
    for x in fa.names:
        for y in fb.names:
            if x.acronym or y.acronym:
                continue
            short, long_ = (x, y) if len(x.words) <= len(y.words) else (y, x)
            at = _contiguous(short.words, long_.words)
            if at is None or all(_generic(w) for w in short.words):
                continue
            extra_before = long_.words[:at]
            extra_after = long_.words[at + len(short.words):]
            plain = not extra_before and all(_generic(w) for w in extra_after)
            if found is None or plain > found[0]:
                found = (plain, x.text, y.text)
    if found is None:
        return None
    plain, left, right = found
    places = _places(fa, fb)
    if places == "disjoint" and (not plain or _far_apart(fa, fb)):
        return None
    if plain:
        return Match("short", left, right)
    if _organizations(fa, fb) == "shared":
        return Match("short", left, right, "same parent or ally")
    if places in ("shared", "country"):
        return Match("short", left, right, "same place" if places == "shared" else "same country")
    return None


def _contiguous(short: tuple[str, ...], long_: tuple[str, ...]) -> int | None:
    """Where the words of `short` stand together, in order, inside `long_`."""
    n = len(short)
    if n >= len(long_):
        return None
    for i in range(len(long_) - n + 1):
        if all(words_alike(s, w) for s, w in zip(short, long_[i:i + n])):
            return i
    return None


def _location(a: Record, b: Record, fa: _Features, fb: _Features) -> Match | None:
    if fa.known & fb.known:  # "US" = "United States" = "America"
        x, y = _known_pair(fa, fb)
        return Match("known", x, y)
    own_a, own_b = _own_countries(fa), _own_countries(fb)
    if own_a or own_b:  # a country is its own context, whatever its documents tie it to
        if own_a and own_b:
            if not own_a & own_b:
                return None
            same = next(((x.text, y.text) for x in fa.names for y in fb.names if x.key == y.key), None)
            return Match("name", *same) if same else Match("place", *_first_names(fa, fb))
        return None
    countries_a = fa.countries or _name_countries(fa)
    countries_b = fb.countries or _name_countries(fb)
    if countries_a and countries_b and not countries_a & countries_b:
        return None  # Hyderabad in Sindh is not Hyderabad in Telangana
    provinces_a, provinces_b = _provinces(fa), _provinces(fb)
    if provinces_a and provinces_b and not provinces_a & provinces_b:
        return None  # Bijapur in Chhattisgarh is not Bijapur in Karnataka
    ids_a, ids_b = _ids(fa, countries_a), _ids(fb, countries_b)
    best = None
    for x in fa.names:
        for y in fb.names:
            if x.key == y.key or align(x.words, y.words) == "same" and len(x.words) == len(y.words):
                rank = 0 if x.key == y.key else 1
                if best is None or rank < best[0]:
                    best = (rank, x.text, y.text)
    if best is not None:
        main_a, main_b = _main_countries(fa, countries_a), _main_countries(fb, countries_b)
        if best[0] == 1 and main_a and main_b and not main_a & main_b:
            return None  # places the gazetteer puts in different countries: Mardan and Mardin
        return Match("name" if best[0] == 0 else "spelling", best[1], best[2])
    if ids_a & ids_b:
        x = next(n.text for n in fa.names if _name_ids(n.text, countries_a) & ids_b)
        y = next(n.text for n in fb.names if _name_ids(n.text, countries_b) & ids_a)
        return Match("place", x, y)
    return None


def _own_countries(f: _Features) -> set[str]:
    """The countries a location's names are the names of ("Pakistan", "US"), unless its context
    puts it in another country (the Georgia of Atlanta is not the country)."""
    own, shared = set(), False
    for n in f.names:
        candidates = gazetteer().place_ids(n.text)
        if candidates and candidates[0][2] and len(candidates[0][0]) == 2 and candidates[0][0].isupper():
            own.add(candidates[0][0])
            shared = shared or any(":" in pid and not pid.startswith("region:") for pid, _, main in candidates if main)
    return own if not shared or not f.countries or own & f.countries else set()


def _first_names(fa: _Features, fb: _Features) -> tuple[str, str]:
    return fa.names[0].text, fb.names[0].text


def _provinces(f: _Features) -> set[str]:
    """The provinces a location's context names (gazetteer ids such as "IN:karnataka")."""
    return {pid for pid in f.place_ids if ":" in pid and not pid.startswith("region:")}


def _name_countries(f: _Features) -> frozenset[str]:
    found = set()
    for n in f.names:
        countries = gazetteer().countries(n.text)
        if len(countries) == 1:
            found |= countries
    return frozenset(found)


def _name_ids(name: str, countries: frozenset[str]) -> set[str]:
    """The gazetteer places a name refers to within the countries: the places it is the main
    name of, and those it is another name of unless it is some city's own name ("Calcutta" in
    India is Kolkata; "Bahawalpur" is its own city, whatever a neighbour is also called)."""
    found = [(pid, is_main) for pid, country, is_main in gazetteer().place_ids(name)
             if not countries or country in countries]
    main = {pid for pid, is_main in found if is_main}
    if any(pid.isdigit() for pid in main):
        return main
    return {pid for pid, _ in found}


def _ids(f: _Features, countries: frozenset[str]) -> set[str]:
    return set().union(*(_name_ids(n.text, countries) for n in f.names))


def _main_countries(f: _Features, countries: frozenset[str]) -> set[str]:
    return {country for n in f.names for _, country, is_main in gazetteer().place_ids(n.text)
            if is_main and country and (not countries or country in countries)}


# ---- names that cannot be one entity -------------------------------------------------------


def names_conflict(entity_type: str, names_a: tuple[str, ...], names_b: tuple[str, ...]) -> bool:
    """Whether two groups of names cannot be one entity: a full name of one and a full name of the
    other share a word yet differ ("Jalaluddin Haqqani" / "Sirajuddin Haqqani"), and no name of
    one is a form of a name of the other. Keeps a single name ("Haqqani") from chaining two
    different people into one."""
    if entity_type == "location":
        return False
    na = [_name(n) for n in names_a if name_words(n)]
    nb = [_name(n) for n in names_b if name_words(n)]
    clash = False
    for x in na:
        for y in nb:
            if x.acronym or y.acronym:
                continue
            how = align(x.words, y.words)
            if how in ("same", "contained") or x.key == y.key:
                return False
            if how is None and len(x.words) > 1 and len(y.words) > 1 and any(
                    words_alike(p, q) for p in x.words for q in y.words):
                clash = True
    return clash
