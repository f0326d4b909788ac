"""REMINDER_SCHEDULE: which reminders go out, to whom, on which days of a training year.

One rule a line (or separated by ";"), written `name: when, audience, optional|required, manager`:
- when: "N days before" the year ends, "N days after" it ends, or "monthly" (each month after the first,
  on the day of the month the year starts);
- audience: "not met" (everyone who has not met the requirement), "not started" or "in progress";
- optional (people may turn it off) or required (their department requires it: they cannot);
- manager: "none", "team" (one digest of their direct reports who are due it) or "line" (one digest of
  everyone in their line who is due it).
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from webapp.training.requirement import IN_PROGRESS, NOT_STARTED
from webapp.training.years import TrainingYear, YearStart, training_year, year_containing

BEFORE, AFTER, MONTHLY = "before", "after", "monthly"
AUDIENCES = {"not met": (NOT_STARTED, IN_PROGRESS), "not started": (NOT_STARTED,), "in progress": (IN_PROGRESS,)}
MANAGER_COPIES = ("none", "team", "line")
ALL_OPTIONAL = "*"  # an opt-out from every optional reminder, stored as this rule name
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_DAYS = re.compile(r"^(\d{1,3}) days? (before|after)$")


class ScheduleError(ValueError):
    """A rule of REMINDER_SCHEDULE that cannot be read; the message names the rule and the part."""


@dataclass(frozen=True)
class Rule:
    name: str
    when: str  # BEFORE, AFTER or MONTHLY
    days: int  # for BEFORE and AFTER
    audience: str  # a key of AUDIENCES
    required: bool
    manager: str  # one of MANAGER_COPIES

    @property
    def statuses(self) -> tuple[str, ...]:
        return AUDIENCES[self.audience]

    @property
    def optional(self) -> bool:
        return not self.required

    @property
    def description(self) -> str:
        when = "monthly" if self.when == MONTHLY else f"{self.days} day{'s' if self.days != 1 else ''} {self.when}"
        if self.when != MONTHLY:
            when += " the year ends"
        return f"{when}, to people who have {_AUDIENCE_WORDS[self.audience]}"


_AUDIENCE_WORDS = {"not met": "not met the requirement", "not started": "not started", "in progress": "started"}


@dataclass(frozen=True)
class Occasion:
    """One sending of a rule: for this training year, due from this day."""

    rule: Rule
    year: TrainingYear
    due_on: date


def parse_schedule(text: str) -> list[Rule]:
    lines = [line.strip() for line in re.split(r"[;\n]", text) if line.strip()]
    rules = [_parse_rule(number, line) for number, line in enumerate(lines, start=1)]
    names = [rule.name for rule in rules]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ScheduleError(f"REMINDER_SCHEDULE names more than one rule {', '.join(repeated)}: names must differ")
    return rules


def _parse_rule(number: int, line: str) -> Rule:
    name, colon, rest = (part.strip() for part in line.partition(":"))
    where = f"REMINDER_SCHEDULE rule {number} ({name or line!r})"
    if not colon or not _NAME.match(name):
        raise ScheduleError(f"{where} must start with a name of lower-case letters, digits and hyphens, then ':'")
    parts = [" ".join(part.lower().split()) for part in rest.split(",")]
    if len(parts) != 4:
        raise ScheduleError(f"{where} needs 4 parts after the name: when, audience, optional or required, manager")
    when, audience, obligation, manager = parts
    if when == MONTHLY:
        kind, days = MONTHLY, 0
    else:
        match = _DAYS.match(when)
        if not match or not 1 <= int(match[1]) <= 364:
            raise ScheduleError(f"{where}: when must be 'N days before', 'N days after' (N 1 to 364) or 'monthly'")
        kind, days = match[2], int(match[1])
    if audience not in AUDIENCES:
        raise ScheduleError(f"{where}: the audience must be {_either(AUDIENCES)}, not {audience!r}")
    if obligation not in ("optional", "required"):
        raise ScheduleError(f"{where}: the third part must be optional or required, not {obligation!r}")
    if manager not in MANAGER_COPIES:
        raise ScheduleError(f"{where}: the manager part must be {_either(MANAGER_COPIES)}, not {manager!r}")
    return Rule(name, kind, days, audience, obligation == "required", manager)


def _either(choices) -> str:
    quoted = [f"'{choice}'" for choice in choices]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def occasions_in(rule: Rule, year: TrainingYear, start: YearStart) -> list[date]:
    """Every day this rule is due for this training year."""
    if rule.when == BEFORE:
        return [year.ends + timedelta(days=1 - rule.days)]
    if rule.when == AFTER:
        return [year.ends + timedelta(days=rule.days)]
    months = [(start.month - 1 + offset) for offset in range(1, 12)]
    return [date(year.label + month // 12, month % 12 + 1, start.day) for month in months]


def due_occasions(rules: list[Rule], today: date, start: YearStart, catch_up_days: int) -> list[Occasion]:
    """The occasions due today: each is due on its day and for `catch_up_days` - 1 days after, so a run
    missed on the day (a server down) still sends it. A row per occasion keeps it to one send."""
    current = year_containing(today, start)
    years = [current.previous(start), current]
    found = []
    for rule in rules:
        for year in years:
            for due_on in occasions_in(rule, year, start):
                if due_on <= today < due_on + timedelta(days=catch_up_days) and _in_time(rule, year, today):
                    found.append(Occasion(rule, year, due_on))
    return found


def _in_time(rule: Rule, year: TrainingYear, today: date) -> bool:
    # A reminder before the end is not sent late, after the end; one after the end is about the year before.
    return today in year if rule.when != AFTER else today > year.ends


def next_occasion(rule: Rule, today: date, start: YearStart) -> Occasion:
    """The first occasion of this rule due today or later."""
    current = year_containing(today, start)
    for year in (current.previous(start), current, training_year(current.label + 1, start)):
        for due_on in occasions_in(rule, year, start):
            if due_on >= today:
                return Occasion(rule, year, due_on)
    raise AssertionError("every rule is due within two years")  # pragma: no cover
