"""Make the synthetic data for this exercise.

Run `python make_data.py` from this folder. It always writes the same file, because the
random numbers come from a fixed seed. The areas and cases are made up: change them to suit.
"""

import csv
import random
from pathlib import Path

SEED = 2026
ROWS = 12
OUT = Path(__file__).parent / "data" / "$data_file"
AREAS = ["North", "South", "East", "West"]


def main() -> None:
    rng = random.Random(SEED)
    OUT.parent.mkdir(exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["case_id", "area", "cases"])
        for number in range(1, ROWS + 1):
            writer.writerow([number, rng.choice(AREAS), rng.randint(0, 50)])
    print(f"Wrote {ROWS} rows to {OUT}")


if __name__ == "__main__":
    main()
