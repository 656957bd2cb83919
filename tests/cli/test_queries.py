"""The question commands (leaders, timeline, show --as-of, conflicts, path, network, explain) through the
real command line, on the reports in tests/data/kb, which state what each test asks."""
from __future__ import annotations

import json
import subprocess

from samples import words


def answer(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return words(result.stdout)


def as_json(result: subprocess.CompletedProcess):
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# ---- leaders --------------------------------------------------------------------------------

def test_leaders_show_each_period_at_the_precision_stated_with_its_evidence(cli, reports_db):
    text = answer(cli("leaders", "TTP", db=reports_db))
    assert "Hakimullah Mehsud 2009-08 – 2013-11 (succeeded by Fazlullah)" in text
    assert "Noor Wali Mehsud since 2018-06" in text
    assert ("“Hakimullah Mehsud took over the leadership of the TTP in August 2009.” — ttp-leaders "
            "[2: “Baitullah Mehsud confirmed dead”, BBC News, 2009-08-07]") in text
    assert text.index("Baitullah Mehsud 2007-12") < text.index("Hakimullah Mehsud 2009-08") < text.index(
        "Fazlullah 2013-11") < text.index("Noor Wali Mehsud since")


def test_leaders_as_of_give_another_leader_before_and_after_a_succession(cli, reports_db):
    before = as_json(cli("leaders", "TTP", "--as-of", "2013-06", "--json", db=reports_db))
    after = as_json(cli("leaders", "TTP", "--as-of", "2014-06", "--json", db=reports_db))
    assert [t["person"]["name"] for t in before] == ["Hakimullah Mehsud"]
    assert [t["person"]["name"] for t in after] == ["Fazlullah"]
    assert (after[0]["start"], after[0]["end"]) == ("2013-11", "2018-06")
    assert after[0]["claims"][0]["evidence"][0]["sources"][0]["title"]


def test_a_leadership_stated_in_years_is_shown_in_years(cli, reports_db):
    assert "Omar Khalid Khorasani 2014 – 2020" in answer(cli("leaders", "Jamaat-ul-Ahrar", db=reports_db))


def test_leaders_as_of_after_a_leadership_ended_list_no_one(cli, reports_db):
    assert as_json(cli("leaders", "Jamaat-ul-Ahrar", "--as-of", "2021", "--json", db=reports_db)) == []
    assert "leaders of Jamaat-ul-Ahrar 0 in office as of 2021" in answer(
        cli("leaders", "Jamaat-ul-Ahrar", "--as-of", "2021", db=reports_db))


# ---- timeline and show --as-of -----------------------------------------------------------------

def test_timeline_is_oldest_first_with_precision_and_sources(cli, reports_db):
    text = answer(cli("timeline", "Jamaat-ul-Ahrar", db=reports_db))
    began = "2014 begins Omar Khalid Khorasani leader of Jamaat-ul-Ahrar ttp-ahrar [1: “Taliban splinter group names new chief”, The News, 2014-08-27]"
    based = "2014 (approx) begins Jamaat-ul-Ahrar based in Nangarhar"
    ended = "2020 ends Omar Khalid Khorasani leader of Jamaat-ul-Ahrar"
    assert began in text and based in text and ended in text
    assert text.index(began) < text.index(ended)


def test_timeline_json_has_each_moment_with_its_evidence(cli, reports_db):
    moments = as_json(cli("timeline", "Hakimullah Mehsud", "--json", db=reports_db))
    dated = [m["date"] for m in moments if m["date"]]
    assert dated == sorted(dated)
    deaths = [m for m in moments if m["fact"]["type"] == "killing"]
    assert [(m["date"], m["what"]) for m in deaths] == [("2013-11-01", "event")]
    assert deaths[0]["fact"]["claims"][0]["evidence"][0]["sentence"] == (
        "A drone strike killed Hakimullah Mehsud in North Waziristan on 1 November 2013.")


def test_show_as_of_keeps_only_what_held_then(cli, reports_db):
    early = as_json(cli("show", "Hakimullah Mehsud", "--as-of", "2010", "--json", db=reports_db))
    late = as_json(cli("show", "Hakimullah Mehsud", "--as-of", "2016", "--json", db=reports_db))
    assert early["as_of"] == "2010" and late["as_of"] == "2016"
    assert "leader_of" in {c["type"] for c in early["claims"]}
    assert "leader_of" not in {c["type"] for c in late["claims"]}
    assert "killing" not in {c["type"] for c in early["claims"]}
    assert "killing" in {c["type"] for c in late["claims"]}


def test_show_as_of_says_so_in_its_heading(cli, reports_db):
    text = answer(cli("show", "Omar Khalid Khorasani", "--as-of", "2021", db=reports_db))
    assert text.startswith("Omar Khalid Khorasani person 1 document, 0 claims as of 2021")


# ---- conflicts ------------------------------------------------------------------------------

def test_conflicts_of_a_person_put_the_two_accounts_side_by_side(cli, reports_db):
    text = answer(cli("conflicts", "Ehsanullah Ehsan", db=reports_db))
    assert "account: Ehsanullah Ehsan: arrest or surrender?" in text
    assert "ttp-ehsan says" in text and "ttp-split says" in text
    for quoted in ("Militant spokesman held", "Former TTP spokesman surrenders", "Security forces arrested"):
        assert quoted in text


def test_conflicts_json_holds_both_claims_with_their_sentences(cli, reports_db):
    found = as_json(cli("conflicts", "--json", db=reports_db))
    kinds = {c["kind"] for c in found}
    assert {"account", "date"} <= kinds
    dates = [c for c in found if c["kind"] == "date" and c["first"]["type"] == "killing"]
    assert sorted(c["date"] for c in (dates[0]["first"], dates[0]["second"])) == ["2018-06-13", "2018-06-14"]
    assert all(c["first"]["evidence"][0]["sentence"] and c["second"]["evidence"][0]["sentence"] for c in found)


def test_a_name_without_conflicts_says_none(cli, reports_db):
    assert answer(cli("conflicts", "Jamaat-ul-Ahrar", db=reports_db)) == "0 conflicts"


# ---- path and network ----------------------------------------------------------------------

def test_path_gives_each_hop_with_its_sentence_and_citation(cli, reports_db):
    text = answer(cli("path", "Omar Khalid Khorasani", "al-Qaeda", db=reports_db))
    assert text.startswith("Omar Khalid Khorasani → al-Qaeda 3 relations")
    assert ("1. Omar Khalid Khorasani leader of Jamaat-ul-Ahrar (2014 – 2020) “Omar Khalid Khorasani led "
            "Jamaat-ul-Ahrar from 2014 to 2020.” — ttp-ahrar [1: “Taliban splinter group names new chief”, The News,"
            " 2014-08-27]") in text
    assert "allied with al-Qaeda" in text and "“The TTP is allied with al-Qaeda.”" in text


def test_path_json_is_the_list_of_hops(cli, reports_db):
    hops = as_json(cli("path", "Omar Khalid Khorasani", "al-Qaeda", "--as-of", "2016", "--json", db=reports_db))
    assert [h["claim"]["type"] for h in hops][0] == "leader_of"
    assert len(hops) == 3 and hops[-1]["claim"]["type"] == "allied_with"


def test_network_lists_nodes_by_distance_and_the_relations_between_them(cli, reports_db):
    text = answer(cli("network", "Jamaat-ul-Ahrar", db=reports_db))
    assert "entities within 1 relations of Jamaat-ul-Ahrar" in text
    assert "Omar Khalid Khorasani leader of Jamaat-ul-Ahrar 2014 – 2020 ttp-ahrar" in text
    assert "Jamaat-ul-Ahrar based in Nangarhar since 2014 (approx) ttp-ahrar" in text


def test_network_json_has_nodes_and_edges(cli, reports_db):
    net = as_json(cli("network", "Jamaat-ul-Ahrar", "--depth", "2", "--json", db=reports_db))
    distance = {n["name"]: n["distance"] for n in net["nodes"]}
    assert distance["Jamaat-ul-Ahrar"] == 0 and distance["Omar Khalid Khorasani"] == 1
    assert distance["Noor Wali Mehsud"] == 2  # through the TTP
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])


def test_network_as_of_leaves_out_relations_that_had_ended_or_not_begun(cli, reports_db):
    net = as_json(cli("network", "Jamaat-ul-Ahrar", "--depth", "2", "--as-of", "2021", "--json", db=reports_db))
    names = {n["name"] for n in net["nodes"]}
    assert "Omar Khalid Khorasani" not in names  # his leadership ended in 2020
    assert "Noor Wali Mehsud" in names  # his began in 2018


# ---- explain --------------------------------------------------------------------------------

def test_explain_says_which_document_uses_which_name_and_why_each_joined(cli, reports_db):
    x = as_json(cli("explain", "Tehreek-e-Taliban Pakistan", "--json", db=reports_db))
    uses = {n["name"]: n["documents"] for n in x["names"]}
    assert uses["Tehreek-e-Taliban Pakistan"] == ["ttp-split"]
    assert "ttp-leaders" in uses["TTP"]
    records = {r["document"]: r for r in x["records"]}
    assert set(records) == {"paktika-blast", "ttp-ahrar", "ttp-ehsan", "ttp-leaders", "ttp-split"}
    assert sum(r["reason"].startswith("first named") for r in records.values()) == 1
    assert x["decisions"] == []


def test_explain_prints_names_records_and_reasons(cli, reports_db):
    text = answer(cli("explain", "TTP", db=reports_db))
    assert "why each document's record belongs" in text
    assert "ttp-split Tehreek-e-Taliban Pakistan" in text
