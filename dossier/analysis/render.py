"""Rich tables of an analysis for the terminal; every broker, member and leader row with its evidence."""
from __future__ import annotations

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from dossier.analysis.evidence import Citation
from dossier.analysis.organization import OrganizationReport
from dossier.analysis.report import Analysis, Tie
from dossier.ontology import ontology
from dossier.render import period

ROWS = 40  # rows of a member table; --json has them all


def analysis_view(a: Analysis) -> Group:
    """The network's central actors, communities and brokers, then the organization asked about."""
    head = Text(f"{a.entities} entities, {a.relations} relations" + (f" as of {a.as_of}" if a.as_of else ""),
                style="bold")
    if a.betweenness_samples:
        head.append(f"  betweenness estimated from {a.betweenness_samples} sampled entities", style="dim")
    parts: list = [head, central_table(a), communities_table(a), brokers_table(a)]
    if a.organization is not None:
        parts += organization_view(a.organization, a.as_of)
    return Group(*parts)


def evidence_text(cited: tuple[Citation, ...]) -> str:
    """Each document with the source ids it cites: "ttp-leaders [3, 4]; ttp-split"."""
    return "; ".join(c.document + (f" [{', '.join(c.sources)}]" if c.sources else "") for c in cited)


def central_table(a: Analysis) -> Table:
    table = Table(title=f"{len(a.central)} most central (betweenness, then degree)", title_justify="left")
    for column in ("name", "type", "degree", "betweenness", "community"):
        table.add_column(column, justify="left" if column in ("name", "type") else "right")
    for actor in a.central:
        table.add_row(escape(actor.name), actor.type, str(actor.degree), f"{actor.betweenness:.4f}",
                      str(actor.community or ""))
    return table


def communities_table(a: Analysis) -> Table:
    shown = f", the {len(a.communities)} largest" if len(a.communities) < a.community_count else ""
    table = Table(title=f"{a.community_count} communities (Louvain){shown}", title_justify="left")
    for column in ("community", "size", "best connected"):
        table.add_column(column, justify="left" if column == "best connected" else "right", overflow="fold")
    for c in a.communities:
        table.add_row(str(c.number), str(c.size), escape(", ".join(c.members)))
    return table


def brokers_table(a: Analysis) -> Table:
    shown = f", the first {len(a.brokers)}" if len(a.brokers) < a.broker_count else ""
    table = Table(title=f"{a.broker_count} brokers (tied to several communities or organizations){shown}",
                  title_justify="left")
    for column in ("broker", "betweenness", "communities", "ties across — evidence"):
        table.add_column(column, overflow="fold", justify="right" if column == "betweenness" else "left")
    for b in a.brokers:
        table.add_row(escape(f"{b.actor.name} ({b.actor.type})"), f"{b.actor.betweenness:.4f}",
                      ", ".join(map(str, b.communities)), escape("\n".join(map(tie_text, b.ties))))
    return table


def tie_text(t: Tie) -> str:
    """A broker's tie as the relation read from the broker ("member of X", "member of ← Y"), the
    other's community and the evidence."""
    labels = [ontology().relations[r].label for r in t.relations]
    labels += [ontology().relations[r].label + ("" if ontology().symmetric(r) else " ←")
               for r in t.incoming if r not in t.relations]
    community = f" (community {t.community})" if t.community else ""
    cited = evidence_text(t.evidence)
    return f"{', '.join(labels)} {t.other}{community}" + (f" — {cited}" if cited else "")


def _labels(relations: tuple[str, ...]) -> str:
    return ", ".join(ontology().relations[r].label for r in relations)


def organization_view(org: OrganizationReport, as_of: str | None) -> list:
    """An organization's succession, members, their origins and periods, and its melting pot."""
    head = Text(f"\n{org.name}", style="bold")
    head.append(f"  {len(org.members)} members and leaders" + (f" as of {as_of}" if as_of else ""), style="dim")
    return [head, succession_table(org), members_table(org), origins_table(org), periods_table(org),
            crossings_table(org)]


def succession_table(org: OrganizationReport) -> Table:
    table = Table(title=f"leadership succession: {len(org.succession)} leaders", title_justify="left")
    for column in ("leader", "period", "role", "ends", "evidence"):
        table.add_column(column, overflow="fold")
    for t in org.succession:
        more = f" (and {t.more_claims} more claims)" if t.more_claims else ""
        table.add_row(escape(t.name), period(t.start, t.end, t.approx) or "undated", escape(t.role or ""),
                      escape(t.how if t.how != "stated" else ""), escape(evidence_text(t.evidence) + more))
    return table


def members_table(org: OrganizationReport) -> Table:
    hidden = len(org.members) - ROWS
    title = f"{len(org.members)} members" + (f", the first {ROWS} (--json for all)" if hidden > 0 else "")
    table = Table(title=title, title_justify="left")
    for column in ("member", "as", "period", "from", "evidence"):
        table.add_column(column, overflow="fold")
    for m in org.members[:ROWS]:
        table.add_row(escape(m.name), _labels(m.relations), period(m.start, m.end, m.approx),
                      escape(", ".join(m.origins)), escape(evidence_text(m.evidence)))
    return table


def origins_table(org: OrganizationReport) -> Table:
    table = Table(title="members by origin", title_justify="left")
    for column in ("country", "region", "members", "who"):
        table.add_column(column, overflow="fold", justify="right" if column == "members" else "left")
    for o in org.by_origin:
        table.add_row(escape(o.country), escape(o.region), str(len(o.members)), escape(_some(o.members)))
    return table


def periods_table(org: OrganizationReport) -> Table:
    table = Table(title="members by the year they joined", title_justify="left")
    for column in ("year", "members", "who"):
        table.add_column(column, overflow="fold", justify="right" if column == "members" else "left")
    for p in org.by_period:
        table.add_row(p.period, str(len(p.members)), escape(_some(p.members)))
    return table


def crossings_table(org: OrganizationReport) -> Table:
    table = Table(title=f"{len(org.brokers)} brokers: members also tied to other organizations", title_justify="left")
    for column in ("member", "also in", "evidence"):
        table.add_column(column, overflow="fold")
    for c in org.brokers[:ROWS]:
        table.add_row(escape(c.name), escape(", ".join(c.organizations)), escape(evidence_text(c.evidence)))
    return table


def _some(names: tuple[str, ...], shown: int = 12) -> str:
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")
