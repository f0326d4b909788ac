"""Pathways: for each level, about 7 hours of the shipped lessons and exercises in a sensible order, authored in
courses/pathways.md's front matter. A learner chooses one after the placement check; the catalogue shows it first.

    pathways:
      - level: 1
        title: Data essentials, then working with data
        summary: One sentence on who it suits.
        items: [data-essentials/what-data-is, working-with-data/cleaning-data]
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from webapp.content.frontmatter import Document, is_whole_number
from webapp.content.problems import Problem
from webapp.content.rules import LEVEL_CHOICES, LEVELS

PATHWAY_MINUTES = 420  # a working day of learning: the default requirement
PATHWAY_SLACK = 60  # a pathway fills the day (7 hours) and asks for no more than 8
FILE_FIELDS = {"title", "pathways"}
PATHWAY_FIELDS = {"level", "title", "summary", "items"}


@dataclass(frozen=True)
class Pathway:
    level: int
    title: str
    summary: str
    items: tuple[str, ...]  # "course/item": lessons, and exercises in their course
    line: int  # where it starts in pathways.md


@dataclass
class Pathways:
    doc: Document
    pathways: list[Pathway] = field(default_factory=list)

    def for_level(self, level: int | None) -> Pathway | None:
        return next((pathway for pathway in self.pathways if pathway.level == level), None)


def load_pathways(doc: Document, minutes_of: Callable[[str], int | None]) -> Pathways:
    """`minutes_of("course/item")`: the item's minutes, None if there is no such item."""
    loaded = Pathways(doc)
    if doc.problems:
        return loaded
    for key in sorted(set(doc.meta) - FILE_FIELDS):
        doc.problem(f"unknown field '{key}' (allowed: {', '.join(sorted(FILE_FIELDS))})", key=key)
    raw = doc.meta.get("pathways")
    if not isinstance(raw, list) or not raw:
        doc.problem("pathways are missing: list one for each level, each with level, title and items", key="pathways")
        return loaded
    for index, item in enumerate(raw):
        pathway = _read_pathway(doc, index, item, minutes_of)
        if pathway is None:
            continue
        taken = loaded.for_level(pathway.level)
        if taken is not None:
            doc.problem(f"a pathway for level {pathway.level} is already at line {taken.line}", line=pathway.line)
            continue
        loaded.pathways.append(pathway)
    for level in LEVELS:
        if loaded.for_level(level) is None:
            doc.problem(f"there is no pathway for level {level}: add one, so everyone placed there has one")
    loaded.pathways.sort(key=lambda pathway: pathway.level)
    return loaded


def _read_pathway(doc: Document, index: int, item: object, minutes_of) -> Pathway | None:
    def problem(message: str, *path: str | int) -> None:
        doc.problem(f"pathway {index + 1}: {message}", line=doc.line_at("pathways", index, *path))

    if not isinstance(item, dict):
        problem("must have level, title and items")
        return None
    for key in sorted(set(item) - PATHWAY_FIELDS):
        problem(f"unknown field '{key}' (allowed: {', '.join(sorted(PATHWAY_FIELDS))})", key)
    level, title, items = item.get("level"), item.get("title"), item.get("items")
    if not is_whole_number(level) or level not in LEVELS:
        problem(f"level must be {LEVEL_CHOICES}", "level")
        return None
    if not isinstance(title, str) or not title.strip():
        problem("title is missing", "title")
        return None
    if not isinstance(items, list) or not items or not all(isinstance(slug, str) for slug in items):
        problem("items must list lessons and exercises as course/item, in the order to take them", "items")
        return None
    bad = False
    for j, slug in enumerate(items):
        if minutes_of(slug) is None:
            problem(
                f"'{slug}' is not a lesson or exercise: write it as course/item, e.g. data-essentials/data-quality",
                "items",
                j,
            )
            bad = True
        elif slug in items[:j]:
            problem(f"'{slug}' is listed twice", "items", j)
            bad = True
    summary = item.get("summary")
    return (
        None
        if bad
        else Pathway(level, title.strip(), str(summary or "").strip(), tuple(items), doc.line_at("pathways", index))
    )


def pathway_minutes(pathway: Pathway, minutes_of: Callable[[str], int | None]) -> int:
    return sum(minutes_of(slug) or 0 for slug in pathway.items)


def pathway_warnings(pathways: Pathways | None, minutes_of: Callable[[str], int | None]) -> list[Problem]:
    """Pathways that fall short of the day (7 hours) or ask much more (over 8), at the line each starts."""
    if pathways is None:
        return []
    low, high = PATHWAY_MINUTES, PATHWAY_MINUTES + PATHWAY_SLACK
    return [
        Problem(
            pathways.doc.path,
            pathway.line,
            f"the level {pathway.level} pathway is {total} minutes: make it a day of learning, {low} to {high}",
        )
        for pathway in pathways.pathways
        if not low <= (total := pathway_minutes(pathway, minutes_of)) <= high
    ]
