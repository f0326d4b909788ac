# %% [markdown]
# # Road casualties: draw an honest trend chart
#
# This notebook holds 7 years of monthly figures on people killed or seriously injured on the roads of a fictional county. The data is made up for practice.
#
# Run each cell in order with **Shift + Enter**. Where you see `# TODO`, write your own code, then run the cell again.

# %% [markdown]
# ## Step 1: read the file
#
# Each row is one month and one road user type. This cell turns the counts into whole numbers. It also adds `ksi` to each row: the number killed plus the number seriously injured.

# %%
import csv
from collections import defaultdict

ROAD_USERS = ["Pedestrians", "Pedal cyclists", "Motorcyclists", "Car occupants", "Other road users"]

with open("road-casualties-ksi.csv", newline="", encoding="utf-8") as file:
    rows = list(csv.DictReader(file))

for row in rows:
    row["killed"] = int(row["killed"])
    row["seriously_injured"] = int(row["seriously_injured"])
    row["ksi"] = row["killed"] + row["seriously_injured"]

print(len(rows), "rows, from", rows[0]["month"], "to", rows[-1]["month"])
for row in rows[:5]:
    print(row)

# %% [markdown]
# ## Step 2: add up each month
#
# A trend needs one number for each month: the people killed or seriously injured (KSI) in all road user types together. Fill `monthly_ksi`, a dictionary such as `{"2019-01": 54, "2019-02": 61, ...}`.

# %%
monthly_ksi = defaultdict(int)
for row in rows:
    pass  # TODO: add this row's ksi to the total for its month

months = sorted(monthly_ksi)
print(len(months), "months")  # 84 months: January 2019 to December 2025
print({month: monthly_ksi[month] for month in months[:6]})  # the first 6 months

# %% [markdown]
# ## Step 3: each year, and the change on the year before
#
# The first 4 characters of a month such as `"2025-06"` are its year: `month[:4]`. Add up the months of each year in `annual_ksi`.
#
# Then, for every year after the first, work out the change on the year before, as a number and as a percentage:
#
# > percentage change = 100 × (this year − last year) ÷ last year
#
# A fall gives a negative change.

# %%
from tabulate import tabulate

annual_ksi = defaultdict(int)
# TODO: add each month's total in monthly_ksi to the total for its year

years = sorted(annual_ksi)
annual_rows = []
for i, year in enumerate(years):
    change = None
    percentage = None
    if i > 0:  # the first year has no year before it
        last_year = years[i - 1]
        change = None  # TODO: this year's total minus last year's
        percentage = None  # TODO: the change as a percentage of last year's total
    annual_rows.append([year, annual_ksi[year], change, percentage])

ANNUAL_HEADERS = ["Year", "KSI casualties", "Change", "% change"]
print(tabulate(annual_rows, headers=ANNUAL_HEADERS, floatfmt=".1f", tablefmt="github"))

# %% [markdown]
# Look at 2020 and 2021. A year with unusually few casualties makes the next year's rise look large. Think about this before you compare any year with just the year before it.

# %% [markdown]
# ## Step 4: each road user type in 2024 and 2025
#
# Group the rows by road user type and year. A dictionary keyed on a pair, such as `("Pedestrians", "2025")`, does this in one step.

# %%
by_user_and_year = defaultdict(int)
# TODO: add each row's ksi to by_user_and_year[(road user, year)]

user_rows = []
for road_user in ROAD_USERS:
    ksi_2024 = by_user_and_year[(road_user, "2024")]
    ksi_2025 = by_user_and_year[(road_user, "2025")]
    user_rows.append([road_user, ksi_2024, ksi_2025, ksi_2025 - ksi_2024])

print(tabulate(user_rows, headers=["Road user type", "2024", "2025", "Change"], tablefmt="github"))

# %% [markdown]
# ## Step 5: the 12-month rolling total
#
# Monthly figures go up and down with the seasons. For example, more people ride motorcycles in summer. A 12-month rolling total smooths this out: for each month, it adds up that month and the 11 months before it. Each total covers a whole year, so each one is called "the year ending" that month.
#
# `months[i - 11 : i + 1]` is the 12 months that end with `months[i]`. The first full 12 months end in December 2019, which is `months[11]`.

# %%
rolling = {}
for i in range(11, len(months)):
    last_12_months = months[i - 11 : i + 1]
    rolling[months[i]] = None  # TODO: the sum of monthly_ksi for the months in last_12_months

print("Year ending June 2025:", rolling.get("2025-06"))
print("Year ending December 2025:", rolling.get("2025-12"))

# %% [markdown]
# Check your work: the year ending December 2025 is the calendar year 2025, so it must equal your 2025 total from step 3.

# %% [markdown]
# ## Step 6: draw the line chart
#
# This cell draws the rolling total as a line chart that follows the Government Analysis Function's guidance:
#
# - one series in one colour, and no 3D effects
# - the vertical axis starts at zero, so the height of the line is in proportion to the number of casualties
# - both axes have labels
# - a subtitle gives the measure, place and period
#
# When you have seen the chart, change `TITLE` so that it states the main message in about 10 words. Compare 2025 with 2024, and with 2019.

# %%
import pygal
from IPython.display import SVG, display

TITLE = "Killed or seriously injured casualties, 12-month rolling total"  # TODO: state the main message
SUBTITLE = "12-month rolling total, fictional county, December 2019 to December 2025"

style = pygal.style.Style(
    colors=("#12436D",),  # dark blue from the Government Analysis Function colour palette
    stroke_width="3",
    stroke_opacity="1",
    opacity="1",
    background="white",
    plot_background="white",
    guide_stroke_color="#BFBFBF",  # light grey gridlines
    major_guide_stroke_color="#BFBFBF",
)


def rolling_chart(title, start_at_zero=True):
    chart = pygal.Line(
        style=style,
        js=[],  # no tooltip script: the notebook works offline, so pygal must not link to one on the internet
        show_legend=False,
        show_dots=False,
        include_x_axis=start_at_zero,  # True puts zero on the vertical axis
        x_label_rotation=30,
        x_labels_major_every=12,  # label every December
        show_minor_x_labels=False,
    )
    chart.title = title
    chart.x_title = "12 months ending"
    chart.y_title = "Killed or seriously injured"
    chart.x_labels = list(rolling)
    chart.add("All road users", list(rolling.values()))
    return chart


display(SVG(rolling_chart(TITLE + "\n" + SUBTITLE).render()))

# %% [markdown]
# ## Step 7: see what a cut axis does
#
# This cell draws the same figures, but lets pygal start the vertical axis just below the smallest value. Line charts may start above zero. But look at 2025: how big does the change look here, compared with your percentage change from step 3?

# %%
display(SVG(rolling_chart("The same figures with the vertical axis cut", start_at_zero=False).render()))

# %% [markdown]
# ## Step 8: write alt text, and publish a table with the chart
#
# Someone using a screen reader cannot see your chart. Write alt text of 2 or 3 sentences that says:
#
# 1. what type of chart it is
# 2. what it shows
# 3. the main message
#
# Then print the table of yearly figures from step 3. Publish it next to the chart, with the source underneath.

# %%
alt_text = ""  # TODO: write your alt text
print("Alt text:", alt_text)
print()
print(tabulate(annual_rows, headers=ANNUAL_HEADERS, floatfmt=".1f", tablefmt="github"))
print()
print("Source: synthetic data made for Data Day, modelled on the Department for Transport's")
print("reported road casualties statistics for Great Britain. The county and its figures are made up.")

# %% [markdown]
# ## Check your results
#
# Go back to the exercise page and answer the questions. If your rolling total for the year ending December 2025 does not match your 2025 total, check step 5 before you answer.
