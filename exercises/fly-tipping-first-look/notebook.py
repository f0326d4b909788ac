# %% [markdown]
# # Fly-tipping incidents: a first look
#
# This notebook holds a year of fly-tipping incidents reported to a district council. The data is made up for practice.
#
# Run each cell in order: click in it and press **Shift + Enter**. Where you see `# TODO`, write your own code, then run the cell again.

# %% [markdown]
# ## Step 1: read the file
#
# This cell reads `fly-tipping-incidents.csv` into a list called `incidents`. Each item in the list is a dictionary: one incident, with a key for each column. You will learn how this works in the lesson on reading CSV files. For now, run it.

# %%
import csv

with open("fly-tipping-incidents.csv", newline="", encoding="utf-8") as file:
    incidents = list(csv.DictReader(file))

print("Columns:", list(incidents[0].keys()))

# %% [markdown]
# ## Step 2: look at some incidents
#
# `incidents[:5]` is the first 5 items of the list. The loop prints 3 columns from each one.

# %%
for incident in incidents[:5]:
    print(incident["date_reported"], "|", incident["ward"], "|", incident["waste_type"], "|", incident["size"])

# %% [markdown]
# ## Step 3: count incidents that meet 2 conditions
#
# Count the incidents in Eastgate ward where the waste type is "Black bags (household)".
#
# The loop below looks at every incident. Replace `pass` with an `if` statement that adds 1 to `eastgate_black_bags` when both conditions are true. Join the 2 conditions with `and`.

# %%
eastgate_black_bags = 0

for incident in incidents:
    # TODO: if the ward is "Eastgate" and the waste type is "Black bags (household)",
    #       add 1 to eastgate_black_bags
    pass

print("Eastgate, household black bags:", eastgate_black_bags)

# %% [markdown]
# ## Step 4: count incidents in each group
#
# A dictionary can hold one count for each group. This worked example counts incidents by size.
#
# `by_size.get(size, 0)` gives the count so far, or 0 the first time a size appears. `max(by_size, key=by_size.get)` finds the key with the largest count.

# %%
by_size = {}
for incident in incidents:
    size = incident["size"]
    by_size[size] = by_size.get(size, 0) + 1

for size, count in by_size.items():
    print(size, count)

print("Most common size:", max(by_size, key=by_size.get))

# %% [markdown]
# Now do the same for wards and for waste types.

# %%
by_ward = {}
by_waste_type = {}

for incident in incidents:
    # TODO: add 1 to this incident's ward in by_ward
    # TODO: add 1 to this incident's waste type in by_waste_type
    pass

print(by_ward)
print(by_waste_type)

# %% [markdown]
# ## Step 5: find the largest groups
#
# Use `max()` with `key=`, as in the worked example. The cell checks first that your dictionaries are not empty, because `max()` of nothing is an error.

# %%
if by_ward and by_waste_type:
    busiest_ward = None  # TODO: the ward with the most incidents
    most_common_waste = None  # TODO: the waste type with the most incidents
    print("Ward with the most incidents:", busiest_ward)
    print("Most common waste type:", most_common_waste)
else:
    print("Fill in by_ward and by_waste_type in step 4 first.")

# %% [markdown]
# ## Step 6: wards with more than 100 incidents
#
# Loop over `by_ward.items()`. Print each ward whose count is greater than 100.

# %%
# TODO: print the wards with more than 100 incidents
for ward, count in by_ward.items():
    pass

# %% [markdown]
# ## Step 7: print a table
#
# `tabulate` turns a list of rows into a neat text table. This cell sorts the wards from the most incidents to the fewest. If the table is empty, finish step 4 first.

# %%
from tabulate import tabulate

ward_rows = sorted(by_ward.items(), key=lambda item: item[1], reverse=True)
print(tabulate(ward_rows, headers=["Ward", "Incidents"], tablefmt="github"))

# %% [markdown]
# ## Check your results
#
# Go back to the exercise page and answer the questions. If an answer looks wrong, print a few of the rows you counted and check them by eye.
