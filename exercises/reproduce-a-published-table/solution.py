"""Model solution: answers(data_dir) returns each question's answer."""

import csv
import statistics
from datetime import date
from pathlib import Path

ALL = "All districts"
TARGET_DAYS = 56
WRONG_CELL_OPTIONS = {
    ("Brackenford", "applications_decided"): "Applications decided in Brackenford",
    ("Kingsmere", "applications_decided"): "Applications decided in Kingsmere",
    ("Eastholme", "median_days"): "Median days in Eastholme",
    ("Northmoor", "median_days"): "Median days in Northmoor",
    (ALL, "percent_within_8_weeks"): "Percentage within 8 weeks for all districts",
    ("Holm Island", "refused"): "Refused in Holm Island",
}
WHY = "Readers could work it out by taking the other districts' refused counts away from the total"
HOLM_ISLAND_GAP = (
    "Holm Island decided only 37 applications, so one application moves its percentage by almost 3 points"
    " and a gap this small tells you little"
)


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def summarise(rows: list[dict]) -> dict:
    """Unrounded figures for one group of applications."""
    days = [row["days"] for row in rows]
    return {
        "applications_decided": len(rows),
        "median_days": statistics.median(days),
        "percent_within_8_weeks": 100 * sum(1 for value in days if value <= TARGET_DAYS) / len(rows),
        "refused": sum(1 for row in rows if row["decision"] == "Refused"),
    }


def for_publication(figures: dict) -> dict:
    return {
        "applications_decided": str(figures["applications_decided"]),
        "median_days": f"{figures['median_days']:.1f}",
        "percent_within_8_weeks": f"{figures['percent_within_8_weeks']:.1f}",
        "refused": str(figures["refused"]),
    }


def answers(data_dir) -> dict:
    records = read_csv(Path(data_dir) / "blue-badge-decisions.csv")
    published = {row["district"]: row for row in read_csv(Path(data_dir) / "published-table.csv")}
    for row in records:
        row["days"] = (date.fromisoformat(row["decision_date"]) - date.fromisoformat(row["received_date"])).days

    districts = [name for name in published if name != ALL]
    ours = {name: summarise([row for row in records if row["district"] == name]) for name in districts}
    ours[ALL] = summarise(records)
    assert sum(ours[name]["applications_decided"] for name in districts) == len(records)
    assert sum(ours[name]["refused"] for name in districts) == ours[ALL]["refused"]

    district_total = sum(int(published[name]["applications_decided"]) for name in districts)
    wrong = [
        label
        for (name, column), label in WRONG_CELL_OPTIONS.items()
        if for_publication(ours[name])[column] != published[name][column]
    ]
    small = [name for name in districts if 1 <= ours[name]["refused"] <= 4]
    gap = ours[ALL]["percent_within_8_weeks"] - ours["Northmoor"]["percent_within_8_weeks"]
    holm_island = ours["Holm Island"]["applications_decided"]
    one_application = 100 / holm_island  # percentage points
    holm_island_gap = ours[ALL]["percent_within_8_weeks"] - ours["Holm Island"]["percent_within_8_weeks"]
    assert holm_island == 37 and 2.5 < one_application < 3 and holm_island_gap < 2 * one_application

    return {
        "totals-difference": abs(int(published[ALL]["applications_decided"]) - district_total),
        "wrong-cells": wrong,
        "northmoor-gap": round(gap, 1),
        "suppress-cell": f"Refused in {small[0]}",
        "why-not-enough": WHY,
        "holm-island-gap": HOLM_ISLAND_GAP,
    }
