# %% [markdown]
# # Staff survey: engagement by grade
#
# This notebook holds a fictional department's staff survey answers to 5 engagement statements. The data is made up for practice.
#
# Run each cell in order with **Shift + Enter**. Where you see `# TODO`, write your own code, then run the cell again.

# %% [markdown]
# ## Step 1: read the file and look at the answers

# %%
import csv
import statistics
from collections import Counter, defaultdict

QUESTIONS = ["q1", "q2", "q3", "q4", "q5"]
GRADE_ORDER = ["AA/AO", "EO", "HEO/SEO", "G7/G6", "SCS"]

with open("staff-survey-responses.csv", newline="", encoding="utf-8") as file:
    responses = list(csv.DictReader(file))

print(len(responses), "responses")
print(responses[0])

# Every answer given to any of the 5 statements, with how often it appears
all_answers = Counter(row[question] for row in responses for question in QUESTIONS)
for answer, count in all_answers.most_common():
    print(repr(answer), count)

# %% [markdown]
# The empty string, `''`, is a skipped statement. Check the spelling of the other answers: the scores below only work if they match exactly.

# %% [markdown]
# ## Step 2: score each respondent
#
# `SCORES` turns each answer into a number. Finish `respondent_score()` so that it returns the mean score of the statements a person answered, or `None` if they answered none.

# %%
SCORES = {
    "Strongly disagree": 0,
    "Disagree": 25,
    "Neither agree nor disagree": 50,
    "Agree": 75,
    "Strongly agree": 100,
}


def respondent_score(row):
    scores = []  # TODO: the score of each answered statement in this row; skip blanks
    if not scores:
        return None
    return statistics.mean(scores)


for row in responses:
    row["score"] = respondent_score(row)

print(responses[0]["response_id"], responses[0]["score"])

# %% [markdown]
# ## Step 3: the overall index
#
# The index is the mean of the respondents' scores. Leave out the `None` scores.

# %%
scored = [row for row in responses if row["score"] is not None]
print(len(scored), "respondents with a score")

overall_index = None  # TODO: the mean of the scores in scored
print("Overall engagement index:", overall_index)

# %% [markdown]
# ## Step 4: the index for each grade
#
# Group the scores by grade with `defaultdict(list)`. Then build `grade_results`, one item for each grade in `GRADE_ORDER`: `[grade, number of respondents, index]`.

# %%
scores_by_grade = defaultdict(list)
# TODO: append each scored respondent's score to the list for their grade

grade_results = []
for grade in GRADE_ORDER:
    grade_scores = scores_by_grade[grade]
    if grade_scores:
        pass  # TODO: append [grade, len(grade_scores), the mean of grade_scores] to grade_results

print(grade_results)

# %% [markdown]
# Print the results as a table. Showing the number of respondents next to each index lets readers judge how far to trust it.

# %%
from tabulate import tabulate

print(tabulate(grade_results, headers=["Grade", "Respondents", "Engagement index"], floatfmt=".1f", tablefmt="github"))

# %% [markdown]
# ## Step 5: draw a bar chart
#
# A horizontal bar chart with the axis from 0 to 100, the full range of the index. Bar charts must start at zero.
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
chart = pygal.HorizontalBar(style=style, show_legend=False, range=(0, 100), print_values=True)
chart.title = "Engagement index by grade"  # TODO: state the main message
chart.x_labels = [grade for grade, _, _ in grade_results]
chart.add("Engagement index", [round(index, 1) for _, _, index in grade_results])
display(SVG(chart.render()))

# %% [markdown]
# ## Step 6: the index for each directorate
#
# Do the same as step 4, grouped by directorate. Printing is enough here.

# %%
scores_by_directorate = defaultdict(list)
# TODO: group the scores by directorate, then print each directorate's number of respondents and index

# %% [markdown]
# ## Step 7: the percentage of positive answers
#
# Surveys often report the percentage of positive answers to one statement: "Agree" plus "Strongly agree". Work it out for q1. Leave blanks out of the bottom of the fraction.

# %%
q1_answered = 0  # TODO: how many respondents answered q1
q1_positive = 0  # TODO: how many of them answered "Agree" or "Strongly agree"

if q1_answered:
    print(f"{100 * q1_positive / q1_answered:.1f}% positive for q1")

# %% [markdown]
# ## Step 8: find groups too small to publish
#
# Count the scored respondents in each grade and directorate group. A Counter keyed on a pair, such as `("SCS", "Policy")`, does this in one line. Then print the groups with fewer than 10 respondents.

# %%
group_sizes = Counter()  # TODO: count (grade, directorate) pairs for the scored respondents

for (grade, directorate), count in sorted(group_sizes.items()):
    pass  # TODO: print the groups with a count below 10

# %% [markdown]
# ## Check your results
#
# Go back to the exercise page and answer the questions. Think about how you would publish the grade results for the small groups: would you combine them, or suppress them?
