# %% [markdown]
# # Reproduce a published table: Blue Badge decisions
#
# This notebook holds the Blue Badge applications that a fictional county council decided in the financial year 2025 to 2026, and the summary table it published. The data is made up for practice, and the table has mistakes planted in it.
#
# Run each cell in order with **Shift + Enter**. Where you see `# TODO`, write your own code, then run the cell again.

# %% [markdown]
# ## Step 1: read both files
#
# This cell reads the records and the published table, and works out the days from receiving each application to deciding it. It never writes to either file: the raw data stays exactly as it arrived.

# %%
import csv
import statistics
from datetime import date

DISTRICTS = ["Ashcombe", "Brackenford", "Eastholme", "Kingsmere", "Northmoor", "Holm Island"]
ALL = "All districts"
COLUMNS = ["applications_decided", "median_days", "percent_within_8_weeks", "refused"]
TARGET_DAYS = 56  # 8 weeks

with open("blue-badge-decisions.csv", newline="", encoding="utf-8") as file:
    records = list(csv.DictReader(file))

for row in records:
    row["days"] = (date.fromisoformat(row["decision_date"]) - date.fromisoformat(row["received_date"])).days

# The published table, kept as text exactly as it was published
with open("published-table.csv", newline="", encoding="utf-8") as file:
    published = {row["district"]: row for row in csv.DictReader(file)}

print(len(records), "records")
print(records[0])
print(published["Ashcombe"])

# %% [markdown]
# ## Step 2: record where the data came from
#
# A note of where the data came from lets you, or a reviewer, check later that you used the right file. The fingerprint is a SHA-256 hash of the file's bytes: if anyone changes even one character, it changes. Keep this note with your results.

# %%
import hashlib
from pathlib import Path

source = {
    "file": "blue-badge-decisions.csv",
    "supplied by": "the council's Blue Badge team (fictional)",
    "rows": len(records),
    "first decision": min(row["decision_date"] for row in records),
    "last decision": max(row["decision_date"] for row in records),
    "sha256": hashlib.sha256(Path("blue-badge-decisions.csv").read_bytes()).hexdigest(),
}
for key, value in source.items():
    print(f"{key}: {value}")

# %% [markdown]
# ## Step 3: write a function for each figure
#
# Each function takes a list of rows and returns one unrounded figure. Do not round anything here.
#
# - `median_days()`: the median of the `days` values
# - `percent_within_8_weeks()`: the percentage of rows with `days` of 56 or fewer
# - `count_refused()`: the number of rows whose `decision` is "Refused"
#
# `summarise()` is done for you: it calls your functions and returns all 4 figures for one group of rows.


# %%
def median_days(rows):
    return None  # TODO: the median of the days values in rows


def percent_within_8_weeks(rows):
    return None  # TODO: 100 × (rows with days <= TARGET_DAYS) ÷ (all rows)


def count_refused(rows):
    return None  # TODO: how many rows have the decision "Refused"


def summarise(rows):
    return {
        "applications_decided": len(rows),
        "median_days": median_days(rows),
        "percent_within_8_weeks": percent_within_8_weeks(rows),
        "refused": count_refused(rows),
    }


# %% [markdown]
# ## Step 4: test your functions
#
# Test each function on a few made-up rows whose answers you can work out in your head. The second row sits exactly on the 56-day limit, so it tests the edge of the rule. If an `assert` fails, fix your function and run both cells again.

# %%
examples = [
    {"days": 10, "decision": "Issued"},
    {"days": 56, "decision": "Refused"},
    {"days": 57, "decision": "Issued"},
    {"days": 90, "decision": "Issued"},
]
assert median_days(examples) == 56.5, median_days(examples)
assert percent_within_8_weeks(examples) == 50, percent_within_8_weeks(examples)
assert count_refused(examples) == 1, count_refused(examples)
print("All tests passed")

# %% [markdown]
# ## Step 5: work out every row of the table
#
# Use a loop, not a copy of the same code for each district. Fill `results` with one item for each district, then one for all districts: `{"Ashcombe": {...}, ..., "All districts": {...}}`.

# %%
results = {}
for district in DISTRICTS:
    district_rows = []  # TODO: a list comprehension that keeps the records for this district
    results[district] = summarise(district_rows) if district_rows else None

# TODO: add the figures for all districts, using all the records, as results[ALL]

print(results)

# %% [markdown]
# ## Step 6: check the totals
#
# `assert` stops the notebook if something is not true. The first check is done for you. Add a check that the districts' refused counts add up to the refused count for all districts.

# %%
assert sum(results[district]["applications_decided"] for district in DISTRICTS) == len(records)
# TODO: assert that the districts' refused counts add up to results[ALL]["refused"]
print("Your totals add up")

# %% [markdown]
# Now check the published table the same way. The published figures are text, so turn each count into a whole number with `int()` first.
#
# This `assert` fails. That is what checks are for: the printed difference tells you how big the problem is. A difference that divides exactly by 9 is often a sign of 2 digits typed the wrong way round.

# %%
published_district_sum = 0  # TODO: add up the published applications_decided for the 6 districts
published_total = int(published[ALL]["applications_decided"])

print("Districts add up to:", published_district_sum)
print("Published total:", published_total)
print("Difference:", published_total - published_district_sum)
assert published_district_sum == published_total, "The published district counts do not add up to the total"

# %% [markdown]
# ## Step 7: round at the end, then compare every figure
#
# Finish `for_publication()` so that it turns one row of your unrounded figures into text, the way the table was published: medians and percentages with 1 decimal place, such as `"37.0"`. An f-string does this: `f"{value:.1f}"`.
#
# Then compare every cell with the published one and print the cells that differ. A check on totals found one mistake; this finds any cell that is wrong.


# %%
def for_publication(figures):
    return {
        "applications_decided": str(figures["applications_decided"]),
        "median_days": None,  # TODO: the median as text with 1 decimal place
        "percent_within_8_weeks": None,  # TODO: the percentage as text with 1 decimal place
        "refused": str(figures["refused"]),
    }


for name in [*DISTRICTS, ALL]:
    ours = for_publication(results[name])
    for column in COLUMNS:
        pass  # TODO: if ours[column] is not the same as published[name][column], print name, column and both values

# %% [markdown]
# ## Step 8: round only at the end
#
# How many percentage points lower is Northmoor's percentage within 8 weeks than the figure for all districts? Work it out from your unrounded figures in `results`. The cell then shows the answer you would get from the rounded, published figures.

# %%
gap = None  # TODO: all districts' unrounded percentage minus Northmoor's unrounded percentage

gap_from_rounded = float(published[ALL]["percent_within_8_weeks"]) - float(
    published["Northmoor"]["percent_within_8_weeks"]
)
if gap is not None:
    print(f"From unrounded figures: {gap:.1f} percentage points")
print(f"From rounded figures: {gap_from_rounded:.1f} percentage points")

# %% [markdown]
# The two answers differ by 0.1. Each rounding can move a figure by up to 0.05, so a sum or difference of rounded figures can be out by more than that. Keep full values for every calculation and round only what you show.

# %% [markdown]
# ## Step 9: hide small numbers
#
# The council's rule is to replace any count from 1 to 4 with `[c]`. Finish `suppress()`, then print the table as it should have been published.

# %%
from tabulate import tabulate


def suppress(count):
    return str(count)  # TODO: return "[c]" for a count from 1 to 4, otherwise the count as text


table = []
for name in [*DISTRICTS, ALL]:
    text = for_publication(results[name])
    table.append(
        [
            name,
            suppress(results[name]["applications_decided"]),
            text["median_days"],
            text["percent_within_8_weeks"],
            suppress(results[name]["refused"]),
        ]
    )

print(
    tabulate(
        table,
        headers=["District", "Applications decided", "Median days", "% within 8 weeks", "Refused"],
        tablefmt="github",
        disable_numparse=True,  # keep "37.0" and "[c]" exactly as written
        colalign=("left", "right", "right", "right", "right"),  # numbers line up on the right
    )
)

# %% [markdown]
# Look at the refused column in your table. Could a reader still work out the hidden figure from the others? If so, what else would you hide, or which districts could you combine?
#
# ## Check your results
#
# Go back to the exercise page and answer the questions.
