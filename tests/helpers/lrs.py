"""A real learning record store for the xAPI tests: Ralph (PyPI ralph-malph) with its file backend, from its own
virtual environment (tests/peers/lrs/.venv, which `make test` builds), on 127.0.0.1, started once per test
session (the `lrs` fixture) and stopped by its process id.

Read statements back with `statement(id)`: Ralph answers a GET by statementId with {"statements": [...]}, and
its verb= and activity= filters find nothing with the file backend, so tests look statements up by id.
"""

import os
import subprocess
from pathlib import Path
from typing import Any

import requests

from tests.helpers.paths import PROJECT_ROOT
from tests.helpers.peers import HOST, PeerProcess

PEER = PROJECT_ROOT / "tests" / "peers" / "lrs"
PYTHON = PEER / ".venv" / "bin" / "python"
USERNAME, PASSWORD = "data-day", "test-only-lrs-password"
VERSION = {"X-Experience-API-Version": "1.0.3"}


class LrsPeer(PeerProcess):
    name = "the LRS"

    def __init__(self, directory: Path) -> None:
        super().__init__(directory / "lrs.log")
        self.directory = directory
        self.endpoint = f"http://{HOST}:{self.port}/xAPI/"
        self._env = {
            **os.environ,
            "RALPH_APP_DIR": str(directory),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(directory / "statements"),
        }

    def start(self, timeout: float = 30) -> None:
        (self.directory / "statements").mkdir()
        ralph = [str(PEER / ".venv" / "bin" / "ralph"), "auth", "-u", USERNAME, "-p", PASSWORD, "-s", "all"]
        subprocess.run(
            [*ralph, "-M", "mailto:lrs@example.gov.uk", "-w"], env=self._env, check=True, capture_output=True
        )
        server = ["-m", "uvicorn", "lrs_app:app", "--app-dir", str(PEER), "--host", HOST, "--port", str(self.port)]
        self._run([str(PYTHON), *server], f"http://{HOST}:{self.port}/__heartbeat__", timeout, env=self._env)

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
