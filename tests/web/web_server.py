"""A real `dossier serve` in a subprocess on 127.0.0.1, for the web tests (fixtures in conftest.py)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import httpx

SCRIPT_NAME = "<script>alert(1)</script>"
STARTUP_SECONDS = 60


@dataclass
class Server:
    """A running `dossier serve`: where it answers and the database it serves."""

    url: str
    db: Path
    process: subprocess.Popen
    token: str | None = None
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        self.client = httpx.Client(base_url=self.url, headers=headers, timeout=60)

    def get(self, path: str, **params) -> httpx.Response:
        return self.client.get(path, params=params)

    def post(self, path: str, **kwargs) -> httpx.Response:
        return self.client.post(path, **kwargs)

    def entity_id(self, name: str) -> int:
        """The id of the entity the search finds first for a name."""
        found = self.get("/api/search", q=name).json()
        assert found, f"no entity found for {name!r}"
        return found[0]["id"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "dossier", "serve", "--db", str(db), *args]


@contextmanager
def start_server(db: Path, token: str | None = None, host: str = "127.0.0.1") -> Iterator[Server]:
    """`dossier serve` in a subprocess until the block ends; waits until it answers."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DOSSIER_DB", "DOSSIER_TOKEN")}
    process = subprocess.Popen(serve_command(db, "--host", host, "--port", str(port),
                                             *(["--token", token] if token else [])),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    server = Server(f"http://127.0.0.1:{port}", db, process, token)
    try:
        wait_until_answering(server)
        yield server
    finally:
        server.client.close()
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_answering(server: Server) -> None:
    """Return when the server answers; an error with its stderr when it exits or takes too long."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"dossier serve exited: {server.process.stderr.read()}")
        try:
            server.get("/api/health")
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"dossier serve did not answer within {STARTUP_SECONDS} s")
