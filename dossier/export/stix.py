"""STIX 2.1: the knowledge base as one bundle (bundle.json) that threat-intelligence platforms such
as OpenCTI import, and that the OASIS stix2-validator passes without errors. It warns, and its
--strict option makes errors of the warnings: ids that are UUIDv5 (not v4), x_dossier_ properties
(not extensions), relationship types of our own, and source URLs without a hash.

What becomes what:

| dossier                           | STIX 2.1                                                                    |
|-----------------------------------|-----------------------------------------------------------------------------|
| person                            | threat-actor: threat_actor_types ["unknown"], resource_level "individual",  |
|                                   | aliases (every other name a document uses)                                  |
| organization                      | intrusion-set with aliases; one whose subtype says it is no armed group     |
|                                   | (news_outlet) an identity with identity_class "organization"                |
| location                          | location: country (ISO code) where the gazetteer places it in one country,  |
|                                   | else region (its name, for a gazetteer region or continent, else "unknown") |
| relation (one per claim)          | relationship: based_in → located-at, origin → originates-from, the others   |
|                                   | their own name hyphenated (leader-of, member-of, ...; the validator warns)  |
| event (one per claim)             | incident (STIX 2.1's stub; OpenCTI imports it as an incident), with         |
|                                   | x_dossier_event_type, x_dossier_date; each participant a relationship from  |
|                                   | it: the agent attributed-to, the other roles related-to with x_dossier_role |
| document                          | report: published = its date, object_refs = the entities it names and the   |
|                                   | objects of its claims                                                       |
| conflict (dossier/conflicts.py)   | note: abstract = what it is about, content = both accounts with sources,    |
|                                   | object_refs = the two claims' objects                                       |

Every relationship and incident carries its evidence sentences as description, its cited sources as
external_references (source_name = publisher, description = title, url), its claim's confidence
(0-100), and the dates as stated in x_dossier_start / x_dossier_end / x_dossier_date. Partial dates
become instants: start_time is the first instant of the start's period ("2015" → 2015-01-01), stop_time
the first instant after the end's period (STIX wants stop_time after start_time: a relation from 2015
to 2015 spans that year); approximate dates set x_dossier_approx. A report whose document has no date
is published on the day it was ingested.

Ids are UUIDv5 from stable keys (an entity's first document record, a document's content hash, a
claim's fingerprint), so exporting again gives the same ids; created/modified are the knowledge
base's last ingest. Objects are built as plain dictionaries and written one by one: the stix2
library takes about 0.7 ms to build one object, which is half an hour for a million claims; the tests
parse every object with stix2 and run the validator on the bundle.
"""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterator, TextIO

from dossier.conflicts import Conflict, conflicts
from dossier.dates import bounds
from dossier.export import EVERYTHING, ExportScope
from dossier.export.files import atomic_streams, prepare_folder
from dossier.export.selection import check_as_of, check_not_empty, keeps, scoped_documents
from dossier.lang.gazetteer import gazetteer
from dossier.ontology import ontology
from dossier.store import Store
from dossier.store.batches import (ClaimRow, DocumentBatch, EntityRow, claim_keys, document_batches,
                                   entities_with_claims, entity_rows, last_ingest)
from dossier.store.views import ClaimView

NAMESPACE = uuid.UUID("93634897-d3f0-4759-bf41-b414cab91de3")  # dossier's own: the ids it derives are its own
FILE = "bundle.json"
RELATIONSHIP_TYPES = {"based_in": "located-at", "origin": "originates-from"}  # STIX's own words where they fit
IDENTITY_SUBTYPES = {"news_outlet"}  # organizations that are no armed group
REGION_SUBTYPES = {"region", "continent"}


def export_stix(store: Store, out: str | Path, scope: ExportScope = EVERYTHING,
                progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write bundle.json; `progress(done, total)` is told after each document and each entity whose
    conflicts are looked for."""
    check_not_empty(store)
    check_as_of(store, scope)
    folder = prepare_folder(out)
    stamp = _timestamp(last_ingest(store))
    with atomic_streams(folder) as open_file:
        bundle = Bundle(open_file(FILE), _id("bundle", f"{stamp}|{scope.as_of}|{sorted(scope.entity_ids or ())}"))
        entities = {e.id: bundle.add(entity_object(e, stamp)) for e in entity_rows(store, scope.entity_ids)}
        documents = scoped_documents(store, scope)
        looked_at = sorted(scope.entity_ids) if scope.entity_ids is not None else entities_with_claims(store)
        total = len(documents) + len(looked_at)
        for done, batch in enumerate(document_batches(store, documents), 1):
            for obj in document_objects(batch, scope, entities, stamp):
                bundle.add(obj)
            if progress:
                progress(done, total)
        for obj in conflict_notes(store, looked_at, scope, stamp,
                                  lambda n: progress(len(documents) + n, total) if progress else None):
            bundle.add(obj)
        bundle.close()
    return [folder / FILE]


class Bundle:
    """A STIX bundle written as a stream: its objects one by one, never all in memory."""

    def __init__(self, stream: TextIO, bundle_id: str) -> None:
        self.stream = stream
        self.count = 0
        stream.write(f'{{"type": "bundle", "id": "{bundle_id}", "objects": [')

    def add(self, obj: dict) -> tuple[str, str]:
        """Write one object; returns its id and name."""
        self.stream.write(("\n" if not self.count else ",\n") + json.dumps(obj, ensure_ascii=False))
        self.count += 1
        return obj["id"], obj.get("name", "")

    def close(self) -> None:
        self.stream.write("\n]}\n")


def _id(stix_type: str, key: str) -> str:
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, f'{stix_type}|{key}')}"


def _timestamp(iso: str | None) -> str:
    """A STIX timestamp (UTC, milliseconds) for an ISO timestamp."""
    moment = datetime.fromisoformat(iso) if iso else datetime(1970, 1, 1, tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _instant(day) -> str:
    return day.strftime("%Y-%m-%dT00:00:00Z")


def first_instant(partial: str) -> str:
    """The first instant of a partial date's period: "2015" → 2015-01-01T00:00:00Z."""
    return _instant(bounds(partial)[0])


def instant_after(partial: str) -> str:
    """The first instant after a partial date's period: "2015" → 2016-01-01T00:00:00Z."""
    return _instant(bounds(partial)[1] + timedelta(days=1))


def _common(stix_type: str, key: str, stamp: str) -> dict:
    return {"type": stix_type, "spec_version": "2.1", "id": _id(stix_type, key), "created": stamp, "modified": stamp}


# ---- entities ---------------------------------------------------------------------------------

def entity_object(entity: EntityRow, stamp: str) -> dict:
    """The STIX object of an entity: threat-actor, intrusion-set, identity or location."""
    stix_type = ontology().stix[entity.type]
    if entity.type == "organization" and entity.subtype in IDENTITY_SUBTYPES:
        stix_type = "identity"
    obj = {**_common(stix_type, entity.anchor, stamp), "name": entity.name}
    aliases = list(dict.fromkeys(n for n, _, _ in entity.names if n != entity.name))
    if stix_type == "threat-actor":
        obj.update(threat_actor_types=["unknown"], resource_level="individual")
    elif stix_type == "identity":
        obj["identity_class"] = "organization"
        if aliases:
            obj["x_dossier_aliases"] = aliases
    elif stix_type == "location":
        obj.update(place(entity.name))
    if aliases and stix_type in ("threat-actor", "intrusion-set"):
        obj["aliases"] = aliases
    if entity.subtype and stix_type != "identity":
        obj["x_dossier_subtype"] = entity.subtype
    return obj


def place(name: str) -> dict:
    """Where a location is in STIX terms: its country's ISO code, else a region."""
    gaz = gazetteer()
    countries = gaz.countries(name)
    if len(countries) == 1:
        return {"country": next(iter(countries))}
    known = gaz.place(name)
    if known and known.subtype in REGION_SUBTYPES:
        return {"region": "-".join(known.name.lower().split())}
    return {"region": "unknown"}


# ---- documents and their claims ---------------------------------------------------------------

def document_objects(batch: DocumentBatch, scope: ExportScope, entities: dict[int, tuple[str, str]],
                     stamp: str) -> Iterator[dict]:
    """The objects of a document's kept claims, then its report."""
    refs = [entities[e][0] for e in batch.entity_ids if e in entities]
    document_hash = batch.document["content_hash"]
    for claim in batch.claims:
        if not keeps(claim, scope):
            continue
        references = external_references(claim, batch.sources)
        if claim.kind == "relation":
            made = [relationship_object(claim, document_hash, entities, references, stamp)]
        else:
            made = list(incident_objects(claim, document_hash, entities, references, stamp))
        refs += [obj["id"] for obj in made]
        yield from made
    if refs:
        yield report_object(batch, refs, stamp)


def claim_id(kind: str, document_hash: str, key: str) -> str:
    """The STIX id of a claim's object: a relationship or an incident."""
    return _id("relationship" if kind == "relation" else "incident", f"{document_hash}|{key}")


def _claim_properties(claim: ClaimRow, references: list[dict]) -> dict:
    props = {"description": "\n".join(e.sentence for e in claim.evidence) or None,
             "confidence": round(claim.confidence * 100),
             "external_references": references or None,
             "x_dossier_approx": claim.approx or None}
    return {k: v for k, v in props.items() if v is not None}


def relationship_object(claim: ClaimRow, document_hash: str, entities: dict[int, tuple[str, str]],
                        references: list[dict], stamp: str) -> dict:
    """A relation claim as a relationship, with its period and sources."""
    subject, obj = claim.parties
    out = {**_common("relationship", f"{document_hash}|{claim.key}", stamp),
           "relationship_type": RELATIONSHIP_TYPES.get(claim.type, claim.type.replace("_", "-")),
           "source_ref": entities[subject.entity_id][0], "target_ref": entities[obj.entity_id][0]}
    if claim.start:
        out["start_time"] = first_instant(claim.start)
    if claim.end and (not claim.start or bounds(claim.end)[1] >= bounds(claim.start)[0]):
        out["stop_time"] = instant_after(claim.end)
    out.update(_claim_properties(claim, references))
    stated = {"x_dossier_start": claim.start, "x_dossier_end": claim.end, "x_dossier_role": claim.role}
    out.update({k: v for k, v in stated.items() if v})
    return out


def incident_objects(claim: ClaimRow, document_hash: str, entities: dict[int, tuple[str, str]],
                     references: list[dict], stamp: str) -> Iterator[dict]:
    """An event claim as an incident, and a relationship from it to each participant."""
    incident_id = claim_id("event", document_hash, claim.key)
    present = [p for p in claim.parties if p.entity_id in entities]
    named = [entities[p.entity_id][1] for p in present if p.role == "patient"] or \
            [entities[p.entity_id][1] for p in present]
    label = ontology().events[claim.type].label
    name = label + (f": {', '.join(named)}" if named else "") + (f" ({claim.date})" if claim.date else "")
    incident = {**_common("incident", f"{document_hash}|{claim.key}", stamp), "name": name,
                "x_dossier_event_type": claim.type}
    incident.update(_claim_properties(claim, references))
    stated = {"x_dossier_date": claim.date, "x_dossier_location": claim.location, "x_dossier_killed": claim.killed,
              "x_dossier_count": claim.count}
    incident.update({k: v for k, v in stated.items() if v is not None})
    yield incident
    for n, party in enumerate(present):
        yield {**_common("relationship", f"{document_hash}|{claim.key}|{n}|{party.role}", stamp),
               "relationship_type": "attributed-to" if party.role == "agent" else "related-to",
               "source_ref": incident_id, "target_ref": entities[party.entity_id][0], "x_dossier_role": party.role}


def external_references(claim: ClaimRow, sources: dict[int, dict]) -> list[dict]:
    """The sources a claim's evidence cites, each once."""
    found: dict[tuple, dict] = {}
    for source_id in (s for e in claim.evidence for s in e.sources):
        ref = source_reference(sources[source_id])
        found.setdefault(tuple(ref.items()), ref)
    return list(found.values())


def source_reference(source: dict) -> dict:
    """An external reference for a cited source: publisher (or author), title, address."""
    ref = {"source_name": source["publisher"] or source["author"] or "source",
           "description": source["title"] or source["note"] or f"{source['kind']} {source['local_id']}",
           "url": source["url"]}
    return {k: v for k, v in ref.items() if v}


def report_object(batch: DocumentBatch, refs: list[str], stamp: str) -> dict:
    """A document as a report on what it says."""
    d = batch.document
    published = first_instant(d["date"]) if d["date"] else _timestamp(d["ingested_at"])
    document_ref = {"source_name": d["publisher"] or "dossier", "external_id": d["name"],
                    "description": d["title"], "url": d["url"]}
    out = {**_common("report", f"{d['name']}|{d['content_hash']}", stamp), "name": d["title"] or d["name"],
           "report_types": ["threat-report"], "published": published, "object_refs": list(dict.fromkeys(refs)),
           "external_references": [{k: v for k, v in document_ref.items() if v}]}
    authors = json.loads(d["authors"])
    if authors:
        out["x_dossier_authors"] = authors
    if d["date"]:
        out["x_dossier_date"] = d["date"]
    return out


# ---- conflicts --------------------------------------------------------------------------------

def conflict_notes(store: Store, entity_ids: list[int], scope: ExportScope, stamp: str,
                   progress: Callable[[int], None]) -> Iterator[dict]:
    """A note for each conflict between two kept claims about these entities, each once."""
    seen: set[tuple] = set()
    for done, entity_id in enumerate(entity_ids, 1):
        for conflict in conflicts(store, entity_id):
            mark = (conflict.kind, *sorted((conflict.first.id, conflict.second.id)))
            if mark not in seen and keeps(conflict.first, scope) and keeps(conflict.second, scope):
                seen.add(mark)
                yield note_object(store, conflict, stamp)
        progress(done)


def note_object(store: Store, conflict: Conflict, stamp: str) -> dict:
    """A conflict as a note on the two claims' objects, with both accounts and their sources."""
    keys = claim_keys(store, [conflict.first.id, conflict.second.id])
    refs = [claim_id(c.kind, *keys[c.id]) for c in (conflict.first, conflict.second)]
    accounts = [_account(n, c) for n, c in enumerate((conflict.first, conflict.second), 1)]
    references: dict[tuple, dict] = {}
    for c in (conflict.first, conflict.second):
        for source in (s for e in c.evidence for s in e.sources):
            ref = {k: v for k, v in {"source_name": source.publisher or source.author or "source",
                                     "description": source.title or f"{source.kind} {source.local_id}",
                                     "url": source.url}.items() if v}
            references.setdefault(tuple(ref.items()), ref)
    out = {**_common("note", f"{conflict.kind}|{'|'.join(sorted(refs))}", stamp), "abstract": conflict.about,
           "content": "\n\n".join(accounts), "authors": ["dossier"], "object_refs": refs,
           "x_dossier_conflict": conflict.kind}
    if references:
        out["external_references"] = list(references.values())
    return out


def _account(n: int, claim: ClaimView) -> str:
    """One side of a conflict in words: what the document says, in its sentence, on whose word."""
    lines = [f"Account {n}, {claim.document}: {claim.type} {claim.date or claim.start or ''}".rstrip()]
    for e in claim.evidence:
        lines.append(f"“{e.sentence}”")
        lines += [f"  source: {', '.join(x for x in (s.title, s.publisher, s.date, s.url) if x)}" for s in e.sources]
    return "\n".join(lines)
