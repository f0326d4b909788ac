"""Applying an HR file: all rows are checked first, then everything is written in one transaction, or nothing.

People are matched by staff number, or by email for an account someone made before HR sent their record.
A full import deactivates HR-managed people who are missing from the file; no one is ever deleted.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from webapp.db.clock import utcnow
from webapp.models.people import Department, User
from webapp.models.sign_in_sessions import SignInSession
from webapp.org.hierarchy import line_paths
from webapp.org.hr_file import Person, RowProblem, read_hr_file
from webapp.org.import_safety import Deactivations, needs_confirmation, refusal

Report = Callable[[str, int, int], None]  # (stage, done, total)
WRITE_BATCH = 5_000
LEAVING_SHOWN = 20


@dataclass
class ImportResult:
    problems: list[RowProblem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    refused: str | None = None  # a rule the whole file breaks (see org/import_safety)
    to_confirm: int = 0  # how many would be deactivated, when that needs confirming first
    leaving: list[str] = field(default_factory=list)  # a few of them, to show

    @property
    def ok(self) -> bool:
        return not (self.problems or self.refused or self.to_confirm)

    def counts(self) -> dict[str, int]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deactivated": self.deactivated,
        }

    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.deactivated} deactivated"
        )


@dataclass(frozen=True)
class Safeguards:
    acting_id: int | None = None  # the admin running the import (a command has none)
    share: float = 0.10  # deactivating more than this share of active people needs confirming
    confirmed: int | None = None  # the number of deactivations the person confirmed


def import_hr_file(
    session: Session,
    data: bytes,
    *,
    full: bool = True,
    report: Report | None = None,
    safeguards: Safeguards = Safeguards(),
) -> ImportResult:
    """Check `data` (CSV bytes) and apply it. The caller commits; if it is not ok, nothing has been written."""
    report = report or (lambda stage, done, total: None)
    existing = {row.id: row for row in session.execute(select(User.__table__))}
    by_staff = {row.staff_number: row for row in existing.values() if row.staff_number}
    by_email = {row.email: row for row in existing.values()}
    lines = data.count(b"\n")
    checked = 0

    def advance(rows: int) -> None:
        nonlocal checked
        checked += rows
        report("Checking rows", min(checked, lines), lines)

    # A partial file may name managers already in Data Day, and its chains run through them.
    managers = (
        None if full else {row.staff_number: _staff_number(existing, row.manager_id) for row in by_staff.values()}
    )
    hr = read_hr_file(data, existing=managers, progress=advance)
    report("Checking rows", lines, lines)
    problems = hr.problems or _email_clashes(hr.people, by_staff, by_email)
    if problems:
        return ImportResult(problems=problems)
    return _apply(session, hr.people, existing, by_staff, by_email, full, report, safeguards)


def _stopped_by_safeguards(result: ImportResult, updates: list[dict], existing: dict, safeguards: Safeguards) -> bool:
    leaving = frozenset(row["id"] for row in updates if row.get("active") is False and existing[row["id"]].active)
    plan = Deactivations(
        leaving=leaving,
        active_people=sum(1 for row in existing.values() if row.active),
        active_admins=frozenset(row.id for row in existing.values() if row.active and row.is_admin),
    )
    result.refused = refusal(plan, safeguards.acting_id)
    if not result.refused and needs_confirmation(plan, safeguards.share, safeguards.confirmed):
        result.to_confirm = len(leaving)
        result.leaving = sorted(f"{existing[i].name} ({existing[i].staff_number})" for i in leaving)[:LEAVING_SHOWN]
    return not result.ok


def _staff_number(existing: dict, person_id: int | None) -> str | None:
    return existing[person_id].staff_number if person_id else None


def _email_clashes(people: list[Person], by_staff: dict, by_email: dict) -> list[RowProblem]:
    """An email may move to another staff number only if its current holder is in the file with a new one.

    An account someone made before HR sent their record is adopted by a new staff number, never a known one.
    """
    emails_in_file = {person.staff_number: person.email for person in people}
    problems = []
    for person in people:
        holder = by_email.get(person.email)
        if holder is None or holder.staff_number == person.staff_number:
            continue
        if holder.staff_number is None and person.staff_number in by_staff:
            problems.append(RowProblem(person.row, "email", f"'{person.email}' belongs to another account in Data Day"))
        elif holder.staff_number and emails_in_file.get(holder.staff_number, holder.email) == person.email:
            message = f"'{person.email}' belongs to staff number {holder.staff_number} in Data Day"
            problems.append(RowProblem(person.row, "email", message))
    return problems


def _apply(session, people, existing, by_staff, by_email, full, report, safeguards) -> ImportResult:
    departments = _departments(session, {person.department for person in people})
    ids = _person_ids(session, people, by_staff, by_email)
    wanted = {
        ids[person.staff_number]: {
            "staff_number": person.staff_number,
            "email": person.email,
            "name": person.name,
            "department_id": departments[person.department],
            "grade": person.grade,
            "manager_id": _manager_id(person.manager_staff_number, ids, by_staff),
            "fte": person.fte,
            "active": person.active,
        }
        for person in people
    }
    manager_of = {row.id: row.manager_id for row in existing.values()}
    manager_of.update({person_id: values["manager_id"] for person_id, values in wanted.items()})
    paths = line_paths(manager_of)
    result = ImportResult()
    inserts, updates = _changes_to_people_in_file(wanted, existing, paths, result)
    updates += _changes_to_others(wanted, existing, paths, full, result)
    if _stopped_by_safeguards(result, updates, existing, safeguards):
        return result
    _note_when_people_leave(inserts, updates, existing)
    # Managers first: a new person's manager row must exist before the person (foreign key).
    inserts.sort(key=lambda values: paths[values["id"]].count("/"))
    steps = [(update(User), _emails_let_go(wanted, existing)), (insert(User), inserts), (update(User), updates)]
    _write(session, steps, report)
    if result.deactivated:
        # Their cookies already stop working (a session needs an active account); ending the rows says so.
        deactivated = select(User.id).where(User.active.is_(False))
        session.execute(
            update(SignInSession)
            .where(SignInSession.user_id.in_(deactivated), SignInSession.ended_at.is_(None))
            .values(ended_at=utcnow())
        )
    return result


def _emails_let_go(wanted: dict[int, dict], existing: dict) -> list[dict]:
    """Emails are unique: anyone whose email someone else in the file takes lets go of it before anything else."""
    taker = {values["email"]: person_id for person_id, values in wanted.items()}
    return [
        {"id": person_id, "email": f"{person_id}@moving.invalid"}
        for person_id in wanted
        if person_id in existing and taker.get(existing[person_id].email, person_id) != person_id
    ]


def _manager_id(staff_number: str | None, ids: dict[str, int], by_staff: dict) -> int | None:
    """In the file, or (for a partial file) already in Data Day."""
    if not staff_number:
        return None
    return ids[staff_number] if staff_number in ids else by_staff[staff_number].id


def _person_ids(session: Session, people: list[Person], by_staff: dict, by_email: dict) -> dict[str, int]:
    ids = {}
    for person in people:
        match = by_staff.get(person.staff_number) or by_email.get(person.email)
        if match is not None and match.staff_number in (None, person.staff_number):
            ids[person.staff_number] = match.id
    new = [person.staff_number for person in people if person.staff_number not in ids]
    ids.update(zip(new, _allocate_ids(session, len(new)), strict=True))
    return ids


def _changes_to_people_in_file(wanted, existing, paths, result) -> tuple[list[dict], list[dict]]:
    inserts, updates, now = [], [], utcnow()
    for person_id, values in wanted.items():
        row = existing.get(person_id)
        if row is None:
            defaults = {"is_admin": False, "is_author": False, "created_at": now}
            inserts.append({**values, **defaults, "id": person_id, "line_path": paths[person_id]})
            result.created += 1
            continue
        changed = any(getattr(row, name) != value for name, value in values.items())
        result.updated += changed
        result.unchanged += not changed
        if changed or row.line_path != paths[person_id]:
            updates.append({**values, "id": person_id, "line_path": paths[person_id]})
    return inserts, updates


def _note_when_people_leave(inserts: list[dict], updates: list[dict], existing: dict) -> None:
    """The retention period (`flask people purge-expired`) runs from the day someone is deactivated."""
    now = utcnow()
    for values in inserts:
        values["deactivated_at"] = None if values["active"] else now
    for values in updates:
        if "active" in values and values["active"] != existing[values["id"]].active:
            values["deactivated_at"] = None if values["active"] else now


def _changes_to_others(wanted, existing, paths, full, result) -> list[dict]:
    """People not in the file: a full import deactivates HR-managed ones; anyone's line may have moved."""
    updates = []
    for person_id, row in existing.items():
        if person_id in wanted:
            continue
        change = {}
        if full and row.staff_number and row.active:
            change["active"] = False
            result.deactivated += 1
        if row.line_path != paths[person_id]:
            change["line_path"] = paths[person_id]
        if change:
            updates.append({"id": person_id, **change})
    return updates


def _write(session: Session, steps: list[tuple[Any, list[dict]]], report: Report) -> None:
    total, done = sum(len(rows) for _, rows in steps), 0
    for statement, rows in steps:
        for batch in _batches(rows):
            session.execute(statement, batch)
            done += len(batch)
            report("Writing", done, total)
    session.flush()


def _batches(rows: list[dict]):
    for start in range(0, len(rows), WRITE_BATCH):
        yield rows[start : start + WRITE_BATCH]


def _departments(session: Session, names: set[str]) -> dict[str, int]:
    known = dict(session.execute(select(Department.name, Department.id)).all())
    for name in sorted(names - known.keys()):
        department = Department(name=name)
        session.add(department)
        session.flush()
        known[name] = department.id
    return known


def _allocate_ids(session: Session, count: int) -> list[int]:
    """Ids for new people before they are written, so managers and reports go in with one insert each."""
    if not count:
        return []
    if session.get_bind().dialect.name == "postgresql":
        query = text("SELECT nextval(pg_get_serial_sequence('users', 'id')) FROM generate_series(1, :n)")
        return list(session.scalars(query, {"n": count}))
    top = session.scalar(text("SELECT coalesce(max(id), 0) FROM users"))
    return list(range(top + 1, top + 1 + count))
