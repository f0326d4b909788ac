"""Make the synthetic fly-tipping data for this exercise.

Run `python make_data.py` from this folder. It always writes the same file, because the
random numbers come from a fixed seed. The council, its wards and every incident are made up.
"""

import csv
import datetime
import random
from pathlib import Path

SEED = 2026
OUT = Path(__file__).parent / "data" / "fly-tipping-incidents.csv"

# Ward and how many incidents a year it tends to have (made up).
WARDS = {
    "Brookside": 95,
    "Canal Street": 170,
    "Eastgate": 125,
    "Hillfield": 60,
    "Market": 150,
    "Northmoor": 80,
    "Old Town": 110,
    "St Anne's": 70,
    "Westfield": 45,
}

# Waste types follow the categories councils in England report to Defra; the weights are made up.
WASTE_TYPES = {
    "Other household waste": 36,
    "Black bags (household)": 20,
    "Construction, demolition and excavation": 8,
    "Other commercial waste": 7,
    "Green waste": 6,
    "White goods": 4,
    "Other electrical": 4,
    "Black bags (commercial)": 4,
    "Tyres": 3,
    "Vehicle parts": 2,
    "Asbestos": 1,
    "Other": 5,
}

LAND_TYPES = {
    "Highway": 45,
    "Footpath or bridleway": 13,
    "Back alleyway": 12,
    "Council land": 10,
    "Private residential": 8,
    "Watercourse or bank": 2,
    "Agricultural": 2,
    "Other": 8,
}

SIZES = {
    "Single black bag": 6,
    "Single item": 12,
    "Car boot or less": 30,
    "Small van load": 28,
    "Transit van load": 17,
    "Tipper lorry load": 5,
    "Significant or multiple loads": 2,
}

START = datetime.date(2025, 4, 1)  # the 2025-26 financial year
DAYS = 365


def pick(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def main() -> None:
    rng = random.Random(SEED)
    incidents = []
    for ward, typical in WARDS.items():
        count = typical + rng.randint(-8, 8)
        for _ in range(count):
            day = START + datetime.timedelta(days=rng.randrange(DAYS))
            waste = pick(rng, WASTE_TYPES)
            size = pick(rng, SIZES)
            if waste.startswith("Black bags") and rng.random() < 0.5:
                size = "Single black bag"
            incidents.append([day.isoformat(), ward, waste, pick(rng, LAND_TYPES), size])
    incidents.sort()
    OUT.parent.mkdir(exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["incident_id", "date_reported", "ward", "waste_type", "land_type", "size"])
        for number, incident in enumerate(incidents, start=1):
            writer.writerow([f"FT-{number:05d}", *incident])
    print(f"Wrote {len(incidents)} incidents to {OUT}")


if __name__ == "__main__":
    main()
