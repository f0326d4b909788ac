import pytest

from webapp.training.requirement import IN_PROGRESS, MET, NOT_STARTED, Progress, format_minutes


@pytest.mark.parametrize(
    ("done", "status", "met", "left"),
    [
        (0, NOT_STARTED, False, 420),
        (1, IN_PROGRESS, False, 419),
        (419, IN_PROGRESS, False, 1),
        (420, MET, True, 0),
        (600, MET, True, 0),
    ],
)
def test_progress_against_a_seven_hour_requirement(done, status, met, left):
    progress = Progress(done, 420)
    assert (progress.status, progress.met, progress.minutes_left) == (status, met, left)


@pytest.mark.parametrize(("done", "percent"), [(0, 0), (210, 50), (419, 99), (420, 100), (840, 100)])
def test_progress_percent_is_whole_and_never_passes_100(done, percent):
    assert Progress(done, 420).percent == percent


def test_a_contractual_day_of_444_minutes_is_not_met_by_seven_hours():
    assert not Progress(420, 444).met


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0 minutes"),
        (1, "1 minute"),
        (45, "45 minutes"),
        (60, "1 hour"),
        (90, "1 hour 30 minutes"),
        (420, "7 hours"),
        (444, "7 hours 24 minutes"),
        (121, "2 hours 1 minute"),
    ],
)
def test_durations_are_written_the_gov_uk_way(minutes, text):
    assert format_minutes(minutes) == text
