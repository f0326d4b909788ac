"""The evidence folder: files under random names, outside anything the web server serves.

A file is written before the database row that names it and removed only after the row's removal is committed,
inside `changes()`: if the transaction fails, the files it wrote go; if it succeeds, the files it replaced go.
A crash between the two can leave a file no row names; `unreferenced` finds those for the daily purge."""

import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# What secrets.token_urlsafe(32) makes: a name from the database can never point outside the folder.
STORED_NAME = re.compile(r"[A-Za-z0-9_-]{43}")


class EvidenceStore:
    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def path(self, name: str) -> Path:
        if not STORED_NAME.fullmatch(name):
            raise ValueError(f"not a stored evidence file name: {name!r}")
        return self.directory / name

    def write(self, data: bytes) -> str:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = secrets.token_urlsafe(32)
        # O_EXCL: never over another file, even one a random name should never repeat.
        descriptor = os.open(self.path(name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        return name

    def delete(self, name: str) -> None:
        self.path(name).unlink(missing_ok=True)

    def exists(self, name: str) -> bool:
        return self.path(name).is_file()

    def unreferenced(self, referenced: set[str], *, older_than_seconds: float) -> list[str]:
        """Stored files no row names, left long enough that no upload still in progress can be writing them."""
        if not self.directory.is_dir():
            return []
        cutoff = time.time() - older_than_seconds
        return sorted(
            path.name
            for path in self.directory.iterdir()
            if STORED_NAME.fullmatch(path.name) and path.name not in referenced and path.stat().st_mtime < cutoff
        )

    @contextmanager
    def changes(self) -> Iterator["FileChanges"]:
        """Commit the transaction inside: files follow what the database kept."""
        changes = FileChanges(self)
        try:
            yield changes
        except BaseException:
            for name in changes.written:
                self.delete(name)
            raise
        for name in changes.to_delete:
            self.delete(name)


class FileChanges:
    def __init__(self, store: EvidenceStore):
        self.store = store
        self.written: list[str] = []
        self.to_delete: list[str] = []

    def write(self, data: bytes) -> str:
        name = self.store.write(data)
        self.written.append(name)
        return name

    def delete_after_commit(self, name: str | None) -> None:
        if name:
            self.to_delete.append(name)
