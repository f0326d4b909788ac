"""The test organisation, as its HR file describes it.

Home Office: Pat Boss (SCS) manages Alex Smith (G7, 60% of full time) and Mo Khan (EO); Alex manages Sam Jones.
HM Treasury: Kim Lee (G6) manages Lee Park (EO).
Rae Data (Home Office) has the reporting role for the Home Office. Dana Admin (Cabinet Office) is an admin.
"""

from dataclasses import asdict, dataclass

from tests.helpers.rows import make_department, make_person
from webapp.extensions import db
from webapp.models import User
from webapp.org.hr_file import COLUMNS


@dataclass(frozen=True)
class Member:
    """One row of the HR file, written as HR writes it."""

    staff_number: str
    email: str
    name: str
    department: str
    grade: str
    manager_staff_number: str  # "" for no manager
    fte: str  # "" for full time
    active: str = "true"


# Managers come before the people they manage.
PEOPLE = {
    "pat": Member("A1", "pat@example.gov.uk", "Pat Boss", "Home Office", "SCS", "", "1"),
    "alex": Member("A2", "alex@example.gov.uk", "Alex Smith", "Home Office", "G7", "A1", "0.6"),
    "sam": Member("A3", "sam@example.gov.uk", "Sam Jones", "Home Office", "HEO", "A2", ""),
    "mo": Member("A4", "mo@example.gov.uk", "Mo Khan", "Home Office", "EO", "A1", "1"),
    "kim": Member("B1", "kim@example.gov.uk", "Kim Lee", "HM Treasury", "G6", "", "1"),
    "lee": Member("B2", "lee@example.gov.uk", "Lee Park", "HM Treasury", "EO", "B1", "1"),
    "rae": Member("A9", "rae@example.gov.uk", "Rae Data", "Home Office", "SEO", "", "1"),
    "dana": Member("Z1", "dana@example.gov.uk", "Dana Admin", "Cabinet Office", "G7", "", "1"),
}
HR_HEADER = ",".join(COLUMNS)


def hr_row(key: str, **changes: str) -> str:
    """A person's row of the HR file, with any columns changed: hr_row("mo", grade="E0")."""
    fields = {**asdict(PEOPLE[key]), **changes}
    return ",".join(fields[column] for column in COLUMNS)


def hr_file(*rows: str, header: str = HR_HEADER) -> bytes:
    """An HR file as HR exports it: a header row naming the columns, then one row a person."""
    return ("\n".join([header, *rows]) + "\n").encode()


def build_organisation() -> dict[str, User]:
    """Everyone in PEOPLE, placed as an HR import places them, each able to sign in: {"pat": Pat Boss, ...}."""
    departments = {}
    people: dict[str, User] = {}
    by_staff_number: dict[str, User] = {}
    for key, member in PEOPLE.items():
        if member.department not in departments:
            departments[member.department] = make_department(member.department)
        person = make_person(
            member.name,
            email=member.email,
            department=departments[member.department],
            manager=by_staff_number.get(member.manager_staff_number),
            grade=member.grade,
            fte=float(member.fte or 1),
            staff_number=member.staff_number,
            admin=key == "dana",
        )
        people[key] = by_staff_number[member.staff_number] = person
    people["rae"].reports_on_department_id = people["rae"].department_id
    db.session.commit()
    return people
