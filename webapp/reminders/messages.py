"""The values each reminder email is filled in with (its wording is in webapp.mail.messages)."""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from webapp.reminders.links import StopLink, stop_token
from webapp.reminders.schedule import AFTER, Occasion
from webapp.training.requirement import IN_PROGRESS, NOT_STARTED, format_minutes

LISTED = 25  # names a digest lists in each group; the rest are counted
REQUIRED_NOTE = "Your department requires this reminder, so it cannot be turned off."


def person_kind(occasion: Occasion) -> str:
    if occasion.rule.when == AFTER:
        return "reminder_year_missed"
    if occasion.rule.audience == "not started":
        return "reminder_not_started"
    return "reminder_before_end"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _url(config: Mapping[str, Any], path: str) -> str:
    return config["SERVICE_URL"].rstrip("/") + path


def stop_note(config: Mapping[str, Any], occasion: Occasion, link: StopLink | None) -> str:
    """How to stop this reminder: a link in an optional one; a plain statement in a required one."""
    if occasion.rule.required or link is None:
        return REQUIRED_NOTE
    token = stop_token(config["SECRET_KEY"], link)
    return f"To stop getting these reminders, open this link:\n\n{_url(config, '/reminders/stop/' + token)}"


def person_values(
    config: Mapping[str, Any], occasion: Occasion, today: date, name: str, minutes: int, required: int, stop: str
) -> dict[str, str]:
    return {
        "name": name,
        "year": occasion.year.name,
        "ends": long_date(occasion.year.ends),
        "days_left": _days((occasion.year.ends - today).days + 1),
        "done": format_minutes(minutes),
        "required": format_minutes(required),
        "left": format_minutes(max(required - minutes, 0)),
        "link": _url(config, "/my-training-record"),
        "stop": stop,
    }


def digest_values(
    config: Mapping[str, Any],
    occasion: Occasion,
    today: date,
    name: str,
    counts: Mapping[str, int],
    listed: Mapping[str, Sequence[tuple[str, int]]],
    stop: str,
) -> dict[str, str]:
    """`counts` of people by status; `listed`: up to LISTED (name, minutes) of each, by name."""
    total = sum(counts.values())
    ended = occasion.rule.when == AFTER or today > occasion.year.ends
    scope = "who report to you" if occasion.rule.manager == "team" else "in your line"
    return {
        "name": name,
        "year": occasion.year.name,
        "year_end": f"{'ended' if ended else 'ends'} on {long_date(occasion.year.ends)}",
        "count": str(total),
        "scope": scope,
        "not_started": _group("Not started", counts.get(NOT_STARTED, 0), listed.get(NOT_STARTED, []), False),
        "in_progress": _group(
            "Started but not finished", counts.get(IN_PROGRESS, 0), listed.get(IN_PROGRESS, []), True
        ),
        "link": _url(config, "/my-team?scope=" + ("direct" if occasion.rule.manager == "team" else "line")),
        "stop": stop,
    }


def _group(title: str, count: int, people: Sequence[tuple[str, int]], with_minutes: bool) -> str:
    if not count:
        return f"{title}: nobody"
    lines = [f"* {name}" + (f" – {format_minutes(minutes)} done" if with_minutes else "") for name, minutes in people]
    if count > len(people):
        lines.append(f"* and {count - len(people)} more")
    return f"{title} ({count}):\n\n" + "\n".join(lines)
