"""`export --format stix`: a STIX 2.1 bundle that the OASIS validator passes, holding what the reports say."""
from __future__ import annotations

from pathlib import Path

import stix2
from stix2validator import ValidationOptions, validate_file

import dossier

from river_reports import export, objects


def errors_of(bundle: Path) -> list[str]:
    """What the validator finds wrong with a bundle file (its warnings are allowed)."""
    result = validate_file(str(bundle), ValidationOptions(version="2.1"))
    assert result.object_results, "the validator read no object"
    return [e for o in result.object_results for e in o.errors] + ([] if result.is_valid else ["not valid"])


def one(bundle: Path, stix_type: str, **match) -> dict:
    """The single object of a type whose properties have these values."""
    found = [o for o in objects(bundle, stix_type) if all(o.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (stix_type, match, found)
    return found[0]


def test_the_bundle_passes_the_stix2_validator_without_errors(river_bundle):
    assert errors_of(river_bundle) == []


def test_every_object_parses_with_the_stix2_library(river_bundle):
    parsed = stix2.parse(river_bundle.read_text("utf-8"), allow_custom=True)
    assert len(parsed.objects) == len(objects(river_bundle))
    assert {o.spec_version for o in parsed.objects} == {"2.1"}


def test_each_entity_claim_document_and_conflict_is_one_object(river_bundle, river):
    entities = river.entities()
    claims = [c for e in river.entities() for c in river.entity(f"#{e.id}").claims]
    claims = {c.id: c for c in claims}.values()
    relations = [c for c in claims if c.kind == "relation"]
    events = [c for c in claims if c.kind == "event"]
    counts = {t: len(objects(river_bundle, t)) for t in
              ("threat-actor", "intrusion-set", "identity", "location", "relationship", "incident", "report", "note")}
    assert counts["threat-actor"] == sum(e.type == "person" for e in entities)
    assert counts["intrusion-set"] + counts["identity"] == sum(e.type == "organization" for e in entities)
    assert counts["location"] == sum(e.type == "location" for e in entities)
    assert counts["incident"] == len(events)
    assert counts["relationship"] == len(relations) + sum(len(c.parties) for c in events)
    assert counts["report"] == len(river.documents())
    assert counts["note"] == len(river.conflicts()) == 1


def test_a_person_is_a_threat_actor_with_every_alias(river_bundle, river):
    actor = one(river_bundle, "threat-actor", name="Haroon Qadri")
    names = [n.name for n in river.entity("Abu Talha").names]
    assert actor["aliases"] == [n for n in names if n != "Haroon Qadri"]
    assert "Abu Talha" in actor["aliases"]
    assert actor["threat_actor_types"] == ["unknown"]


def test_an_armed_group_is_an_intrusion_set_with_its_acronym(river_bundle):
    assert one(river_bundle, "intrusion-set", name="River Liberation Front")["aliases"] == ["RLF"]


def test_a_place_the_gazetteer_knows_has_its_country_code(river_bundle):
    assert one(river_bundle, "location", name="Lahore")["country"] == "PK"


def test_a_relation_period_becomes_start_and_stop_time(river_bundle, river):
    actor = one(river_bundle, "threat-actor", name="Haroon Qadri")["id"]
    front = one(river_bundle, "intrusion-set", name="River Liberation Front")["id"]
    led = one(river_bundle, "relationship", source_ref=actor, target_ref=front, x_dossier_start="2014-03")
    tenure = next(t for t in river.leaders("RLF") if t.person.name == "Haroon Qadri")
    assert (tenure.start, tenure.end) == ("2014-03", "2018-06")
    assert led["relationship_type"] == "leader-of"
    assert led["start_time"] == "2014-03-01T00:00:00Z"  # the first instant of March 2014
    assert led["stop_time"] == "2018-07-01T00:00:00Z"  # the first instant after June 2018
    assert led["x_dossier_end"] == "2018-06"


def test_a_relation_without_an_end_has_no_stop_time(river_bundle):
    actor = one(river_bundle, "threat-actor", name="Naveed Anjum")["id"]
    member = one(river_bundle, "relationship", source_ref=actor)
    assert (member["relationship_type"], member["start_time"]) == ("member-of", "2015-01-01T00:00:00Z")
    assert "stop_time" not in member


def test_based_in_is_located_at(river_bundle):
    front = one(river_bundle, "intrusion-set", name="River Liberation Front")["id"]
    lahore = one(river_bundle, "location", name="Lahore")["id"]
    assert one(river_bundle, "relationship", source_ref=front, target_ref=lahore)["relationship_type"] == "located-at"


def test_cited_sources_are_external_references(river_bundle):
    actor = one(river_bundle, "threat-actor", name="Haroon Qadri")["id"]
    led = one(river_bundle, "relationship", source_ref=actor, x_dossier_start="2014-03")
    assert led["external_references"] == [{"source_name": "Frontier Review", "description": "Leaders of the river",
                                            "url": "https://frontier-review.example.org/river-leaders"}]
    assert led["description"] == "Haroon Qadri led the River Liberation Front from March 2014 to June 2018."


def test_an_event_is_an_incident_linked_to_its_participants(river_bundle):
    arrest = one(river_bundle, "incident", x_dossier_event_type="arrest")
    assert (arrest["name"], arrest["x_dossier_date"]) == ("arrest: Haroon Qadri (2019-08)", "2019-08")
    link = one(river_bundle, "relationship", source_ref=arrest["id"])
    assert link["target_ref"] == one(river_bundle, "threat-actor", name="Haroon Qadri")["id"]
    assert (link["relationship_type"], link["x_dossier_role"]) == ("related-to", "patient")


def test_a_conflict_is_a_note_on_both_accounts_with_their_sources(river_bundle):
    note = one(river_bundle, "note")
    arrest = one(river_bundle, "incident", x_dossier_event_type="arrest")
    surrender = one(river_bundle, "incident", x_dossier_event_type="surrender")
    assert sorted(note["object_refs"]) == sorted([arrest["id"], surrender["id"]])
    assert note["abstract"] in ("Haroon Qadri: arrest or surrender?", "Haroon Qadri: surrender or arrest?")
    assert "Police arrested Haroon Qadri in August 2019." in note["content"]
    assert "Haroon Qadri surrendered to the authorities in August 2019." in note["content"]
    assert {r["description"] for r in note["external_references"]} == {"Qadri held", "Front leader gives himself up"}


def test_a_document_is_a_report_on_the_objects_it_evidences(river_bundle):
    report = one(river_bundle, "report", name="The River Front and its leaders")
    assert report["published"] == "2022-02-10T00:00:00Z"
    led = one(river_bundle, "relationship", x_dossier_start="2014-03")
    actor = one(river_bundle, "threat-actor", name="Haroon Qadri")
    surrender = one(river_bundle, "incident", x_dossier_event_type="surrender")
    assert {led["id"], actor["id"]} <= set(report["object_refs"])
    assert surrender["id"] not in report["object_refs"]  # the other report says that


def dangling(bundle: Path) -> set[str]:
    """The ids that objects of a bundle refer to but that the bundle does not hold."""
    held = {o["id"] for o in objects(bundle)}
    refs = {o.get(k) for o in objects(bundle) for k in ("source_ref", "target_ref")} - {None}
    refs |= {r for o in objects(bundle) for r in o.get("object_refs", ())}
    return refs - held


def test_every_reference_points_into_the_bundle(river_bundle):
    assert dangling(river_bundle) == set()


def test_exporting_again_gives_the_same_bundle(river_bundle, river_db, tmp_path, cli):
    export(cli, river_db, "stix", tmp_path)
    assert (tmp_path / "bundle.json").read_bytes() == river_bundle.read_bytes()


def test_as_of_keeps_what_holds_then(river_db, tmp_path, cli):
    export(cli, river_db, "stix", tmp_path, "--as-of", "2016-05")
    bundle = tmp_path / "bundle.json"
    assert errors_of(bundle) == []
    starts = {r.get("x_dossier_start") for r in objects(bundle, "relationship")}
    assert "2014-03" in starts  # Qadri led the Front then
    assert "2018-07" not in starts  # Sethi only from July 2018
    assert objects(bundle, "incident") == [] and objects(bundle, "note") == []  # the events came in 2019


def test_entity_narrows_to_its_neighbourhood(river_db, tmp_path, cli):
    export(cli, river_db, "stix", tmp_path, "--entity", "Hill Brigade", "--depth", "1")
    bundle = tmp_path / "bundle.json"
    assert errors_of(bundle) == []
    assert dangling(bundle) == set()
    named = sorted(o["name"] for o in objects(bundle) if o["type"] in ("intrusion-set", "threat-actor", "location"))
    assert named == ["Hill Brigade", "River Liberation Front"]
    incidents = {o["id"]: o["x_dossier_event_type"] for o in objects(bundle, "incident")}
    assert list(incidents.values()) == ["appointment"]  # of Sethi, as chief of the Front
    links = [(r["relationship_type"], incidents.get(r["source_ref"])) for r in objects(bundle, "relationship")]
    assert sorted(links) == [("part-of", None), ("related-to", "appointment")]  # Sethi himself is outside


def test_the_development_documents_export_to_a_valid_bundle(dev_corpus, cli, tmp_path):
    db = tmp_path / "kb.db"  # no store of them is shared between test folders: ingest them here
    assert cli("ingest", dev_corpus, db=db).returncode == 0
    export(cli, db, "stix", tmp_path / "out")
    dev_bundle = tmp_path / "out" / "bundle.json"
    assert errors_of(dev_bundle) == []
    parsed = stix2.parse(dev_bundle.read_text("utf-8"), allow_custom=True)
    kinds = {o.type for o in parsed.objects}
    assert {"threat-actor", "intrusion-set", "location", "relationship", "report"} <= kinds
    with dossier.open(db) as kb:
        assert len(objects(dev_bundle, "report")) == len(kb.documents()) >= 6
