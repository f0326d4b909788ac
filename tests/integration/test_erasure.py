"""Retention and erasure: personal data goes (name, email, staff number, sign-in details, what they typed,
their address in the audit log), anonymous minutes stay, and reports read the same before and after."""

import json
from datetime import timedelta

from sqlalchemy import select, text

from tests.helpers.accounts import sign_in
from tests.helpers.html import get_page
from tests.helpers.rows import course_item, make_completion, make_outside_learning
from webapp.db.clock import uk_today, utcnow
from webapp.extensions import db
from webapp.models import AuditEvent, User
from webapp.queries.audit_log import record_event
from webapp.queries.organisation_report import monthly_minutes, org_report
from webapp.queries.outside_learning import FIELDS, save_entry
from webapp.training.years import year_containing


def report_figures(app) -> tuple:
    year = year_containing(uk_today(), app.config["YEAR_START"])
    report = org_report(db.session, year, app.config["REQUIRED_MINUTES"], None)
    return report.total, report.by_department, report.by_grade, monthly_minutes(db.session, year, None)


def leave(person: User, years_ago: float) -> None:
    person.active = False
    person.deactivated_at = utcnow() - timedelta(days=365 * years_ago)
    db.session.commit()


def personal_traces(person_id: int, *words: str) -> list[str]:
    """Every table cell, anywhere in the database, that still holds one of these words."""
    found = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(select(table)):
            for value in row:
                text_value = json.dumps(value) if isinstance(value, dict | list) else value  # JSON columns too
                if isinstance(text_value, str) and any(word.lower() in text_value.lower() for word in words):
                    found.append(f"{table.name}: {text_value}")
    return found


def test_purge_erases_people_gone_longer_than_the_retention_period_and_reports_do_not_change(app, runner, org):
    sam, mo = org["sam"], org["mo"]
    make_completion(sam, course_item("rows-and-columns"))
    entry = make_outside_learning(sam, title="Sam Jones's data course at Leeds", minutes=90)
    changed = {field: getattr(entry, field) for field in FIELDS} | {"notes": "In Leeds, with my team"}
    save_entry(db.session, entry, changed)  # the entry's history keeps the words too
    sam = db.session.get(User, sam.id)
    record_event(db.session, "sign_in_failed", subject=sam, address="198.51.100.7")
    db.session.commit()
    leave(sam, years_ago=7)
    leave(mo, years_ago=2)
    sam_id, mo_id = sam.id, mo.id  # the command works a person at a time, and lets go of the rows it loaded
    before = report_figures(app)

    result = runner.invoke(args=["people", "purge-expired"])
    assert result.exit_code == 0, result.output
    assert "Erased 1 people deactivated more than 6 years ago" in result.output
    db.session.expire_all()
    assert report_figures(app) == before
    assert personal_traces(sam_id, "Sam Jones", "sam@example.gov.uk", "198.51.100.7", "Leeds") == []
    assert db.session.get(User, sam_id).name == "Erased person"
    assert db.session.get(User, mo_id).name == "Mo Khan"  # gone 2 years: kept
    assert "Erased 0 people" in runner.invoke(args=["people", "purge-expired"]).output  # safe to run daily


def test_erase_by_staff_number_is_recorded_and_keeps_the_minutes(app, runner, org, client):
    sam = org["sam"]
    make_completion(sam, course_item("rows-and-columns"))
    before = report_figures(app)
    result = runner.invoke(args=["people", "erase", "A3", "--yes"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    [entry] = db.session.scalars(select(AuditEvent).where(AuditEvent.event == "person_erased"))
    assert entry.subject_id == sam.id and '"reason": "erasure request"' in entry.details
    assert report_figures(app)[3] == before[3]  # the year's minutes month by month
    assert personal_traces(sam.id, "Sam Jones", "sam@example.gov.uk") == []
    # Their manager's team no longer shows them by name.
    sign_in(client, org["alex"])
    assert "Sam Jones" not in get_page(client, "/my-team").main_text()


def test_the_audit_log_allows_redaction_but_no_other_change(org):
    entry = record_event(db.session, "signed_in", actor=org["sam"], subject=org["sam"], address="198.51.100.7")
    db.session.commit()
    db.session.execute(
        text("UPDATE audit_events SET actor_email = NULL, address = NULL WHERE id = :id"), {"id": entry.id}
    )
    db.session.commit()
    for change in ("event = 'signed_out'", "at = '2020-01-01 00:00:00'", "actor_id = NULL", "details = 'edited'"):
        try:
            db.session.execute(text(f"UPDATE audit_events SET {change} WHERE id = :id"), {"id": entry.id})
            db.session.commit()
        except Exception as error:  # noqa: BLE001 - SQLite and PostgreSQL raise different classes
            db.session.rollback()
            assert "append-only" in str(error)
        else:
            raise AssertionError(f"the audit log let {change} through")


def test_erase_refuses_the_only_admin_and_unknown_people(runner, org):
    assert "only active admin" in runner.invoke(args=["people", "erase", "Z1", "--yes"]).output
    assert "no one has the staff number NOPE" in runner.invoke(args=["people", "erase", "NOPE", "--yes"]).output
    assert runner.invoke(args=["people", "erase"]).exit_code == 2


def test_an_import_notes_when_someone_leaves_and_returns(org):
    from tests.helpers.organisation import PEOPLE, hr_file, hr_row
    from webapp.queries.hr_import import Safeguards, import_hr_file

    everyone = [hr_row(key) for key in PEOPLE]
    without_sam = [hr_row(key) for key in PEOPLE if key != "sam"]
    assert import_hr_file(db.session, hr_file(*without_sam), safeguards=Safeguards(confirmed=1)).ok
    db.session.commit()
    assert db.session.get(User, org["sam"].id).deactivated_at is not None
    assert import_hr_file(db.session, hr_file(*everyone)).ok
    db.session.commit()
    assert db.session.get(User, org["sam"].id).deactivated_at is None
