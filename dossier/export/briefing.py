"""`briefing`: one entity on a page, in Markdown and HTML — profile, names, leaders, key events,
relations, conflicts, a network figure and a timeline chart — every statement footnoted to the
sentence that states it and the sources that sentence cites (the document itself when it cites none).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import jinja2
from anyascii import anyascii
from markupsafe import Markup

from dossier import conflicts as contradictions
from dossier import query
from dossier.dates import bounds
from dossier.errors import UsageError
from dossier.export import EVERYTHING, ExportScope
from dossier.export.files import atomic_files, prepare_folder
from dossier.ontology import ontology
from dossier.query import Fact, Tenure
from dossier.store import Store, entity_claims, views
from dossier.store.views import ClaimView, DocumentInfo, EntityInfo, EvidenceView, Profile, SourceInfo

NOTES_PER_STATEMENT = 3  # evidence sentences cited for one statement: those citing sources first
KEY_EVENTS = 30
ALIASES_IN_PROFILE = 8
NAMED_IN_PROFILE = 5  # members, bases, ... named in one profile sentence
FIGURE_NODES = 40  # the entities the network figure draws: the centre and its best connected neighbours
FIGURE_EDGES = 60  # the relations it draws between them: the centre's first
CLAIMS_PER_EDGE = 3  # claims loaded for each drawn relation (its table row cites their sentences)
TIMELINE_BARS = 25
CONFLICTS_SHOWN = 20
# Searching an entity for conflicts takes seconds once it has about a thousand claims (more for a person with
# many events): entities with more than these are left to `dossier conflicts`.
CONFLICT_CLAIMS = 5_000  # the briefing's own entity
LEADER_CONFLICT_CLAIMS = 500  # each of its leaders
PRECISION = {4: "year", 7: "month", 10: "day"}
# How the profile says a relation the entity is the subject of ("X is part of Y", "X comes from Y").
PHRASES = {"part_of": "is part of", "based_in": "is based in", "origin": "comes from", "member_of": "is a member of",
           "leader_of": "has led", "split_from": "split from", "allied_with": "is allied with",
           "hostile_to": "is hostile to", "supports": "supports", "relative_of": "is a relative of"}


@dataclass(frozen=True)
class Note:
    """A footnote: the document and sentence that state something, and the sources the sentence cites."""

    number: int
    document: DocumentInfo
    sentence: str | None
    sources: tuple[SourceInfo, ...]


@dataclass(frozen=True)
class Statement:
    """One sentence (text) or table row (cells) of the briefing, with the footnotes that source it."""

    notes: tuple[int, ...]
    text: str = ""
    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    headers: tuple[str, ...]
    rows: list[Statement]


@dataclass
class Briefing:
    """Everything a briefing says, ready for the templates."""

    entity: EntityInfo
    slug: str
    as_of: str | None
    profile: list[Statement]
    tables: list[Table]
    conflicts: list[Statement]
    unsearched: list[EntityInfo]  # the entity or leaders too large to search for conflicts here
    notes: list[Note] = field(default_factory=list)
    figures: dict[str, str] = field(default_factory=dict)  # network | timeline → SVG text


class Notes:
    """Footnotes, numbered in the order they are first cited; one per sentence (or document) cited.
    The documents are read once, for all the notes, by `written`."""

    def __init__(self) -> None:
        self._cited: dict[tuple, tuple[int, str, str | None, tuple[SourceInfo, ...]]] = {}

    def _number(self, key: tuple, document: str, sentence: str | None, sources: tuple[SourceInfo, ...]) -> int:
        if key not in self._cited:
            self._cited[key] = (len(self._cited) + 1, document, sentence, sources)
        return self._cited[key][0]

    def written(self, store: Store) -> list[Note]:
        """Every note, in number order, with its document's title, publisher and date."""
        documents = views.documents_named(store, {document for _, document, _, _ in self._cited.values()})
        return [Note(n, documents[document], sentence, sources)
                for n, document, sentence, sources in self._cited.values()]

    def evidence(self, evidence: Iterable[EvidenceView], limit: int = NOTES_PER_STATEMENT) -> tuple[int, ...]:
        """Notes for up to `limit` sentences: those that cite sources first, one per document first."""
        unique = list({(e.document, e.start, e.end): e for e in evidence}.values())
        seen: set[str] = set()
        ranked = []
        for e in sorted(unique, key=lambda e: (not e.sources, e.document, e.start)):
            ranked.append((e.document in seen, not e.sources, len(ranked), e))
            seen.add(e.document)
        chosen = [e for *_, e in sorted(ranked)[:limit]]
        return tuple(sorted(self._number((e.document, e.start, e.end), e.document, " ".join(e.sentence.split()),
                                         e.sources) for e in chosen))

    def document(self, name: str) -> int:
        """A note citing a document as a whole: for what it says without a sentence the base keeps."""
        return self._number((name,), name, None, ())

    def claims(self, claims: Iterable[ClaimView], limit: int = NOTES_PER_STATEMENT) -> tuple[int, ...]:
        """Notes for what these claims state: their sentences, else their documents."""
        claims = list(claims)
        found = self.evidence((e for c in claims for e in c.evidence), limit)
        return found or tuple(sorted({self.document(c.document) for c in claims[:limit]}))


def slug(entity: EntityInfo) -> str:
    """A file name for the entity's briefing: its name in lower-case ASCII words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", anyascii(entity.name).lower())
    return "-".join(words)[:60].strip("-") or f"entity-{entity.id}"


def precision(start: str | None, end: str | None, approx: bool) -> str:
    """How exact a period is: "month – year", "day", "approx"."""
    words = " – ".join(dict.fromkeys(PRECISION.get(len(d), "?") for d in (start, end) if d)) or "undated"
    return f"{words}, approx" if approx else words


def period(start: str | None, end: str | None) -> str:
    """A period as text: "2016-05 – 2019-06", "since 2019-06", "until 2017", "undated"."""
    if start and end:
        return f"{start} – {end}"
    return f"since {start}" if start else f"until {end}" if end else "undated"


def _list(names: list[str]) -> str:
    """Names in a sentence: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def describe(claim: ClaimView) -> str:
    """A claim in words: "A leader of B (chief; since 2019-04)", "arrest of A by B on 2020-04 at Kabul"."""
    onto = ontology()
    if claim.kind == "relation":
        dated = period(claim.start, claim.end) if claim.start or claim.end else None
        extra = "; ".join(x for x in (claim.role, dated) if x)
        text = f"{claim.parties[0].name} {onto.relations[claim.type].label} {claim.parties[1].name}"
        return text + (f" ({extra})" if extra else "")
    patients = [p.name for p in claim.parties if p.role == "patient"]
    agents = [p.name for p in claim.parties if p.role == "agent"]
    text = onto.events[claim.type].label + (f" of {_list(patients)}" if patients else "")
    text += f" by {_list(agents)}" if agents else ""
    return text + (f" on {claim.date}" if claim.date else "") + (f" at {claim.location}" if claim.location else "")


# ---- what the briefing says ---------------------------------------------------------------------

def _mentions(notes: Notes, claims: list[ClaimView], name: str, documents: Iterable[str]) -> tuple[int, ...]:
    """Notes for a name: in each document (a few), a sentence of it that uses the name, else the document."""
    key = name.casefold()
    found = []
    for document in list(documents)[:NOTES_PER_STATEMENT]:
        sentence = next((e for c in claims if c.document == document for e in c.evidence
                         if key in e.sentence.casefold()), None)
        found += notes.evidence([sentence], 1) if sentence else [notes.document(document)]
    return tuple(sorted(set(found)))


def profile_statements(profile: Profile, facts: list[Fact], tenures: list[Tenure], claims: list[ClaimView],
                       notes: Notes, as_of: str | None) -> list[Statement]:
    """The profile paragraph, sentence by sentence: what the entity is, its other names, what it belongs
    to, where it is based, who led it."""
    entity = profile.entity
    uses = {n.name: n.documents for n in profile.names}
    article = "an" if entity.type[0] in "aeiou" else "a"
    kind = f"{entity.type} ({entity.subtype})" if entity.subtype else entity.type
    first = uses.get(entity.name) or next(iter(uses.values()), ())
    out = [Statement(_mentions(notes, claims, entity.name, first) or notes.claims(claims),
                     f"{entity.name} is {article} {kind}.")]
    spelled = {entity.name.casefold()}
    aliases = [n for n in uses if n.casefold() not in spelled and not spelled.add(n.casefold())][:ALIASES_IN_PROFILE]
    if aliases:
        cited = tuple(sorted({n for a in aliases for n in _mentions(notes, claims, a, uses[a][:1])}))
        out.append(Statement(cited, f"It is also known as {_list(aliases)}."))
    for kind, phrase in PHRASES.items():
        mine = [f for f in facts if f.kind == "relation" and f.type == kind and f.parties[0].entity_id == entity.id]
        if mine and not (kind == "leader_of" and entity.type == "organization"):
            named = [f.parties[1].name for f in mine[:NAMED_IN_PROFILE]]
            more = f" and {len(mine) - NAMED_IN_PROFILE} more" if len(mine) > NAMED_IN_PROFILE else ""
            out.append(Statement(notes.claims(c for f in mine[:NAMED_IN_PROFILE] for c in f.claims[:1]),
                                 f"{entity.name} {phrase} {_list(named)}{more}."))
    members = [f for f in facts if f.type == "member_of" and f.parties[1].entity_id == entity.id]
    if members:
        named = [f.parties[0].name for f in members[:NAMED_IN_PROFILE]]
        out.append(Statement(notes.claims(c for f in members[:NAMED_IN_PROFILE] for c in f.claims[:1]),
                             f"Its members include {_list(named)}."))
    dated = [t for t in tenures if t.start]
    if dated:
        last = dated[-1]
        when = f"As of {as_of} it was led by" if as_of else "Its latest known leader is"
        out.append(Statement(notes.claims(last.claims), f"{when} {last.person.name} ({period(last.start, last.end)})."))
    return out


def names_table(profile: Profile, claims: list[ClaimView], notes: Notes) -> Table:
    """Every name of the entity with the documents that use it."""
    rows = [Statement(_mentions(notes, claims, n.name, n.documents), cells=(n.name, ", ".join(n.documents)))
            for n in profile.names]
    return Table("names", "Names", ("Name", "Used by"), rows)


def leaders_table(tenures: list[Tenure], notes: Notes) -> Table:
    """The leadership succession: each tenure with its post, period, precision and how it ended."""
    rows = []
    for t in tenures:
        cells = (t.person.name, t.role or "", t.start or "", t.end or "", precision(t.start, t.end, t.approx),
                 t.how or ("" if t.end else "open"))
        rows.append(Statement(notes.claims(t.claims), cells=cells))
    return Table("leaders", "Leadership", ("Leader", "Post", "From", "To", "Precision", "End"), rows)


def events_table(facts: list[Fact], notes: Notes) -> Table:
    """The entity's events, oldest first (undated last): date, type, place, participants, toll."""
    events = sorted((f for f in facts if f.kind == "event"), key=lambda f: (f.date is None, f.date or ""))
    rows = []
    for f in events[:KEY_EVENTS]:
        people = "; ".join(f"{p.role}: {p.name}" for p in f.parties)
        killed = [c.killed for c in f.claims if c.killed is not None]
        counted = [c.count for c in f.claims if c.count is not None]
        tolls = ([f"{max(killed)} killed"] if killed else []) + ([f"{max(counted)} people"] if counted else [])
        date = (f.date or "undated") + (" (approx)" if f.approx and f.date else "")
        cells = (date, ontology().events[f.type].label, f.location or "", people, "; ".join(tolls))
        rows.append(Statement(notes.claims(f.claims), cells=cells))
    return Table("events", "Key events", ("Date", "Event", "Place", "Participants", "Killed / count"), rows)


def relations_table(facts: list[Fact], notes: Notes) -> Table:
    """The relations the network figure draws, each with its role and period."""
    rows = []
    for f in facts:
        cells = (f.parties[0].name, ontology().relations[f.type].label, f.parties[1].name, ", ".join(f.roles),
                 period(f.start, f.end), precision(f.start, f.end, f.approx) if f.start or f.end else "")
        rows.append(Statement(notes.claims(f.claims), cells=cells))
    return Table("relations", "Relations", ("Subject", "Relation", "Object", "Role", "Period", "Precision"), rows)


def conflict_statements(found: list, notes: Notes) -> list[Statement]:
    """Each contradiction side by side: "A says …; B says …", each side with its own notes."""
    out = []
    for c in found[:CONFLICTS_SHOWN]:
        text = (f"{c.about} {c.first.document} says {describe(c.first)}; "
                f"{c.second.document} says {describe(c.second)}.")
        out.append(Statement(tuple(sorted(set(notes.claims([c.first], 2) + notes.claims([c.second], 2)))), text))
    return out


# ---- gathering from the knowledge base -----------------------------------------------------------

def network_facts(store: Store, centre: int, members: frozenset[int], as_of: str | None) -> list[Fact]:
    """The relations drawn in the network figure: among the centre and, of the scope's other entities,
    those most often related to it, then the farther ones (FIGURE_NODES in all); a few claims each,
    those that hold at as_of."""
    linked: dict[int, int] = {}
    for _, other, _, _ in views.relation_edges(store, [centre]):
        linked[other] = linked.get(other, 0) + 1
    ranked = sorted(members - {centre}, key=lambda i: (i not in linked, -linked.get(i, 0), i))
    drawn = {centre, *ranked[:FIGURE_NODES - 1]}
    edges = [e for e in views.relation_edges(store, sorted(drawn)) if e[1] in drawn]
    per_edge: dict[tuple, list[int]] = {}
    for a, b, claim_id, kind in sorted(edges, key=lambda e: (centre not in e[:2], e[2])):
        key = (min(a, b), max(a, b), kind)
        if key in per_edge or len(per_edge) < FIGURE_EDGES:
            ids = per_edge.setdefault(key, [])
            if claim_id not in ids and len(ids) < CLAIMS_PER_EDGE:
                ids.append(claim_id)
    claims = views.claims(store, sorted({i for ids in per_edge.values() for i in ids}))
    if as_of:
        claims = [c for c in claims if query.holds(c.start, c.end, as_of, c.approx)]
    return query.facts(claims)


def earliest_date(store: Store, entity_id: int) -> str | None:
    """The earliest date of any dated claim about the entity."""
    onto = ontology()
    first = entity_claims.oldest_claims(store, entity_id, (*onto.relations, *onto.events), 1)
    if not first:
        return None
    claim = views.claims(store, first, evidence=False)[0]
    return min(d for d in (claim.start, claim.date, claim.end) if d)


def _known_then(store: Store, entity: EntityInfo, as_of: str) -> None:
    """An error when the date is before anything dated about the entity."""
    earliest = earliest_date(store, entity.id)
    if earliest and bounds(as_of)[1] < bounds(earliest)[0]:
        raise UsageError(f"nothing is known of {entity.name} as of {as_of}; its earliest dated fact is {earliest}",
                         "give a later --as-of")


def _timeline(tenures: list[Tenure], facts: list[Fact], entity: EntityInfo):
    """Bars for leaderships and other dated relations, points for dated events."""
    from dossier.export.charts import Bar, Point
    onto = ontology()
    bars = [Bar(f"{t.person.name} (leader)", t.start, t.end, t.approx) for t in tenures if t.start or t.end]
    for f in facts:
        if f.kind == "relation" and (f.start or f.end) and not (f.type == "leader_of" and tenures):
            label = onto.relations[f.type].label
            mine = f.parties[0].entity_id == entity.id
            bars.append(Bar(f"{label} {f.parties[1].name}" if mine else f"{f.parties[0].name} ({label} it)",
                            f.start, f.end, f.approx))
    points = [Point(onto.events[f.type].label, f.date, f.approx) for f in facts if f.kind == "event" and f.date]
    return bars[:TIMELINE_BARS], points


def build_briefing(store: Store, scope: ExportScope) -> Briefing:
    """What the briefing on the scope's centre says, with its footnotes (numbered in reading order)
    and its figures."""
    as_of = scope.as_of
    entity = views.entity_info(store, scope.centre)
    if as_of:
        _known_then(store, entity, as_of)
        profile = query.profile_as_of(store, views.profile(store, entity.id, per_type=None), as_of)
    else:
        profile = views.profile(store, entity.id)
    tenures = query.leaders(store, entity.id, as_of) if entity.type == "organization" else []
    facts = query.facts(list(profile.claims))
    drawn = network_facts(store, entity.id, scope.entity_ids or frozenset({entity.id}), as_of)
    claims = [*profile.claims, *(c for f in drawn for c in f.claims), *(c for t in tenures for c in t.claims)]
    leaders = [views.entity_info(store, i) for i in dict.fromkeys(t.person.entity_id for t in tenures)]
    found, unsearched = _conflicts(store, entity, leaders)
    found = [c for c in found if not as_of or all(_before(x, as_of) for x in (c.first, c.second))]
    notes = Notes()
    profile_text = profile_statements(profile, facts, tenures, claims, notes, as_of)
    tables = [names_table(profile, claims, notes), leaders_table(tenures, notes), events_table(facts, notes),
              relations_table(drawn, notes)]
    briefing = Briefing(entity, slug(entity), as_of, profile_text, [t for t in tables if t.rows],
                        conflict_statements(found, notes), unsearched, notes.written(store))
    briefing.figures = _figures(entity, tenures, facts, drawn, as_of)
    return briefing


def _figures(entity: EntityInfo, tenures: list[Tenure], facts: list[Fact], drawn: list[Fact],
             as_of: str | None) -> dict[str, str]:
    """The network of the drawn relations and the timeline, as SVG text (matplotlib loads on first use)."""
    from dossier.export.charts import NetworkEdge, NetworkNode, network_svg, timeline_svg
    nodes = {entity.id: NetworkNode(entity.id, entity.name, entity.type)}
    nodes.update({p.entity_id: NetworkNode(p.entity_id, p.name, p.type) for f in drawn for p in f.parties})
    edges = [NetworkEdge(f.parties[0].entity_id, f.parties[1].entity_id, ontology().relations[f.type].label, f.approx)
             for f in drawn]
    return {"network": network_svg(sorted(nodes.values(), key=lambda n: n.id), edges, entity.id),
            "timeline": timeline_svg(*_timeline(tenures, facts, entity), as_of)}


def _conflicts(store: Store, entity: EntityInfo, leaders: list[EntityInfo]
               ) -> tuple[list[contradictions.Conflict], list[EntityInfo]]:
    """Contradictions about the entity and its leaders, once each; and those left unsearched for having
    more claims than a briefing searches."""
    found: dict[tuple, contradictions.Conflict] = {}
    unsearched = []
    limits = {e.id: LEADER_CONFLICT_CLAIMS for e in leaders} | {entity.id: CONFLICT_CLAIMS}
    for searched in {e.id: e for e in (entity, *leaders)}.values():
        if searched.claims > limits[searched.id]:
            unsearched.append(searched)
            continue
        for c in contradictions.conflicts(store, searched.id):
            found.setdefault((c.kind, *sorted((c.first.id, c.second.id))), c)
    return list(found.values()), unsearched


def _before(claim: ClaimView, as_of: str) -> bool:
    """Whether a claim is dated no later than as_of (undated claims are kept)."""
    dates = [d for d in (claim.start, claim.date) if d]
    return not dates or bounds(min(dates))[0] <= bounds(as_of)[1]


# ---- writing ------------------------------------------------------------------------------------

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")


def markdown_text(value: object) -> str:
    """Text from documents, safe inside Markdown: one line, its markup characters escaped."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def web_url(value: str | None) -> str | None:
    """A URL fit for a link: http(s) only, so a source's URL cannot run script in the page."""
    return value if value and re.match(r"https?://", value, re.IGNORECASE) else None


def markdown_url(value: str) -> str:
    """A source's URL in Markdown: an autolink when it is a plain web address, else escaped text."""
    plain = web_url(value) and not re.search(r"[\s<>]", value)
    return f"<{value}>" if plain else markdown_text(value)


def cited(source: SourceInfo) -> list[str]:
    """A cited source's parts in citation order: author, "title", publisher, date."""
    title = f"“{source.title}”" if source.title else None
    return [p for p in (source.author, title, source.publisher, source.date) if p]


def _templates(html: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("dossier.export", "templates"), autoescape=html,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters.update(md=markdown_text, md_url=markdown_url, web_url=web_url, cited=cited)
    return env


def render_markdown(briefing: Briefing, figures: dict[str, str]) -> str:
    """The briefing as Markdown with footnotes; figures are the SVG files beside it."""
    return _templates(html=False).get_template("briefing.md.j2").render(b=briefing, figures=figures)


def render_html(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML page: inline CSS, the figures inline as SVG, printable."""
    inline = {kind: Markup(svg[svg.index("<svg"):]) for kind, svg in briefing.figures.items()}
    return _templates(html=True).get_template("briefing.html.j2").render(b=briefing, figures=inline)


# ---- files ------------------------------------------------------------------------------------

def export_briefing(store: Store, out: str | Path, scope: ExportScope = EVERYTHING) -> list[Path]:
    """Write SLUG.md, SLUG.html, SLUG-network.svg and SLUG-timeline.svg for the scope's centre entity."""
    if scope.centre is None:
        raise UsageError("briefing needs --entity NAME", "give the entity or organization the briefing is about")
    folder = prepare_folder(out)
    briefing = build_briefing(store, scope)
    names = {kind: f"{briefing.slug}-{kind}.svg" for kind in briefing.figures}
    with atomic_files(folder) as files:
        for kind, name in names.items():
            files[name] = briefing.figures[kind]
        files[f"{briefing.slug}.md"] = render_markdown(briefing, names)
        files[f"{briefing.slug}.html"] = render_html(briefing)
    return [folder / name for name in (f"{briefing.slug}.md", f"{briefing.slug}.html", *names.values())]
