"""The library cache looks at the content files as often as it is told: every call, every so often, or never."""

from pathlib import Path

import pytest

from tests.helpers.paths import copy_fixture_content
from webapp.config import ConfigError, content_reload
from webapp.content.cache import LibraryCache


class CountingCache(LibraryCache):
    """Counts the walks over the content files, on a clock the test moves."""

    def __init__(self, folder: Path):
        settings = copy_fixture_content(folder)
        self.now = 0.0
        super().__init__(Path(settings["CONTENT_DIR"]), Path(settings["EXERCISES_DIR"]), clock=lambda: self.now)
        self.walks = 0

    def _current_fingerprint(self) -> tuple:
        self.walks += 1
        return super()._current_fingerprint()


def retitle_course(folder: Path, title: str) -> None:
    course = folder / "courses" / "spreadsheet-basics" / "course.md"
    course.write_text(course.read_text().replace("title: Spreadsheet basics", f"title: {title}"))


def course_title(cache: LibraryCache, recheck_after: float | None) -> str:
    return cache.get(recheck_after).course("spreadsheet-basics").title


def test_checking_every_call_walks_the_files_each_time_and_sees_an_edit(tmp_path):
    cache = CountingCache(tmp_path)
    for _ in range(3):
        cache.get(0)
    retitle_course(tmp_path, "Edited")
    assert course_title(cache, 0) == "Edited"
    assert cache.walks == 4


def test_checking_every_60_seconds_walks_the_files_at_most_once_a_minute(tmp_path):
    cache = CountingCache(tmp_path)
    for second in range(0, 180, 5):
        cache.now = second
        cache.get(60)
    assert cache.walks == 3  # at 0, 60 and 120 seconds


def test_an_edit_shows_once_the_interval_has_passed(tmp_path):
    cache = CountingCache(tmp_path)
    cache.get(60)
    retitle_course(tmp_path, "Edited")
    cache.now = 59
    assert course_title(cache, 60) == "Spreadsheet basics"
    cache.now = 60
    assert course_title(cache, 60) == "Edited"


def test_never_checking_walks_the_files_once_and_keeps_the_first_load(tmp_path):
    cache = CountingCache(tmp_path)
    cache.get(None)
    retitle_course(tmp_path, "Edited")
    cache.now = 10_000
    assert course_title(cache, None) == "Spreadsheet basics"
    assert cache.walks == 1


@pytest.mark.parametrize(("text", "seconds"), [("always", 0.0), ("Never", None), ("60", 60.0), ("0.5", 0.5)])
def test_content_reload_setting_reads_words_and_seconds(text, seconds):
    assert content_reload(text) == seconds


@pytest.mark.parametrize("text", ["sometimes", "-1", "", "nan"])
def test_content_reload_setting_refuses_anything_else(text):
    with pytest.raises(ConfigError, match="CONTENT_RELOAD must be"):
        content_reload(text)
