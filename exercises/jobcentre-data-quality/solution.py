"""Model solution: answers(data_dir) returns each question's answer."""

import csv
from datetime import date
from pathlib import Path

FIRST_DAY = date(2026, 1, 1)
LAST_DAY = date(2026, 3, 31)
OPTION_LABELS = {"JC1O": "JC1O (ending in the letter O)"}
CLEAN_COUNT_MEANS = (
    "Give the clean count as a minimum, and say that some rows you removed, other than the copies,"
    " may be real appointments with a mistake in them"
)


def good_date(text: str) -> bool:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return False
    return FIRST_DAY <= day <= LAST_DAY


def good_duration(text: str) -> bool:
    try:
        return 0 <= int(text) <= 240
    except ValueError:
        return False


def answers(data_dir) -> dict:
    data_dir = Path(data_dir)
    with open(data_dir / "jobcentre-appointments.csv", newline="", encoding="utf-8") as file:
        appointments = list(csv.DictReader(file))
    with open(data_dir / "offices.csv", newline="", encoding="utf-8") as file:
        valid_codes = {office["office_code"] for office in csv.DictReader(file)}

    seen, unique_rows = set(), []
    for row in appointments:
        key = tuple(row.values())
        if key not in seen:
            seen.add(key)
            unique_rows.append(row)

    invalid = sorted({row["office_code"] for row in appointments} - valid_codes)
    clean = [
        row
        for row in unique_rows
        if row["outcome"].strip()
        and row["office_code"] in valid_codes
        and good_date(row["appointment_date"])
        and good_duration(row["duration_minutes"])
    ]
    return {
        "blank-outcomes": sum(1 for row in appointments if not row["outcome"].strip()),
        "duplicate-rows": len(appointments) - len(unique_rows),
        "invalid-office-codes": [OPTION_LABELS.get(code, code) for code in invalid],
        "clean-rows": len(clean),
        "what-the-clean-count-means": CLEAN_COUNT_MEANS,
    }
