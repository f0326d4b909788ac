"""Model solution: answers(data_dir) returns each question's answer."""

import csv
from pathlib import Path

COUNTS_OR_RATES = (
    "Not yet. Wards differ in size, so compare incidents per 1,000 people or homes,"
    " which needs population figures that this file does not have"
)


def answers(data_dir) -> dict:
    with open(Path(data_dir) / "fly-tipping-incidents.csv", newline="", encoding="utf-8") as file:
        incidents = list(csv.DictReader(file))

    eastgate_black_bags = 0
    by_ward = {}
    by_waste_type = {}
    for incident in incidents:
        if incident["ward"] == "Eastgate" and incident["waste_type"] == "Black bags (household)":
            eastgate_black_bags += 1
        by_ward[incident["ward"]] = by_ward.get(incident["ward"], 0) + 1
        by_waste_type[incident["waste_type"]] = by_waste_type.get(incident["waste_type"], 0) + 1

    return {
        "eastgate-black-bags": eastgate_black_bags,
        "busiest-ward": max(by_ward, key=by_ward.get),
        "common-waste-type": max(by_waste_type, key=by_waste_type.get),
        "wards-over-100": sorted(ward for ward, count in by_ward.items() if count > 100),
        "counts-or-rates": COUNTS_OR_RATES,  # no column in the file gives a ward's population or homes
    }
