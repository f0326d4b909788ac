"""A throwaway PostgreSQL cluster for one test session: Unix socket only, no fsync, removed afterwards.

initdb refuses to run as root, so as root the server runs as the 'postgres' system user.
"""

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


def find_bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise RuntimeError("PostgreSQL server binaries not found: install the 'postgresql' package (see README)")
    return Path(found[-1]).parent


@dataclass
class Cluster:
    directory: Path
    bindir: Path

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.directory}"

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self) -> None:
        self._run("initdb", "-D", str(self.directory / "data"), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start_server()

    def create_database(self, name: str) -> str:
        self._run("createdb", "-h", str(self.directory), "-U", "postgres", name)
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.directory / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)

    def stop_server(self) -> None:
        """Shut the server down as an operator's restart does (clients disconnected), keeping its data."""
        self._run("pg_ctl", "-D", str(self.directory / "data"), "-m", "fast", "-w", "stop")

    def start_server(self) -> None:
        """Start a stopped server again, returning once it accepts connections."""
        options = f"-k {self.directory} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        data, log = str(self.directory / "data"), str(self.directory / "log")
        self._run("pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "start")


def start_cluster() -> Cluster:
    directory = Path(tempfile.mkdtemp(prefix="data-day-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    cluster = Cluster(directory, find_bindir())
    cluster.start()
    return cluster


def cluster_for(url: str) -> Cluster:
    """The cluster a URL from Cluster.url points at (its socket directory is the cluster's directory)."""
    directory = parse_qs(urlsplit(url).query)["host"][0]
    return Cluster(Path(directory), find_bindir())
