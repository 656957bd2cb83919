"""Reviews, merges, splits and uploads through the API of a real server: what they change is kept in
the database, seen by the command line, and survives a restart of the server and a re-ingest."""
from __future__ import annotations

import time

from web_server import start_server
from samples import REPORTS, dump

HAKIMULLAH_KILLED = "A drone strike killed Hakimullah Mehsud in North Waziristan on 1 November 2013."


def _claim_stating(server, sentence: str, type: str = "killing") -> int:
    """The id of the pending claim of this type whose evidence is this sentence."""
    page = server.get("/api/review", limit=500).json()
    return next(r["claim"]["id"] for r in page["items"]
                if r["claim"]["type"] == type and any(e["sentence"] == sentence for e in r["claim"]["evidence"]))


def _event_sentences(server, name: str, type: str = "killing") -> set[str]:
    """The sentences that state events of this type in an entity's profile."""
    profile = server.get(f"/api/entities/{server.entity_id(name)}").json()
    return {e["sentence"] for ev in profile["events"] if ev["type"] == type for e in ev["evidence"]}


def _review(server, claim: int, verdict: str, **body) -> dict:
    response = server.post(f"/api/claims/{claim}/review", json={"verdict": verdict, **body})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_rejected_claim_leaves_the_profile_and_is_listed_as_rejected(fresh_server):
    claim = _claim_stating(fresh_server, HAKIMULLAH_KILLED)
    assert _review(fresh_server, claim, "reject", note="wrong strike")["status"] == "rejected"
    assert HAKIMULLAH_KILLED not in _event_sentences(fresh_server, "Hakimullah Mehsud")
    listed = fresh_server.get("/api/review", status="rejected").json()
    assert [(r["claim"]["id"], r["note"]) for r in listed["items"]] == [(claim, "wrong strike")]


def test_an_edit_changes_the_profile_and_keeps_the_original(fresh_server):
    fazlullah = fresh_server.entity_id("Fazlullah")
    leads = next(r for r in fresh_server.get(f"/api/entities/{fazlullah}").json()["relations"]
                 if r["type"] == "leader_of")
    dated = next(c["id"] for c in leads["claims"] if c["document"] == "ttp-leaders")
    done = _review(fresh_server, dated, "edit", changes={"start": "2013-10"})
    assert (done["claim"]["start"], done["reviewed"]["start"], done["changes"]) == ("2013-11", "2013-10",
                                                                                   {"start": "2013-10"})
    leads = next(r for r in fresh_server.get(f"/api/entities/{fazlullah}").json()["relations"]
                 if r["type"] == "leader_of")
    assert (leads["start"], leads["review"]) == ("2013-10", "edited")


def test_a_bad_edit_is_422_and_changes_nothing(fresh_server):
    before = dump(fresh_server.db)
    response = fresh_server.post("/api/claims/1/review", json={"verdict": "edit", "changes": {"start": "soon"}})
    assert response.status_code == 422
    assert response.json()["detail"] == "start 'soon' is not a date — give it as YYYY, YYYY-MM or YYYY-MM-DD"
    assert fresh_server.post("/api/claims/999999/review", json={"verdict": "accept"}).status_code == 404
    assert dump(fresh_server.db) == before


def test_reviews_survive_a_restart_and_a_reingest_and_the_cli_sees_them(fresh_server, cli):
    rejected = _claim_stating(fresh_server, HAKIMULLAH_KILLED)
    _review(fresh_server, rejected, "reject")
    accepted = fresh_server.get("/api/review", limit=1).json()["items"][0]["claim"]["id"]
    _review(fresh_server, accepted, "accept")
    fresh_server.process.terminate()
    fresh_server.process.wait(10)
    reingest = cli("ingest", REPORTS, "--force", db=fresh_server.db)
    assert reingest.returncode == 0, reingest.stderr
    listed = cli("review", "--status", "rejected", db=fresh_server.db)
    assert HAKIMULLAH_KILLED in listed.stdout and "1 rejected claims" in listed.stdout
    with start_server(fresh_server.db) as again:
        assert HAKIMULLAH_KILLED not in _event_sentences(again, "Hakimullah Mehsud")
        assert again.get("/api/review", status="accepted").json()["total"] == 1
        assert again.get("/api/review", status="rejected").json()["items"][0]["claim"]["evidence"][0]["sentence"] \
            == HAKIMULLAH_KILLED


def test_a_review_by_the_cli_is_seen_by_the_server(fresh_server, cli):
    claim = _claim_stating(fresh_server, HAKIMULLAH_KILLED)
    assert cli("reject", str(claim), db=fresh_server.db).returncode == 0
    assert HAKIMULLAH_KILLED not in _event_sentences(fresh_server, "Hakimullah Mehsud")


def test_a_merge_by_the_api_is_explained_by_the_cli_and_undone_by_the_api(fresh_server, cli):
    response = fresh_server.post("/api/merge", json={"a": "Omar Khalid Khorasani", "b": "Abdul Wali Mohmand",
                                                    "note": "birth name"})
    assert response.status_code == 200, response.text
    decision = response.json()
    assert decision["text"] == "merge Omar Khalid Khorasani + Abdul Wali Mohmand"
    explained = cli("explain", "Abdul Wali Mohmand", db=fresh_server.db).stdout
    assert f"analyst decisions #{decision['id']} merge Omar Khalid Khorasani + Abdul Wali Mohmand — birth name" \
        in " ".join(explained.split())
    assert fresh_server.entity_id("Abdul Wali Mohmand") == fresh_server.entity_id("Omar Khalid Khorasani")
    undone = fresh_server.post(f"/api/decisions/{decision['id']}/undo").json()
    assert undone["undone_at"]
    assert fresh_server.entity_id("Abdul Wali Mohmand") != fresh_server.entity_id("Omar Khalid Khorasani")


def test_a_split_by_the_api_is_listed_by_the_cli(fresh_server, cli):
    response = fresh_server.post("/api/split", json={"name": "TTP", "alias": "Tehreek-e-Taliban Pakistan"})
    assert response.status_code == 200, response.text
    assert [d["kind"] for d in fresh_server.get("/api/decisions").json()] == ["split"]
    listed = cli("decisions", "--json", db=fresh_server.db)
    assert '"kind": "split"' in listed.stdout
    assert fresh_server.entity_id("Tehreek-e-Taliban Pakistan") != fresh_server.entity_id("Tehrik-i-Taliban Pakistan")


def test_a_merge_of_one_entity_with_itself_is_409_with_one_line(fresh_server):
    response = fresh_server.post("/api/merge", json={"a": "TTP", "b": "Tehrik-i-Taliban Pakistan"})
    assert response.status_code == 409
    assert response.json()["detail"].startswith("'TTP' and 'Tehrik-i-Taliban Pakistan' are already one entity")


def _finished(server, job: str) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        state = server.get(f"/api/jobs/{job}").json()
        if state["state"] in ("done", "failed"):
            return state
        time.sleep(0.2)
    raise AssertionError(f"job {job} did not finish: {state}")


NEW_REPORT = b"""\
# The Hill Brigade

Tariq Zaman, the leader of the Hill Brigade, was arrested in Quetta in March 2020.[^1]

[^1]: "Brigade chief held", Frontier Review, 3 March 2020.
"""


def test_an_uploaded_report_is_stored_and_searchable(fresh_server):
    response = fresh_server.post("/api/upload", files=[("files", ("hill-brigade.md", NEW_REPORT, "text/markdown"))])
    assert response.status_code == 202
    state = _finished(fresh_server, response.json()["job"])
    assert (state["state"], state["done"], state["total"]) == ("done", 1, 1)
    assert [(r["file"], r["status"]) for r in state["results"]] == [("hill-brigade.md", "added")]
    assert "hill-brigade" in {d["name"] for d in fresh_server.get("/api/documents").json()}
    assert [e["name"] for e in fresh_server.get("/api/search", q="Tariq Zaman").json()] == ["Tariq Zaman"]


def test_a_binary_upload_fails_with_its_reason_and_leaves_the_store_unchanged(fresh_server):
    before = dump(fresh_server.db)
    response = fresh_server.post("/api/upload", files=[("files", ("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe",
                                                                  "text/markdown"))])
    state = _finished(fresh_server, response.json()["job"])
    assert state["state"] == "done"
    [result] = state["results"]
    assert (result["file"], result["status"]) == ("photo.md", "failed")
    assert result["message"].endswith("photo.md: binary content, not a text file — give a Markdown, text, HTML "
                                      "or PDF file")
    assert "\n" not in result["message"]
    assert dump(fresh_server.db) == before


def test_an_upload_without_a_file_name_is_422(fresh_server):
    response = fresh_server.post("/api/upload", files=[("files", ("..", b"text", "text/plain"))])
    assert response.status_code == 422
    assert response.json()["detail"] == "'..' is not a file name to keep an upload under — upload a file with a " \
                                        "plain name"


def test_reading_goes_on_while_an_upload_is_stored(fresh_server):
    files = [("files", (f"brigade-{i}.md", NEW_REPORT.replace(b"Hill", f"Hill {i}".encode()), "text/markdown"))
             for i in range(3)]
    job = fresh_server.post("/api/upload", files=files).json()["job"]
    answered_while_running = 0
    while (state := fresh_server.get(f"/api/jobs/{job}").json())["state"] in ("queued", "running"):
        response = fresh_server.get("/api/search", q="Fazlullah")
        assert response.status_code == 200 and response.json()[0]["name"] == "Fazlullah"
        answered_while_running += state["state"] == "running"
    assert state["state"] == "done" and state["done"] == 3
    assert answered_while_running > 0
    assert (fresh_server.db.parent / "kb-uploads" / "brigade-2.md").is_file()
