# %% [markdown]
# # Find the data quality problems in a jobcentre appointments log
#
# This notebook holds 3 months of appointments at the 9 jobcentres in a fictional district. The data is made up for practice, and it has data quality problems planted in it on purpose.
#
# Run each cell in order with **Shift + Enter**. Where you see `# TODO`, write your own code, then run the cell again.

# %% [markdown]
# ## Step 1: read both files

# %%
import csv
from collections import Counter
from datetime import date

with open("jobcentre-appointments.csv", newline="", encoding="utf-8") as file:
    appointments = list(csv.DictReader(file))

with open("offices.csv", newline="", encoding="utf-8") as file:
    offices = list(csv.DictReader(file))

print(len(appointments), "rows in the appointments log")
print("Columns:", list(appointments[0].keys()))
for row in appointments[:3]:
    print(row)
print()
print(len(offices), "offices in the region. The first 3:")
for office in offices[:3]:
    print(office)

# %% [markdown]
# ## Step 2: completeness, or blank values
#
# This cell counts the empty values in each column. It misses some blanks: a few values hold only spaces, and `"  " == ""` is false.
#
# Change the test so that it also counts values that hold only spaces. The `.strip()` method removes spaces from both ends of a string.

# %%
blanks = Counter()
for row in appointments:
    for column, value in row.items():
        if value == "":  # TODO: also count values that hold only spaces
            blanks[column] += 1

for column in appointments[0]:
    print(f"{column}: {blanks[column]} blank")

blank_outcomes = blanks["outcome"]

# %% [markdown]
# ## Step 3: uniqueness, or duplicate rows
#
# An exact duplicate is a row whose values are all the same as an earlier row. `tuple(row.values())` turns a row into something you can store in a set.
#
# Count the duplicates, and build `unique_rows`: the rows with the duplicate copies left out.

# %%
seen = set()
duplicate_rows = 0
unique_rows = []

for row in appointments:
    key = tuple(row.values())
    # TODO: if key is already in seen, add 1 to duplicate_rows
    #       otherwise, add key to seen and append row to unique_rows
    pass

print("Duplicate copies:", duplicate_rows)
print("Rows without duplicates:", len(unique_rows))

# %% [markdown]
# ## Step 4: validity, or office codes
#
# Every `office_code` in the log should be in `offices.csv`. A set makes the check quick: `code in valid_codes` is true or false.
#
# Build `invalid_codes`: a Counter of the codes in the log that are not valid, with how many rows use each one.

# %%
valid_codes = {office["office_code"] for office in offices}

invalid_codes = Counter()
# TODO: count the office codes in appointments that are not in valid_codes

for code, count in invalid_codes.items():
    print(repr(code), count, "rows")

# %% [markdown]
# `repr()` prints text with quotes around it, so you can spot stray spaces and look-alike characters.

# %% [markdown]
# ## Step 5: validity, or dates
#
# `date.fromisoformat()` raises a `ValueError` for text that is not a real date, such as 30 February. `try` and `except` let the code carry on and record the problem.
#
# Finish the function so it also reports dates outside the quarter.

# %%
FIRST_DAY = date(2026, 1, 1)
LAST_DAY = date(2026, 3, 31)


def date_problem(text):
    """Say what is wrong with a date, or return None if it is fine."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return "not a real date"
    # TODO: return "outside the quarter" if day is before FIRST_DAY or after LAST_DAY
    return None


for row in appointments:
    problem = date_problem(row["appointment_date"])
    if problem:
        print(row["appointment_id"], repr(row["appointment_date"]), problem)

# %% [markdown]
# ## Step 6: validity, or durations out of range
#
# A duration must be a whole number from 0 to 240 minutes. Finish the function.


# %%
def duration_problem(text):
    """Say what is wrong with a duration, or return None if it is fine."""
    try:
        minutes = int(text)
    except ValueError:
        return "not a whole number"
    # TODO: return "out of range" if minutes is below 0 or above 240
    return None


for row in appointments:
    problem = duration_problem(row["duration_minutes"])
    if problem:
        print(row["appointment_id"], repr(row["duration_minutes"]), problem)

# %% [markdown]
# ## Step 7: keep the rows that pass every check
#
# Start from `unique_rows`. Keep a row only if:
#
# - its outcome is not blank
# - its office code is valid
# - `date_problem()` returns None for its date
# - `duration_problem()` returns None for its duration
#
# A list comprehension with several conditions joined by `and` does this in one statement.

# %%
clean_rows = []  # TODO: a list comprehension over unique_rows that keeps only rows passing every check

print(len(clean_rows), "clean rows")

# %% [markdown]
# ## Step 8: report what you found
#
# A short table tells the data owner what you found and which data quality dimension each problem belongs to. The dimensions come from the Government Data Quality Framework. Fill in the counts the table needs from your earlier steps.

# %%
from tabulate import tabulate

bad_code_rows = sum(invalid_codes.values())
bad_date_rows = 0  # TODO: count the rows where date_problem() does not return None
bad_duration_rows = 0  # TODO: count the rows where duration_problem() does not return None

report = [
    ["Blank outcome", "Completeness", blank_outcomes],
    ["Exact duplicate row", "Uniqueness", duplicate_rows],
    ["Office code not in the office list", "Validity", bad_code_rows],
    ["Date not real or outside the quarter", "Validity", bad_date_rows],
    ["Duration outside 0 to 240 minutes", "Validity", bad_duration_rows],
]
print(tabulate(report, headers=["Problem", "Dimension", "Rows"], tablefmt="github"))
print()
print(f"{len(appointments)} rows received, {len(clean_rows)} rows kept")

# %% [markdown]
# ## Check your results
#
# Go back to the exercise page and answer the questions.
#
# Two more things to try:
#
# - Duplicates can also share an ID but differ in other columns. Count the appointment IDs that appear more than once with `Counter`. Does the number match your count of exact copies?
# - Is there a **consistency** problem? For example, does any appointment marked "Did not attend" have a duration above 0? Write a check and see.
