"""Reload the library only when a content file changes (authors see edits on reload).

Looking for changes means stat-ing every file under courses/ and exercises/, so callers say how stale the
library may be: checked on every call (development), at most every so many seconds, or never after the first
load (production, where content changes only with a release).

It also keeps the last version of each page that had no problems, so learners can still read a lesson
while its author is part-way through an edit that breaks it.
"""

import threading
import time
from collections.abc import Callable
from pathlib import Path

from webapp.content.library import Library, load_library
from webapp.content.page_problems import Page, pages, problems_for, source_of


class LibraryCache:
    def __init__(self, root: Path, exercises_root: Path | None = None, clock: Callable[[], float] = time.monotonic):
        self.root = Path(root)
        self.exercises_root = Path(exercises_root) if exercises_root else None
        self._clock = clock
        self._lock = threading.Lock()
        self._fingerprint: tuple | None = None
        self._checked_at: float | None = None  # when the files were last looked at, by self._clock
        self._library: Library | None = None
        self._last_good: dict[str, Page] = {}  # source_of(page) -> the page when it last had no problems

    def _current_fingerprint(self) -> tuple:
        roots = [self.root] + ([self.exercises_root] if self.exercises_root else [])
        paths = sorted(path for root in roots if root.is_dir() for path in root.rglob("*") if path.is_file())
        stats = ((path, path.stat()) for path in paths)
        return tuple((str(path), stat.st_mtime_ns, stat.st_size) for path, stat in stats)

    def get(self, recheck_after: float | None = 0.0) -> Library:
        """The library, reloaded if its files changed since they were last checked.

        recheck_after: seconds after a check before the files are checked again (0: every call);
        None: never check again once loaded.
        """
        library = self._library
        if library is not None and not self._due(recheck_after):
            return library
        fingerprint = self._current_fingerprint()
        with self._lock:
            self._checked_at = self._clock()
            if self._library is None or fingerprint != self._fingerprint:
                self._library = load_library(self.root, self.exercises_root)
                self._fingerprint = fingerprint
                self._remember_good(self._library)
            return self._library

    def _due(self, recheck_after: float | None) -> bool:
        if recheck_after is None:
            return False
        return self._checked_at is None or self._clock() - self._checked_at >= recheck_after

    def _remember_good(self, library: Library) -> None:
        for page in pages(library):
            if not problems_for(library, page):
                self._last_good[source_of(page)] = page

    def last_good(self, page: Page) -> Page | None:
        """The page as it was when it last had no problems, in this process; None if never seen so."""
        return self._last_good.get(source_of(page))
