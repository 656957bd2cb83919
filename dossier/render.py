"""Rich renderings of the knowledge base's views for the terminal."""
from __future__ import annotations

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from dossier.ontology import ontology
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


def period(start: str | None, end: str | None, approx: bool = False) -> str:
    """A relation's time span as text: "2019-04 – 2020-04", "since 2004", "until 2017-04"."""
    mark = "~" if approx else ""
    if start and end:
        return f"{mark}{start} – {end}"
    if start:
        return f"since {mark}{start}"
    if end:
        return f"until {mark}{end}"
    return ""


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
        extra = "; ".join(x for x in (claim.role, period(claim.start, claim.end, claim.approx)) if x)
        if extra:
            text.append(f"  ({extra})", style="dim")
        return text
    text = Text()
    text.append(f"{claim.date or 'undated'}{' (approx)' if claim.approx else ''} ", style="cyan")
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


def profile_view(p: Profile) -> Group:
    """An entity's names (with the documents that use them) and its claims with evidence."""
    head = Text()
    head.append(p.entity.name, style="bold")
    head.append(f"  {p.entity.type}" + (f" ({p.entity.subtype})" if p.entity.subtype else ""), style="dim")
    head.append(f"  {p.entity.documents} documents, {len(p.claims)} claims", style="dim")
    names = Table(title="names", title_justify="left", show_header=False, box=None, padding=(0, 2))
    names.add_column("name")
    names.add_column("used in", style="dim")
    for n in p.names:
        names.add_row(escape(n.name), escape(", ".join(n.documents)))
    parts: list = [head, names]
    for kind, title in (("relation", "relations"), ("event", "events")):
        items = [c for c in p.claims if c.kind == kind]
        if items:
            parts.append(Text(f"\n{title}", style="bold underline"))
            for claim in items:
                parts.append(claim_line(claim, p.entity.id))
                parts += evidence_lines(claim)
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
