"""Turning optional reminders off and on: from an emailed link (no sign-in) or the account page."""

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from webapp.models.reminders import ManagerDigest, ReminderOptOut, ReminderSent
from webapp.reminders.links import PERSON, LinkProblem, StopLink
from webapp.reminders.schedule import ALL_OPTIONAL, Rule


class RequiredReminder(ValueError):
    """The department requires this reminder: nobody can turn it off."""


def optional_rule(rules: list[Rule], name: str) -> Rule | None:
    """The optional rule called `name`; RequiredReminder if it is required; None if there is no such rule."""
    rule = next((rule for rule in rules if rule.name == name), None)
    if rule is not None and rule.required:
        raise RequiredReminder(name)
    return rule


def turned_off(session: Session, person_id: int) -> set[str]:
    return set(session.scalars(select(ReminderOptOut.rule).where(ReminderOptOut.user_id == person_id)))


def set_reminders(session: Session, person_id: int, rules: list[Rule], wanted: set[str]) -> None:
    """Keep the optional rules named in `wanted` on and turn the other optional ones off."""
    off = {rule.name for rule in rules if rule.optional and rule.name not in wanted}
    session.execute(delete(ReminderOptOut).where(ReminderOptOut.user_id == person_id, ReminderOptOut.rule.not_in(off)))
    have = turned_off(session, person_id)
    session.add_all(ReminderOptOut(user_id=person_id, rule=name) for name in sorted(off - have))


def link_rule(session: Session, link: StopLink, rules: list[Rule]) -> Rule:
    """The rule a stop link is for, once its message is found unused; LinkProblem or RequiredReminder if not."""
    table = ReminderSent if link.sent_as == PERSON else ManagerDigest
    row = session.get(table, link.row_id)
    owner = getattr(row, "user_id", None) if link.sent_as == PERSON else getattr(row, "manager_id", None)
    if row is None or owner != link.person_id or row.rule != link.rule:
        raise LinkProblem("wrong")
    if row.link_used_at is not None:
        raise LinkProblem("used")
    rule = optional_rule(rules, link.rule)
    if rule is None:  # the rule was taken out of the schedule: nothing left to stop
        raise LinkProblem("expired")
    return rule


def use_stop_link(session: Session, link: StopLink, rules: list[Rule], every_optional: bool, now: datetime) -> None:
    """Turn the link's reminder (or every optional one) off, and use the link up: one of two requests at once wins."""
    link_rule(session, link, rules)
    table = ReminderSent if link.sent_as == PERSON else ManagerDigest
    used = session.execute(
        update(table).where(table.id == link.row_id, table.link_used_at.is_(None)).values(link_used_at=now)
    )
    if used.rowcount != 1:  # type: ignore[attr-defined]
        raise LinkProblem("used")
    name = ALL_OPTIONAL if every_optional else link.rule
    if name not in turned_off(session, link.person_id):
        session.add(ReminderOptOut(user_id=link.person_id, rule=name))
