"""`flask reminders send` over a simulated calendar: who gets which reminder on which day, never twice,
nothing once the requirement is met, nothing to people HR deactivated; the emails as people read them."""

import threading
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.helpers.reminders import Outbox, latest_to, run_reminders
from tests.helpers.rows import make_outside_learning
from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.models import ManagerDigest, ReminderOptOut, ReminderSent

# The test organisation (tests/helpers/organisation.py) in the training year 2027 (January to December).
# Sam has met the requirement; Mo has started. Pat manages Alex and Mo, Alex manages Sam; Kim manages Lee.
NOT_STARTED = {"pat", "alex", "kim", "lee", "rae", "dana"}
NOT_MET = NOT_STARTED | {"mo"}


@pytest.fixture
def people(org):
    make_outside_learning(org["sam"], minutes=420, on=date(2027, 3, 1))
    make_outside_learning(org["mo"], minutes=60, on=date(2027, 3, 1))
    return org


def who(sent, kind: str) -> set[str]:
    return {to.partition("@")[0] for to, sent_kind, _ in sent if sent_kind == kind}


def test_each_rule_reaches_its_audience_on_its_day_and_once(app, people):
    outbox = Outbox()
    by_day = defaultdict(list)
    day = date(2027, 9, 1)
    while day <= date(2028, 1, 5):
        before = len(outbox.sent)
        assert run_reminders(app, day, outbox).failures == []
        by_day[day] = outbox.sent[before:]
        day += timedelta(days=1)

    days = {day: sent for day, sent in by_day.items() if sent}
    monthly = [date(2027, 9, 1), date(2027, 10, 1), date(2027, 11, 1), date(2027, 12, 1)]
    assert sorted(days) == sorted(
        [*monthly, date(2027, 10, 3), date(2027, 12, 2), date(2027, 12, 25), date(2028, 1, 1)]
    )
    for day in monthly:
        assert who(days[day], "reminder_not_started") == NOT_STARTED
        assert len(days[day]) == len(NOT_STARTED)
    assert who(days[date(2027, 10, 3)], "reminder_before_end") == NOT_MET
    assert len(days[date(2027, 10, 3)]) == len(NOT_MET)  # no digest: the 90-day rule has none
    for day in (date(2027, 12, 2), date(2027, 12, 25)):
        assert who(days[day], "reminder_before_end") == NOT_MET
        # Alex's line is only Sam, who is done: no digest for Alex.
        assert who(days[day], "reminder_manager_digest") == {"pat", "kim"}
    assert who(days[date(2028, 1, 1)], "reminder_year_missed") == NOT_MET
    assert who(days[date(2028, 1, 1)], "reminder_manager_digest") == {"pat", "kim"}


def test_reminders_stop_once_the_requirement_is_met(app, people):
    outbox = Outbox()
    run_reminders(app, date(2027, 10, 3), outbox)
    assert "mo" in who(outbox.sent, "reminder_before_end")
    make_outside_learning(people["mo"], minutes=360, on=date(2027, 11, 1))
    outbox.sent.clear()
    for day in (date(2027, 12, 2), date(2027, 12, 25), date(2028, 1, 1)):
        run_reminders(app, day, outbox)
    assert "mo" not in {to.partition("@")[0] for to, _, _ in outbox.sent}
    assert outbox.sent  # the others still get theirs


def test_people_hr_deactivated_or_erased_get_nothing(app, people):
    people["lee"].active = False
    people["lee"].deactivated_at = utcnow()
    people["rae"].active = False
    people["rae"].erased_at = utcnow()
    db.session.commit()
    outbox = Outbox()
    run_reminders(app, date(2027, 12, 2), outbox)
    assert who(outbox.sent, "reminder_before_end") == NOT_MET - {"lee", "rae"}
    assert "kim" not in who(outbox.sent, "reminder_manager_digest")  # Kim's only report, Lee, has left


def test_an_opt_out_stops_optional_reminders_and_not_required_ones(app, people):
    db.session.add(ReminderOptOut(user_id=people["alex"].id, rule="*"))
    db.session.add(ReminderOptOut(user_id=people["pat"].id, rule="month-left"))
    db.session.commit()
    outbox = Outbox()
    run_reminders(app, date(2027, 12, 2), outbox)  # month-left: optional
    assert who(outbox.sent, "reminder_before_end") == NOT_MET - {"alex", "pat"}
    assert who(outbox.sent, "reminder_manager_digest") == {"kim"}
    outbox.sent.clear()
    run_reminders(app, date(2027, 12, 25), outbox)  # week-left: required
    assert who(outbox.sent, "reminder_before_end") == NOT_MET
    assert who(outbox.sent, "reminder_manager_digest") == {"pat", "kim"}


def test_people_who_joined_after_the_day_get_nothing_for_it(app, people):
    people["lee"].created_at = datetime(2027, 12, 10, 9, 0)
    db.session.commit()
    outbox = Outbox()
    run_reminders(app, date(2027, 12, 2), outbox)
    assert who(outbox.sent, "reminder_before_end") == NOT_MET - {"lee"}


def test_emails_read_back_from_the_smtp_server(runner, people, mailbox):
    result = runner.invoke(args=["reminders", "send", "--today", "2027-12-02"])
    assert result.exit_code == 0, result.output
    assert "month-left: sent 7 reminders" in result.output
    assert "month-left: sent 2 managers' digests" in result.output

    mo = latest_to(mailbox, "mo@example.gov.uk")
    assert mo["Subject"] == "30 days left to finish your data training"
    body = mo.get_content()
    assert "Hello Mo Khan,\n\nYour data training year 2027 ends on 31 December 2027, in 30 days." in body
    assert "So far you have recorded 1 hour of the 7 hours you need. You have 6 hours left to do." in body
    assert "http://127.0.0.1:5000/my-training-record" in body
    assert "To stop getting these reminders, open this link:\n\nhttp://127.0.0.1:5000/reminders/stop/" in body

    digests = [m for m in mailbox.messages_to("pat@example.gov.uk") if "who has not finished" in m["Subject"]]
    assert len(digests) == 1
    digest = digests[0].get_content()
    assert digests[0]["Subject"] == "Data training for 2027: who has not finished"
    assert "People in your line who have not finished their data training: 2" in digest
    assert "Not started (1):\n\n* Alex Smith\n\n" in digest
    assert "Started but not finished (1):\n\n* Mo Khan – 1 hour done\n\n" in digest
    assert "Sam Jones" not in digest
    assert "http://127.0.0.1:5000/my-team?scope=line" in digest

    mailbox.clear()
    again = runner.invoke(args=["reminders", "send", "--today", "2027-12-03"])  # an hourly run, next day
    assert again.exit_code == 0 and "Sent 0 reminders and 0 digests" in again.output
    assert mailbox.messages == []


def test_a_required_reminder_says_it_cannot_be_turned_off(runner, people, mailbox):
    runner.invoke(args=["reminders", "send", "--today", "2028-01-01"])
    lee = latest_to(mailbox, "lee@example.gov.uk")
    assert lee["Subject"] == "You did not finish your data training for 2027"
    assert "Your department requires this reminder, so it cannot be turned off." in lee.get_content()
    assert "/reminders/stop/" not in lee.get_content()


def test_a_failed_send_is_reported_tried_again_next_run_and_never_sent_twice(runner, app, people, mailbox):
    app.config["REMINDER_SCHEDULE"] = "early: 90 days before, not started, optional, none"
    mailbox.refuse_next(app.config["MAIL_SEND_ATTEMPTS"])  # every attempt at the first email
    failed = runner.invoke(args=["reminders", "send", "--today", "2027-10-03"])
    assert failed.exit_code == 1
    assert "Could not send: early: person" in failed.output and "1 could not be sent" in failed.output
    assert len(mailbox.messages) == len(NOT_STARTED) - 1
    retried = runner.invoke(args=["reminders", "send", "--today", "2027-10-04"])
    assert retried.exit_code == 0 and "early: sent 1 reminders" in retried.output
    assert sorted(m["To"] for m in mailbox.messages) == sorted(f"{key}@example.gov.uk" for key in NOT_STARTED)


def test_a_dry_run_counts_and_sends_nothing(runner, people, mailbox):
    result = runner.invoke(args=["reminders", "send", "--today", "2027-12-02", "--dry-run"])
    assert result.exit_code == 0
    assert "month-left: 7 people, 2 managers' digests" in result.output
    assert mailbox.messages == []
    assert db.session.scalar(select(func.count()).select_from(ReminderSent)) == 0


def test_two_runs_at_once_send_each_reminder_once(app, people, mailbox):
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            with app.app_context():
                start.wait()
                run_reminders(app, date(2027, 12, 2))
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    # 2 December: "month-left" to 7 people and 2 managers, and 1 December's "not started" (caught up) to 6.
    received = [(m["To"], m["Subject"]) for m in mailbox.messages]
    assert len(received) == len(set(received)) == len(NOT_MET) + 2 + len(NOT_STARTED)
    sent = select(func.count()).select_from(ReminderSent).where(ReminderSent.sent_at.is_not(None))
    assert db.session.scalar(sent) == len(NOT_MET) + len(NOT_STARTED)
    assert db.session.scalar(select(func.count()).select_from(ManagerDigest)) == 2
