"""Make the synthetic housing repairs log for this exercise.

Run `python make_data.py` from this folder. It always writes the same file, because the
random numbers come from a fixed seed. The landlord, its estates and every repair are made up.
"""

import csv
import datetime
import random
from pathlib import Path

SEED = 2026
OUT = Path(__file__).parent / "data" / "housing-repairs.csv"

FIRST_DAY = datetime.date(2025, 4, 1)
EXTRACT_DAY = datetime.date(2026, 3, 31)  # the day the log was taken from the repairs system

ESTATES = ["Ashgrove", "Bramley Court", "Fenwick", "Harbour View", "Kingsmead", "Orchard Rise"]

# Trade: (share of repairs, extra share in winter). Made-up figures.
TRADES = {
    "Plumbing": (24, 4),
    "Heating": (14, 14),
    "Electrical": (16, 2),
    "Carpentry": (17, 0),
    "Roofing": (8, 5),
    "Damp and mould": (9, 9),
    "Glazing": (7, 1),
    "Plastering": (5, 0),
}

PRIORITIES = {"Emergency": 15, "Urgent": 30, "Routine": 55}

# More repairs are reported in the colder months (made-up monthly weights, April first).
MONTH_WEIGHTS = {4: 7, 5: 7, 6: 6, 7: 6, 8: 6, 9: 7, 10: 9, 11: 10, 12: 10, 1: 13, 2: 10, 3: 9}


def reported_date(rng: random.Random) -> datetime.date:
    month = rng.choices(list(MONTH_WEIGHTS), weights=list(MONTH_WEIGHTS.values()))[0]
    year = 2025 if month >= 4 else 2026
    first = datetime.date(year, month, 1)
    next_first = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return first + datetime.timedelta(days=rng.randrange((next_first - first).days))


def days_to_complete(rng: random.Random, priority: str, trade: str) -> int:
    if priority == "Emergency":
        return rng.choices([0, 1, 2, 3, 5], weights=[46, 38, 9, 5, 2])[0]
    if priority == "Urgent":
        return max(1, round(rng.lognormvariate(1.7, 0.5)))
    days = rng.lognormvariate(2.9, 0.6)
    if trade == "Damp and mould":
        days *= 1.8
    if rng.random() < 0.04:  # waiting for parts or access
        days += rng.randint(60, 150)
    return max(2, round(days))


def main() -> None:
    rng = random.Random(SEED)
    repairs = []
    for _ in range(640):
        reported = reported_date(rng)
        winter = reported.month in (11, 12, 1, 2)
        trade = rng.choices(list(TRADES), weights=[a + (b if winter else 0) for a, b in TRADES.values()])[0]
        priority = rng.choices(list(PRIORITIES), weights=list(PRIORITIES.values()))[0]
        completed = reported + datetime.timedelta(days=days_to_complete(rng, priority, trade))
        done = completed.isoformat() if completed <= EXTRACT_DAY else ""
        repairs.append([reported.isoformat(), done, priority, trade, rng.choice(ESTATES)])
    repairs.sort()
    OUT.parent.mkdir(exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["repair_id", "reported_date", "completed_date", "priority", "trade", "estate"])
        for number, repair in enumerate(repairs, start=1):
            writer.writerow([f"HR{24000 + number}", *repair])
    print(f"Wrote {len(repairs)} repairs to {OUT}")


if __name__ == "__main__":
    main()
