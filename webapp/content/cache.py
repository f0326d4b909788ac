"""Reload the library only when a content file changes (authors see edits on reload)."""

import threading
from pathlib import Path

from webapp.content.library import Library, load_library


class LibraryCache:
    def __init__(self, root: Path, exercises_root: Path | None = None):
        self.root = Path(root)
        self.exercises_root = Path(exercises_root) if exercises_root else None
        self._lock = threading.Lock()
        self._fingerprint: tuple | None = None
        self._library: Library | None = None

    def _current_fingerprint(self) -> tuple:
        roots = [self.root] + ([self.exercises_root] if self.exercises_root else [])
        paths = sorted(path for root in roots if root.is_dir() for path in root.rglob("*") if path.is_file())
        stats = ((path, path.stat()) for path in paths)
        return tuple((str(path), stat.st_mtime_ns, stat.st_size) for path, stat in stats)

    def get(self) -> Library:
        fingerprint = self._current_fingerprint()
        with self._lock:
            if self._library is None or fingerprint != self._fingerprint:
                self._library = load_library(self.root, self.exercises_root)
                self._fingerprint = fingerprint
            return self._library
