"""What a manager's review of outside learning shows, built without a request: the learning waiting for them
with what changed since they confirmed it, confirmed learning their reports deleted, and why an entry cannot
be reviewed."""

from dataclasses import dataclass

from webapp.models.evidence_files import EvidenceFile
from webapp.models.outside_learning import CONFIRMED, LOGGED, OutsideLearning
from webapp.models.people import User
from webapp.queries.outside_learning import HistoryEvent, changes_since_confirmed
from webapp.queries.reviews import ALREADY_REVIEWED, CHANGED_SINCE_SEEN, EARLIER_YEAR, REMOVED, entry_version
from webapp.record.pages import HistoryItem, change_lines, history_items
from webapp.training.requirement import format_minutes
from webapp.training.years import TrainingYear
from webapp.web.labels import date_time, long_date


@dataclass(frozen=True)
class WaitingRow:
    entry: OutsideLearning
    person: User
    version: str  # what the manager saw: a review of an entry changed since is refused
    changes: list[str]  # since the manager last confirmed it: empty for learning never confirmed
    history: list[HistoryItem]  # empty when there is nothing to tell beyond its logging
    evidence: EvidenceFile | None = None  # the file the learner attached, for the manager to open before confirming


@dataclass(frozen=True)
class RemovedRow:
    entry: OutsideLearning
    person: User
    confirmed: str  # "1 hour": what the manager had confirmed, which no longer counts
    deleted: str  # "Deleted 5 March 2026 at 2:07pm"
    history: list[HistoryItem]


@dataclass(frozen=True)
class ReviewPage:
    year: TrainingYear
    waiting: list[WaitingRow]
    removed: list[RemovedRow]


def review_page(
    year: TrainingYear,
    waiting: list[tuple[OutsideLearning, User]],
    removed: list[tuple[OutsideLearning, User]],
    histories: dict[int, list[HistoryEvent]],
    files: dict[int, EvidenceFile] | None = None,
) -> ReviewPage:
    def told(entry: OutsideLearning) -> list[HistoryItem]:
        history = histories.get(entry.id, [])
        return history_items(history) if [event.action for event in history] not in ([], [LOGGED]) else []

    return ReviewPage(
        year,
        [
            WaitingRow(
                entry,
                person,
                entry_version(entry),
                change_lines(changes_since_confirmed(histories.get(entry.id, []))) if entry.change_waiting else [],
                told(entry),
                (files or {}).get(entry.id),
            )
            for entry, person in waiting
        ],
        [
            RemovedRow(
                entry,
                person,
                format_minutes(entry.confirmed_minutes or 0),
                f"Deleted {date_time(entry.deleted_at)}",
                told(entry),
            )
            for entry, person in removed
        ],
    )


@dataclass(frozen=True)
class Refusal:
    heading: str
    explanation: str


def refusal(reason: str, entry: OutsideLearning, person: User, entry_year: TrainingYear) -> Refusal:
    """Why the manager cannot confirm or send back this entry, in words (reasons from queries.reviews)."""
    title = f"‘{entry.title}’"
    if reason == EARLIER_YEAR:
        return Refusal(
            "You cannot review learning from an earlier training year",
            f"{person.name} logged {title} for {long_date(entry.learned_on)}, in the training year "
            f"{entry_year.name}. That year has closed, so its training record does not change.",
        )
    if reason == REMOVED:
        return Refusal(
            f"{person.name} deleted this learning",
            f"{title} no longer counts toward their training, so there is nothing to review.",
        )
    if reason == ALREADY_REVIEWED:
        outcome = "confirmed" if entry.status == CONFIRMED else "sent back"
        return Refusal(
            "This learning has already been reviewed",
            f"{title} was {outcome} {date_time(entry.reviewed_at)}. If {person.name} changes it, "
            "it comes back to you to review.",
        )
    assert reason == CHANGED_SINCE_SEEN, reason
    return Refusal(
        "This learning changed after you opened the page",
        f"{person.name} changed {title} after you opened the page. Look at it again before you review it.",
    )
