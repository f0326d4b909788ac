"""The words a certificate prints beside each entry, and which entries (and how much of each) count on it."""

from datetime import date, datetime

import pytest

from webapp.queries.record_evidence import Answers, Confirmation, Evidence, minutes_counted
from webapp.queries.training_record import OUTSIDE, Entry
from webapp.record.evidence import evidence_line
from webapp.record.sheets import sheet_lines

DAY = date(2026, 3, 3)
PRIYA = Evidence(confirmation=Confirmation("Priya Shah", datetime(2026, 3, 5, 9)))


def outside(status: str, *, waiting: int | None = None) -> Entry:
    return Entry(DAY, OUTSIDE, "Workshop", "ONS", 60, outside_id=1, status=status, counts_while_waiting=waiting)


@pytest.mark.parametrize(
    ("entry", "evidence", "counts_unconfirmed", "line", "counted"),
    [
        (Entry(DAY, "lesson", "Rows", "Basics", 15), Evidence(), True, "Lesson completed on 3 March 2026", 15),
        (
            Entry(DAY, "lesson", "Rows", "Basics", 15),
            Evidence(answers=Answers(3, 3, 2)),
            True,
            "Lesson completed on 3 March 2026: 3 of 3 marked questions answered correctly (2 attempts)",
            15,
        ),
        (
            Entry(DAY, "exercise", "Regions", "Basics", 30),
            Evidence(answers=Answers(1, 1, 1)),
            False,
            "Exercise completed on 3 March 2026: answers checked, 1 of 1 marked question answered correctly "
            "(first attempt)",
            30,
        ),
        (outside("confirmed"), PRIYA, False, "Confirmed by their manager, Priya Shah, on 5 March 2026", 60),
        (
            outside("unconfirmed", waiting=45),
            PRIYA,
            False,
            "Confirmed by their manager, Priya Shah, on 5 March 2026; a later change waits for review, "
            "so only the time confirmed counts",
            45,
        ),
        (
            outside("unconfirmed"),
            Evidence(),
            True,
            "Logged by the learner, not yet confirmed by a manager (the department counts it meanwhile)",
            60,
        ),
        (
            outside("unconfirmed"),
            Evidence(),
            False,
            "Logged by the learner, not yet confirmed by a manager: counts once confirmed",
            0,
        ),
        (
            outside("returned"),
            PRIYA,
            True,
            "Sent back by their manager: does not count unless changed and confirmed",
            0,
        ),
    ],
)
def test_each_entry_s_evidence_and_what_counts(entry, evidence, counts_unconfirmed, line, counted):
    assert evidence_line(entry, evidence, counts_unconfirmed) == line
    assert minutes_counted(entry, counts_unconfirmed) == counted


def test_a_certificate_lists_only_what_counted_and_the_plain_record_everything():
    entries = [Entry(DAY, "lesson", "Rows", "Basics", 15), outside("returned")]
    evidence = [Evidence(), PRIYA]
    certificate = sheet_lines(entries, evidence, True, counted_only=True)
    assert [(line.title, line.minutes) for line in certificate] == [("Rows", "15 minutes")]
    record = sheet_lines(entries, evidence, True, counted_only=False)
    assert [(line.title, line.source, line.minutes) for line in record] == [
        ("Rows", "Lesson: Basics", "15 minutes"),
        ("Workshop", "Outside learning: ONS", "None (1 hour logged)"),
    ]
