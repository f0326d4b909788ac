"""Small-group suppression: no published figure may describe fewer than MIN_GROUP people."""

from collections.abc import Sequence
from dataclasses import dataclass, replace

MIN_GROUP = 5
SUPPRESSED = "fewer than 5"


@dataclass(frozen=True)
class Group:
    label: str
    people: int
    met: int
    not_started: int
    suppressed: bool = False

    @property
    def percent_met(self) -> float:
        return round(self.met * 100 / self.people, 1) if self.people else 0.0


def suppress(groups: Sequence[Group]) -> list[Group]:
    """Hide groups under MIN_GROUP. If exactly one group is hidden, hide the next smallest too,
    so it cannot be worked out by taking the others from the total."""
    out = [replace(group, suppressed=group.people < MIN_GROUP) for group in groups]
    hidden = [group for group in out if group.suppressed]
    shown = sorted((group for group in out if not group.suppressed), key=lambda group: group.people)
    if len(hidden) == 1 and hidden[0].people > 0 and shown:
        extra = shown[0]
        out = [replace(group, suppressed=True) if group is extra else group for group in out]
    return out
