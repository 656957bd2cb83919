"""Rules files (data/relations.yaml, data/events.yaml) compiled into one spaCy Matcher each.

A rule names what it finds (a relation or event type, or "post" when the post decides) and the
patterns that find it; running the rules over a sentence gives, for every match, the tokens
that fill each named part.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml
from spacy.attrs import ENT_TYPE, LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from dossier.extract.patterns import Compiled, compile_rule
from dossier.extract.tokens import language


# Matchers kept for combinations of groups; a corpus uses a few hundred combinations at most.
MAX_COMBINED = 2048


@dataclass(frozen=True)
class Rule:
    """What a group of patterns finds, and how to read its date."""

    kind: str  # a relation or event type, or "post"
    dates: str = "none"  # which date slot an undated match takes from its sentence: start | end | date | none
    extra: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Match:
    """One match of a rule in a sentence: the tokens of each part, and the span it covers."""

    rule: Rule
    parts: dict[str, list[Token]]
    start: int
    end: int
    key: str  # the pattern's key: which group found it


class RuleSet:
    """The rules of one file, compiled."""

    def __init__(self, name: str) -> None:
        raw = yaml.safe_load(resources.files("dossier.extract").joinpath("data", name).read_text("utf-8"))
        self.lists: dict[str, list[str]] = {k: [w.lower() for w in v] for k, v in (raw.get("lists") or {}).items()}
        self.compiled: dict[str, tuple[Rule, Compiled]] = {}
        # Patterns are grouped by a word or token kind they cannot match without ("joined", a post),
        # and a sentence is given only to the groups whose anchor it contains: spaCy's Matcher tries
        # every pattern at every token, so this keeps the work proportional to what can match.
        groups: dict[tuple[frozenset[str], frozenset[str]], list[str]] = {}
        validator = Matcher(language().vocab, validate=True)
        for n, entry in enumerate(raw["rules"]):
            rule = Rule(entry["kind"], entry.get("dates", "none"),
                        {k: v for k, v in entry.items() if k not in ("kind", "dates", "patterns")})
            for m, line in enumerate(entry["patterns"]):
                for k, compiled in enumerate(compile_rule(line, self.lists)):
                    key = f"{name}:{n}:{m}:{k}"
                    validator.add(key, [compiled.specs])
                    self.compiled[key] = (rule, compiled)
                    groups.setdefault(_anchor(compiled.specs), []).append(key)
        # each group's anchor as string hashes, as Doc.to_array gives them, and its pattern keys
        strings = language().vocab.strings
        self.anchors = [(frozenset(strings.add(w) for w in words), frozenset(strings.add(k) for k in kinds))
                        for words, kinds in groups]
        self.keys_of = list(groups.values())
        self.group_of = {key: n for n, keys in enumerate(self.keys_of) for key in keys}
        self.combined: dict[tuple[int, ...], Matcher] = {}
        # the groups each anchor word opens, and the groups that need no word
        self.anchored: dict[int, list[int]] = {}
        for n, (anchor, _) in enumerate(self.anchors):
            for word in anchor:
                self.anchored.setdefault(word, []).append(n)
        self.unanchored = [n for n, (anchor, _) in enumerate(self.anchors) if not anchor]

    def run(self, doc: Doc) -> list[Match]:
        """Every match in a sentence Doc, with the tokens of each part, group by group."""
        words, labels = signature(doc)
        candidates = set(self.unanchored)
        for word in words.intersection(self.anchored):
            candidates.update(self.anchored[word])
        chosen = tuple(n for n in sorted(candidates) if self.anchors[n][1] <= labels)
        if not chosen:
            return []
        found = self._matches(self._combined(chosen), doc)
        found.sort(key=lambda m: self.group_of[m.key])  # stable: each group's matches in the matcher's order
        return found

    def _combined(self, chosen: tuple[int, ...]) -> Matcher:
        """One Matcher holding the patterns of these groups: a sentence is walked once, not once per
        group (the walk, not the patterns, is most of the Matcher's cost). Built on first use."""
        if chosen not in self.combined:
            if len(self.combined) >= MAX_COMBINED:
                self.combined.clear()
            matcher = Matcher(language().vocab)
            for n in chosen:
                for key in self.keys_of[n]:
                    matcher.add(key, [self.compiled[key][1].specs])
            self.combined[chosen] = matcher
        return self.combined[chosen]

    def _matches(self, matcher: Matcher, doc: Doc) -> list[Match]:
        out = []
        for match_id, start, end, alignments in matcher(doc, with_alignments=True):
            rule, compiled = self.compiled[doc.vocab.strings[match_id]]
            parts: dict[str, list[Token]] = {}
            for token, position in zip(doc[start:end], alignments):
                part = compiled.parts[position]
                if part:
                    parts.setdefault(part, []).append(token)
            out.append(Match(rule, parts, start, end, doc.vocab.strings[match_id]))
        return out


def signature(doc: Doc) -> tuple[set[int], set[int]]:
    """The lower-case words and token kinds of a sentence, as string hashes (computed once per Doc)."""
    if "signature" not in doc.user_data:
        array = doc.to_array([LOWER, ENT_TYPE])
        doc.user_data["signature"] = (set(array[:, 0].tolist()), set(array[:, 1].tolist()))
    return doc.user_data["signature"]


def _anchor(specs: list[dict]) -> tuple[frozenset[str], frozenset[str]]:
    """What a pattern cannot match without: one of its rarest required words (empty: none needed),
    and every kind of token it requires (a person, a post, ...)."""
    words, labels = [], set()
    for spec in specs:
        if spec.get("OP") in ("?", "*") or str(spec.get("OP", "")).startswith("{0"):
            continue
        lower = spec.get("LOWER")
        if isinstance(lower, str):
            words.append(frozenset([lower]))
        elif isinstance(lower, dict) and "IN" in lower:
            words.append(frozenset(lower["IN"]))
        kind = spec.get("ENT_TYPE")
        if isinstance(kind, str) and kind:
            labels.add(kind)
        elif isinstance(kind, dict) and len(kind.get("IN", ())) == 1:
            labels.add(kind["IN"][0])
    rare = [w for w in words if not w <= STOP_WORDS]
    return (min(rare, key=len) if rare else frozenset()), frozenset(labels)


@cache
def rule_set(name: str) -> RuleSet:
    """The compiled rules of a data file, built once per process."""
    return RuleSet(name)
