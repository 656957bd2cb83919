"""A small pattern language for relation and event rules, compiled to spaCy Matcher patterns.

A pattern is a line of space-separated items over a sentence in which every name, date and post
is one token (see tokens.py):

    PER:subject , (the|a)? @leader:role of the? ORG:object

    PER, ORG, LOC, ENT (any of them), PER|ORG  an entity token; ":name" gives its part
    NAT                                        a nationality word ("Pakistani") standing for its country
    DATE:start, NUM:count                      a date token, a number token
    POST[:role]                                a post token ("public relations chief")
    @list[:role]                               a word from a named word list of the rules file
    (a|b c)  (a|b)?                            alternatives, some of several words; "?" optional
    word?                                      an optional word
    _n                                         up to n tokens that are not names (0 ≤ n ≤ 9)
    *n                                         up to n tokens of any kind (0 ≤ n ≤ 9)
    'word'                                     a word matched exactly ("'s", ",")
    LPAREN, RPAREN                             a literal "(" or ")"

Alternatives are expanded into separate Matcher patterns, so each keeps its own parts.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

ENTITY_LABELS = {"PER": ["PER"], "ORG": ["ORG"], "LOC": ["LOC"], "ENT": ["PER", "ORG", "LOC"], "NAT": ["NAT"]}
GROUP = re.compile(r"\(([^()]*)\)(\??)")
CLAUSE_PUNCT = [",", ";", ".", ":", "(", ")", "!", "?", "\"", "“", "”", "–", "—"]
FILLER = "FILL"  # the tag tokens.py gives every token that is neither a name nor clause punctuation


@dataclass(frozen=True)
class Compiled:
    """One expanded pattern: spaCy token specs and the part (role) of each spec, or None."""

    specs: list[dict]
    parts: list[str | None]


def compile_rule(rule: str, lists: dict[str, list[str]]) -> list[Compiled]:
    """Every spaCy pattern a rule line expands to."""
    out = []
    for variant in _expand(rule):
        specs, parts = [], []
        for item in variant.split():
            spec, part = _item(item, lists)
            specs.append(spec)
            parts.append(part)
        if specs:
            out.append(Compiled(specs, parts))
    return out


def _single_words(rule: str) -> str:
    """Write groups of single plain words as one item, "(a|an|the)?" → "a|an|the?", so spaCy's Matcher
    handles them with one token spec instead of one pattern per alternative."""
    def collapse(m: re.Match) -> str:
        options = [o.strip() for o in m.group(1).split("|")]
        plain = all(o and " " not in o and re.fullmatch(r"[\w'’-]+", o) and o not in ENTITY_LABELS
                    and o not in ("DATE", "POST", "NUM", "LPAREN", "RPAREN") for o in options)
        return ("|".join(options) + m.group(2)) if plain and len(options) > 1 else m.group()
    return GROUP.sub(collapse, rule)


def _expand(rule: str) -> list[str]:
    """The rule with each (a|b c) group replaced by each alternative (and by nothing when optional)."""
    rule = _single_words(rule)
    groups = list(GROUP.finditer(rule))
    if not groups:
        return [rule]
    choices = []
    for g in groups:
        options = [o.strip() for o in g.group(1).split("|")]
        if g.group(2) == "?":
            options.append("")
        choices.append(options)
    variants = []
    for combo in itertools.product(*choices):
        text, last = "", 0
        for g, choice in zip(groups, combo):
            text += rule[last:g.start()] + " " + choice + " "
            last = g.end()
        variants.append(re.sub(r"\s+", " ", text + rule[last:]).strip())
    return variants


def _item(item: str, lists: dict[str, list[str]]) -> tuple[dict, str | None]:
    """The spaCy token spec and part name of one pattern item."""
    optional = item.endswith("?") and len(item) > 1
    if optional:
        item = item[:-1]
    body, _, part = item.partition(":") if not item.startswith("'") else (item, "", "")
    part = part or None
    if re.fullmatch(r"_\d", body):
        return {"TAG": FILLER, "OP": f"{{0,{body[1]}}}"}, None
    if body in ("LPAREN", "RPAREN"):
        spec = {"ORTH": "(" if body == "LPAREN" else ")"}
        if optional:
            spec["OP"] = "?"
        return spec, None
    if re.fullmatch(r"\*\d", body):
        return {"OP": f"{{0,{body[1]}}}"}, None
    labels = [label for name in body.split("|") for label in ENTITY_LABELS.get(name, [])]
    if labels and all(name in ENTITY_LABELS for name in body.split("|")):
        spec: dict = {"ENT_TYPE": labels[0]} if len(labels) == 1 else {"ENT_TYPE": {"IN": labels}}
    elif body == "DATE":
        spec = {"ENT_TYPE": "DATE"}
    elif body == "POST":
        spec = {"ENT_TYPE": "POST"}
    elif body == "NUM":
        spec = {"LIKE_NUM": True}
    elif body.startswith("@"):
        words = lists[body[1:]]
        spec = {"LOWER": {"IN": words}, "ENT_TYPE": ""}
    elif body.startswith("'") and body.endswith("'") and len(body) > 2:
        spec = {"ORTH": body[1:-1]} if not body[1:-1].lower() in ("'s", "’s") else {"LOWER": {"IN": ["'s", "’s", "'"]}}
    elif "|" in body:
        spec = {"LOWER": {"IN": [w.lower() for w in body.split("|")]}}
    else:
        spec = {"LOWER": body.lower()}
    if optional:
        spec["OP"] = "?"
    return spec, part
