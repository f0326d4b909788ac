"""A synthetic civil service for demos, tests and benchmarks: deterministic for a given size and seed.

Departments are real names with made-up people. Their relative sizes loosely follow the published
Civil Service Statistics (the biggest departments have tens of thousands of staff); no figure here is real.
Each department is a line-management tree 8 to 10 levels deep, with grades falling as the tree deepens.
"""

import csv
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from webapp.org.grades import GRADES
from webapp.org.hr_file import COLUMNS, Person
from webapp.training.requirement import FTE_SCALE

# (name, relative size, email domain)
DEPARTMENTS = [
    ("Department for Work and Pensions", 18, "dwp.gov.uk"),
    ("Ministry of Justice", 17, "justice.gov.uk"),
    ("HM Revenue and Customs", 13, "hmrc.gov.uk"),
    ("Ministry of Defence", 12, "mod.gov.uk"),
    ("Home Office", 9, "homeoffice.gov.uk"),
    ("Department for Environment, Food and Rural Affairs", 5, "defra.gov.uk"),
    ("Department for Transport", 4, "dft.gov.uk"),
    ("Department of Health and Social Care", 3, "dhsc.gov.uk"),
    ("Department for Education", 2.5, "education.gov.uk"),
    ("Foreign, Commonwealth and Development Office", 3, "fcdo.gov.uk"),
    ("Department for Business and Trade", 1.5, "businessandtrade.gov.uk"),
    ("Cabinet Office", 2, "cabinetoffice.gov.uk"),
    ("Office for National Statistics", 1.5, "ons.gov.uk"),
    ("Ministry of Housing, Communities and Local Government", 1, "communities.gov.uk"),
    ("Department for Science, Innovation and Technology", 1, "dsit.gov.uk"),
    ("Department for Energy Security and Net Zero", 1, "energysecurity.gov.uk"),
    ("HM Treasury", 0.7, "hmtreasury.gov.uk"),
    ("Department for Culture, Media and Sport", 0.5, "dcms.gov.uk"),
    ("Crown Prosecution Service", 1.6, "cps.gov.uk"),
    ("Government Legal Department", 0.7, "governmentlegal.gov.uk"),
]
FIRST_NAMES = (
    "Aisha Alex Amelia Amir Ben Bethan Callum Charlotte Chloe Connor Daniel Deepa Eilidh Ella Emma Ethan Fatima "
    "Finn Freya George Grace Hannah Harry Isla Jack James Jasmine Joe Kate Kwame Laura Leah Liam Lucy Mark Megan "
    "Mohammed Nadia Niamh Noah Oliver Olivia Oscar Priya Rachel Rhys Rosie Ryan Sam Sarah Sean Sophie Tom Zara"
).split()
SURNAMES = (
    "Ahmed Ali Baker Bennett Brown Campbell Chen Clarke Davies Evans Fraser Green Hall Harris Hughes Hussain Jackson "
    "James Jones Kaur Khan Kelly Lewis MacDonald Martin Mitchell Morgan Murphy Nguyen Okafor Owen Patel Phillips "
    "Price Roberts Robinson Scott Shah Singh Smith Stewart Taylor Thomas Thompson Turner Walker Watson White Williams "
    "Wilson Wood Wright Young"
).split()
PART_TIME = (0.4, 0.5, 0.6, 0.8, 0.9)


def _grade_under(manager_grade: str | None, depth: int, rng: random.Random) -> str:
    """SCS at the top two levels; below, each report is the manager's grade or one or two below it.

    With lines 8 to 10 deep this gives a mix centred on EO and HEO, as in the real civil service.
    """
    if depth <= 1:
        return "SCS"
    roll = rng.random()
    drop = 0 if roll < 0.4 else (1 if roll < 0.9 else 2)
    return GRADES[max(0, GRADES.index(manager_grade) - drop)]


def synthetic_people(count: int, seed: int) -> list[Person]:
    rng = random.Random(seed)
    weights = sum(weight for _, weight, _ in DEPARTMENTS)
    sizes = [max(1, round(count * weight / weights)) for _, weight, _ in DEPARTMENTS]
    sizes[0] += count - sum(sizes)  # rounding: the biggest department takes the difference
    people: list[Person] = []
    for (department, _, domain), size in zip(DEPARTMENTS, sizes, strict=True):
        people += _department(department, domain, size, rng, start=len(people))
    return people


def _department(name: str, domain: str, size: int, rng: random.Random, start: int) -> list[Person]:
    """Breadth first: each manager takes 2 to 6 reports, which makes lines 8 to 10 levels deep at scale."""
    people: list[Person] = []
    queue: list[tuple[Person | None, int]] = [(None, 0)]  # (manager, depth of their reports)
    head = 0
    while len(people) < size:
        manager, depth = queue[head]
        head += 1
        spans = 1 if manager is None else rng.randint(2, 6)
        for _ in range(min(spans, size - len(people))):
            number = start + len(people) + 1
            first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
            fte = FTE_SCALE if rng.random() < 0.85 else int(rng.choice(PART_TIME) * FTE_SCALE)
            staff = f"S{number:07d}"
            email = f"{first}.{last}.{number}@{domain}".lower()
            grade = _grade_under(manager.grade if manager else None, depth, rng)
            row = number + 1  # its row in the HR file: the header is row 1
            boss = manager.staff_number if manager else None
            person = Person(row, staff, email, f"{first} {last}", name, grade, boss, fte, True)
            people.append(person)
            queue.append((person, depth + 1))
    return people


def hr_csv(people: list[Person]) -> bytes:
    """The people as an HR export, in the columns `flask people import` reads."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for person in people:
        values = {
            **vars(person),
            "manager_staff_number": person.manager_staff_number or "",
            "fte": person.fte / FTE_SCALE,
            "active": "true" if person.active else "false",
        }
        writer.writerow([values[column] for column in COLUMNS])
    return buffer.getvalue().encode("utf-8")


@dataclass(frozen=True)
class Outside:
    learned_on: date
    minutes: int
    status: str


def synthetic_activity(
    person_ids: list[int], item_ids: list[int], year_start: date, today: date, seed: int
) -> Iterator[tuple[int, list[tuple[int, datetime]], list[Outside]]]:
    """For each person: the items they completed (with when) and outside learning, this training year.

    About a fifth have not started, a third are part-way and the rest have done the day or most of it;
    with the shipped curriculum that makes about 10 completions a person.
    """
    rng = random.Random(seed)
    days = max((today - year_start).days, 1)
    for person_id in person_ids:
        roll = rng.random()
        if roll < 0.22:
            count = 0
        elif roll < 0.55:
            count = rng.randint(1, 10)
        else:
            count = rng.randint(12, 24)
        chosen = rng.sample(item_ids, min(count, len(item_ids)))
        completions = [
            (
                item,
                datetime.combine(year_start, datetime.min.time())
                + timedelta(days=rng.randrange(days), minutes=rng.randrange(600)),
            )
            for item in chosen
        ]
        outside = []
        if count and rng.random() < 0.2:
            status = rng.choice(("unconfirmed", "confirmed", "confirmed", "returned"))
            outside.append(
                Outside(year_start + timedelta(days=rng.randrange(days)), rng.choice((30, 60, 90, 120)), status)
            )
        yield person_id, completions, outside
