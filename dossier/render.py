"""Rich renderings of the knowledge base's views for the terminal."""
from __future__ import annotations

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from dossier.conflicts import Conflict
from dossier.ontology import ontology
from dossier.query import Hop, Moment, Neighbourhood, Tenure
from dossier.resolve.decisions import Decision, Explanation
from dossier.store.views import ClaimView, DocumentInfo, EntityInfo, Profile, SourceInfo


def documents_table(docs: list[DocumentInfo]) -> Table:
    table = Table(title=f"{len(docs)} documents", title_justify="left")
    for column in ("name", "format", "date", "title", "words", "sources", "entities", "claims"):
        table.add_column(column, justify="right" if column in ("words", "sources", "entities", "claims") else "left",
                         overflow="fold", max_width=48 if column == "title" else None,
                         no_wrap=column in ("name", "date", "format"))
    for d in docs:
        table.add_row(escape(d.name), d.format, d.date or "", escape(d.title or ""), str(d.words), str(d.sources),
                      str(d.entities), str(d.claims))
    return table


def sources_table(sources: list[SourceInfo], with_document: bool) -> Table:
    table = Table(title=f"{len(sources)} sources", title_justify="left")
    if with_document:
        table.add_column("document")
    for column in ("id", "author", "title", "publisher", "date", "url"):
        table.add_column(column, overflow="fold", max_width=40 if column in ("title", "url") else 24)
    for s in sources:
        row = [s.local_id, s.author or "", s.title or "", s.publisher or "", s.date or "", s.url or ""]
        table.add_row(*map(escape, ([s.document] if with_document else []) + row))
    return table


def entities_table(entities: list[EntityInfo]) -> Table:
    table = Table(title=f"{len(entities)} entities", title_justify="left")
    for column in ("type", "name", "names", "documents", "claims"):
        table.add_column(column, justify="right" if column in ("names", "documents", "claims") else "left")
    for e in entities:
        table.add_row(e.type, escape(e.name), str(e.names), str(e.documents), str(e.claims))
    return table


def counted(n: int, noun: str) -> str:
    """'1 document', '2 documents'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def period(start: str | None, end: str | None, approx: bool = False) -> str:
    """A relation's time span as text, each date at its own precision: "2019-04 – 2020", "since 2004",
    "until 2017-04 (approx)"."""
    mark = " (approx)" if approx and (start or end) else ""
    if start and end:
        return f"{start} – {end}{mark}"
    if start:
        return f"since {start}{mark}"
    if end:
        return f"until {end}{mark}"
    return ""


def when(date: str | None, approx: bool = False) -> str:
    """A date at its own precision ("2019", "2019-04", "2019-04-13"), "approx" when the text hedged it."""
    return f"{date or 'undated'}{' (approx)' if approx and date else ''}"


def claim_line(claim: ClaimView, about: int) -> Text:
    """One claim in words, seen from the entity it is about."""
    onto = ontology()
    if claim.kind == "relation":
        subject, obj = claim.parties[0], claim.parties[1]
        label = onto.relations[claim.type].label
        if subject.entity_id == about or onto.symmetric(claim.type):
            other, verb = (obj if subject.entity_id == about else subject), label
        else:
            other, verb = subject, f"{label} ←"
        text = Text()
        text.append(verb, style="bold")
        text.append(f" {other.name}")
        return _with_extra(text, claim)
    text = Text()
    text.append(f"{when(claim.date, claim.approx)} ", style="cyan")
    text.append(onto.events[claim.type].label, style="bold")
    parties = ", ".join(f"{p.role}: {p.name}" for p in claim.parties)
    details = [parties] if parties else []
    if claim.location:
        details.append(f"at {claim.location}")
    if claim.killed is not None:
        details.append(f"{claim.killed} killed")
    if claim.count is not None:
        details.append(f"{claim.count} people")
    text.append("  " + "; ".join(details))
    return text


def _with_extra(text: Text, claim: ClaimView) -> Text:
    """A relation's text with its role and period after it."""
    extra = "; ".join(x for x in (claim.role, period(claim.start, claim.end, claim.approx)) if x)
    if extra:
        text.append(f"  ({extra})", style="dim")
    return text


def statement(claim: ClaimView) -> Text:
    """A claim in words from its own subject ("Fazlullah leader of TTP (since 2013-11)"); an event with
    its date and participants."""
    if claim.kind == "event":
        return claim_line(claim, about=0)
    subject, obj = claim.parties[0], claim.parties[1]
    text = Text(f"{subject.name} ")
    text.append(ontology().relations[claim.type].label, style="bold")
    text.append(f" {obj.name}")
    return _with_extra(text, claim)


def evidence_lines(claim: ClaimView) -> list[Text]:
    """The sentences that state a claim, each with its document and cited sources."""
    lines = []
    for ev in claim.evidence:
        line = Text("    “", style="dim")
        line.append(ev.sentence, style="italic")
        line.append("”", style="dim")
        cites = "; ".join(_cite(s) for s in ev.sources)
        line.append(f"  — {ev.document}" + (f" [{cites}]" if cites else ""), style="dim")
        lines.append(line)
    return lines


def _cite(s: SourceInfo) -> str:
    parts = [p for p in (s.author, f"“{s.title}”" if s.title else None, s.publisher, s.date) if p]
    return f"{s.local_id}: " + ", ".join(parts or [s.url or ""])


def names_table(names) -> Table:
    """Each name of an entity with the documents that use it."""
    table = Table(title="names", title_justify="left", show_header=False, box=None, padding=(0, 2))
    table.add_column("name")
    table.add_column("used in", style="dim")
    for n in names:
        table.add_row(escape(n.name), escape(", ".join(n.documents)))
    return table


def profile_view(p: Profile) -> Group:
    """An entity's names (with the documents that use them) and its claims with evidence."""
    head = Text()
    head.append(p.entity.name, style="bold")
    head.append(f"  {p.entity.type}" + (f" ({p.entity.subtype})" if p.entity.subtype else ""), style="dim")
    shown = f"{len(p.claims)} claims" if not p.more_claims else f"{len(p.claims)} of {p.total_claims} claims shown"
    head.append(f"  {counted(p.entity.documents, 'document')}, {shown}", style="dim")
    if p.as_of:
        head.append(f"  as of {p.as_of}: relations holding then, events up to then", style="dim")
    parts: list = [head, names_table(p.names)]
    for kind, title in (("relation", "relations"), ("event", "events")):
        items = [c for c in p.claims if c.kind == kind]
        if items:
            parts.append(Text(f"\n{title}", style="bold underline"))
            for claim in items:
                parts.append(claim_line(claim, p.entity.id))
                parts += evidence_lines(claim)
    if p.more_claims:
        parts.append(Text(f"\n{p.more_claims} more claims: `dossier timeline` lists them by date, "
                          "`dossier export --entity` writes them all", style="dim"))
    return Group(*parts)


def extraction_view(document, extraction) -> Group:
    """What an extractor found in one document: entities with aliases, relations and events, with sources."""
    names = {e.id: e.name for e in extraction.entities}
    entities = Table(title=f"{len(extraction.entities)} entities", title_justify="left")
    for column in ("id", "type", "name", "aliases"):
        entities.add_column(column, overflow="fold")
    for e in extraction.entities:
        entities.add_row(e.id, e.type, escape(e.name), escape("; ".join(e.aliases)))
    relations = Table(title=f"{len(extraction.relations)} relations", title_justify="left")
    for column in ("relation", "subject", "object", "period", "role", "sources"):
        relations.add_column(column, overflow="fold")
    for r in extraction.relations:
        relations.add_row(r.type, escape(names[r.subject]), escape(names[r.object]), period(r.start, r.end, r.approx),
                          escape(r.role or ""), ", ".join(_cited(r.evidence)))
    events = Table(title=f"{len(extraction.events)} events", title_justify="left")
    for column in ("event", "date", "where", "who", "killed", "count", "sources"):
        events.add_column(column, overflow="fold")
    for e in extraction.events:
        who = "; ".join(f"{p.role}: {names[p.entity]}" for p in e.participants)
        events.add_row(e.type, (e.date or "") + ("~" if e.approx else ""), escape(e.location or ""), escape(who),
                       "" if e.killed is None else str(e.killed), "" if e.count is None else str(e.count),
                       ", ".join(_cited(e.evidence)))
    head = Text(f"{document.title or document.name}", style="bold")
    head.append(f"  {document.date or 'undated'}, {document.words()} words, {len(document.sources)} sources", style="dim")
    return Group(head, entities, relations, events)


def _cited(evidence) -> list[str]:
    ids: list[str] = []
    for ev in evidence:
        ids += [s for s in ev.sources if s not in ids]
    return ids


# ---- resolution: why an entity holds its names, and the analyst's decisions -------------------

def decision_text(d: Decision) -> str:
    """A decision in words: "merge Omar Khalid Khorasani + Abdul Wali Mohmand", "split 'X' off Y"."""
    if d.kind == "merge":
        return "merge " + " + ".join(d.names)
    return f"split '{d.names[1]}' off {d.names[0]}"


def explanation_view(x: Explanation) -> Group:
    """Each name with the documents that use it, each document's record with why it joined, and the
    decisions in force."""
    head = Text(x.entity.name, style="bold")
    head.append(f"  {x.entity.type}  #{x.entity.id}  {counted(x.entity.documents, 'document')}", style="dim")
    records = Table(title="why each document's record belongs", title_justify="left")
    for column in ("document", "names there", "reason"):
        records.add_column(column, overflow="fold")
    for r in x.records:
        records.add_row(escape(r.document), escape("; ".join(r.names)), escape(r.reason))
    parts: list = [head, names_table(x.names), records]
    if x.decisions:
        parts.append(Text("analyst decisions", style="bold underline"))
        parts += [Text(f"  #{d.id} {decision_text(d)}" + (f"  — {d.note}" if d.note else ""), style="")
                  for d in x.decisions]
    return Group(*parts)


def decisions_table(found: list[Decision]) -> Table:
    table = Table(title=f"{len(found)} decisions", title_justify="left")
    for column in ("id", "decision", "type", "note", "taken", "undone"):
        table.add_column(column, overflow="fold")
    for d in found:
        table.add_row(f"#{d.id}", escape(decision_text(d)), d.type, escape(d.note or ""), d.created_at,
                      d.undone_at or "")
    return table


# ---- questions: conflicts, leaders, timeline, path, network --------------------------------

def _side(claim: ClaimView) -> Group:
    return Group(statement(claim), *evidence_lines(claim))


def conflicts_view(found: list[Conflict]) -> Group:
    """Each contradiction with its two statements side by side, each with its sentence and sources."""
    parts: list = [Text(f"{len(found)} conflicts", style="bold")]
    for c in found:
        parts.append(Text(f"\n{c.kind}: {c.about}", style="bold"))
        table = Table(expand=True)
        table.add_column(f"{c.first.document} says", ratio=1, overflow="fold")
        table.add_column(f"{c.second.document} says", ratio=1, overflow="fold")
        table.add_row(_side(c.first), _side(c.second))
        parts.append(table)
    return Group(*parts)


ENDINGS = {"stated": "", "removal": "removed", "": ""}


def leaders_view(org: str, tenures: list[Tenure], as_of: str | None) -> Group:
    """Each leader with the period in office at the precision the sources give, and the evidence."""
    head = Text(f"leaders of {org}", style="bold")
    head.append(f"  {len(tenures)} " + (f"in office as of {as_of}" if as_of else "leaders"), style="dim")
    parts: list = [head]
    for t in tenures:
        line = Text(t.person.name, style="bold")
        line.append(f"  {period(t.start, t.end, t.approx) or 'undated'}", style="cyan")
        ending = ENDINGS.get(t.how, t.how)
        extra = "; ".join(x for x in (t.role, ending) if x)
        if extra:
            line.append(f"  ({extra})", style="dim")
        parts.append(line)
        for claim in t.claims:
            parts += evidence_lines(claim)
        if t.more_claims:
            parts.append(Text(f"    and {t.more_claims} more statements of it", style="dim"))
    return Group(*parts)


def _sources_text(evidence) -> str:
    """Each document the sentences stand in, with the sources they cite (each once)."""
    cited: dict[str, list[str]] = {}
    for ev in evidence:
        notes = cited.setdefault(ev.document, [])
        notes += [c for c in map(_cite, ev.sources) if c not in notes]
    return "; ".join(document + (f" [{'; '.join(notes)}]" if notes else "") for document, notes in cited.items())


def timeline_table(moments: list[Moment]) -> Table:
    """Oldest first: each event, and each start and end of a relation, with the sources that date it."""
    table = Table(title=f"{len(moments)} moments", title_justify="left")
    for column in ("date", "kind", "what", "sources"):
        table.add_column(column, overflow="fold", no_wrap=column == "date")
    for m in moments:
        fact = m.fact
        if fact.kind == "event":
            text = Text(", ".join(f"{p.role}: {p.name}" for p in fact.parties)
                        + (f"; at {fact.location}" if fact.location else ""))
            what = ontology().events[fact.type].label
        else:
            subject, obj = fact.parties[0], fact.parties[1]
            text = Text(f"{subject.name} {ontology().relations[fact.type].label} {obj.name}")
            what = "begins" if m.what == "start" else "ends"
        table.add_row(when(m.date, m.approx), what, text, escape(_sources_text(fact.evidence)))
    return table


def path_view(hops: list[Hop]) -> Group:
    """Each hop of a path as the relation its source states, with the sentence and citation."""
    names = {p.entity_id: p.name for h in hops for p in h.claim.parties}
    head = Text(f"{names[hops[0].source]} → {names[hops[-1].target]}", style="bold")
    head.append(f"  {len(hops)} relations", style="dim")
    parts: list = [head]
    for i, hop in enumerate(hops, 1):
        line = Text(f"{i}. ")
        line.append_text(statement(hop.claim))
        parts += [line, *evidence_lines(hop.claim)]
    return Group(*parts)


def network_view(net: Neighbourhood) -> Group:
    """The entities around one entity by distance, and the relations between them."""
    names = {n.id: n.name for n in net.nodes}
    nodes = Table(title=f"{len(net.nodes)} entities within {net.depth} relations of {names[net.centre]}"
                        + (f" as of {net.as_of}" if net.as_of else ""), title_justify="left")
    for column in ("distance", "type", "name", "id"):
        nodes.add_column(column, justify="right" if column in ("distance", "id") else "left")
    for n in net.nodes:
        nodes.add_row(str(n.distance), n.type, escape(n.name), f"#{n.id}")
    edges = Table(title=f"{len(net.edges)} relations", title_justify="left")
    for column in ("subject", "relation", "object", "period", "documents"):
        edges.add_column(column, overflow="fold")
    for e in net.edges:
        edges.add_row(escape(names[e.source]), ontology().relations[e.type].label, escape(names[e.target]),
                      period(e.start, e.end, e.approx), escape(", ".join(e.documents)))
    return Group(nodes, edges)


# ---- the analyst's review of claims ----------------------------------------------------------

def reviews_view(page: tuple[list, int], status: str) -> Group:
    """A page of claims to review: each with its id, status, what the document says (and the edit), and
    its evidence."""
    found, total = page
    parts: list = [Text(f"{total} {status} claims" + (f" (showing {len(found)})" if len(found) < total else ""),
                        style="bold")]
    for r in found:
        parts.append(review_line(r))
        parts.extend(evidence_lines(r.claim))
    return Group(*parts)


def review_line(r) -> Text:
    """A reviewed claim in one line: "#12 accepted  Fazlullah leader of TTP (since 2013-11)"."""
    line = Text(f"#{r.claim.id} ", style="bold")
    line.append(f"{r.status}  ", style="dim")
    line.append_text(statement(r.claim))
    if r.changes:
        line.append("  → ", style="dim")
        line.append(", ".join(f"{k}: {v if v is not None else '(none)'}" for k, v in r.changes.items()))
    if r.note:
        line.append(f"  ({r.note})", style="dim")
    return line
