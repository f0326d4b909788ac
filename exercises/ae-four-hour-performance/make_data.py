"""Make the synthetic A&E attendance data for this exercise.

Run `python make_data.py` from this folder. It always writes the same file, because the
random numbers come from a fixed seed. The trusts and every figure are made up; the layout is
modelled on NHS England's monthly A&E attendances and emergency admissions statistics.
"""

import csv
import random
from pathlib import Path

SEED = 2026
OUT = Path(__file__).parent / "data" / "ae-attendances.csv"

MONTHS = [
    "2025-04",
    "2025-05",
    "2025-06",
    "2025-07",
    "2025-08",
    "2025-09",
    "2025-10",
    "2025-11",
    "2025-12",
    "2026-01",
    "2026-02",
    "2026-03",
]
# Winter pressure: extra share of Type 1 patients waiting over 4 hours, by month (made up).
WINTER = [0.00, 0.00, -0.01, 0.00, -0.01, 0.01, 0.02, 0.04, 0.07, 0.08, 0.05, 0.03]

# Code, name, Type 1 attendances a month, Type 1 share over 4 hours, Type 3 attendances a month.
# Every trust is fictional.
TRUSTS = [
    ("TRA", "Ashby and District Hospitals NHS Trust", 7200, 0.30, 2600),
    ("TRB", "Barrowfield University Hospitals NHS Foundation Trust", 11800, 0.38, 4100),
    ("TRC", "Calder Valley Healthcare NHS Trust", 6100, 0.27, 0),
    ("TRD", "Dunmore General Hospital NHS Foundation Trust", 5400, 0.22, 1900),
    ("TRE", "East Medway Acute Hospitals NHS Trust", 9300, 0.43, 3300),
    ("TRF", "Fairhaven Teaching Hospitals NHS Trust", 10400, 0.34, 5200),
    ("TRG", "Greystone Royal Infirmary NHS Foundation Trust", 8200, 0.31, 2200),
    ("TRH", "Hollins Park Hospitals NHS Trust", 4700, 0.25, 3600),
    ("TRK", "Kestrel Bay University Hospitals NHS Trust", 12600, 0.41, 2900),
    ("TRL", "Longmoor and Wrexley NHS Foundation Trust", 6900, 0.29, 1500),
    ("TRM", "Millbrook Community Healthcare NHS Trust", 0, 0.0, 4600),
    ("TRN", "Northcliffe Hospitals NHS Trust", 8800, 0.36, 2400),
]


def main() -> None:
    rng = random.Random(SEED)
    rows = []
    for month_index, month in enumerate(MONTHS):
        for code, name, type1, share_over, type3 in TRUSTS:
            if type1:
                attendances = round(type1 * rng.uniform(0.92, 1.08) * (1 + 0.03 * (month_index in (1, 2, 6))))
                share = min(0.7, max(0.05, share_over + WINTER[month_index] + rng.gauss(0, 0.015)))
                rows.append([month, code, name, "Type 1", attendances, round(attendances * share)])
            if type3:
                attendances = round(type3 * rng.uniform(0.85, 1.15))
                share = max(0.002, rng.uniform(0.005, 0.04) + WINTER[month_index] / 4)
                rows.append([month, code, name, "Type 3", attendances, round(attendances * share)])
    OUT.parent.mkdir(exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["month", "trust_code", "trust_name", "department_type", "attendances", "over_4_hours"])
        writer.writerows(rows)
    print(f"Wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
