"""When two records name the same thing: blocking keys, the reasons behind a match, and the
context checks that keep apart different things with one name.

A record is what one document says of an entity: its type, its names, and the organizations
and places the document ties it to. Two records of one type match when they share a key:

- the same name in any spelling (`spelling_key`: "Tehreek-e-Taliban" = "Tehrik-i-Taliban"),
  for names distinctive enough (a person needs two name parts; "Haq" alone is not enough);
- the same person by first and last name ("Aijaz Ahangar" = "Aijaz Ahmad Ahangar");
- names known to be equivalents (dossier/lang/known_aliases.txt: "ISIS" = "Daesh");
- an acronym and the long form it abbreviates ("IS-KP" = "Islamic State Khorasan Province").

A match of two persons by name alone is refused when both records tie them to organizations
and no organization is common to both: "Zia-ul-Haq" of the Pakistan Army is not "Zia ul-Haq"
of IS-KP.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dossier.lang import known_alias_groups
from dossier.resolve.names import initials, name_key, name_parts, spelling_key, words

# Strongest first: the order in which matches are applied when clustering.
KINDS = ("name", "known", "acronym", "ends")
REASONS = {"name": "same name", "known": "known to be the same", "acronym": "acronym and long form",
           "ends": "same first and last name"}


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

    def reason(self) -> str:
        if self.left == self.right:
            return f"{REASONS[self.kind]} '{self.left}'"
        return f"{REASONS[self.kind]}: '{self.left}' = '{self.right}'"


def _acronym_letters(name: str) -> str | None:
    """The letters an acronym stands for: "IS-KP" → "iskp", "LeT" → "lt" (its capitals only)."""
    compact = name.replace("-", "").replace(".", "")
    if " " in name.strip() or not (2 <= len(compact) <= 8) or not compact.isalpha():
        return None
    capitals = [c for c in compact if c.isupper()]
    lower = len(compact) - len(capitals)
    if len(capitals) < 2 or not compact[0].isupper() or (lower and (lower > 2 or len(compact) > 5)):
        return None  # "LeT", "HuJI" are acronyms; "Al-Shabab", "HumAngle" are names
    return "".join(capitals).lower()


def name_keys(entity_type: str, name: str) -> list[tuple[str, str]]:
    """The blocking keys one name gives an entity of this type."""
    keys: list[tuple[str, str]] = []
    parts = name_parts(name)
    if not parts:
        return keys
    distinctive = len(parts) >= 2 or entity_type != "person"
    if distinctive:
        keys.append(("name", spelling_key(name)))
    group = known_alias_groups().get(name_key(name))
    if group is not None and entity_type != "person":
        keys.append(("known", str(group)))
    if entity_type == "organization":
        letters = _acronym_letters(name)
        if letters and (len(letters) >= 3 or letters != name.lower()):
            keys.append(("acronym", letters))
        elif len(parts) >= 2:
            long_initials = initials(name)
            if len(long_initials) >= 2:
                keys.append(("acronym", long_initials))
    nisba = len(words(name)) >= 2 and words(name)[-2] in ("al", "el")
    if entity_type == "person" and len(parts) >= 2 and not nisba:
        keys.append(("ends", f"{parts[0]} {parts[-1]}"))  # not "Omar al-Khorasani": a nisba is no surname
    return keys


def record_keys(record: Record) -> dict[tuple[str, str], str]:
    """Every blocking key of a record, with the name that gives it."""
    out: dict[tuple[str, str], str] = {}
    for name in record.names:
        for key in name_keys(record.type, name):
            out.setdefault(key, name)
    return out


def _organization_keys(names: tuple[str, ...]) -> set[str]:
    keys: set[str] = set()
    for n in names:
        keys.add(spelling_key(n))
        group = known_alias_groups().get(name_key(n))
        if group is not None:
            keys.add(f"known:{group}")
        letters = _acronym_letters(n)
        keys.add(f"initials:{letters or initials(n)}")
    return keys


def contexts_conflict(a: Record, b: Record) -> bool:
    """True for two persons that their records tie to organizations with none in common, and for two
    organizations whose full names differ while an acronym is all they share ("ISI" for the
    Inter-Services Intelligence in one report, for the Islamic State of Iraq in another)."""
    if a.type == "organization":
        long_a = {spelling_key(n) for n in a.names if _acronym_letters(n) is None and len(name_parts(n)) > 1}
        long_b = {spelling_key(n) for n in b.names if _acronym_letters(n) is None and len(name_parts(n)) > 1}
        if long_a and long_b and not (long_a & long_b):
            shared = {spelling_key(n) for n in a.names if _acronym_letters(n)} & {
                spelling_key(n) for n in b.names if _acronym_letters(n)}
            return bool(shared) and not (_known_keys(a.names) & _known_keys(b.names))
        return False
    if a.type != "person" or not a.organizations or not b.organizations:
        return False
    return not (_organization_keys(a.organizations) & _organization_keys(b.organizations))


def _known_keys(names: tuple[str, ...]) -> set[int]:
    groups = known_alias_groups()
    return {groups[name_key(n)] for n in names if name_key(n) in groups}


def joins(kind: str, name_a: str, name_b: str) -> bool:
    """Whether two names sharing a key of this kind may join: an acronym key joins an acronym to a
    long form (not two long forms that happen to share initials, "Nusra Front"/"Nangarhar faction")."""
    if kind != "acronym":
        return True
    return (_acronym_letters(name_a) is None) != (_acronym_letters(name_b) is None)


def match(a: Record, b: Record) -> Match | None:
    """Why two records name the same entity, or None."""
    if a.type != b.type:
        return None
    keys_a, keys_b = record_keys(a), record_keys(b)
    shared = [k for k in keys_a if k in keys_b and joins(k[0], keys_a[k], keys_b[k])]
    if not shared:
        return None
    best = min(shared, key=lambda k: KINDS.index(k[0]))
    if contexts_conflict(a, b):
        return None
    return Match(best[0], keys_a[best], keys_b[best])
