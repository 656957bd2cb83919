"""`dossier serve` itself: where it may listen, the access token, and its OpenAPI description
exercised by schemathesis without a server error."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import httpx

from web_server import Server, free_port, serve_command, start_server, wait_until_answering
from samples import dump, error_line

TOKEN = "s3cret-token"


def test_serving_on_another_address_without_a_token_is_refused_in_one_line(web_db, cli):
    result = cli("serve", "--host", "0.0.0.0", "--port", str(free_port()), db=web_db, timeout=60)
    assert result.returncode == 2
    assert error_line(result) == ("Error: --host 0.0.0.0 can be reached from other machines, and no access token "
                                  "is set — give one with --token or DOSSIER_TOKEN, or listen on 127.0.0.1")


def test_serving_a_missing_database_is_refused_in_one_line(tmp_path, cli):
    result = cli("serve", "--port", str(free_port()), db=tmp_path / "none.db", timeout=60)
    assert result.returncode == 1
    assert error_line(result).startswith(f"Error: {tmp_path / 'none.db'}: no database here")


def test_a_token_server_refuses_requests_without_the_token(web_db, tmp_path):
    db = tmp_path / "kb.db"
    shutil.copyfile(web_db, db)
    with start_server(db, token=TOKEN, host="0.0.0.0") as server:
        bare = httpx.get(f"{server.url}/api/health")
        assert bare.status_code == 401
        assert bare.json()["detail"].startswith("this workspace needs its access token")
        assert httpx.get(f"{server.url}/api/health", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert httpx.get(f"{server.url}/openapi.json").status_code == 401
        assert httpx.get(f"{server.url}/").status_code == 401
        assert httpx.post(f"{server.url}/api/claims/1/review", json={"verdict": "reject"}).status_code == 401
        assert server.get("/api/health").json()["ok"] is True


def test_a_token_in_the_address_once_sets_a_cookie_that_carries_it(web_db, tmp_path):
    db = tmp_path / "kb.db"
    shutil.copyfile(web_db, db)
    with start_server(db, token=TOKEN) as server:
        with httpx.Client(base_url=server.url) as browser:
            first = browser.get("/api/health", params={"token": TOKEN})
            assert first.status_code == 200
            assert "httponly" in first.headers["set-cookie"].lower()
            assert "samesite=strict" in first.headers["set-cookie"].lower()
            assert browser.get("/api/health").status_code == 200


def test_the_token_may_come_from_the_environment(web_db, tmp_path):
    db = tmp_path / "kb.db"
    shutil.copyfile(web_db, db)
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if k != "DOSSIER_DB"}, "DOSSIER_TOKEN": TOKEN}
    process = subprocess.Popen(serve_command(db, "--host", "0.0.0.0", "--port", str(port)), env=env,
                               stderr=subprocess.PIPE, text=True)
    try:
        server = Server(f"http://127.0.0.1:{port}", db, process, TOKEN)
        wait_until_answering(server)
        assert httpx.get(f"{server.url}/api/health").status_code == 401
        assert server.get("/api/health").status_code == 200
    finally:
        process.terminate()
        process.wait(10)


def test_schemathesis_finds_no_server_error(web_db, tmp_path):
    db = tmp_path / "kb.db"
    shutil.copyfile(web_db, db)
    with start_server(db) as server:
        result = subprocess.run(
            [sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/openapi.json", "--checks",
             "not_a_server_error", "--max-examples", "10", "--generation-deterministic", "--no-color"],
            capture_output=True, text=True, timeout=300, cwd=tmp_path)  # its cache goes to tmp_path
        assert result.returncode == 0, result.stdout[-3000:]
        assert " passed" in result.stdout and "failed" not in result.stdout.split("Test cases:")[-1]
        assert server.get("/api/health").json()["ok"] is True
    assert dump(db)  # the store is still a readable database
