"""Make the synthetic housing repairs log for the placement check's spreadsheet questions.

Run `python make_data.py` from this folder. It always writes the same file, because the random numbers come from
a fixed seed. The council, its estates and every repair are made up. It prints the answers placement.md expects.
"""

import csv
import random
import statistics
from collections import Counter
from pathlib import Path

SEED = 2026
ROWS = 39  # an odd number, so the median is one of the values
OUT = Path(__file__).parent / "data" / "housing-repairs.csv"
ESTATES = ["Fenwick", "Hollins", "Marsh Lane", "Riverside"]
TRADES = ["Plumbing", "Electrical", "Heating", "Carpentry", "Roofing"]
PRIORITIES = ["Emergency", "Urgent", "Routine"]


def make_rows(rng: random.Random) -> list[dict]:
    rows = []
    for number in range(1, ROWS + 1):
        priority = rng.choices(PRIORITIES, weights=[2, 3, 5])[0]
        # Most repairs take a few days; a few take months, so the days are skewed like real waiting times.
        days = rng.randint(1, 4) if priority == "Emergency" else rng.randint(3, 25)
        if rng.random() < 0.1:
            days = rng.randint(60, 120)
        open_job = rng.random() < 0.15  # not finished: no cost recorded yet (a blank, not a zero)
        rows.append(
            {
                "repair_id": f"R{1000 + number}",
                "estate": rng.choice(ESTATES),
                "trade": rng.choice(TRADES),
                "priority": priority,
                "status": "Open" if open_job else "Completed",
                "days_to_complete": days,
                "cost_gbp": "" if open_job else f"{rng.randint(40, 900)}.00",
            }
        )
    return rows


def main() -> None:
    rows = make_rows(random.Random(SEED))
    OUT.parent.mkdir(exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    costs = [float(row["cost_gbp"]) for row in rows if row["cost_gbp"]]
    print(f"wrote {OUT.name}: {len(rows)} repairs")
    print("repairs by estate:", Counter(row["estate"] for row in rows))
    print("median days to complete:", statistics.median(row["days_to_complete"] for row in rows))
    print(f"mean cost where recorded: {statistics.mean(costs):.2f} ({len(costs)} costs)")
    print(f"mean cost with blanks as zero (the mistake): {sum(costs) / len(rows):.2f}")


if __name__ == "__main__":
    main()
