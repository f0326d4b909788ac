"""Make the synthetic road casualty data for this exercise.

Run `python make_data.py` from this folder. It always writes the same file, because the
random numbers come from a fixed seed. The county and every figure are made up. The columns
and road user types are modelled on the Department for Transport's reported road casualties
statistics for Great Britain.
"""

import csv
import math
import random
from pathlib import Path

SEED = 2026
OUT = Path(__file__).parent / "data" / "road-casualties-ksi.csv"

YEARS = range(2019, 2026)

# Road user type: (killed or seriously injured in a typical year, share of those who were killed). Made up.
ROAD_USERS = {
    "Pedestrians": (165, 0.08),
    "Pedal cyclists": (120, 0.04),
    "Motorcyclists": (135, 0.09),
    "Car occupants": (250, 0.07),
    "Other road users": (45, 0.06),
}

# How busy each month tends to be for each road user type, January to December (1 = an average month).
# Cyclists and motorcyclists ride more in summer; pedestrians are hit more on dark winter evenings.
SEASON = {
    "Pedestrians": [1.15, 1.05, 1.0, 0.9, 0.9, 0.85, 0.85, 0.85, 0.95, 1.1, 1.2, 1.2],
    "Pedal cyclists": [0.6, 0.65, 0.85, 1.05, 1.25, 1.3, 1.3, 1.25, 1.15, 0.95, 0.85, 0.8],
    "Motorcyclists": [0.5, 0.6, 0.85, 1.1, 1.3, 1.35, 1.4, 1.35, 1.2, 0.95, 0.75, 0.65],
    "Car occupants": [1.0, 0.95, 0.95, 0.95, 1.0, 1.0, 1.05, 1.05, 1.0, 1.0, 1.0, 1.05],
    "Other road users": [1.0] * 12,
}

# Each year's level compared with a typical year. 2020 is low because COVID-19 lockdowns cut traffic.
YEAR_LEVEL = {2019: 1.04, 2020: 0.88, 2021: 0.95, 2022: 1.0, 2023: 0.97, 2024: 0.94, 2025: 0.92}
LOCKDOWN_MONTHS = {"2020-04": 0.45, "2020-05": 0.6, "2021-01": 0.75, "2021-02": 0.8}
# Some road user types drift away from the overall trend in the last 2 years (made up).
DRIFT = {("Pedal cyclists", 2025): 1.1, ("Motorcyclists", 2025): 1.07, ("Pedestrians", 2024): 0.96}


def poisson(rng: random.Random, mean: float) -> int:
    """A count with the given mean, by Knuth's method: fine for the small means here."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def main() -> None:
    rng = random.Random(SEED)
    rows = []
    for year in YEARS:
        for month_index in range(12):
            month = f"{year}-{month_index + 1:02d}"
            for road_user, (per_year, killed_share) in ROAD_USERS.items():
                mean = per_year / 12 * SEASON[road_user][month_index] * YEAR_LEVEL[year]
                mean *= LOCKDOWN_MONTHS.get(month, 1) * DRIFT.get((road_user, year), 1)
                ksi = poisson(rng, mean)
                killed = sum(1 for _ in range(ksi) if rng.random() < killed_share)
                rows.append([month, road_user, killed, ksi - killed])
    OUT.parent.mkdir(exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["month", "road_user", "killed", "seriously_injured"])
        writer.writerows(rows)
    print(f"Wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
