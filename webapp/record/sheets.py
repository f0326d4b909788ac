"""A training record or certificate as the PDF words it (webapp.certificates.pdf lays it out)."""

from collections.abc import Sequence
from datetime import date

from webapp.certificates.pdf import Line, RecordSheet, Verification
from webapp.models.people import User
from webapp.queries.record_evidence import Evidence, minutes_counted
from webapp.queries.training_record import Entry, YearProgress
from webapp.record.evidence import evidence_line
from webapp.training.requirement import format_minutes
from webapp.training.years import TrainingYear
from webapp.web.labels import ENTRY_KINDS, long_date


def sheet_lines(
    entries: Sequence[Entry], evidence: Sequence[Evidence], counts_unconfirmed: bool, *, counted_only: bool
) -> list[Line]:
    """Every entry with its evidence; on a certificate only what counted, at the time it counted for."""
    lines = []
    for entry, facts in zip(entries, evidence, strict=True):
        counted = minutes_counted(entry, counts_unconfirmed)
        if counted_only and not counted:
            continue
        lines.append(
            Line(
                on=long_date(entry.on),
                title=entry.title,
                source=f"{ENTRY_KINDS[entry.kind]}: {entry.source}",
                evidence=evidence_line(entry, facts, counts_unconfirmed),
                minutes=format_minutes(counted) if counted else f"None ({format_minutes(entry.minutes)} logged)",
            )
        )
    return lines


def record_sheet(
    person: User,
    year: TrainingYear,
    totals: YearProgress,
    lines: list[Line],
    *,
    service_name: str,
    made_on: date,
    verification: Verification | None = None,
) -> RecordSheet:
    progress = totals.progress
    return RecordSheet(
        service_name=service_name,
        name=person.name,
        department=person.department.name if person.department else None,
        year_name=year.name,
        year_dates=f"{long_date(year.starts)} to {long_date(year.ends)}",
        total=format_minutes(progress.minutes_done),
        required=format_minutes(progress.minutes_required),
        met=progress.met,
        lines=lines,
        made_on=long_date(made_on),
        verification=verification,
    )
