"""The extractor's language data, read once from data/ (each file says where its words come from)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from dossier.lang import honorifics
from dossier.resolve.names import name_key


def _text(name: str) -> str:
    return resources.files("dossier.extract").joinpath("data", name).read_text("utf-8")


def _lines(name: str) -> list[str]:
    return [line.strip() for line in _text(name).splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _lang_lines(name: str) -> list[str]:
    """Lines of a language data file shared with name resolution (dossier/lang/)."""
    text = resources.files("dossier.lang").joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _yaml(name: str) -> dict:
    return yaml.safe_load(_text(name))


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Word lists and name shapes the entity, alias, relation and event components use."""

    given_names: frozenset[str]
    not_entities: frozenset[str]
    common_endings: tuple[str, ...]  # endings of abstract nouns ("-ment"): such a word is no name
    stop_words: frozenset[str]
    honorifics: frozenset[str]
    titles: tuple[str, ...]  # lower case, longest first
    posts: tuple[str, ...]  # lower case, longest first
    org_heads: frozenset[str]
    org_starts: frozenset[str]
    org_lower_heads: tuple[str, ...]
    admin_heads: tuple[str, ...]
    site_heads: tuple[str, ...]
    place_capital_heads: frozenset[str]
    org_shapes: tuple[re.Pattern, ...]
    armed_groups: frozenset[str]  # name keys
    known_aliases: dict[str, int]  # name key → group number (names of one thing)
    known_names: dict[str, str]  # name key → type, for well-known organizations, outlets and companies
    _shapes: dict = field(default_factory=dict, repr=False)  # name → is_org_shaped, filled as names are seen

    def is_common_noun(self, word: str) -> bool:
        """True for a word no name is made of: listed in not_entities.txt or an abstract noun by its ending."""
        low = word.lower()
        return low in self.not_entities or (len(low) > 5 and low.endswith(self.common_endings))

    def is_org_shaped(self, name: str) -> bool:
        """True when a name has the shape of an organization name (Lashkar-e-X, "X Network", ...)."""
        cached = self._shapes.get(name)
        if cached is None:
            cached = self._shapes[name] = self._org_shaped(name)
        return cached

    def _org_shaped(self, name: str) -> bool:
        words = name.replace("’", "'").split()
        if not words:
            return False
        if len(words) > 1 and words[-1].rstrip(".") in self.org_heads:
            return True
        if any(w in self.org_heads and nxt in ("of", "for") for w, nxt in zip(words, words[1:])):
            return True  # "Times of India", "Centre for Research"
        if len(words) > 1 and words[-1].isupper() and len(words[-1]) >= 2 and words[-1].isalpha() \
                and words[0][0].isupper() and words[0].lower() not in STOP_WORDS \
                and name_key(words[-1]) not in self.known_names:
            return True  # a place and an agency acronym: "Gujarat ATS"
        if words[0] in self.org_starts or " ".join(words[:2]) in self.org_starts:
            return True
        lowered = name.lower().replace("’", "'")
        return any(p.search(lowered) for p in self.org_shapes) or name_key(name) in self.armed_groups


@cache
def lexicon() -> Lexicon:
    """The extractor's language data."""
    org = _yaml("organizations.yaml")
    titles = _yaml("titles.yaml")
    by_length = lambda words: tuple(sorted({w.lower() for w in words}, key=lambda w: (-len(w), w)))  # noqa: E731
    return Lexicon(
        given_names=frozenset(_lines("given_names.txt")),
        not_entities=frozenset(w for w in _lines("not_entities.txt") if not w.startswith("-")),
        common_endings=tuple(w[1:] for w in _lines("not_entities.txt") if w.startswith("-")),
        stop_words=frozenset(STOP_WORDS),
        honorifics=honorifics(),
        titles=by_length(titles["titles"]),
        posts=by_length(titles["posts"]),
        org_heads=frozenset(org["heads"]),
        org_starts=frozenset(org["starts"]),
        org_lower_heads=by_length(org["lower_heads"]),
        admin_heads=by_length(org["admin_heads"]),
        site_heads=by_length(org["site_heads"]),
        place_capital_heads=frozenset(org["place_capital_heads"]),
        org_shapes=tuple(re.compile(p) for p in org["shapes"]),
        armed_groups=frozenset(name_key(n) for n in _lines("armed_groups.txt")),
        known_aliases={name_key(n): i for i, line in enumerate(_lang_lines("known_aliases.txt"))
                       for n in line.split(" = ") if name_key(n)},
        known_names=_known_names(),
    )


def _known_names() -> dict[str, str]:
    """Types of well-known names: armed groups, the organizations of known_aliases.txt, outlets, companies."""
    from dossier.lang.gazetteer import gazetteer
    known = {name_key(n): "organization" for n in _lines("armed_groups.txt") + _lines("outlets.txt")}
    for line in _lang_lines("known_aliases.txt"):
        names = line.split(" = ")
        kind = "location" if any(gazetteer().place(n) for n in names) else "organization"
        known.update({name_key(n): kind for n in names if name_key(n)})
    return known
