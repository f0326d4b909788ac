"""Values to send each kind of email with: an account email's name, link and hours, and for a reminder the
rest of what it says (webapp.mail.messages.placeholders lists what each kind uses)."""

from webapp.mail.messages import TEXTS, placeholders

REMINDER_VALUES = {
    "year": "2027",
    "ends": "31 December 2027",
    "days_left": "30 days",
    "done": "1 hour",
    "required": "7 hours",
    "left": "6 hours",
    "stop": "Your department requires this reminder, so it cannot be turned off.",
    "year_end": "ends on 31 December 2027",
    "count": "1",
    "scope": "in your line",
    "not_started": "Not started (1):\n\n* Alex Smith",
    "in_progress": "Started but not finished: nobody",
}


def sample_values(kind: str, **given: str) -> dict[str, str]:
    """`given`, and a made-up value for each other placeholder the kind uses (none for a kind that does not exist)."""
    needed = placeholders(kind) if kind in TEXTS else set()
    return {**given, **{name: REMINDER_VALUES[name] for name in needed - set(given)}}
