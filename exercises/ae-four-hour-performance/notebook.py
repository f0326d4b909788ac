# %% [markdown]
# # A&E: reproduce the 4-hour statistic
#
# This notebook holds monthly A&E attendances for 12 fictional trusts, from April 2025 to March 2026. The data is made up for practice.
#
# Run each cell in order with **Shift + Enter**. Where you see `# TODO`, write your own code, then run the cell again.

# %% [markdown]
# ## Step 1: read the file and convert the counts
#
# The counts arrive as text, so this cell turns them into whole numbers once, at the start. It also works out how many attendances were within 4 hours.

# %%
import csv
import statistics
from collections import defaultdict

with open("ae-attendances.csv", newline="", encoding="utf-8") as file:
    rows = list(csv.DictReader(file))

for row in rows:
    row["attendances"] = int(row["attendances"])
    row["over_4_hours"] = int(row["over_4_hours"])
    row["within_4_hours"] = row["attendances"] - row["over_4_hours"]

print(len(rows), "rows")
print(rows[0])
print("Months:", sorted({row["month"] for row in rows}))
print("Department types:", sorted({row["department_type"] for row in rows}))

# %% [markdown]
# ## Step 2: the official calculation
#
# Write a function that takes a list of rows and returns the percentage of attendances within 4 hours:
#
# 100 × (sum of `within_4_hours`) ÷ (sum of `attendances`)
#
# Then use it for all rows, and for Type 1 rows only. Use a list comprehension to pick out the Type 1 rows.


# %%
def percent_within_4_hours(some_rows):
    # TODO: add up within_4_hours and attendances for some_rows, then return the percentage
    return None


type_1_rows = []  # TODO: a list comprehension that keeps rows whose department_type is "Type 1"

all_types = percent_within_4_hours(rows)
type_1 = percent_within_4_hours(type_1_rows)
print("All types:", all_types)
print("Type 1 only:", type_1)

# %% [markdown]
# Round only when you show a result, for example with `f"{all_types:.1f}"`. Keep the full value for any further calculation.

# %% [markdown]
# ## Step 3: why not average the percentages?
#
# This cell works out a percentage for each row and takes the mean. It gives a different answer from the official one. The second part of the cell shows how big each department type is, and the range of its row percentages. Use it to work out why the answers differ.

# %%
row_percentages = [100 * row["within_4_hours"] / row["attendances"] for row in rows]
print(f"Mean of the {len(row_percentages)} row percentages: {statistics.mean(row_percentages):.1f}")
print()

rows_by_type = defaultdict(list)
for row in rows:
    rows_by_type[row["department_type"]].append(row)

for department_type, type_rows in sorted(rows_by_type.items()):
    total = sum(row["attendances"] for row in type_rows)
    shares = [100 * row["within_4_hours"] / row["attendances"] for row in type_rows]
    print(f"{department_type}: {len(type_rows)} rows, {total:,} attendances in total")
    print(f"    row percentages range from {min(shares):.1f} to {max(shares):.1f}")

# %% [markdown]
# ## Step 4: each trust's Type 1 performance
#
# Group the Type 1 rows by `trust_name` with `defaultdict(list)`. Then use your function on each trust's rows.
#
# Build `trust_results` as a list with one item for each trust: `[trust name, attendances, within 4 hours, percentage]`. Sort it so the lowest percentage comes first.

# %%
type_1_by_trust = defaultdict(list)
# TODO: append each Type 1 row to the list for its trust

trust_results = []
for trust_name, trust_rows in type_1_by_trust.items():
    # TODO: append [trust_name, total attendances, total within 4 hours, percentage] to trust_results
    pass

# TODO: sort trust_results by the percentage, lowest first
print(len(trust_results), "trusts")

# %% [markdown]
# ## Step 5: print the trust results as a table
#
# `floatfmt=".1f"` shows decimals to 1 place. The table is empty until you finish step 4.

# %%
from tabulate import tabulate

print(
    tabulate(
        trust_results,
        headers=["Trust", "Type 1 attendances", "Within 4 hours", "% within 4 hours"],
        floatfmt=".1f",
        tablefmt="github",
    )
)

# %% [markdown]
# ## Step 6: the trend by month
#
# Group all rows, both department types, by `month`. Work out each month's percentage with your function and store it in `monthly`, a dictionary such as `{"2025-04": 75.6, ...}`.

# %%
rows_by_month = defaultdict(list)
# TODO: append each row to the list for its month

monthly = {}
# TODO: fill monthly with the percentage for each month

print(monthly)

# %% [markdown]
# This cell draws `monthly` as a line chart. Line charts do not have to start at zero, so pygal fits the axis to the data. Say so when you share a chart like this, because it makes changes look bigger.
#
# When you have seen the chart, change the title so that it states the main message.

# %%
import pygal
from IPython.display import SVG, display

months = sorted(monthly)
style = pygal.style.Style(
    colors=("#12436D",),  # dark blue from the Government Analysis Function colour palette
    opacity="1",
    background="white",
    plot_background="white",
)
chart = pygal.Line(style=style, show_legend=False, x_label_rotation=30, stroke_style={"width": 3})
chart.title = "Percentage of A&E attendances within 4 hours, all trusts and types"  # TODO: state the main message
chart.x_labels = months
chart.y_title = "% within 4 hours"
chart.add("All types", [round(monthly[month], 1) for month in months])
display(SVG(chart.render()))

# %% [markdown]
# ## Check your results
#
# Go back to the exercise page and answer the questions. As a check, the percentage for all types should lie between the Type 1 percentage and the Type 3 percentage from step 3.
