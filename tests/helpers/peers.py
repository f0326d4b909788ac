"""The peer servers the test session starts once (the OpenID provider, the learning record store): each on a free
loopback port, its output kept in a log file for when it fails, waited for until it answers, stopped by its pid."""

import socket
import subprocess
import time
from pathlib import Path

import requests

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class PeerProcess:
    name = "the peer"

    def __init__(self, log_file: Path) -> None:
        self.port = free_port()
        self.log_file = log_file
        self._process: subprocess.Popen | None = None

    def _run(self, command: list[str], ready_url: str, timeout: float, **popen) -> None:
        """Start `command` and wait until `ready_url` answers 2xx."""
        with self.log_file.open("wb") as log:
            self._process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **popen)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self._process.poll() is None, f"{self.name} stopped:\n{self.log()}"
            try:
                requests.get(ready_url, timeout=1).raise_for_status()
                return
            except requests.RequestException:
                time.sleep(0.05)
        raise TimeoutError(f"{self.name} did not answer in {timeout} s:\n{self.log()}")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)

    def log(self) -> str:
        return self.log_file.read_text(errors="replace")
