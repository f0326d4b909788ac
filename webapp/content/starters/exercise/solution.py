"""Model solution: answers(data_dir) returns each question's answer, keyed by question id."""

import csv
from pathlib import Path


def answers(data_dir) -> dict:
    with open(Path(data_dir) / "$data_file", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    return {"rows": len(rows)}
