"""The world the scale benchmark's documents talk about: people, organizations and places, each
with one to four names, in regions (theatres). A few global organizations draw members from every
region and their popularity falls off as 1/rank, so the largest has tens of thousands of members;
small island regions never meet the rest, so some pairs of entities have no path; every
organization has a succession of leaders.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable

from synthetic import FAMILY, GIVEN, PLACES

from dossier.resolve.matching import name_keys
from dossier.resolve.names import name_key

MORE_GIVEN = ["Ahmad", "Mohammad", "Abdullah", "Hafiz", "Qari", "Saad", "Zakir", "Nasrullah", "Ismail", "Sadiq",
              "Waliullah", "Hamza", "Usman", "Asim", "Ehsan", "Sajjad", "Mansur", "Jalal", "Kamran", "Rafiq", "Shahid",
              "Aslam", "Qasim", "Ghulam", "Ibrahim", "Ayub", "Yahya", "Zia", "Fazal", "Noor", "Habib", "Latif", "Maulvi",
              "Sher", "Daud", "Akhtar", "Mansoor", "Haroon", "Javed", "Naeem"]
SYLLABLES = ["ba", "da", "fa", "ga", "ha", "ja", "ka", "la", "ma", "na", "qa", "ra", "sa", "sha", "ta", "wa", "ya",
             "za", "kho", "mir", "dur", "nan", "gul", "tor", "sar", "pak", "zar", "bar", "hel", "ros", "tal", "kan"]
PLACE_ENDS = ["abad", "pur", "kot", "garh", "shahr", "ganj", "wala", "kheyl", "dara", "ban", "tepe", "qala"]
FAMILY_ENDS = ["zai", "khel", "ani", "wal", "i", "di", "hani", "ri", "zada"]
ORG_HEADS = ["Jamaat", "Lashkar", "Harakat", "Tehreek", "Ansar", "Jaish", "Hizb", "Tanzim", "Katibat", "Liwa",
             "Majlis", "Jabhat", "Saraya", "Junud", "Ittehad", "Kataib", "Firqat", "Tahaluf"]
ORG_CORES = ["al-Fajr", "ul-Ahrar", "e-Qahar", "al-Sabr", "al-Furqan", "e-Islami", "al-Mujahideen", "al-Tawhid",
             "e-Muhammadi", "al-Ansar", "ul-Haq", "al-Nasr", "e-Jhangvi", "al-Hijra", "al-Khilafa", "al-Qassam",
             "e-Mustafa", "al-Badr", "ul-Umma", "al-Shuhada", "al-Ghuraba", "e-Taiba", "al-Muhajirin", "al-Iman"]
ORG_TAILS = ["", " Front", " Brigade", " Network", " Movement", " Council", " Group", " Battalion"]
HONORIFICS = ["Mullah", "Maulana", "Sheikh", "Qari", "Mufti", "Hafiz", "Commander"]
ISLAND_SHARE = 0.05  # entities in small regions no document links to the rest: pairs with no path


def zipf(n: int, s: float = 1.0) -> list[float]:
    """Cumulative weights 1/rank^s for n items (for random.choices)."""
    total, out = 0.0, []
    for k in range(n):
        total += 1 / (k + 1) ** s
        out.append(total)
    return out


@dataclass
class Tenure:
    person: int
    start: str  # day precision: the truth that documents state at some precision
    end: str | None


@dataclass
class World:
    """The truth the documents talk about: entity i has types[i], names[i], region[i]."""

    types: list[str]
    names: list[tuple[str, ...]]
    region: list[int]  # -1: global
    regions: int
    islands: set[int]
    members: dict[int, list[int]]  # organization → persons
    orgs_in: dict[int, list[int]]  # region → organizations, most prominent first
    places_in: dict[int, list[int]]
    people_in: dict[int, list[int]]
    global_orgs: list[int]
    tenures: dict[int, list[Tenure]]
    name_keys: dict[str, str] = field(default_factory=dict)
    blocking: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.types)


def _person_names(rng: random.Random, used: set[str]) -> tuple[str, ...]:
    while True:
        given, father = rng.choice(GIVEN + MORE_GIVEN), rng.choice(GIVEN + MORE_GIVEN)
        family = rng.choice(FAMILY) if rng.random() < 0.3 else (
            rng.choice(SYLLABLES).title() + rng.choice(SYLLABLES) + rng.choice(FAMILY_ENDS))
        primary = f"{given} {father} {family}"
        if primary not in used and given != father:
            break
    aliases = [f"Abu {rng.choice(GIVEN + MORE_GIVEN)} al-{rng.choice(PLACES)}i",
               f"{rng.choice(HONORIFICS)} {father} {family}", f"{given} {family}"]
    return (primary, *[a for a in rng.sample(aliases, _alias_count(rng)) if a not in used])


def _alias_count(rng: random.Random) -> int:
    """0-3 aliases: 1-4 names in all."""
    return rng.choices((0, 1, 2, 3), (40, 30, 20, 10))[0]


def _acronym(name: str) -> str:
    parts = name.replace("-", " ").split()
    return "".join(p[0].lower() if p in ("e", "ul", "al", "i", "of") else p[0].upper() for p in parts)


def _org_names(rng: random.Random, used: set[str], place: str) -> tuple[str, ...]:
    while True:
        tail = rng.choice(ORG_TAILS) if rng.random() < 0.7 else f" of {place}"
        primary = f"{rng.choice(ORG_HEADS)} {rng.choice(ORG_CORES)}{tail}"
        if primary not in used:
            break
    aliases = []
    acronym = _acronym(primary)
    if acronym not in used and len(acronym) >= 3:
        aliases.append(acronym)
    aliases += [primary.replace("-e-", "-i-").replace("ul-", "al-"), " ".join(primary.split()[:2])]
    return (primary, *[a for a in aliases[:_alias_count(rng)] if a not in used and a != primary])


def _place_names(rng: random.Random, used: set[str]) -> tuple[str, ...]:
    while True:
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3))))
        primary = (stem + rng.choice(PLACE_ENDS)).title()
        if primary not in used:
            break
    aliases = [primary.replace("a", "e", 1), f"{primary} District", primary.replace("kh", "k")]
    return (primary, *[a for a in aliases[:_alias_count(rng)] if a not in used and a != primary])


def build_world(entities: int, seed: int = 11, tick: Callable[[int], None] = lambda n: None) -> World:
    """Entities in realistic proportions (70% persons, 15% organizations, 15% places), each with
    1–4 names, placed in regions, with members and leader successions for every organization."""
    rng = random.Random(seed)
    n_org = max(12, entities * 15 // 100)
    n_place = max(8, entities * 15 // 100)
    n_person = max(20, entities - n_org - n_place)
    mainland = max(3, entities // 2500)
    regions = mainland + max(1, entities // 5000)
    islands = set(range(mainland, regions))

    def where(i: int) -> int:
        """Regions of 2,500 entities; one entity in twenty on an island of about 250."""
        return mainland + i % len(islands) if rng.random() < ISLAND_SHARE else i % mainland
    n_global = min(10, n_org // 6)
    used: set[str] = set()
    types: list[str] = []
    names: list[tuple[str, ...]] = []
    region: list[int] = []

    def add(kind: str, its_names: tuple[str, ...], where: int) -> int:
        used.update(its_names)
        types.append(kind)
        names.append(its_names)
        region.append(where)
        tick(1)
        return len(types) - 1

    places_in: dict[int, list[int]] = {r: [] for r in range(regions)}
    for i in range(n_place):
        r = where(i)
        places_in[r].append(add("location", _place_names(rng, used), r))
    orgs_in: dict[int, list[int]] = {r: [] for r in range(regions)}
    global_orgs = []
    for i in range(n_org):
        r = -1 if i < n_global else where(i - n_global)
        place = names[rng.choice(places_in[max(r, 0)])][0]
        org = add("organization", _org_names(rng, used, place), r)
        (global_orgs if r < 0 else orgs_in[r]).append(org)
    global_weights = zipf(len(global_orgs))
    region_weights = {r: zipf(len(o)) for r, o in orgs_in.items()}
    members: dict[int, list[int]] = {o: [] for o in (*global_orgs, *(o for os in orgs_in.values() for o in os))}
    people_in: dict[int, list[int]] = {r: [] for r in range(regions)}
    for i in range(n_person):
        r = where(rng.randrange(1 << 30))
        person = add("person", _person_names(rng, used), r)
        people_in[r].append(person)
        if r not in islands and rng.random() < 0.45:
            homes = rng.choices(global_orgs, cum_weights=global_weights)
        else:
            homes = rng.choices(orgs_in[r], cum_weights=region_weights[r])
        if rng.random() < 0.3:
            homes += rng.choices(orgs_in[r], cum_weights=region_weights[r])
        for org in set(homes):
            members[org].append(person)
    tenures = {org: _succession(rng, org, members[org] or people_in[max(region[org], 0)], rank)
               for rank, org in enumerate(members)}
    return World(types, names, region, regions, islands, members, orgs_in, places_in, people_in, global_orgs,
                 tenures)


def _succession(rng: random.Random, org: int, candidates: list[int], rank: int) -> list[Tenure]:
    """Leaders one after another: many for the prominent organizations, a few for the rest."""
    count = rng.randint(8, 20) if rank < 50 else rng.randint(1, 5)
    year = rng.randint(1985, 2015) if rank >= 50 else rng.randint(1985, 1995)
    out: list[Tenure] = []
    day = (year, rng.randint(1, 12), rng.randint(1, 28))
    for i in range(count):
        start = f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}"
        day = (day[0] + rng.randint(1, 4), rng.randint(1, 12), rng.randint(1, 28))
        end = f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}" if i < count - 1 and day[0] <= 2024 else None
        out.append(Tenure(rng.choice(candidates), start, end))
        if end is None:
            break
    return out


def key_names(world: World, tick: Callable[[int], None] = lambda n: None) -> None:
    """Each name's key and blocking keys, as resolution computes them, worked out once per name."""
    for kind, its_names in zip(world.types, world.names):
        for n in its_names:
            world.name_keys[n] = name_key(n)
            world.blocking[(kind, n)] = name_keys(kind, n)
        tick(1)
