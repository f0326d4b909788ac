"""Make the synthetic jobcentre appointments log, with data quality problems planted on purpose.

Run `python make_data.py` from this folder. It always writes the same files, because the
random numbers come from a fixed seed. The offices and every appointment are made up, and no
appointment is about a real person.

Planted problems (each in a different row, so they never overlap):
- 18 blank outcomes: 14 empty and 4 that hold only spaces
- 11 exact copies of clean rows
- 10 office codes that are not in offices.csv: 7 x JC09 (a closed office), 3 x JC1O (letter O for JC10)
- 7 dates that are not real dates or fall outside January to March 2026
- 5 durations outside 0 to 240 minutes
- 3 appointments marked "Did not attend" that have a duration above 0 (a consistency problem;
  the questions do not ask about it, and the rows count as clean for them)
"""

import csv
import datetime
import random
from pathlib import Path

SEED = 2026
DATA = Path(__file__).parent / "data"

# The 9 offices in the district that this log covers. Every name is fictional.
DISTRICT = "Calder Valley"
DISTRICT_OFFICES = [
    ("JC01", "Ashby Road Jobcentre"),
    ("JC02", "Barrowfield Jobcentre"),
    ("JC03", "Canal Street Jobcentre"),
    ("JC04", "Dunmore Jobcentre"),
    ("JC05", "Eastgate Jobcentre"),
    ("JC06", "Fairhaven Jobcentre"),
    ("JC07", "Greystone Jobcentre"),
    ("JC08", "Hollins Park Jobcentre"),
    ("JC10", "Kingsmead Jobcentre"),
]
OFFICE_WEIGHTS = [14, 18, 12, 10, 16, 13, 9, 8, 11]
CLOSED = "JC09"  # closed, so it is not in the list of offices
LAST_CODE = 62
OTHER_DISTRICTS = ["Harbour Coast", "Longmoor", "Millbrook", "Northcliffe", "Orchard Vale", "Westmere"]
NAME_STARTS = [
    "Bram",
    "Cran",
    "Elm",
    "Fen",
    "Glen",
    "Hart",
    "Lang",
    "Mar",
    "Oak",
    "Pen",
    "Red",
    "Sand",
    "Stan",
    "Thorn",
    "Wil",
    "Wood",
    "Yar",
]
NAME_ENDS = ["bridge", "by", "don", "field", "ford", "ley", "stow", "ton", "wick", "worth"]


def all_offices() -> list[tuple[str, str, str]]:
    """Every open office in the region: the district's 9 and made-up others, without the closed one."""
    offices = [(code, name, DISTRICT) for code, name in DISTRICT_OFFICES]
    taken = {code for code, _ in DISTRICT_OFFICES} | {CLOSED}
    others = [f"JC{number:02d}" for number in range(1, LAST_CODE + 1) if f"JC{number:02d}" not in taken]
    names = [start + end for start in NAME_STARTS for end in NAME_ENDS]
    for index, code in enumerate(others):
        name = names[index * 7 % len(names)]  # 7 shares no factor with 170, so every name is different
        offices.append((code, f"{name} Jobcentre", OTHER_DISTRICTS[index * len(OTHER_DISTRICTS) // len(others)]))
    return sorted(offices)


# Appointment type: (share, typical minutes when attended). Made-up figures.
TYPES = {
    "New claim": (18, 45),
    "Work search review": (42, 20),
    "Work coach interview": (28, 30),
    "Health and work conversation": (12, 40),
}
OUTCOMES = {"Attended": 78, "Did not attend": 11, "Rearranged": 7, "Cancelled": 4}

FIRST = datetime.date(2026, 1, 1)
LAST = datetime.date(2026, 3, 31)
BANK_HOLIDAYS = {datetime.date(2026, 1, 1)}  # jobcentres are closed


def working_days():
    day = FIRST
    while day <= LAST:
        if day.weekday() < 5 and day not in BANK_HOLIDAYS:
            yield day
        day += datetime.timedelta(days=1)


def clean_rows(rng: random.Random) -> list[list[str]]:
    days = list(working_days())
    rows = []
    for _ in range(1180):
        kind = rng.choices(list(TYPES), weights=[w for w, _ in TYPES.values()])[0]
        outcome = rng.choices(list(OUTCOMES), weights=list(OUTCOMES.values()))[0]
        minutes = max(5, round(rng.gauss(TYPES[kind][1], 6) / 5) * 5) if outcome == "Attended" else 0
        office = rng.choices(DISTRICT_OFFICES, weights=OFFICE_WEIGHTS)[0][0]
        rows.append([office, rng.choice(days).isoformat(), kind, outcome, str(minutes)])
    rows.sort(key=lambda row: (row[1], row[0]))
    return [[f"APT-{260001 + i}", *row] for i, row in enumerate(rows)]


def plant_problems(rng: random.Random, rows: list[list[str]]) -> list[list[str]]:
    # Choose distinct rows to damage, so that no row has more than one problem.
    targets = rng.sample(range(len(rows)), 18 + 10 + 7 + 5)
    blanks, codes, dates, durations = targets[:18], targets[18:28], targets[28:35], targets[35:]
    for n, i in enumerate(blanks):
        rows[i][4] = "  " if n < 4 else ""
    for n, i in enumerate(codes):
        rows[i][1] = "JC09" if n < 7 else "JC1O"
    bad_dates = ["2025-02-12", "2025-03-04", "2025-01-27", "2062-03-05", "2062-01-19", "2026-02-30", "2026-02-29"]
    for i, text in zip(dates, bad_dates, strict=True):
        rows[i][2] = text
    for i, text in zip(durations, ["-15", "-30", "600", "450", "-20"], strict=True):
        rows[i][4], rows[i][5] = "Attended", text
    # Exact copies of clean rows, each placed just after its original, as a double import would.
    damaged = set(targets)
    originals = sorted(rng.sample([i for i in range(len(rows)) if i not in damaged], 11), reverse=True)
    # A consistency problem that is valid column by column: "Did not attend" with a duration.
    absent = [i for i in range(len(rows)) if i not in damaged and i not in originals and rows[i][4] == "Did not attend"]
    for i in rng.sample(absent, 3):
        rows[i][5] = str(rng.choice([20, 30, 45]))
    for i in originals:
        rows.insert(i + 1, list(rows[i]))
    return rows


def main() -> None:
    rng = random.Random(SEED)
    rows = plant_problems(rng, clean_rows(rng))
    offices = all_offices()
    DATA.mkdir(exist_ok=True)
    with open(DATA / "jobcentre-appointments.csv", "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(
            ["appointment_id", "office_code", "appointment_date", "appointment_type", "outcome", "duration_minutes"]
        )
        writer.writerows(rows)
    with open(DATA / "offices.csv", "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["office_code", "office_name", "district"])
        writer.writerows(offices)
    print(f"Wrote {len(rows)} appointments and {len(offices)} offices to {DATA}")


if __name__ == "__main__":
    main()
