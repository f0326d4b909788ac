"""Model solution: answers(data_dir) returns each question's answer."""

import csv
import statistics
from collections import Counter, defaultdict
from pathlib import Path

QUESTIONS = ["q1", "q2", "q3", "q4", "q5"]
SCORES = {"Strongly disagree": 0, "Disagree": 25, "Neither agree nor disagree": 50, "Agree": 75, "Strongly agree": 100}
SMALL_GROUP_OPTIONS = [
    ("SCS", "Corporate Services"),
    ("SCS", "Policy"),
    ("SCS", "Digital and Data"),
    ("AA/AO", "Policy"),
    ("AA/AO", "Digital and Data"),
    ("G7/G6", "Corporate Services"),
    ("EO", "Digital and Data"),
]


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

    sizes = Counter((row["grade"], row["directorate"]) for row in scored)
    small = [
        f"{grade} in {directorate}" for grade, directorate in SMALL_GROUP_OPTIONS if sizes[grade, directorate] < 10
    ]

    return {
        "engagement-index": round(statistics.mean(row["score"] for row in scored), 1),
        "top-directorate": top,
        "q1-positive": round(100 * positive / len(q1), 1),
        "small-groups": small,
    }
