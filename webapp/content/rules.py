"""What each kind of front matter must hold."""

from webapp.content.frontmatter import Document, is_whole_number

MAX_MINUTES = 480
LEVELS = {
    1: "Level 1: for everyone",
    2: "Level 2: for people who work with spreadsheets",
    3: "Level 3: for analysts who write code",
}
LEVEL_CHOICES = f"{', '.join(map(str, list(LEVELS)[:-1]))} or {list(LEVELS)[-1]}"  # "1, 2 or 3"
COURSE_FIELDS = {"title", "summary", "level", "order"}
LESSON_FIELDS = {"title", "minutes", "objectives", "data", "questions"}
EXERCISE_FIELDS = {"title", "minutes", "objectives", "level", "course", "number", "packages", "data", "questions"}


def _check_unknown(doc: Document, allowed: set[str]) -> None:
    for key in doc.meta:
        if key not in allowed:
            doc.problem(f"unknown field '{key}' (allowed: {', '.join(sorted(allowed))})", key=str(key))


def _check_title(doc: Document) -> None:
    title = doc.meta.get("title")
    if not isinstance(title, str) or not title.strip():
        doc.problem("title is missing: add 'title: ...' to the front matter", key="title")


def _check_level(doc: Document) -> None:
    if doc.meta.get("level") not in LEVELS:
        doc.problem(f"level must be {LEVEL_CHOICES}", key="level")


def check_course_meta(doc: Document) -> None:
    if doc.problems:  # unreadable front matter: field checks would only add noise
        return
    _check_unknown(doc, COURSE_FIELDS)
    _check_title(doc)
    if not isinstance(doc.meta.get("summary"), str) or not doc.meta["summary"].strip():
        doc.problem("summary is missing: add one sentence saying what the learner gets", key="summary")
    _check_level(doc)
    if "order" in doc.meta and not is_whole_number(doc.meta["order"]):
        doc.problem("order must be a whole number", key="order")


def check_lesson_meta(doc: Document, allowed: set[str] = LESSON_FIELDS) -> None:
    if doc.problems:
        return
    _check_unknown(doc, allowed)
    _check_title(doc)
    minutes = doc.meta.get("minutes")
    if minutes is None:
        doc.problem("minutes is missing: add 'minutes: N', the time a reader honestly needs", key="minutes")
    elif not is_whole_number(minutes) or not 1 <= minutes <= MAX_MINUTES:
        doc.problem(f"minutes must be a whole number from 1 to {MAX_MINUTES}, not {minutes!r}", key="minutes")
    objectives = doc.meta.get("objectives")
    if not isinstance(objectives, list) or not objectives:
        doc.problem("objectives are missing: list what the learner will be able to do", key="objectives")
    elif not all(isinstance(item, str) and item.strip() for item in objectives):
        doc.problem("each objective must be a line of text", key="objectives")
    _check_data(doc)


def _check_data(doc: Document) -> None:
    """The files learners download: the same list for lessons, exercises and the placement check."""
    data = doc.meta.get("data", [])
    if not isinstance(data, list):
        doc.problem("data must be a list of files, each with file, source and licence", key="data")
        return
    for index, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("file"), str) or not item["file"].strip():
            doc.problem(f"data file {index + 1} needs file: its name in data/", line=doc.line_at("data", index))


def check_exercise_meta(doc: Document) -> None:
    check_lesson_meta(doc, EXERCISE_FIELDS)
    if not doc.meta:  # unreadable front matter, already reported
        return
    _check_level(doc)
    if not isinstance(doc.meta.get("course"), str) or not doc.meta["course"].strip():
        doc.problem("course is missing: name the course folder this exercise belongs to", key="course")
    number = doc.meta.get("number")
    if not is_whole_number(number) or not 1 <= number <= 99:
        doc.problem("number must be a whole number from 1 to 99: the exercise's place in its course", key="number")
    if not isinstance(doc.meta.get("packages", []), list):
        doc.problem("packages must be a list of package names", key="packages")
