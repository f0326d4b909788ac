"""The annual requirement and a person's progress toward it: one rule for Python and for SQL."""

from dataclasses import dataclass

FTE_SCALE = 10_000  # FTE is kept in ten-thousandths so requirement arithmetic is exact in SQL and Python

# A person's standing in a training year. Pages name them through webapp.web.labels.
NOT_STARTED, IN_PROGRESS, MET = "not_started", "in_progress", "met"
STATUSES = (NOT_STARTED, IN_PROGRESS, MET)


def required_minutes(required, fte):
    """The full requirement times FTE, to the nearest minute: on ints, or on SQL expressions alike.

    `//` is integer division in Python and on both databases (`/` would be NUMERIC division on PostgreSQL).
    """
    return (required * fte + FTE_SCALE // 2) // FTE_SCALE


@dataclass(frozen=True)
class Progress:
    minutes_done: int
    minutes_required: int

    @property
    def met(self) -> bool:
        return self.minutes_done >= self.minutes_required

    @property
    def minutes_left(self) -> int:
        return max(self.minutes_required - self.minutes_done, 0)

    @property
    def percent(self) -> int:
        """Whole per cent, capped at 100 so a progress bar never overflows."""
        if self.minutes_required <= 0:
            return 100
        return min(100, self.minutes_done * 100 // self.minutes_required)

    @property
    def status(self) -> str:
        """MET, IN_PROGRESS or NOT_STARTED: the same rule people_progress writes in SQL."""
        if self.met:
            return MET
        return IN_PROGRESS if self.minutes_done else NOT_STARTED


def format_minutes(minutes: int) -> str:
    """'7 hours', '1 hour 30 minutes', '45 minutes': how GOV.UK writes durations."""
    hours, rest = divmod(int(minutes), 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)
