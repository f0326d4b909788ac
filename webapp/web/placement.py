"""What the placement check says about the signed-in person this year, for the catalogue, course pages and the
placement pages alike: their latest result, the lessons it tested them out of, and the pathway they follow."""

from flask import abort, current_app
from flask_login import current_user

from webapp.content.pathways import Pathway
from webapp.content.placement import Placement
from webapp.db.clock import uk_date
from webapp.extensions import db
from webapp.models.placement import PlacementResult
from webapp.queries.placement import answers_right, chosen_level, results_in_year
from webapp.training.placement import PlacementScore, score_placement
from webapp.web.content_pages import content_library, not_available
from webapp.web.labels import long_date
from webapp.web.permissions import can_author
from webapp.web.years import current_training_year


def placement_or_404() -> Placement:
    """The check, if there is one; learners are not shown it while its file has problems, authors see why."""
    placement = content_library().placement
    if placement is None:
        abort(404)
    if placement.doc.problems:
        not_available(placement.doc.problems if can_author(current_user) else [])
    return placement


def latest_result() -> PlacementResult | None:
    results = results_in_year(db.session, current_user.id, current_training_year())
    return results[-1] if results else None


def latest_score(placement: Placement | None) -> PlacementScore | None:
    """The latest result this training year, scored against the questions as they are now."""
    if placement is None or placement.doc.problems:
        return None  # nothing to ask the database: every catalogue and course page comes here
    result = latest_result()
    if result is None:
        return None
    return score_placement(placement.questions, answers_right(db.session, result))


def tested_out_lessons() -> frozenset[str]:
    """ "course/lesson" of each lesson the latest check this year showed the person knows: shown, never credited."""
    score = latest_score(content_library().placement)
    return score.tested_out if score else frozenset()


def your_pathway(recommended: int | None = None) -> tuple[Pathway | None, bool]:
    """The pathway chosen this year, else the one recommended (if any); and whether it was chosen."""
    pathways = content_library().pathways
    if pathways is None or pathways.doc.problems:
        return None, False
    chosen = chosen_level(db.session, current_user.id, current_training_year())
    if chosen is not None and pathways.for_level(chosen):
        return pathways.for_level(chosen), True
    return pathways.for_level(recommended), False


def retake_days() -> int:
    return current_app.config["PLACEMENT_RETAKE_DAYS"]


def before_and_after(results: list[PlacementResult]) -> str | None:
    """A year's placement results for a record: the first, and the latest if it was taken again (before and after)."""
    if not results:
        return None

    def told(result: PlacementResult) -> str:
        return f"{result.score} of {result.out_of} on {long_date(uk_date(result.taken_at))}"

    if len(results) == 1:
        return told(results[0])
    return f"First: {told(results[0])}. Latest: {told(results[-1])}."
