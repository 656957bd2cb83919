"""Entity, relation and event types, read once from ontology.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class RelationType:
    """A relation type: which entity types it links and whether it reads both ways."""

    name: str
    label: str
    subject: tuple[str, ...]
    object: tuple[str, ...]
    symmetric: bool
    about: str


@dataclass(frozen=True)
class EventType:
    """An event type and what its agent and patient mean."""

    name: str
    label: str
    agent: str
    patient: str


@dataclass(frozen=True)
class Ontology:
    """Every type dossier knows."""

    entity_types: tuple[str, ...]
    relations: dict[str, RelationType]
    events: dict[str, EventType]
    roles: tuple[str, ...]
    stix: dict[str, str]

    def symmetric(self, relation_type: str) -> bool:
        """True when the relation reads the same both ways."""
        return self.relations[relation_type].symmetric

    def allows(self, relation_type: str, subject_type: str, object_type: str) -> bool:
        """True when the relation may link entities of these types."""
        r = self.relations[relation_type]
        return subject_type in r.subject and object_type in r.object


@cache
def ontology() -> Ontology:
    """The ontology declared in ontology.yaml."""
    raw = yaml.safe_load(resources.files("dossier").joinpath("ontology.yaml").read_text("utf-8"))
    relations = {
        name: RelationType(name, d["label"], tuple(d["subject"]), tuple(d["object"]),
                           bool(d.get("symmetric", False)), d.get("about", ""))
        for name, d in raw["relations"].items()
    }
    events = {name: EventType(name, d["label"], d.get("agent", ""), d.get("patient", ""))
              for name, d in raw["events"].items()}
    return Ontology(tuple(raw["entities"]), relations, events, tuple(raw["roles"]),
                    {name: d["stix"] for name, d in raw["entities"].items()})
