"""Model solution: answers(data_dir) returns each question's answer."""

import csv
from collections import Counter, defaultdict
from pathlib import Path

REGION = "Northfold"
REGION_TOTAL_CODE = "E12000901"
NEW_CODES = {"E07000931": "E06000904", "E07000932": "E06000904"}  # Wyvern and Oakmoor became Wyvern Vale
OPTION_LABELS = {"E07000931": "E07000931 (Wyvern)", "E07000932": "E07000932 (Oakmoor)"}
OPTION_LABELS[REGION_TOTAL_CODE] = "E12000901 (Northfold region total)"
IF_UNMATCHED_DROPPED = (
    "It would be about a quarter too low, and nothing in the figure would show that 3 months of complaints were missing"
)


def read(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def rate_per_100k(count: int, population: int) -> float:
    return count / population * 100_000


def answers(data_dir) -> dict:
    data_dir = Path(data_dir)
    complaints = read(data_dir / "noise-complaints.csv")
    population = read(data_dir / "population.csv")

    code_counts = Counter(row["la_code"] for row in population)
    duplicated = [code for code, count in code_counts.items() if count > 1]
    lookup = {}
    for row in population:  # the data owner says the first row for a code is the right one
        lookup.setdefault(row["la_code"], row)

    unmatched = sorted({row["la_code"] for row in complaints} - set(lookup))

    totals = defaultdict(int)
    for row in complaints:
        if row["la_code"] != REGION_TOTAL_CODE:
            totals[NEW_CODES.get(row["la_code"], row["la_code"])] += int(row["complaints"])
    rates = {code: rate_per_100k(count, int(lookup[code]["population"])) for code, count in totals.items()}
    highest = max(rates, key=rates.get)
    names = {row["la_code"]: row["la_name"] for row in complaints}  # the options use these names

    old_codes = sum(int(row["complaints"]) for row in complaints if row["la_code"] in NEW_CODES)
    assert 0.2 < old_codes / totals["E06000904"] < 0.3  # "about a quarter", as the interpretation question says

    region_people = sum(int(row["population"]) for row in lookup.values() if row["region"] == REGION)
    return {
        "unmatched-codes": [OPTION_LABELS[code] for code in unmatched],
        "duplicated-code": names[duplicated[0]],
        "wyvern-vale-rate": round(rates["E06000904"], 1),
        "highest-rate": names[highest],
        "region-rate": round(rate_per_100k(sum(totals.values()), region_people), 1),
        "if-unmatched-dropped": IF_UNMATCHED_DROPPED,
    }
