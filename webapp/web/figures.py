"""Figures as pages show them: tables of numbers, and bar charts drawn as SVG (components/figures.html)."""

from collections.abc import Iterable
from dataclasses import dataclass

ROW_HEIGHT = 36  # each bar's row in the SVG, in its units
MARGIN = 4  # above the first row and below the last
BAR_START = 170  # the bars start after the labels
LONGEST_BAR = 380  # the longest bar; the others are scaled to it
FIGURE_GAP = 6  # between a bar's end and its figure


@dataclass(frozen=True)
class FigureTable:
    caption: str
    head: list[dict]  # GOV.UK table head cells
    rows: list[list[dict]]  # GOV.UK table rows


def table_head(first: str, *numeric: str) -> list[dict]:
    """A head naming what each row is about, then its figures' columns."""
    return [{"text": first}] + [numeric_cell(column) for column in numeric]


def numeric_cell(figure: object) -> dict:
    return {"text": figure, "format": "numeric"}


@dataclass(frozen=True)
class Bar:
    label: str
    figure: str  # as shown: "1,234", or the words that stand for a figure
    top: int  # of the bar's row
    length: float | None  # None: no figure to draw, only its words

    @property
    def x(self) -> int:
        return BAR_START

    @property
    def label_y(self) -> int:
        return self.top + 20

    @property
    def bar_y(self) -> int:
        return self.top + 4

    @property
    def figure_y(self) -> int:
        return self.top + 22

    @property
    def width(self) -> float:
        return self.length or 0

    @property
    def figure_x(self) -> float:
        """Just past the end of the bar."""
        return BAR_START + FIGURE_GAP + (self.length if self.length is not None else 0)


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]

    @property
    def height(self) -> int:
        return len(self.bars) * ROW_HEIGHT + 2 * MARGIN


def bar_chart(values: Iterable[tuple[str, int | float | str]]) -> BarChart:
    """(label, value) pairs as bars: numbers scaled so the largest is the longest bar, anything else as words."""
    pairs = list(values)
    most = max((value for _label, value in pairs if not isinstance(value, str)), default=0) or 1
    return BarChart(
        [_bar(label, value, MARGIN + index * ROW_HEIGHT, most) for index, (label, value) in enumerate(pairs)]
    )


def _bar(label: str, value: int | float | str, top: int, most: float) -> Bar:
    if isinstance(value, str):
        return Bar(label, value, top, None)
    return Bar(label, f"{value:,}", top, round(value * LONGEST_BAR / most, 1))
