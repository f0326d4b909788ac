"""Training years: the twelve months in which a person must log their data-training day.

A year is named by the calendar year it starts in, so with a 1 April start the year
"2026" runs from 1 April 2026 to 31 March 2027.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

_START = re.compile(r"^(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class YearStart:
    month: int
    day: int

    @classmethod
    def parse(cls, text: str) -> "YearStart":
        """Read 'MM-DD'. Days after the 28th are refused: they do not exist in every month."""
        match = _START.match(text.strip())
        if not match:
            raise ValueError(f"TRAINING_YEAR_START must look like MM-DD, for example 04-01, not {text!r}")
        month, day = int(match[1]), int(match[2])
        if not (1 <= month <= 12 and 1 <= day <= 28):
            raise ValueError(f"TRAINING_YEAR_START {text!r} must be a month 01-12 and a day 01-28")
        return cls(month, day)


@dataclass(frozen=True)
class TrainingYear:
    label: int
    starts: date
    ends: date  # the last day inside the year

    def __contains__(self, day: date) -> bool:
        return self.starts <= day <= self.ends

    @property
    def name(self) -> str:
        if self.starts.month == 1 and self.starts.day == 1:
            return str(self.label)
        return f"{self.label} to {self.label + 1}"

    def previous(self, start: YearStart) -> "TrainingYear":
        return training_year(self.label - 1, start)


def training_year(label: int, start: YearStart) -> TrainingYear:
    starts = date(label, start.month, start.day)
    next_start = date(label + 1, start.month, start.day)
    return TrainingYear(label, starts, next_start - timedelta(days=1))


def year_containing(day: date, start: YearStart) -> TrainingYear:
    label = day.year if (day.month, day.day) >= (start.month, start.day) else day.year - 1
    return training_year(label, start)
