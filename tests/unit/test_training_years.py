from datetime import date

import pytest

from webapp.training.years import YearStart, training_year, year_containing

JANUARY = YearStart(1, 1)
APRIL = YearStart(4, 1)


@pytest.mark.parametrize(
    ("day", "start", "label"),
    [
        (date(2026, 1, 1), JANUARY, 2026),
        (date(2026, 12, 31), JANUARY, 2026),
        (date(2026, 3, 31), APRIL, 2025),
        (date(2026, 4, 1), APRIL, 2026),
        (date(2027, 3, 31), APRIL, 2026),
        (date(2024, 2, 29), APRIL, 2023),
    ],
)
def test_a_day_belongs_to_the_training_year_that_started_on_or_before_it(day, start, label):
    assert year_containing(day, start).label == label


def test_a_year_runs_from_its_start_to_the_day_before_the_next_start():
    year = training_year(2026, APRIL)
    assert (year.starts, year.ends) == (date(2026, 4, 1), date(2027, 3, 31))
    assert date(2027, 3, 31) in year
    assert date(2027, 4, 1) not in year
    assert date(2026, 3, 31) not in year


def test_year_names_read_naturally():
    assert training_year(2026, JANUARY).name == "2026"
    assert training_year(2026, APRIL).name == "2026 to 2027"


@pytest.mark.parametrize("text", ["04-01", " 09-15 ", "12-28"])
def test_year_start_accepts_month_and_day(text):
    start = YearStart.parse(text)
    assert (start.month, start.day) == tuple(int(part) for part in text.strip().split("-"))


@pytest.mark.parametrize("text", ["4-1", "2026-04-01", "13-01", "02-30", "01-29", "00-10", "April"])
def test_year_start_refuses_what_is_not_a_day_every_year_has(text):
    with pytest.raises(ValueError, match="TRAINING_YEAR_START"):
        YearStart.parse(text)
