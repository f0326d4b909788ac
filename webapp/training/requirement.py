"""The annual requirement and a person's progress toward it."""

from dataclasses import dataclass


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
        if self.met:
            return "Requirement met"
        return "In progress" if self.minutes_done else "Not started"


def format_minutes(minutes: int) -> str:
    """'7 hours', '1 hour 30 minutes', '45 minutes': how GOV.UK writes durations."""
    hours, rest = divmod(int(minutes), 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)
