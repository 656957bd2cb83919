"""review, accept, reject and edit through the real command line: the analyst's verdict on a claim
changes what show, leaders and exports say, is kept through re-ingest, and bad input changes nothing."""
from __future__ import annotations

import json

import pytest

from samples import REPORTS, dump, error_line

KILLED = "A drone strike killed Hakimullah Mehsud in North Waziristan on 1 November 2013."
FAZLULLAH_LEADS = "Mullah Fazlullah took over the leadership of the TTP in November 2013."


def claim_stating(cli, db, sentence: str, claim_type: str, status: str = "pending") -> int:
    """The number of the claim of this type whose evidence is this sentence."""
    listed = json.loads(cli("review", "--status", status, "--limit", "500", "--json", db=db).stdout)
    return next(r["claim"]["id"] for r in listed["claims"] if r["claim"]["type"] == claim_type
                and any(e["sentence"] == sentence for e in r["claim"]["evidence"]))


def ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_review_lists_pending_claims_with_their_numbers_and_evidence(cli, reports_copy):
    text = ok(cli("review", "--limit", "500", db=reports_copy))
    assert text.splitlines()[0].endswith("pending claims")
    claim = claim_stating(cli, reports_copy, KILLED, "killing")
    assert f"#{claim} pending  2013-11-01 killing  patient: Hakimullah Mehsud" in text


def test_reject_takes_a_claim_out_of_the_profile(cli, reports_copy):
    claim = claim_stating(cli, reports_copy, KILLED, "killing")
    assert ok(cli("reject", str(claim), "--note", "not confirmed", db=reports_copy)).startswith(f"#{claim} rejected")
    profile = json.loads(ok(cli("show", "Hakimullah Mehsud", "--json", db=reports_copy)))
    assert claim not in [c["id"] for c in profile["claims"]]
    rejected = ok(cli("review", "--status", "rejected", db=reports_copy))
    assert "1 rejected claims" in rejected and "(not confirmed)" in rejected


def test_edit_changes_what_leaders_say_and_keeps_the_document_s_version(cli, reports_copy):
    claim = claim_stating(cli, reports_copy, FAZLULLAH_LEADS, "leader_of")
    ok(cli("edit", str(claim), "--start", "2013-10", db=reports_copy))
    leaders = json.loads(ok(cli("leaders", "TTP", "--json", db=reports_copy)))
    assert next(t["start"] for t in leaders if t["person"]["name"] == "Fazlullah") == "2013-10"
    edited = json.loads(ok(cli("review", "--status", "edited", "--json", db=reports_copy)))["claims"]
    assert [(r["claim"]["start"], r["reviewed"]["start"]) for r in edited] == [("2013-11", "2013-10")]


def test_accept_marks_the_claim_in_the_profile(cli, reports_copy):
    claim = claim_stating(cli, reports_copy, FAZLULLAH_LEADS, "leader_of")
    ok(cli("accept", f"#{claim}", db=reports_copy))
    profile = json.loads(ok(cli("show", "Fazlullah", "--json", db=reports_copy)))
    assert next(c["review"] for c in profile["claims"] if c["id"] == claim) == "accepted"


def test_a_later_verdict_replaces_an_earlier_one(cli, reports_copy):
    claim = claim_stating(cli, reports_copy, KILLED, "killing")
    ok(cli("reject", str(claim), db=reports_copy))
    ok(cli("accept", str(claim), db=reports_copy))
    assert "0 rejected claims" in ok(cli("review", "--status", "rejected", db=reports_copy))
    assert "1 accepted claims" in ok(cli("review", "--status", "accepted", db=reports_copy))


def test_a_rejection_survives_a_forced_reingest(cli, reports_copy):
    claim = claim_stating(cli, reports_copy, KILLED, "killing")
    ok(cli("reject", str(claim), db=reports_copy))
    ok(cli("ingest", REPORTS, "--force", db=reports_copy))
    again = claim_stating(cli, reports_copy, KILLED, "killing", status="rejected")
    profile = json.loads(ok(cli("show", "Hakimullah Mehsud", "--json", db=reports_copy)))
    assert again not in [c["id"] for c in profile["claims"]]


@pytest.mark.parametrize("args,line", [
    (["accept", "12x"], "Error: '12x' is not a claim number — give the number `dossier review` shows"),
    (["reject", "999999"], "Error: no claim #999999 — list claims to review with `dossier review`"),
    (["edit", "1"], "Error: nothing to edit in claim #1 — give a new value for one of: type, role, start, end"),
    (["edit", "1", "--start", "someday"], "Error: start 'someday' is not a date — give it as YYYY, YYYY-MM or "
                                         "YYYY-MM-DD"),
    (["edit", "1", "--type", "friend_of"], None),
    (["edit", "1", "--date", "2019"], "Error: 'date' cannot be edited in a relation claim — edit one of: type, role, "
                                      "start, end"),
    (["review", "--status", "maybe"], "Error: 'maybe' is not a review status — use one of: pending, accepted, "
                                      "rejected, edited"),
])
def test_bad_review_input_is_one_line_and_changes_nothing(cli, reports_copy, args, line):
    before = dump(reports_copy)
    result = cli(*args, db=reports_copy)
    assert result.returncode != 0
    shown = error_line(result)
    if line is None:
        assert shown.startswith("Error: 'friend_of' is not a relation type — use one of: ")
    else:
        assert shown == line
    assert dump(reports_copy) == before


def test_a_path_does_not_go_through_rejected_claims(cli, reports_copy):
    assert cli("path", "Fazlullah", "al-Qaeda", db=reports_copy).returncode == 0
    for claim in (claim_stating(cli, reports_copy, FAZLULLAH_LEADS, "leader_of"),
                  claim_stating(cli, reports_copy, "Maulana Fazlullah, who was also known as Fazal Hayat, led the "
                                "Tehreek-e-Taliban Pakistan from its base in Afghanistan.", "leader_of")):
        ok(cli("reject", str(claim), db=reports_copy))
    result = cli("path", "Fazlullah", "al-Qaeda", db=reports_copy)
    assert error_line(result).startswith("Error: no path between 'Fazlullah' and 'al-Qaeda'")
