"""The synthetic civil service is deterministic and is a valid HR file."""

from collections import Counter

from webapp.org.hr_file import read_hr_file
from webapp.org.synthetic import DEPARTMENTS, hr_csv, synthetic_people


def depth(person, by_staff) -> int:
    levels = 0
    while person.manager_staff_number:
        person, levels = by_staff[person.manager_staff_number], levels + 1
    return levels


def test_the_same_seed_gives_the_same_organisation_and_another_seed_another():
    assert synthetic_people(500, 4) == synthetic_people(500, 4)
    assert synthetic_people(500, 4) != synthetic_people(500, 5)


def test_it_reads_back_as_a_valid_hr_file_with_every_department_and_deep_lines():
    people = synthetic_people(30_000, 1)
    result = read_hr_file(hr_csv(people))
    assert result.problems == []
    assert result.people == people
    assert {person.department for person in people} == {name for name, _, _ in DEPARTMENTS}
    by_staff = {person.staff_number: person for person in people}
    depths = Counter(depth(person, by_staff) for person in people)
    assert max(depths) >= 7
    grades = Counter(person.grade for person in people)
    assert grades.most_common(1)[0][1] < len(people) * 0.3  # a spread of grades, not one
