"""Make the synthetic noise complaints and population tables for this exercise.

Run `python make_data.py` from this folder. It always writes the same files, because the
random numbers come from a fixed seed. Every region, authority, code and figure is made up. The
codes follow the format of ONS GSS codes, but use numbers (900 and above) that no real area has.

Planted problems:
- noise-complaints.csv still uses the 2 old district codes, Wyvern (E07000931) and Oakmoor (E07000932),
  for April to June 2025, after they merged into Wyvern Vale (E06000904) on 1 April 2025
- noise-complaints.csv has a region total row (E12000901, Northfold) for every month
- population.csv has 2 rows for Redmarsh (E07000934): the first is right, the second has 2 digits swapped
- the names differ between the files for some authorities (for example "Kingsmere, City of"), but the codes match
"""

import csv
import random
from pathlib import Path

SEED = 2026
DATA = Path(__file__).parent / "data"

MONTHS = [f"2025-{month:02d}" for month in range(4, 13)] + [f"2026-{month:02d}" for month in range(1, 4)]
# More noise complaints in summer, when windows are open and people are outdoors (made up).
SEASON = [0.95, 1.05, 1.2, 1.3, 1.35, 1.05, 0.9, 0.8, 0.9, 0.75, 0.8, 0.95]

REGION_CODE, REGION = "E12000901", "Northfold"
NEW_CODE = "E06000904"
OLD_CODES = [("E07000931", "Wyvern", 0.6), ("E07000932", "Oakmoor", 0.4)]  # share of Wyvern Vale's complaints
OLD_CODE_MONTHS = MONTHS[:3]  # the supplier's system used the old codes until the end of June 2025
DUPLICATED = "E07000934"

# Northfold's authorities: code, name in the complaints file, name in the population file,
# population (about), complaints per 100,000 people in a year (about). All made up.
NORTHFOLD = [
    ("E06000901", "Brackenford", "Brackenford", 182_000, 640),
    ("E06000902", "Saltham", "Saltham-on-Sea", 96_500, 1050),
    ("E06000903", "Kingsmere", "Kingsmere, City of", 261_000, 720),
    (NEW_CODE, "Wyvern Vale", "Wyvern Vale", 215_000, 520),
    ("E07000933", "Fennick", "Fennick", 88_500, 470),
    (DUPLICATED, "Redmarsh", "Redmarsh", 61_500, 830),
    ("E07000935", "Thornwick", "Thornwick", 104_500, 560),
    ("E07000936", "Ashcombe", "Ashcombe", 74_000, 600),
    ("E08000901", "Castlegate", "Castlegate", 319_000, 880),
    ("E08000902", "Hollinbridge", "Hollinbridge", 157_000, 760),
]

# The other regions in the population table, with how many authorities of each type they have.
OTHER_REGIONS = {
    "Harbour Coast": {"E06": 3, "E07": 6, "E08": 2},
    "Longmoor": {"E06": 4, "E07": 8, "E08": 0},
    "Millbrook": {"E06": 2, "E07": 5, "E08": 4},
    "Orchard Vale": {"E06": 5, "E07": 9, "E08": 0},
    "Westmere": {"E06": 3, "E07": 4, "E08": 3},
}
NAME_STARTS = ["Bram", "Cran", "Elm", "Glen", "Hart", "Lang", "Mar", "Oak", "Pen", "Sand", "Stan", "Wil", "Yar"]
NAME_ENDS = ["bury", "by", "don", "field", "ford", "ham", "ley", "stow", "ton", "wick", "worth"]


def other_authorities(rng: random.Random) -> list[list]:
    """The made-up authorities in the other regions: [code, name, region, population]."""
    names = [start + end for start in NAME_STARTS for end in NAME_ENDS]
    rng.shuffle(names)
    next_number = {"E06": 905, "E07": 937, "E08": 903}  # carry on after Northfold's codes
    rows = []
    for region, counts in OTHER_REGIONS.items():
        for prefix, count in counts.items():
            for _ in range(count):
                code = f"{prefix}000{next_number[prefix]}"
                next_number[prefix] += 1
                low, high = {"E06": (90_000, 350_000), "E07": (55_000, 160_000), "E08": (150_000, 550_000)}[prefix]
                rows.append([code, names.pop(), region, rng.randint(low, high)])
    return rows


def swap_first_digits(number: int) -> int:
    text = str(number)
    return int(text[1] + text[0] + text[2:])


def population_rows(rng: random.Random) -> list[list]:
    rows = [[code, name, REGION, round(people * rng.uniform(0.99, 1.01))] for code, _, name, people, _ in NORTHFOLD]
    rows += other_authorities(rng)
    rows.sort()
    # A second row for Redmarsh, added later by hand, with 2 digits swapped.
    right = next(row for row in rows if row[0] == DUPLICATED)
    wrong = [DUPLICATED, right[1], REGION, swap_first_digits(right[3])]
    rows.insert(rows.index(right) + 9, wrong)
    return rows


def complaints_rows(rng: random.Random, populations: dict[str, int]) -> list[list]:
    rows = []
    for month, season in zip(MONTHS, SEASON, strict=True):
        month_rows = []
        for code, name, _, _, rate in NORTHFOLD:
            expected = rate * populations[code] / 100_000 / 12 * season
            count = max(0, round(rng.gauss(expected, expected**0.5)))
            if code == NEW_CODE and month in OLD_CODE_MONTHS:
                first = round(count * OLD_CODES[0][2])
                month_rows.append([month, OLD_CODES[0][0], OLD_CODES[0][1], first])
                month_rows.append([month, OLD_CODES[1][0], OLD_CODES[1][1], count - first])
            else:
                month_rows.append([month, code, name, count])
        month_rows.sort(key=lambda row: row[1])
        total = sum(row[3] for row in month_rows)
        rows += [[month, REGION_CODE, f"{REGION} (region total)", total], *month_rows]
    return rows


def write(path: Path, header: list[str], rows: list[list]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    rng = random.Random(SEED)
    population = population_rows(rng)
    first_figures = {}
    for code, _, _, people in population:
        first_figures.setdefault(code, people)
    complaints = complaints_rows(rng, first_figures)
    DATA.mkdir(exist_ok=True)
    write(DATA / "population.csv", ["la_code", "la_name", "region", "population"], population)
    write(DATA / "noise-complaints.csv", ["month", "la_code", "la_name", "complaints"], complaints)
    print(f"Wrote {len(population)} population rows and {len(complaints)} complaints rows to {DATA}")


if __name__ == "__main__":
    main()
