"""The library API a notebook uses: `dossier.open(db).entity("Farooqi")`."""
from __future__ import annotations

import inspect
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from dossier import conflicts as contradictions
from dossier import query
from dossier.conflicts import Conflict
from dossier.dates import normalise
from dossier.export import ExportScope
from dossier.errors import AmbiguousName, NotFound, UsageError
from dossier.query import Hop, Moment, Neighbourhood, Tenure, neighbourhood
from dossier.registry import build_registry
from dossier import review as claim_review
from dossier.resolve import decisions as analyst
from dossier.resolve.decisions import Decision, Explanation
from dossier.resolve.names import name_key, spelling_key
from dossier.store import Store, open_store
from dossier.store import reviews, views
from dossier.store.views import DocumentInfo, EntityInfo, Profile, SourceInfo
from dossier.review import Review
from dossier.store import search
from dossier.store.search import Match

if TYPE_CHECKING:  # the analysis loads networkx: only when asked for
    from dossier.analysis.report import Analysis

MAX_PATH = 6  # relations a path may have


class KnowledgeBase:
    """A knowledge base opened for reading; the analyst's decisions (merge, split, undo) reopen it for
    writing, each in one transaction.

    Wherever a name is asked for, any name or alias of the entity will do, or "#ID" (the entity's id)
    when several entities go by one name.
    """

    def __init__(self, db: str | Path | None = None) -> None:
        self.store: Store = open_store(db)

    def close(self) -> None:
        """Close the database file."""
        self.store.close()

    def __enter__(self) -> "KnowledgeBase":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def documents(self) -> list[DocumentInfo]:
        """Every stored document."""
        return views.documents(self.store)

    def document(self, ref: str) -> DocumentInfo:
        """One document by name or path."""
        return views.document(self.store, ref)

    def sources(self, document: str | None = None) -> list[SourceInfo]:
        """Sources cited by one document, or by all."""
        return views.sources(self.store, document)

    def entities(self, type: str | None = None) -> list[EntityInfo]:
        """Resolved entities, optionally of one type (person, organization, location)."""
        from dossier.ontology import ontology
        if type is not None and type not in ontology().entity_types:
            raise UsageError(f"unknown entity type '{type}'", f"use one of: {', '.join(ontology().entity_types)}")
        return views.entities(self.store, type)

    def find(self, name: str) -> list[EntityInfo]:
        """Entities any document calls by this name or alias."""
        return views.find_entities(self.store, name_key(name), spelling_key(name) or None)

    def named(self, name: str) -> EntityInfo:
        """The one entity a name, alias or "#ID" stands for; an error when none or several do."""
        if re.fullmatch(r"#\d+", name.strip()):
            return views.entity_info(self.store, int(name.strip()[1:]))
        found = self.find(name)
        if not found:
            close = views.suggest(self.store, name, name_key(name))
            raise NotFound(f"no entity called '{name}'",
                           f"did you mean: {', '.join(close)}" if close else "list names with `dossier entities`")
        if len(found) > 1:
            exact = [e for e in found if name_key(e.name) == name_key(name)]
            if len(exact) != 1:
                listed = ", ".join(f"{e.name} (#{e.id}, {e.type}, {e.documents} documents)" for e in found[:8])
                raise AmbiguousName(f"'{name}' names {len(found)} entities: {listed}",
                                    "give a fuller name, or the #ID")
            return exact[0]
        return found[0]

    def entity(self, name: str, as_of: str | None = None, records: bool = True) -> Profile:
        """The profile of the entity known by this name; as of a date, only the relations that hold
        then and the events up to then. `records` False leaves out each document's record of it
        (`Profile.memberships`)."""
        date = _date(as_of)
        entity = self.named(name)
        if date is None:
            return views.profile(self.store, entity.id, info=entity, memberships=records)
        whole = views.profile(self.store, entity.id, per_type=None, info=entity,
                              memberships=records)  # what holds then may be past a page
        return query.profile_as_of(self.store, whole, date)

    def explain(self, name: str) -> Explanation:
        """Every name of an entity, which document uses which, why each document's record joined, and
        the analyst decisions that apply."""
        return analyst.explain(self.store, self.named(name).id)

    def leaders(self, org: str, as_of: str | None = None) -> list[Tenure]:
        """The leaders of an organization with their periods and evidence, oldest first; as of a date,
        those in office then."""
        date = _date(as_of)
        entity = self.named(org)
        if entity.type != "organization":
            raise UsageError(f"'{org}' is a {entity.type}, not an organization", "ask for the leaders of an organization")
        return query.leaders(self.store, entity.id, date)

    def timeline(self, name: str) -> list[Moment]:
        """Events and the starts and ends of relations of an entity, oldest first."""
        return query.timeline(self.store, self.named(name).id)

    def path(self, a: str, b: str, as_of: str | None = None, max_depth: int = MAX_PATH) -> list[Hop]:
        """The shortest chain of relations from one entity to another (empty when there is none)."""
        date = _date(as_of)
        source, target = self.named(a), self.named(b)
        if source.id == target.id:
            raise UsageError(f"'{a}' and '{b}' are one entity, {source.name}", "give two different entities")
        return query.path(self.store, source.id, target.id, max_depth=max_depth, as_of=date)

    def network(self, name: str, depth: int = 1, as_of: str | None = None, limit: int = 2000) -> Neighbourhood:
        """The entities up to `depth` relations away from one entity (at most `limit`), and the relations
        between them."""
        _check_depth(depth)
        date = _date(as_of)
        return query.neighbourhood(self.store, self.named(name).id, depth, date, limit)

    def conflicts(self, name: str | None = None,
                  progress: Callable[[int, int], None] | None = None) -> list[Conflict]:
        """Statements that contradict each other, about one entity or about any."""
        entity = self.named(name).id if name is not None else None
        return contradictions.conflicts(self.store, entity, progress)

    def analyze(self, as_of: str | None = None, org: str | None = None,
                progress: Callable[[str], None] | None = None) -> Analysis:
        """The network measured (central actors, communities, brokers) as of a date, and for an
        organization its members by origin and period, its succession and its brokers; `progress`
        is told each step."""
        from dossier.analysis.report import analyze
        date = _date(as_of)
        org_id = None
        if org is not None:
            entity = self.named(org)
            if entity.type != "organization":
                raise UsageError(f"'{org}' is a {entity.type}, not an organization", "give --org an organization")
            org_id = entity.id
        return analyze(self.store, date, org_id, progress or (lambda step: None))

    # ---- the analyst's decisions -------------------------------------------------------------

    def decisions(self) -> list[Decision]:
        """Every merge and split, undone ones too, oldest first."""
        return analyst.decisions(self.store)

    def merge(self, a: str, b: str, note: str | None = None) -> Decision:
        """Make two entities one, for good (until undone): re-ingest and re-extraction keep them one."""
        first, second = self.named(a), self.named(b)
        return analyst.merge(self._writable(), first, second, note, asked=(a, b))

    def split(self, name: str, alias: str, note: str | None = None) -> Decision:
        """Make the documents' records that call an entity by one alias a separate entity, for good."""
        entity = self.named(name)
        return analyst.split(self._writable(), entity, alias, note)

    def undo(self, decision_id: int) -> Decision:
        """Withdraw a merge or split; the entities it touched are re-clustered without it."""
        return analyst.undo(self._writable(), decision_id)

    # ---- the analyst's review of claims -------------------------------------------------------

    def review(self, claim_id: int, verdict: str, changes: dict | None = None, note: str | None = None) -> Review:
        """Accept, reject ("accept" | "reject") or edit a claim (changes: type, role, start, end of a
        relation; type, date of an event); kept through re-ingest, in place of any earlier review."""
        return claim_review.review(self._writable(), claim_id, verdict, changes, note)

    def reviews(self, status: str = "pending", limit: int = 50, offset: int = 0) -> tuple[list[Review], int]:
        """A page of claims by review status (pending | accepted | rejected | edited), and how many
        there are in all."""
        return claim_review.reviews(self.store, status, limit, offset)

    def search(self, text: str, type: str | None = None, limit: int = 20) -> list[Match]:
        """Entities with a name or alias that is, or begins with, this text (any case or accents)."""
        from dossier.ontology import ontology
        if type is not None and type not in ontology().entity_types:
            raise UsageError(f"unknown entity type '{type}'", f"use one of: {', '.join(ontology().entity_types)}")
        return search.search(self.store, name_key(text), text, type, limit)

    def _writable(self) -> Store:
        """The store, reopened for writing the first time a decision is taken."""
        if not self.store.write:
            writer = open_store(self.store.path, write=True)
            self.store.close()
            self.store = writer
        return self.store

    def export(self, format: str, out: str | Path, entity: str | None = None, depth: int = 1,
               as_of: str | None = None, progress: Callable[[int, int], None] | None = None,
               **options) -> list[Path]:
        """Write the knowledge base in a format other tools read; returns the files written.

        `entity` narrows the export to that entity's neighbourhood `depth` relations away; `as_of`
        to what holds on that date. Every exporter is called as
        ``export(store, out, scope=ExportScope(...), **options)``; `progress(done, total)` is passed on
        to the formats that report how far they are.
        """
        registry = build_registry()
        if format not in registry.exporters:
            raise UsageError(f"unknown export format '{format}'", f"available: {', '.join(sorted(registry.exporters))}")
        scope = ExportScope(as_of=_date(as_of), rejected=frozenset(reviews.rejected(self.store)))
        if entity is not None:
            _check_depth(depth)
            centre = self.named(entity)
            net = neighbourhood(self.store, centre.id, depth, scope.as_of)
            scope = replace(scope, centre=centre.id, entity_ids=frozenset(n.id for n in net.nodes))
        exporter = registry.exporters[format]
        if progress is not None and "progress" in inspect.signature(exporter).parameters:
            options["progress"] = progress
        return exporter(self.store, out, scope=scope, **options)


def _check_depth(depth: int) -> None:
    """An error naming a neighbourhood depth under 1."""
    if depth < 1:
        raise UsageError(f"depth {depth} is less than 1", "give a depth of 1 or more")


def _date(value: str | None) -> str | None:
    """A date a user gave for "as of", as a partial date; an error naming it when it is none."""
    if value is None:
        return None
    try:
        return normalise(value)
    except ValueError:
        raise UsageError(f"'{value}' is not a date", "give the as-of date as YYYY, YYYY-MM or YYYY-MM-DD") from None


def open(db: str | Path | None = None) -> KnowledgeBase:  # noqa: A001 - the API reads dossier.open(db)
    """Open a knowledge base for reading."""
    return KnowledgeBase(db)
