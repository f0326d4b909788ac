"""The placement check ("Where should I start?"): courses/placement/placement.md, its questions in the lessons'
schema, each also naming its level, its topic and the lessons it shows knowledge of; its data files beside it.

Read with the library, so the lessons a question names are checked against the courses at the question's line.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from webapp.content.answers import Question
from webapp.content.exercises import check_data_sources
from webapp.content.frontmatter import Document, is_whole_number
from webapp.content.items import DataFolder
from webapp.content.questions import read_questions
from webapp.content.rules import LEVEL_CHOICES, LEVELS, check_lesson_meta

PLACEMENT_FIELDS = {"title", "minutes", "objectives", "data", "questions"}
QUESTION_FIELDS = {"id", "prompt", "answer", "hint", "level", "topic", "lessons"}


@dataclass(frozen=True)
class PlacementQuestion:
    question: Question  # marked by the one answer checker, as lessons' and exercises' questions are
    level: int
    topic: str  # "Percentages", "Data protection": the result page scores each
    lessons: tuple[str, ...]  # "course/lesson" slugs: answered right, it shows the learner knows these


@dataclass
class Placement(DataFolder):
    path: Path  # the folder
    doc: Document
    questions: list[PlacementQuestion] = field(default_factory=list)
    slug: str = "placement"
    kind: str = "placement"

    @property
    def title(self) -> str:
        return self.doc.text("title", "Where should I start?")

    @property
    def minutes(self) -> int:
        return self.doc.whole_number("minutes")

    @property
    def marked(self) -> list[Question]:
        return [q.question for q in self.questions]

    def data_file(self, name: str) -> Path | None:
        """A file learners may download: only one listed under data: and present in data/."""
        listed = {source.get("file") for source in self.data_sources}
        return next((path for path in self.data_files if path.name == name and name in listed), None)


def load_placement(folder: Path, read, relative, lesson_exists: Callable[[str], bool]) -> Placement:
    placement = Placement(folder, read(folder / "placement.md"))
    doc = placement.doc
    check_lesson_meta(doc, PLACEMENT_FIELDS)
    if doc.problems:
        return placement
    by_id = {q.id: q for q in read_questions(doc)}
    for index, item in enumerate(doc.meta.get("questions") or []):
        if isinstance(item, dict) and item.get("id") in by_id:
            extra = _placement_fields(doc, index, item, lesson_exists)
            if extra is not None:
                placement.questions.append(PlacementQuestion(by_id[item["id"]], *extra))
    for level in LEVELS:
        if placement.questions and not any(q.level == level for q in placement.questions):
            doc.problem(f"no question is at level {level}: each level needs some, to score it", key="questions")
    doc.problems.extend(check_data_sources(placement, relative))
    return placement


def _placement_fields(doc: Document, index: int, item: dict, lesson_exists) -> tuple[int, str, tuple] | None:
    def problem(message: str, *path: str | int) -> None:
        doc.problem(f"question {index + 1}: {message}", line=doc.line_at("questions", index, *path))

    unknown = sorted(set(item) - QUESTION_FIELDS)
    if unknown:
        problem(f"unknown field '{unknown[0]}' (allowed: {', '.join(sorted(QUESTION_FIELDS))})", unknown[0])
        return None
    level, topic, lessons = item.get("level"), item.get("topic"), item.get("lessons")
    if not is_whole_number(level) or level not in LEVELS:
        problem(f"level must be {LEVEL_CHOICES}", "level")
        return None
    if not isinstance(topic, str) or not topic.strip():
        problem("topic is missing: a few words, such as Percentages, that the result page scores", "topic")
        return None
    if not isinstance(lessons, list) or not lessons or not all(isinstance(slug, str) for slug in lessons):
        problem("lessons must list the lessons it shows knowledge of, as course/lesson", "lessons")
        return None
    missing = [(j, slug) for j, slug in enumerate(lessons) if not lesson_exists(slug)]
    for j, slug in missing:
        problem(
            f"lesson '{slug}' does not exist: write it as course/lesson, e.g. data-essentials/data-quality",
            "lessons",
            j,
        )
    return None if missing else (level, topic.strip(), tuple(lessons))
