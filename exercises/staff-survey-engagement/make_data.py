"""Make the synthetic staff survey responses for this exercise.

Run `python make_data.py` from this folder. It always writes the same file, because the
random numbers come from a fixed seed. The department and every response are made up.
The 5 questions are modelled on the employee engagement questions in the Civil Service People Survey.
"""

import csv
import random
from pathlib import Path

SEED = 2026
OUT = Path(__file__).parent / "data" / "staff-survey-responses.csv"

ANSWERS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]

# Grade: (number of respondents in each directorate, how positive they tend to be). Made up.
DIRECTORATES = ["Operations", "Policy", "Corporate Services", "Digital and Data"]
GRADES = {
    "AA/AO": ([150, 5, 40, 7], -0.35),
    "EO": ([120, 22, 38, 18], -0.15),
    "HEO/SEO": ([70, 48, 30, 34], 0.05),
    "G7/G6": ([24, 36, 12, 20], 0.25),
    "SCS": ([4, 15, 3, 6], 0.55),
}
# Some directorates are a little happier than others (made up).
DIRECTORATE_MOOD = {"Operations": -0.1, "Policy": 0.1, "Corporate Services": 0.0, "Digital and Data": 0.15}


def answer(rng: random.Random, mood: float) -> str:
    if rng.random() < 0.03:  # a skipped question
        return ""
    score = rng.gauss(2.55 + mood, 0.75)  # 0 = strongly disagree ... 4 = strongly agree
    return ANSWERS[min(4, max(0, round(score)))]


def main() -> None:
    rng = random.Random(SEED)
    rows = []
    for grade, (counts, grade_mood) in GRADES.items():
        for directorate, count in zip(DIRECTORATES, counts, strict=True):
            for _ in range(count):
                person = rng.gauss(0, 0.6)  # each respondent has a general outlook
                mood = grade_mood + DIRECTORATE_MOOD[directorate] + person
                answers = [answer(rng, mood) for _ in range(5)]
                if rng.random() < 0.015:  # opened the survey but skipped this section
                    answers = [""] * 5
                rows.append([grade, directorate, *answers])
    rng.shuffle(rows)
    OUT.parent.mkdir(exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["response_id", "grade", "directorate", "q1", "q2", "q3", "q4", "q5"])
        for number, row in enumerate(rows, start=1):
            writer.writerow([f"R{number:04d}", *row])
    print(f"Wrote {len(rows)} responses to {OUT}")


if __name__ == "__main__":
    main()
