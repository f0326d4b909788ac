# %% [markdown]
# # $title
#
# Run each cell in order: click in it and press **Shift + Enter**.
# Where you see `# TODO`, write your own code, then run the cell again.

# %% [markdown]
# ## Step 1: read the file
#
# This cell reads the data into a list called `rows`, with one dictionary for each row.

# %%
import csv

with open("$data_file", newline="", encoding="utf-8") as file:
    rows = list(csv.DictReader(file))

print("Columns:", list(rows[0].keys()))

# %% [markdown]
# ## Step 2: count the rows

# %%
# TODO: print the number of rows
