"""Model solution: answers(data_dir) returns each question's answer."""

import csv
import statistics
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

QUESTIONS = ["q1", "q2", "q3", "q4", "q5"]
SCORES = {"Strongly disagree": 0, "Disagree": 25, "Neither agree nor disagree": 50, "Agree": 75, "Strongly agree": 100}
GRADE_ORDER = ["AA/AO", "EO", "HEO/SEO", "G7/G6", "SCS"]
GRADE_DIFFERENCES = (
    "The gaps between the 4 larger grades, with about 90 to 200 people each, are unlikely to be chance;"
    " the SCS index rests on 28 people, so it is less certain"
)


def respondent_score(row):
    scores = [SCORES[row[question]] for question in QUESTIONS if row[question].strip()]
    return statistics.mean(scores) if scores else None


def answers(data_dir) -> dict:
    with open(Path(data_dir) / "staff-survey-responses.csv", newline="", encoding="utf-8") as file:
        responses = list(csv.DictReader(file))
    for row in responses:
        row["score"] = respondent_score(row)
    scored = [row for row in responses if row["score"] is not None]

    by_directorate = defaultdict(list)
    for row in scored:
        by_directorate[row["directorate"]].append(row["score"])
    top = max(by_directorate, key=lambda name: statistics.mean(by_directorate[name]))

    q1 = [row["q1"] for row in responses if row["q1"].strip()]
    positive = sum(1 for answer in q1 if answer in ("Agree", "Strongly agree"))

    # Every group in the data, not only those in a list of options: the test fails if an option is missing.
    sizes = Counter((row["grade"], row["directorate"]) for row in scored)
    small = [f"{grade} in {directorate}" for (grade, directorate), count in sizes.items() if count < 10]

    by_grade = defaultdict(list)
    for row in scored:
        by_grade[row["grade"]].append(row["score"])
    assert set(by_grade) == set(GRADE_ORDER)
    index = {grade: statistics.mean(by_grade[grade]) for grade in GRADE_ORDER}
    larger = GRADE_ORDER[:4]
    assert all(90 <= len(by_grade[grade]) <= 200 for grade in larger) and len(by_grade["SCS"]) == 28
    # Each gap between neighbouring larger grades is over twice its standard error: unlikely to be chance.
    for lower, higher in pairwise(larger):
        error = sum(statistics.variance(by_grade[g]) / len(by_grade[g]) for g in (lower, higher)) ** 0.5
        assert index[higher] - index[lower] > 2 * error

    return {
        "engagement-index": round(statistics.mean(row["score"] for row in scored), 1),
        "top-directorate": top,
        "q1-positive": round(100 * positive / len(q1), 1),
        "small-groups": small,
        "grade-differences": GRADE_DIFFERENCES,
    }
