"""A real learning record store for the xAPI tests: Ralph (PyPI ralph-malph) with its file backend, from its own
virtual environment (tests/peers/lrs/.venv, which `make test` builds), on 127.0.0.1, started once per test
session (the `lrs` fixture) and stopped by its process id.

Read statements back with `statement(id)`: Ralph answers a GET by statementId with {"statements": [...]}, and
its verb= and activity= filters find nothing with the file backend, so tests look statements up by id.
"""

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import requests

from tests.helpers.paths import PROJECT_ROOT

PEER = PROJECT_ROOT / "tests" / "peers" / "lrs"
PYTHON = PEER / ".venv" / "bin" / "python"
HOST = "127.0.0.1"
USERNAME, PASSWORD = "data-day", "test-only-lrs-password"
VERSION = {"X-Experience-API-Version": "1.0.3"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class LrsPeer:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.endpoint = f"http://{HOST}:{self.port}/xAPI/"
        self.log_file = directory / "lrs.log"
        self._env = {
            **os.environ,
            "RALPH_APP_DIR": str(directory),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(directory / "statements"),
        }
        self._process: subprocess.Popen | None = None

    def start(self, timeout: float = 30) -> None:
        (self.directory / "statements").mkdir()
        ralph = [str(PEER / ".venv" / "bin" / "ralph"), "auth", "-u", USERNAME, "-p", PASSWORD, "-s", "all"]
        subprocess.run(
            [*ralph, "-M", "mailto:lrs@example.gov.uk", "-w"], env=self._env, check=True, capture_output=True
        )
        server = ["-m", "uvicorn", "lrs_app:app", "--app-dir", str(PEER), "--host", HOST, "--port", str(self.port)]
        with self.log_file.open("wb") as log:
            self._process = subprocess.Popen(
                [str(PYTHON), *server], env=self._env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self._process.poll() is None, f"the LRS stopped:\n{self.log()}"
            try:
                requests.get(f"http://{HOST}:{self.port}/__heartbeat__", timeout=1).raise_for_status()
                return
            except requests.RequestException:
                time.sleep(0.05)
        raise TimeoutError(f"the LRS did not answer in {timeout} s:\n{self.log()}")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)

    def log(self) -> str:
        return self.log_file.read_text(errors="replace")

    @property
    def settings(self) -> dict[str, Any]:
        """What turns xAPI on in a test app, sending here."""
        return {
            "XAPI_ENABLED": True,
            "XAPI_ENDPOINT": self.endpoint,
            "XAPI_USERNAME": USERNAME,
            "XAPI_PASSWORD": PASSWORD,
        }

    def statements(self, statement_id: str) -> list[dict]:
        """Every statement the LRS holds with this id: one once sent, none before."""
        response = requests.get(
            self.endpoint + "statements",
            params={"statementId": statement_id},
            auth=(USERNAME, PASSWORD),
            headers=VERSION,
            timeout=10,
        )
        if response.status_code == 404:
            return []
        response.raise_for_status()
        return response.json()["statements"]

    def statement(self, statement_id: str) -> dict:
        found = self.statements(statement_id)
        assert len(found) == 1, f"the LRS holds {len(found)} statements with id {statement_id}"
        return found[0]

    def put(self, statement: dict) -> None:
        """Store a statement straight into the LRS, as another sender would."""
        response = requests.put(
            self.endpoint + "statements",
            params={"statementId": statement["id"]},
            json=statement,
            auth=(USERNAME, PASSWORD),
            headers=VERSION,
            timeout=10,
        )
        response.raise_for_status()
