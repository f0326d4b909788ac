"""Model solution: answers(data_dir) returns each question's answer."""

import csv
from collections import defaultdict
from pathlib import Path

ROAD_USERS = ["Pedestrians", "Pedal cyclists", "Motorcyclists", "Car occupants", "Other road users"]
HONEST_CHART = (
    "A line chart of the 12-month rolling total with the vertical axis from zero, both axes labelled, one colour,"
    " a title saying that the number changed little in 2025, and the figures in a table below it"
)
# About made-up figures in the question itself, so no computation: a rise of 6 from 40 is 15%.
CYCLING_MORE_DANGEROUS = (
    "It may not have. A rise of 6 could be chance, and if more people cycled,"
    " the count could rise with no rise in the risk to each cyclist"
)


def answers(data_dir) -> dict:
    with open(Path(data_dir) / "road-casualties-ksi.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))

    monthly_ksi = defaultdict(int)
    by_user_and_year = defaultdict(int)
    for row in rows:
        ksi = int(row["killed"]) + int(row["seriously_injured"])
        monthly_ksi[row["month"]] += ksi
        by_user_and_year[row["road_user"], row["month"][:4]] += ksi

    annual_ksi = defaultdict(int)
    for month, total in monthly_ksi.items():
        annual_ksi[month[:4]] += total

    months = sorted(monthly_ksi)
    june_2025 = months.index("2025-06")
    year_ending_june_2025 = sum(monthly_ksi[month] for month in months[june_2025 - 11 : june_2025 + 1])

    change = annual_ksi["2025"] - annual_ksi["2024"]
    return {
        "ksi-2025": annual_ksi["2025"],
        "ksi-change-2025": round(100 * change / annual_ksi["2024"], 1),
        "year-ending-june-2025": year_ending_june_2025,
        "road-users-rose": [
            road_user
            for road_user in ROAD_USERS
            if by_user_and_year[road_user, "2025"] > by_user_and_year[road_user, "2024"]
        ],
        "honest-chart": HONEST_CHART,
        "cycling-more-dangerous": CYCLING_MORE_DANGEROUS,
    }
