"""What pages and downloads call the statuses the domain works with, and how they write dates."""

from datetime import date, datetime

from webapp.db.clock import uk_time
from webapp.evidence.kinds import NAMES
from webapp.models.outside_learning import CONFIRMED, RETURNED, UNCONFIRMED
from webapp.queries.training_record import OUTSIDE
from webapp.training.requirement import IN_PROGRESS, MET, NOT_STARTED

STATUS_LABELS = {NOT_STARTED: "Not started", IN_PROGRESS: "In progress", MET: "Requirement met"}
STATUS_TAGS = {NOT_STARTED: "govuk-tag--grey", IN_PROGRESS: "govuk-tag--blue", MET: "govuk-tag--green"}
# The distribution chart's bars, by people_progress.percent_band.
BAND_LABELS = ("None yet", "1% to 24%", "25% to 49%", "50% to 74%", "75% to 99%", "Requirement met")
ENTRY_KINDS = {
    "lesson": "Lesson",
    "exercise": "Exercise",
    "placement": "Placement check",
    OUTSIDE: "Outside learning",
}  # a record entry's source
REVIEW_LABELS = {UNCONFIRMED: "Not yet confirmed", CONFIRMED: "Confirmed", RETURNED: "Sent back"}
REVIEW_TAGS = {UNCONFIRMED: "govuk-tag--grey", CONFIRMED: "govuk-tag--green", RETURNED: "govuk-tag--red"}


def question_label(number: int, prompt: str) -> str:
    """How an exercise's page and its author's figures name a question: "Question 2: What is ...?"."""
    return f"Question {number}: {prompt}"


def long_date(day: date | None) -> str:
    """'5 March 2026', as GOV.UK writes dates."""
    return f"{day.day} {day:%B %Y}" if day else ""


def date_time(moment: datetime | None) -> str:
    """A stored UTC time as UK time, GOV.UK style: '5 March 2026 at 2:07pm'."""
    if moment is None:
        return ""
    local = uk_time(moment)
    return f"{long_date(local.date())} at {local.hour % 12 or 12}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


def file_label(content_type: str, size: int) -> str:
    """'PDF, 120KB', as GOV.UK describes an attachment beside its link."""
    return f"{NAMES[content_type]}, {file_size(size)}"


def file_size(size: int) -> str:
    """'120KB' or '1.5MB': a file's size in an attachment's description."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}MB".replace(".0MB", "MB")
    return f"{max(1, round(size / 1024))}KB"
