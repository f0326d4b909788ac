# %% [markdown]
# # Housing repairs: how long do they take?
#
# This notebook holds a housing association's repairs log for April 2025 to March 2026. The data is made up for practice.
#
# Run each cell in order with **Shift + Enter**. Where you see `# TODO`, write your own code, then run the cell again.

# %% [markdown]
# ## Step 1: read the file
#
# `csv.DictReader` gives one dictionary for each row. Every value in it is text, even the dates.

# %%
import csv
import statistics
from datetime import date

with open("housing-repairs.csv", newline="", encoding="utf-8") as file:
    repairs = list(csv.DictReader(file))

print(len(repairs), "repairs")
print(repairs[0])
print("The reported date is stored as", type(repairs[0]["reported_date"]))

# %% [markdown]
# ## Step 2: count the open repairs
#
# An open repair has an empty `completed_date`. An empty string, `""`, counts as false in an `if` statement, so `if not repair["completed_date"]:` is true for open repairs.

# %%
open_repairs = 0

# TODO: loop over repairs and add 1 to open_repairs for each repair with no completed date

print("Open repairs:", open_repairs)

# %% [markdown]
# ## Step 3: work out the days taken
#
# Here is one repair worked through. `date.fromisoformat()` turns text such as `"2025-04-01"` into a date. Subtracting one date from another gives a `timedelta`, and its `.days` is a whole number.

# %%
example = repairs[1]
reported = date.fromisoformat(example["reported_date"])
completed = date.fromisoformat(example["completed_date"])
print(example["repair_id"], "reported", reported, "completed", completed)
print("Days taken:", (completed - reported).days)

# %% [markdown]
# Now do it for every completed repair. Skip the open ones: `date.fromisoformat("")` is an error.
#
# The cell stores the days in a list, `days_taken`, and also on each repair as `repair["days"]`. You will need both.

# %%
days_taken = []

for repair in repairs:
    if repair["completed_date"]:
        # TODO: turn both dates into date objects and work out the days between them
        days = None
        repair["days"] = days
        days_taken.append(days)

print("Days taken by the first 10 completed repairs:", days_taken[:10])

# %% [markdown]
# ## Step 4: the typical time to complete a repair
#
# Waiting times usually have a long tail: most repairs are quick, a few take months. The median is a better summary than the mean for data like this.

# %%
if days_taken and None not in days_taken:
    median_days = None  # TODO: use statistics.median
    print("Median days:", median_days)
    print("Shortest:", min(days_taken), "Longest:", max(days_taken))
else:
    print("Finish step 3 first.")

# %% [markdown]
# ## Step 5: emergency repairs completed within 1 day
#
# Count the completed repairs with priority "Emergency". Then count how many of those took 1 day or less. Divide, and multiply by 100.

# %%
emergency_completed = 0
emergency_within_1_day = 0

# TODO: loop over the completed repairs and fill in the 2 counts

if emergency_completed:
    percentage = 100 * emergency_within_1_day / emergency_completed
    print(f"{percentage:.1f}% of completed emergency repairs took 1 day or less")

# %% [markdown]
# ## Step 6: repairs reported each month
#
# Count the repairs reported in each month, including open ones. Use a dictionary keyed on the year and month, such as `"2025-04"`.
#
# Two ways to get the month: the first 7 characters of the text, `repair["reported_date"][:7]`, or `date.fromisoformat(repair["reported_date"]).strftime("%Y-%m")`.

# %%
reported_per_month = {}

# TODO: count the repairs reported in each month

print(reported_per_month)

# %% [markdown]
# ## Step 7: draw a bar chart
#
# This cell draws your monthly counts with `pygal`. Keys such as `"2025-04"` sort into date order, which is one reason to use year-month text.
#
# When you have seen the chart, change its title so that it says what the chart shows. For example: "Repairs reported peaked in ..." Government guidance asks for titles that state the main message.

# %%
import pygal
from IPython.display import SVG, display

months = sorted(reported_per_month)
style = pygal.style.Style(
    colors=("#12436D",),  # dark blue from the Government Analysis Function colour palette
    value_colors=("white",),  # the numbers printed on the bars
    opacity="1",
    background="white",
    plot_background="white",
)
chart = pygal.Bar(style=style, show_legend=False, x_label_rotation=30, print_values=True)
chart.title = "Repairs reported each month, April 2025 to March 2026"  # TODO: say what the chart shows
chart.x_labels = months
chart.y_title = "Repairs reported"
chart.add("Repairs reported", [reported_per_month[month] for month in months])
display(SVG(chart.render()))

# %% [markdown]
# ## Check your results
#
# Go back to the exercise page and answer the questions. Before you do, check that your numbers make sense: the open repairs and the completed repairs should add up to the total.
