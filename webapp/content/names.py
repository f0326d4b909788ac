"""How content files and folders are named: the rules every loader, checker, link and builder shares."""

import re

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # lowercase words joined by single hyphens: a page's address
FOLDER = re.compile(rf"^{SLUG}$")
COURSE_FILE = "course.md"
LESSON_FILE = re.compile(rf"^(\d{{2}})-({SLUG})\.md$")  # 01-lesson-slug.md: its number sets its place

EXERCISE_FILE = "exercise.md"
NOTEBOOK_FILE = "notebook.py"
SOLUTION_FILE = "solution.py"
DATA_DIR = "data"

# In the content folder beside the courses: the placement check (a folder, so its data sits with it) and the pathways.
PLACEMENT_FOLDER = "placement"  # courses/placement/: never a course, so no course may take this name
PLACEMENT_FILE = "placement.md"
PATHWAYS_FILE = "pathways.md"
