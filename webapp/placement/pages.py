"""What the placement pages show, built outside the views so tests can call them directly."""

from dataclasses import dataclass

from webapp.content.answers import Marked, Marking, Question, Verdict, mark_submission
from webapp.content.library import Item, Library
from webapp.content.pathways import Pathway, pathway_minutes
from webapp.content.rules import LEVELS
from webapp.training.placement import PlacementScore


def blank(answer: str | list[str]) -> bool:
    return not answer or (isinstance(answer, str) and not answer.strip())


def mark_placement(questions: list[Question], answers: dict[str, str | list[str]]) -> Marking:
    """Mark the answers given; a question left blank is not right, never an error: it is not a test to pass."""
    given = [q for q in questions if not blank(answers.get(q.id, ""))]
    marking = mark_submission(given, answers)
    skipped = [Marked(q, Verdict(False, "")) for q in questions if q not in given]
    by_id = {m.question.id: m for m in [*marking.marked, *skipped]}
    return Marking([by_id[q.id] for q in questions if q.id in by_id], marking.unreadable)


@dataclass(frozen=True)
class PathwayOffer:
    pathway: Pathway
    minutes: int
    items: list[Item]

    @property
    def level_label(self) -> str:
        return LEVELS[self.pathway.level]


def offers(library: Library) -> list[PathwayOffer]:
    if library.pathways is None or library.pathways.doc.problems:
        return []
    return [
        PathwayOffer(
            pathway,
            pathway_minutes(pathway, library.minutes_of),
            [item for ref in pathway.items if (item := library.find_item(ref)) is not None],
        )
        for pathway in library.pathways.pathways
    ]


def score_rows(score: PlacementScore) -> tuple[list[list[dict]], list[list[dict]]]:
    """The result's two tables, by level and by topic: name, right of how many."""

    def row(name: str, right: int, out_of: int) -> list[dict]:
        return [{"text": name}, {"text": f"{right} of {out_of}", "format": "numeric"}]

    levels = [row(LEVELS[level], s.right, s.out_of) for level, s in score.levels.items() if s.out_of]
    return levels, [row(s.name, s.right, s.out_of) for s in score.topics]
