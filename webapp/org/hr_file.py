"""Reading an HR export: every row is checked, and every problem is reported with its row and column.

Row numbers are the spreadsheet's: the header is row 1, the first person row 2.
"""

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from webapp.org.grades import GRADES, normalise_grade
from webapp.org.hierarchy import find_cycles
from webapp.training.requirement import FTE_SCALE

COLUMNS = ("staff_number", "email", "name", "department", "grade", "manager_staff_number", "fte", "active")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TRUE = {"true", "yes", "y", "1", "active"}
_FALSE = {"false", "no", "n", "0", "inactive", "left"}


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Person:
    """One valid row, normalised."""

    row: int
    staff_number: str
    email: str
    name: str
    department: str
    grade: str
    manager_staff_number: str | None
    fte: int  # ten-thousandths of full time
    active: bool


@dataclass
class HRFile:
    people: list[Person]
    problems: list[RowProblem]


RowsRead = Callable[[int], None]  # told how many more rows have been checked


def read_hr_file(
    data: bytes, existing: Mapping[str, str | None] | None = None, progress: RowsRead | None = None
) -> HRFile:
    """Check a whole file.

    `existing` (for a partial file): staff number -> manager's staff number of people already in Data Day,
    whom the file may name as managers; chains through them are checked for cycles too.
    """
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        message = "is not UTF-8: in Excel, save it as 'CSV UTF-8 (Comma delimited)'"
        return HRFile([], [RowProblem(row, None, f"the file {message}")])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        return HRFile([], [RowProblem(1, None, _unreadable(error))])
    problems = _check_header(header)
    if problems or header is None:
        return HRFile([], problems)
    people = _read_rows(reader, header, problems, progress)
    _check_across_rows(people, existing or {}, problems)
    problems.sort(key=lambda problem: (problem.row, COLUMNS.index(problem.column) if problem.column else -1))
    return HRFile(people, problems)


def _read_rows(
    reader: Iterator[list[str]], header: list[str], problems: list[RowProblem], progress: RowsRead | None
) -> list[Person]:
    positions = [[name.strip().lower() for name in header].index(column) for column in COLUMNS]
    people: list[Person] = []
    number = 1
    try:
        for number, values in enumerate(reader, start=2):
            if progress and number % 10_000 == 0:
                progress(10_000)
            if not any(value.strip() for value in values):
                continue  # blank lines at the end of Excel exports
            if len(values) != len(header):
                problems.append(RowProblem(number, None, f"has {len(values)} values, but the header has {len(header)}"))
                continue
            person = _read_row(number, [values[position] for position in positions], problems)
            if person:
                people.append(person)
    except csv.Error as error:
        # The row after the last one read. Nothing after it can be trusted (an unclosed quote swallows the rest),
        # so no one is checked across rows either.
        problems.append(RowProblem(number + 1, None, _unreadable(error)))
        return []
    return people


def _unreadable(error: csv.Error) -> str:
    if "field limit" in str(error):
        reason = f"has a value longer than {csv.field_size_limit()} characters (is a quote left open?)"
    else:
        reason = f"cannot be read as CSV ({error})"
    return f"{reason}: the rows after it were not checked"


def _check_header(header: list[str] | None) -> list[RowProblem]:
    if not header:
        return [RowProblem(1, None, "the file is empty: the first row must name the columns")]
    names = [name.strip().lower() for name in header]
    problems = [RowProblem(1, column, "this column is missing") for column in COLUMNS if column not in names]
    problems += [
        RowProblem(1, name or "(blank)", "is not a column Data Day knows") for name in names if name not in COLUMNS
    ]
    problems += [RowProblem(1, name, "appears more than once") for name in sorted(set(names)) if names.count(name) > 1]
    return problems


def _text(limit: int) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if not value:
            raise ValueError("is empty")
        if len(value) > limit:
            raise ValueError(f"is longer than {limit} characters")
        return value

    return parse


def _email(value: str) -> str:
    if not value:
        raise ValueError("is empty")
    value = value.lower()
    if not _EMAIL.match(value) or len(value) > 254:
        raise ValueError(f"'{value}' is not an email address")
    return value


def _grade(value: str) -> str:
    grade = normalise_grade(value)
    if grade is None:
        raise ValueError(f"'{value}' is not a civil service grade: use one of {', '.join(GRADES)}")
    return grade


def _fte(value: str) -> int:
    if not value:
        return FTE_SCALE
    try:
        number = Decimal(value)
    except InvalidOperation:
        number = Decimal(-1)
    if not number.is_finite() or not 0 < number <= 1:
        raise ValueError(f"'{value}' is not a full-time equivalent: use a number above 0 and at most 1, like 0.6")
    return max(1, int((number * FTE_SCALE).to_integral_value()))


def _active(value: str) -> bool:
    if not value or value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ValueError(f"'{value}' is not yes or no: use true or false")


_PARSERS: dict[str, Callable[[str], object]] = {
    "staff_number": _text(40),
    "email": _email,
    "name": _text(200),
    "department": _text(200),
    "grade": _grade,
    "manager_staff_number": lambda value: value or None,
    "fte": _fte,
    "active": _active,
}


def _read_row(row: int, values: list[str], problems: list[RowProblem]) -> Person | None:
    fields, found = {}, len(problems)
    for column, value in zip(COLUMNS, values, strict=True):
        try:
            fields[column] = _PARSERS[column](value.strip())
        except ValueError as error:
            problems.append(RowProblem(row, column, str(error)))
    if fields.get("manager_staff_number") and fields["manager_staff_number"] == fields.get("staff_number"):
        problems.append(RowProblem(row, "manager_staff_number", "is the person's own staff number"))
    return Person(row, **fields) if len(problems) == found else None  # type: ignore[arg-type]  # parsed per column


def _check_across_rows(people: list[Person], existing: Mapping[str, str | None], problems: list[RowProblem]) -> None:
    first_row: dict[tuple[str, str], int] = {}
    for person in people:
        for column in ("staff_number", "email"):
            key = (column, getattr(person, column))
            if key in first_row:
                problems.append(RowProblem(person.row, column, f"'{key[1]}' is also on row {first_row[key]}"))
            else:
                first_row[key] = person.row
    in_file = {person.staff_number for person in people}
    for person in people:
        manager = person.manager_staff_number
        if manager and manager not in in_file and manager not in existing:
            problems.append(RowProblem(person.row, "manager_staff_number", f"no one has staff number '{manager}'"))
    manager_of = {**existing, **{person.staff_number: person.manager_staff_number for person in people}}
    row_of = {person.staff_number: person.row for person in people}
    for cycle in find_cycles(manager_of):
        chain = " → ".join(f"{staff} (row {row_of[staff]})" if staff in row_of else staff for staff in cycle)
        first = min((staff for staff in cycle if staff in row_of), key=row_of.__getitem__)
        message = f"the line management goes round in a circle: {chain}"
        problems.append(RowProblem(row_of[first], "manager_staff_number", message))
