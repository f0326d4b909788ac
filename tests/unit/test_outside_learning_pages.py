"""An outside learning entry's history and a manager's review page, built as data without a request."""

from datetime import date, datetime

import pytest

from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import User
from webapp.queries.outside_learning import HistoryEvent, changes_since_confirmed
from webapp.queries.reviews import ALREADY_REVIEWED, CHANGED_SINCE_SEEN, EARLIER_YEAR, REMOVED
from webapp.queries.training_record import OUTSIDE, Entry
from webapp.record.pages import change_line, history_items, review_label
from webapp.team.review_pages import refusal, review_page
from webapp.training.years import YearStart, training_year

YEAR = training_year(2026, YearStart(1, 1))
SAM = User(id=3, name="Sam Jones")
# 14:07 UTC in summer is 3:07pm in the UK.
AT = datetime(2026, 6, 5, 14, 7)


def event(action, by="Sam Jones", changes=None, minutes=None, comment=None, at=AT) -> HistoryEvent:
    return HistoryEvent(action, at, by, changes or {}, minutes, comment)


def entry(**values) -> OutsideLearning:
    fields = {
        "id": 11,
        "user_id": SAM.id,
        "title": "Stats webinar",
        "provider": "ONS",
        "learned_on": date(2026, 6, 1),
        "minutes": 480,
        "status": "unconfirmed",
        "confirmed_minutes": 60,
        "updated_at": AT,
    }
    return OutsideLearning(**(fields | values))


@pytest.mark.parametrize(
    ("field", "before", "after", "line"),
    [
        ("minutes", 60, 480, "Time changed from 1 hour to 8 hours"),
        ("learned_on", "2026-06-01", "2026-06-02", "Date changed from 1 June 2026 to 2 June 2026"),
        ("link", None, "https://example.org", "Link added: https://example.org"),
        ("notes", "Half a day", None, "Notes removed (it was Half a day)"),
    ],
)
def test_each_change_reads_as_a_sentence(field, before, after, line):
    assert change_line(field, before, after) == line


def test_a_history_reads_newest_first_with_who_when_and_what():
    items = history_items(
        [
            event("logged", minutes=60),
            event("confirmed", by="Alex Smith", minutes=60),
            event("changed", changes={"title": ["Stats", "Stats, full day"], "minutes": [60, 480]}),
            event("sent_back", by="Alex Smith", minutes=480, comment="Not all of it was data training"),
            event("deleted", minutes=480),
        ]
    )
    assert [(item.what, item.by) for item in items] == [
        ("Deleted", "Sam Jones"),
        ("Sent back", "Alex Smith"),
        ("Changed", "Sam Jones"),
        ("Confirmed: 1 hour", "Alex Smith"),
        ("Logged: 1 hour", "Sam Jones"),
    ]
    assert items[0].when == "5 June 2026 at 3:07pm"
    assert items[1].details == ["Comment: Not all of it was data training"]
    assert items[2].details == ["Title changed from Stats to Stats, full day", "Time changed from 1 hour to 8 hours"]


def test_changes_since_confirmed_run_from_the_confirmed_value_to_the_latest():
    history = [
        event("changed", changes={"minutes": [30, 45]}),
        event("confirmed", minutes=45),
        event("changed", changes={"minutes": [45, 120], "title": ["A", "B"]}),
        event("changed", changes={"minutes": [120, 480], "title": ["B", "A"]}),
    ]
    assert changes_since_confirmed(history) == {"minutes": [45, 480]}  # the title went back to what was confirmed


def test_the_review_page_shows_changes_and_history_only_where_there_is_something_to_tell():
    changed = entry()
    fresh = entry(id=12, title="New webinar", status="unconfirmed", confirmed_minutes=None, minutes=30)
    histories = {
        11: [
            event("logged", minutes=60),
            event("confirmed", by="Alex Smith", minutes=60),
            event("changed", changes={"minutes": [60, 480]}),
        ],
        12: [event("logged", minutes=30)],
    }
    page = review_page(YEAR, [(changed, SAM), (fresh, SAM)], [], histories)
    first, second = page.waiting
    assert first.changes == ["Time changed from 1 hour to 8 hours"]
    assert [item.what for item in first.history] == ["Changed", "Confirmed: 1 hour", "Logged: 1 hour"]
    assert first.version == AT.isoformat()
    assert (second.changes, second.history) == ([], [])


def test_deleted_learning_shows_what_was_confirmed_and_when_it_was_deleted():
    deleted = entry(status="confirmed", minutes=60, deleted_at=datetime(2026, 6, 6, 9, 30))
    [row] = review_page(YEAR, [], [(deleted, SAM)], {}).removed
    assert (row.confirmed, row.deleted) == ("1 hour", "Deleted 6 June 2026 at 10:30am")


@pytest.mark.parametrize(
    ("reason", "heading"),
    [
        (EARLIER_YEAR, "You cannot review learning from an earlier training year"),
        (REMOVED, "Sam Jones deleted this learning"),
        (ALREADY_REVIEWED, "This learning has already been reviewed"),
        (CHANGED_SINCE_SEEN, "This learning changed after you opened the page"),
    ],
)
def test_each_refusal_says_why(reason, heading):
    old = entry(learned_on=date(2025, 6, 1), status="confirmed", reviewed_at=AT)
    said = refusal(reason, old, SAM, training_year(2025, YearStart(1, 1)))
    assert said.heading == heading
    assert "‘Stats webinar’" in said.explanation


def test_the_record_names_a_change_waiting_for_review():
    waiting = Entry(date(2026, 6, 1), OUTSIDE, "Stats webinar", "ONS", 480, 11, "unconfirmed", None, 60)
    confirmed = Entry(date(2026, 6, 1), OUTSIDE, "Stats webinar", "ONS", 60, 11, "confirmed")
    lesson = Entry(date(2026, 6, 1), "lesson", "Rows and columns", "Spreadsheet basics", 15)
    assert [review_label(e) for e in (waiting, confirmed, lesson)] == ["Change not yet confirmed", "Confirmed", ""]
