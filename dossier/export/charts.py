"""The briefing's figures, drawn offline to SVG text: a network of relations and a timeline chart.

matplotlib's object API: no pyplot, so no GUI backend and no global figures; no network. Text stays
text (`svg.fonttype: none`), so names can be searched and read in the file; a fixed hash salt and no
date make every export byte-identical.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import date

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from dossier.dates import bounds

COLOURS = {"person": "#4c72b0", "organization": "#dd8452", "location": "#55a868"}  # by entity type
OTHER_COLOUR = "#8c8c8c"
STYLE = {"svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 9, "svg.image_inline": True}
LABEL_CHARS = 36  # longer names are cut with an ellipsis in figures (the tables give them whole)
SEED = 7  # the layout's random seed: the same network is drawn the same way every time


@dataclass(frozen=True)
class NetworkNode:
    id: int
    name: str
    type: str


@dataclass(frozen=True)
class NetworkEdge:
    source: int
    target: int
    label: str
    approx: bool


@dataclass(frozen=True)
class Bar:
    """A period on the timeline: a leadership or another relation, from start to end."""

    label: str
    start: str | None
    end: str | None
    approx: bool


@dataclass(frozen=True)
class Point:
    """An event on the timeline, drawn on the row of its type."""

    row: str
    date: str
    approx: bool


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[:LABEL_CHARS - 1] + "…"


def _svg(figure, salt: str) -> str:
    """The figure as SVG text, the same bytes for the same drawing."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": salt}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "dossier"})
    return buffer.getvalue()


def _layout(nodes: list[NetworkNode], edges: list[NetworkEdge], centre: int) -> dict[int, tuple[float, float]]:
    """Positions of the nodes: a seeded spring layout with the centre fixed in the middle."""
    import networkx as nx
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in nodes)
    graph.add_edges_from((e.source, e.target) for e in edges)
    if len(nodes) == 1:
        return {centre: (0.0, 0.0)}
    return nx.spring_layout(graph, seed=SEED, pos={centre: (0.0, 0.0)}, fixed=[centre],
                            k=1.6 / math.sqrt(len(nodes)))


def network_svg(nodes: list[NetworkNode], edges: list[NetworkEdge], centre: int) -> str:
    """The entities around one entity and the relations between them, coloured by type."""
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(9, 7), layout="constrained")
        ax = figure.subplots()
        position = _layout(nodes, edges, centre)
        for e in edges:
            (x1, y1), (x2, y2) = position[e.source], position[e.target]
            ax.plot([x1, x2], [y1, y2], color="#999999", linewidth=1.0, linestyle="--" if e.approx else "-",
                    zorder=1)
            if len(edges) <= 30:
                ax.text((x1 + x2) / 2, (y1 + y2) / 2, e.label, fontsize=7, color="#555555", ha="center",
                        va="center", parse_math=False, zorder=2,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.8})
        for n in nodes:
            x, y = position[n.id]
            big = n.id == centre
            ax.scatter([x], [y], s=420 if big else 160, color=COLOURS.get(n.type, OTHER_COLOUR),
                       edgecolors="black" if big else "white", linewidths=1.5, zorder=3)
            ax.text(x, y - 0.07, _short(n.name), fontsize=9 if big else 8, ha="center", va="top",
                    fontweight="bold" if big else "normal", parse_math=False, zorder=4)
        types = sorted({n.type for n in nodes})
        ax.legend(handles=[Patch(color=COLOURS.get(t, OTHER_COLOUR), label=t) for t in types],
                  loc="lower left", frameon=False)
        ax.set_axis_off()
        ax.margins(0.12)
        return _svg(figure, "dossier-network")


def _year(day: date) -> float:
    """A day as a fractional year, the timeline's x axis."""
    start = date(day.year, 1, 1)
    return day.year + (day - start).days / (date(day.year + 1, 1, 1) - start).days


def _span(bars: list[Bar], points: list[Point], as_of: str | None) -> tuple[float, float]:
    """The years the chart covers: every dated bar end and point, and the as-of date."""
    dates = [d for b in bars for d in (b.start, b.end) if d] + [p.date for p in points] + ([as_of] if as_of else [])
    years = [_year(day) for d in dates for day in bounds(d)]
    if not years:
        return 2000.0, 2001.0
    low, high = min(years), max(years)
    return math.floor(low) - 0.5, math.ceil(max(high, low + 1)) + 0.5


def timeline_svg(bars: list[Bar], points: list[Point], as_of: str | None = None) -> str:
    """Relation periods as horizontal bars (approximate ones hatched and lighter; open ends run to the
    chart's edge) and events as points on the row of their type, along the years."""
    rows = [b.label for b in bars] + sorted({p.row for p in points})
    low, high = _span(bars, points, as_of)
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(9, 1.2 + 0.32 * max(len(rows), 1)), layout="constrained")
        ax = figure.subplots()
        for y, b in enumerate(bars):
            start = _year(bounds(b.start)[0]) if b.start else low
            end = _year(bounds(b.end)[1]) if b.end else high
            uncertain = b.approx or not (b.start and b.end)
            ax.barh(y, max(end - start, 0.08), left=start, height=0.6, color=COLOURS["organization"],
                    alpha=0.45 if uncertain else 0.9, hatch="///" if uncertain else None, edgecolor="#7a4a2a",
                    linewidth=0.6)
        first_point_row = len(bars)
        point_rows = {row: first_point_row + i for i, row in enumerate(sorted({p.row for p in points}))}
        for p in points:
            lo, hi = (_year(d) for d in bounds(p.date))
            ax.plot([(lo + hi) / 2], [point_rows[p.row]], marker="o", markersize=6, color=COLOURS["person"],
                    alpha=0.45 if p.approx else 0.95, markeredgecolor="black", markeredgewidth=0.5)
            if hi - lo > 0.05:  # a month or a year: show how wide the date is
                ax.plot([lo, hi], [point_rows[p.row]] * 2, color=COLOURS["person"], linewidth=1.0, alpha=0.5)
        if as_of:
            ax.axvline(_year(bounds(as_of)[1]), color="#c44e52", linestyle=":", linewidth=1.2)
            ax.text(_year(bounds(as_of)[1]), -0.9, f"as of {as_of}", color="#c44e52", fontsize=8, ha="right",
                    parse_math=False)
        if not rows:
            ax.text((low + high) / 2, 0, "no dated facts", ha="center", va="center", color="#555555")
        ax.set_yticks(range(len(rows)), [_short(r) for r in rows], parse_math=False)
        ax.set_ylim(len(rows) - 0.5 if rows else 0.5, -1.2)
        ax.set_xlim(low, high)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        return _svg(figure, "dossier-timeline")
