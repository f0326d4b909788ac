# %% [markdown]
# # Noise complaints: join population figures and work out rates
#
# This notebook holds a year of noise complaints for the 10 local authorities in the fictional Northfold region, and a table of population figures. The data is made up for practice, and it has join problems planted in it on purpose.
#
# Run each cell in order with **Shift + Enter**. Where you see `# TODO`, write your own code, then run the cell again.

# %% [markdown]
# ## Step 1: read both files

# %%
import csv
from collections import Counter, defaultdict

with open("noise-complaints.csv", newline="", encoding="utf-8") as file:
    complaints = list(csv.DictReader(file))

with open("population.csv", newline="", encoding="utf-8") as file:
    population = list(csv.DictReader(file))

print(len(complaints), "rows in the complaints file. The first 3:")
for row in complaints[:3]:
    print(row)
print()
print(len(population), "rows in the population file. The first 3:")
for row in population[:3]:
    print(row)

# %% [markdown]
# The complaints file has one row for each authority in each month, so each code appears in many rows. The population file should have one row for each authority. Joining them is a **one-to-many** join: one population row matches many complaints rows.

# %% [markdown]
# ## Step 2: check the population file for duplicate codes
#
# A lookup only works if each code appears once. Count the codes with `Counter`, then print every code that appears more than once, with its rows.

# %%
code_counts = Counter(row["la_code"] for row in population)

for code, count in code_counts.items():
    pass  # TODO: if count is above 1, print the code and every row in population with that code

# %% [markdown]
# ## Step 3: build the lookup
#
# A dictionary comprehension such as `{row["la_code"]: row for row in population}` would silently keep the **last** row for a duplicated code. The data owner says the **first** row is right.
#
# Finish the loop so that it adds a row only if its code is not already in the lookup.

# %%
lookup = {}
for row in population:
    pass  # TODO: if row["la_code"] is not already in lookup, store the row under its code

print(len(lookup), "authorities in the lookup")

# %% [markdown]
# ## Step 4: find the codes with no match
#
# Make a set of the codes in the complaints file. Subtract the set of codes in the lookup. What is left has no population figure.

# %%
complaint_codes = set()  # TODO: the set of every la_code in complaints
unmatched = complaint_codes - set(lookup)

names = {row["la_code"]: row["la_name"] for row in complaints}
for code in sorted(unmatched):
    rows = [row for row in complaints if row["la_code"] == code]
    print(code, names[code], len(rows), "rows,", sum(int(row["complaints"]) for row in rows), "complaints")

# %% [markdown]
# Compare what you found with what the data owner told you. 2 of the codes belong to districts that merged into Wyvern Vale. One is not an authority at all.

# %% [markdown]
# ## Step 5: add up each authority's complaints for the year
#
# `NEW_CODES` says which new code each old code became, as a code history lookup would. `NEW_CODES.get(code, code)` gives the new code for an old one, and leaves any other code as it is.
#
# Add up the complaints for each code in `totals`. Skip the region total rows, and turn old codes into new ones.

# %%
REGION_TOTAL_CODE = "E12000901"
NEW_CODES = {"E07000931": "E06000904", "E07000932": "E06000904"}  # Wyvern and Oakmoor became Wyvern Vale

totals = defaultdict(int)
for row in complaints:
    pass  # TODO: skip region total rows; otherwise add int(row["complaints"]) to totals under the new code

print(len(totals), "authorities with complaints")

# The region total rows give a check on your work: the 2 sums should be the same.
region_total = sum(int(row["complaints"]) for row in complaints if row["la_code"] == REGION_TOTAL_CODE)
print("Sum of your totals:", sum(totals.values()))
print("Sum of the region total rows:", region_total)

# %% [markdown]
# ## Step 6: join and work out rates per 100,000 people
#
# Finish `rate_per_100k()`. Then, for each code in `totals`, look up its population and build `results`: one item for each authority, `[name, complaints, population, rate]`.
#
# Use the names from the complaints file: the population file writes some of them differently.


# %%
def rate_per_100k(count, people):
    return None  # TODO: count divided by people, multiplied by 100,000


results = []
for code, count in totals.items():
    people = 0  # TODO: this authority's population from lookup, as a whole number
    results.append([names[code], count, people, rate_per_100k(count, people)])

results.sort(key=lambda item: item[3] or 0, reverse=True)  # highest rate first

# %% [markdown]
# Print the results as a table. Showing the counts and populations next to the rates lets readers check them, and see which rates rest on small numbers.

# %%
from tabulate import tabulate

print(
    tabulate(
        results,
        headers=["Authority", "Complaints", "Population", "Rate per 100,000"],
        intfmt=",",
        floatfmt=",.1f",
        tablefmt="github",
    )
)

# %% [markdown]
# ## Step 7: draw a bar chart
#
# A horizontal bar chart of the rates, highest first. Bar charts must start at zero.
#
# When you have seen the chart, change the title so that it states the main message.

# %%
import pygal
from IPython.display import SVG, display

style = pygal.style.Style(
    colors=("#12436D",),  # dark blue from the Government Analysis Function colour palette
    value_colors=("white",),  # the numbers printed on the bars
    opacity="1",
    background="white",
    plot_background="white",
)
chart = pygal.HorizontalBar(style=style, show_legend=False, print_values=True, value_formatter=lambda x: f"{x:,.0f}")
chart.title = "Noise complaints per 100,000 people, Northfold, April 2025 to March 2026"  # TODO: state the main message
chart.x_labels = [name for name, _, _, _ in reversed(results)]
chart.add("Rate per 100,000", [round(rate or 0, 1) for _, _, _, rate in reversed(results)])
display(SVG(chart.render()))

# %% [markdown]
# ## Step 8: the rate for the whole region
#
# Add up the complaints and the populations first, then divide once. Take each authority's population from the lookup, so the duplicated row is not counted twice.

# %%
region_people = 0  # TODO: the sum of the populations in lookup whose region is "Northfold"
region_complaints = sum(totals.values())

if region_people:
    print(f"Northfold: {rate_per_100k(region_complaints, region_people):,.1f} complaints per 100,000 people")

# %% [markdown]
# ## Check your results
#
# Go back to the exercise page and answer the questions.
#
# Two more things to try:
#
# - Work out Wyvern Vale's rate again without the rows under the old codes. How far off would your published figure be?
# - Build the lookup with a dictionary comprehension, which keeps the last row for each code. Which authority's rate changes, and would you have spotted it?
