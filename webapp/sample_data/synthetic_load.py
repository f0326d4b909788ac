"""Loading the synthetic civil service: people through the real HR import, activity in bulk.

PostgreSQL takes the ~5 million completion rows through COPY; SQLite through batched inserts.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from webapp.db.clock import utcnow
from webapp.models.completions import Completion
from webapp.models.content import CourseItem
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import User
from webapp.org.synthetic import hr_csv, synthetic_activity, synthetic_people
from webapp.queries.completions import refresh_totals
from webapp.queries.hr_import import ImportResult, import_hr_file
from webapp.training.years import TrainingYear

BATCH = 50_000
OUTSIDE_TITLES = [
    ("Introduction to data visualisation", "Government Campus"),
    ("Data ethics workshop", "Department's data team"),
    ("Excel: PivotTables", "Civil Service Learning"),
    ("Introduction to statistics", "Analysis Function"),
]


@dataclass
class Generated:
    people: ImportResult
    completions: int
    outside: int


def generate_organisation(
    session: Session, count: int, seed: int, year: TrainingYear, today: date, report: Callable | None = None
) -> Generated:
    people = synthetic_people(count, seed)
    imported = import_hr_file(session, hr_csv(people), full=False, report=report)
    if not imported.ok:
        raise ValueError("; ".join(map(str, imported.problems[:5])))
    completions, outside = add_activity(session, {person.staff_number for person in people}, year, today, seed, report)
    return Generated(imported, completions, outside)


def add_activity(
    session: Session, staff: set[str], year: TrainingYear, today: date, seed: int, report: Callable | None = None
) -> tuple[int, int]:
    """A training year's completions and outside learning for these people (by staff number)."""
    ids = [
        pid for number, pid in session.execute(select(User.staff_number, User.id).order_by(User.id)) if number in staff
    ]
    items = dict(
        session.execute(select(CourseItem.id, CourseItem.minutes).where(CourseItem.archived_at.is_(None))).all()
    )
    completions, outside = [], []
    now = utcnow()
    for person_id, done, logged in synthetic_activity(ids, sorted(items), year.starts, today, seed):
        completions += [(person_id, item, year.label, items[item], at) for item, at in done]
        title, provider = OUTSIDE_TITLES[person_id % len(OUTSIDE_TITLES)]
        outside += [(person_id, title, provider, o.learned_on, o.minutes, o.status, now, now) for o in logged]
    completion_columns = ("user_id", "item_id", "training_year", "minutes", "completed_at")
    outside_columns = ("user_id", "title", "provider", "learned_on", "minutes", "status", "created_at", "updated_at")
    _bulk(session, Completion.__table__, completion_columns, completions, report)
    refresh_totals(session, year.label)  # bulk rows bypass record_completion, which keeps totals as it goes
    _bulk(session, OutsideLearning.__table__, outside_columns, outside, report)
    return len(completions), len(outside)


def _bulk(session: Session, table, columns: tuple[str, ...], rows: list[tuple], report: Callable | None) -> None:
    label = f"Writing {table.name}"
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for done, row in enumerate(rows, start=1):
                copy.write_row(row)
                if report and done % BATCH == 0:
                    report(label, done, len(rows))
        if report:
            report(label, len(rows), len(rows))
    else:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in batch])
            if report:
                report(label, start + len(batch), len(rows))
