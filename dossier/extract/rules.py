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
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from dossier.extract.patterns import Compiled, compile_rule
from dossier.extract.tokens import language


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


class RuleSet:
    """The rules of one file, compiled."""

    def __init__(self, name: str) -> None:
        raw = yaml.safe_load(resources.files("dossier.extract").joinpath("data", name).read_text("utf-8"))
        self.lists: dict[str, list[str]] = {k: [w.lower() for w in v] for k, v in (raw.get("lists") or {}).items()}
        self.matcher = Matcher(language().vocab, validate=True)
        self.compiled: dict[str, tuple[Rule, Compiled]] = {}
        for n, entry in enumerate(raw["rules"]):
            rule = Rule(entry["kind"], entry.get("dates", "none"),
                        {k: v for k, v in entry.items() if k not in ("kind", "dates", "patterns")})
            for m, line in enumerate(entry["patterns"]):
                for k, compiled in enumerate(compile_rule(line, self.lists)):
                    key = f"{name}:{n}:{m}:{k}"
                    self.compiled[key] = (rule, compiled)
                    self.matcher.add(key, [compiled.specs])

    def run(self, doc: Doc) -> list[Match]:
        """Every match in a sentence Doc, with the tokens of each part."""
        out = []
        for match_id, start, end, alignments in self.matcher(doc, with_alignments=True):
            rule, compiled = self.compiled[doc.vocab.strings[match_id]]
            parts: dict[str, list[Token]] = {}
            for token, position in zip(doc[start:end], alignments):
                part = compiled.parts[position]
                if part:
                    parts.setdefault(part, []).append(token)
            out.append(Match(rule, parts, start, end))
        return out


@cache
def rule_set(name: str) -> RuleSet:
    """The compiled rules of a data file, built once per process."""
    return RuleSet(name)
