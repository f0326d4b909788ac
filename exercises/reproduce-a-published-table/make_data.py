"""Make the synthetic Blue Badge decisions and the "published" table for this exercise.

Run `python make_data.py` from this folder. It always writes the same files, because the
random numbers come from a fixed seed. The council, its districts and every application are
made up. The published table is worked out from the records, then 3 mistakes are planted in it
on purpose: a count with 2 digits swapped, a median pasted from the row above, and a small
count that the council's own rule says must be hidden.
"""

import csv
import random
import statistics
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

SEED = 2026
DATA = Path(__file__).parent / "data"
RECORDS = DATA / "blue-badge-decisions.csv"
PUBLISHED = DATA / "published-table.csv"

FIRST_DAY = date(2025, 4, 1)  # decisions made in the financial year 2025 to 2026
DAYS_IN_YEAR = 365
TARGET_DAYS = 56  # 8 weeks

# District: (applications decided in the year, typical days to a decision, share refused). Made up.
DISTRICTS = {
    "Ashcombe": (418, 38, 0.09),
    "Brackenford": (356, 31, 0.11),
    "Eastholme": (297, 44, 0.08),
    "Kingsmere": (394, 35, 0.10),
    "Northmoor": (283, 47, 0.12),
    "Holm Island": (37, 40, 0.08),
}
ALL = "All districts"


def make_records(rng: random.Random) -> list[list]:
    rows = []
    for district, (count, typical_days, refused_share) in DISTRICTS.items():
        for _ in range(count):
            days = max(1, round(rng.lognormvariate(0, 0.5) * typical_days))
            decided = FIRST_DAY + timedelta(days=rng.randrange(DAYS_IN_YEAR))
            decision = "Refused" if rng.random() < refused_share else "Issued"
            rows.append([district, decided - timedelta(days=days), decided, decision])
    rows.sort(key=lambda row: (row[1], row[0], row[2]))
    return [[f"BB-{number:05d}", *row] for number, row in enumerate(rows, start=1)]


def to_text(value: Fraction) -> str:
    """The value to 1 decimal place, as published. Halves round up, but no value here is a half."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def published_row(name: str, rows: list[list]) -> list:
    days = [(row[3] - row[2]).days for row in rows]
    within = sum(1 for value in days if value <= TARGET_DAYS)
    percent = Fraction(100 * within, len(rows))
    # A value ending exactly in 5 at the second decimal place would round differently by different rules.
    assert (percent * 20).denominator != 1, f"{name}: {float(percent)} is a tie"
    median = Fraction(statistics.median(days))
    refused = sum(1 for row in rows if row[4] == "Refused")
    return [name, len(rows), to_text(median), to_text(percent), refused]


def make_published(records: list[list]) -> list[list]:
    table = [published_row(name, [row for row in records if row[1] == name]) for name in DISTRICTS]
    table.append(published_row(ALL, records))
    # Planted mistake 1: Kingsmere's count typed with its last 2 digits swapped.
    kingsmere = table[3]
    text = str(kingsmere[1])
    kingsmere[1] = int(text[:-2] + text[-1] + text[-2])
    # Planted mistake 2: Northmoor's median pasted from Kingsmere, the row above.
    table[4][2] = table[3][2]
    # Planted mistake 3 is not made here: Holm Island's small refused count is simply left in.
    return table


def main() -> None:
    rng = random.Random(SEED)
    records = make_records(rng)
    table = make_published(records)
    DATA.mkdir(exist_ok=True)
    with open(RECORDS, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["application_id", "district", "received_date", "decision_date", "decision"])
        writer.writerows(records)
    with open(PUBLISHED, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["district", "applications_decided", "median_days", "percent_within_8_weeks", "refused"])
        writer.writerows(table)
    print(f"Wrote {len(records)} records to {RECORDS} and {len(table)} rows to {PUBLISHED}")


if __name__ == "__main__":
    main()
