"""A pathway as a learner follows it: each lesson or exercise with its status, and the minutes done of the whole.

Tested out (shown by the placement check) is a status of its own and is not minutes done: only completions count."""

from dataclasses import dataclass

from webapp.content.library import Item, Library
from webapp.content.pathways import Pathway

COMPLETED, TESTED_OUT, NOT_STARTED = "Completed", "Tested out", "Not started"
STATUS_TAGS = {COMPLETED: "govuk-tag--green", TESTED_OUT: "govuk-tag--blue", NOT_STARTED: "govuk-tag--grey"}


def item_status(ref: str, item_id: int | None, completed: set[int], tested_out: frozenset[str]) -> str:
    """`ref` is the item as "course/item"; completed this year wins over tested out."""
    if item_id is not None and item_id in completed:
        return COMPLETED
    return TESTED_OUT if ref in tested_out else NOT_STARTED


@dataclass(frozen=True)
class Step:
    item: Item
    status: str

    @property
    def tag(self) -> dict:
        return {"text": self.status, "classes": STATUS_TAGS[self.status]}


@dataclass(frozen=True)
class PathwayProgress:
    pathway: Pathway
    chosen: bool  # False: recommended by the placement check, not chosen yet
    steps: list[Step]

    @property
    def minutes(self) -> int:
        return sum(step.item.minutes for step in self.steps)

    @property
    def minutes_done(self) -> int:
        return sum(step.item.minutes for step in self.steps if step.status == COMPLETED)

    @property
    def percent(self) -> int:
        return min(100, self.minutes_done * 100 // self.minutes) if self.minutes else 0


def pathway_progress(
    library: Library,
    pathway: Pathway,
    chosen: bool,
    item_ids: dict[tuple[str, str], int],
    completed: set[int],
    tested_out: frozenset[str],
) -> PathwayProgress:
    steps = []
    for ref in pathway.items:
        item = library.find_item(ref)
        if item is not None:  # the check refuses unknown items; a file being edited may still name one
            item_id = item_ids.get((item.course_slug, item.slug))
            steps.append(Step(item, item_status(ref, item_id, completed, tested_out)))
    return PathwayProgress(pathway, chosen, steps)
