"""The data files of the working-with-data lessons' activities: each CSV holds exactly the table its lesson shows (so
the lesson's answers stay right), each Excel file the same values as real numbers and dates under a bold header,
every lesson lists its own files, and make_data.py, run afresh, makes the same files."""

import csv
import datetime
import io
import re
import shutil
import subprocess
import sys

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from tests.helpers.paths import WORKING_WITH_DATA
from webapp.content.library import load_library

DATA = WORKING_WITH_DATA / "data"
TEXT = "text"  # the ```text block in the activity, copied into a file by hand before there were downloads
# Each file's table in its lesson: the lesson, and which of the Markdown tables at the top level of its "Try this"
# section it is (counting from 0), or its text block.
SHOWN_IN = {
    "repairs_raw": ("01-cleaning-data.md", TEXT),
    "foi-requests": ("02-summarising-data.md", 0),
    "blue-badge-refusals": ("02-summarising-data.md", 1),
    "jobcentre-appointments": ("03-pivoting.md", 0),
    "ae-attendances-by-site": ("04-charts.md", 0),
    "ae-attendances-by-month": ("04-charts.md", 1),
    "repairs-by-quarter": ("05-presenting-numbers-honestly.md", 0),
    "tenant-survey": ("05-presenting-numbers-honestly.md", 1),
    "fly-tipping-incidents": ("06-joining-and-looking-up-data.md", 0),
    "population-estimates": ("06-joining-and-looking-up-data.md", 1),
    "complaints": ("07-dates-and-times.md", TEXT),
    "complaints-by-service-area": ("08-checking-a-spreadsheet-before-you-share-it.md", 0),
    "complaints-previous-edition": ("08-checking-a-spreadsheet-before-you-share-it.md", 2),
    "claims-log": ("09-checking-ai-formulas-and-summaries.md", 0),
    "contact-centre-calls": ("10-reading-and-building-dashboards.md", 1),
}
FORMULA_VIEW = ("08-checking-a-spreadsheet-before-you-share-it.md", 1)  # the sheet behind complaints-by-service-area
THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
NUMBER = re.compile(r"^-?(0|[1-9]\d*)(\.\d+)?%?$")  # 00412 is a reference, not a number
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def activity(lesson: str) -> list[str]:
    """The lines of the lesson's "## Try this" section."""
    lines = (WORKING_WITH_DATA / lesson).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("## Try this"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start:end]


def markdown_tables(lines: list[str]) -> list[list[list[str]]]:
    """The tables at the top level (not indented inside a note), each as rows of cells, the header first."""
    tables, current = [], []
    for line in [*lines, ""]:
        if line.startswith("|"):
            current.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif current:
            tables.append([row for row in current if not all(set(cell) <= set("-:") for cell in row)])
            current = []
    return tables


def text_block(lines: list[str]) -> str:
    start = lines.index("```text")
    return "\n".join(lines[start + 1 : lines.index("```", start)]) + "\n"


def shown_table(lesson: str, index: int) -> list[list[str]]:
    table = markdown_tables(activity(lesson))[index]
    if table[0][0] == "Row":  # the spreadsheet's row numbers, which the sheet has as its rows
        table = [row[1:] for row in table]
    return [[cell.replace(",", "") if THOUSANDS.match(cell) else cell for cell in row] for row in table]


def csv_text(name: str) -> str:
    data = (DATA / f"{name}.csv").read_bytes()
    assert data.startswith("\ufeff".encode()), "a byte order mark, so Excel reads £ and ŷ on a double-click"
    assert b"\r" not in data
    return data.decode("utf-8").removeprefix("\ufeff")


def csv_records(name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(csv_text(name))))


@pytest.mark.parametrize("name", list(SHOWN_IN))
def test_each_csv_holds_exactly_the_table_its_lesson_shows(name):
    lesson, index = SHOWN_IN[name]
    if index == TEXT:
        assert csv_text(name) == text_block(activity(lesson))
    else:
        assert csv_records(name) == shown_table(lesson, index)


def test_every_file_in_the_folder_is_one_of_these_tables():
    expected = {f"{name}.{kind}" for name in SHOWN_IN for kind in ("csv", "xlsx")}
    assert {path.name for path in DATA.iterdir()} == expected


def test_each_lesson_lists_its_own_files_with_their_origin():
    course = load_library(WORKING_WITH_DATA.parent).course("working-with-data")
    assert course is not None
    for lesson in course.lessons:
        names = [name for name, (file, _index) in SHOWN_IN.items() if file == lesson.path.name]
        assert [path.name for path in lesson.data_files] == [f"{n}.{kind}" for n in names for kind in ("csv", "xlsx")]
        assert all("make_data.py" in source["source"] for source in lesson.data_sources)


def expected_cell(value: str, column_is_dates: bool):
    """What the Excel cell must hold for a CSV value: numbers as numbers, a column of dates as dates, else text."""
    if value == "":
        return None
    if NUMBER.match(value):
        number = float(value.removesuffix("%")) / (100 if value.endswith("%") else 1)
        return int(number) if number.is_integer() and "." not in value else number
    if column_is_dates:
        return datetime.datetime.fromisoformat(value)
    return value


def kind(value) -> str:
    """What a spreadsheet sees: Excel stores 6.0 and 6 alike, so both are numbers."""
    if isinstance(value, datetime.datetime):
        return "date"
    return "number" if isinstance(value, int | float) else type(value).__name__


@pytest.mark.parametrize("name", list(SHOWN_IN))
def test_each_excel_file_holds_the_same_values_as_real_numbers_and_dates(name):
    sheet = openpyxl.load_workbook(DATA / f"{name}.xlsx").active
    header, *rows = csv_records(name)
    cells = list(sheet.iter_rows(values_only=True))
    assert list(cells[0]) == header
    assert all(cell.font.b for cell in sheet[1]), "the header row is bold"
    assert sheet.freeze_panes == "A2"
    dates = [all(ISO_DATE.match(row[i]) for row in rows if row[i]) for i in range(len(header))]
    for number, (record, row) in enumerate(zip(rows, cells[1:], strict=True), start=2):
        for column, (value, cell) in enumerate(zip(record, row, strict=True)):
            if isinstance(cell, str) and cell.startswith("="):
                continue  # a formula: checked against the lesson's formula view below
            assert cell == expected_cell(value, dates[column]), (name, number, header[column])
            assert kind(cell) == kind(expected_cell(value, dates[column])), (name, number, header[column])
    for index, title in enumerate(header, start=1):
        width = sheet.column_dimensions[get_column_letter(index)].width
        assert width >= len(title), (name, title)


def test_the_complaints_sheet_has_the_formulas_of_the_lessons_formula_view():
    """The file the checker checks in lesson 8: the typed number and the short SUM are there to be found."""
    sheet = openpyxl.load_workbook(DATA / "complaints-by-service-area.xlsx").active
    view = markdown_tables(activity(FORMULA_VIEW[0]))[FORMULA_VIEW[1]]
    assert view[0] == ["Row", "B", "C", "D", "E"]
    for row in view[1:]:
        for letter, shown in zip("BCDE", row[1:], strict=True):
            cell = sheet[f"{letter}{row[0]}"].value
            assert (cell == shown.strip("`")) if shown.startswith("`") else (cell == float(shown)), (letter, row[0])


def test_make_data_makes_the_same_files_again(tmp_path):
    """The files' stated origin is true: the script, run afresh, writes the same CSV bytes and the same sheets, and
    the same Excel bytes each time it runs."""
    for run in ("first", "second"):
        (tmp_path / run).mkdir()
        shutil.copy(WORKING_WITH_DATA / "make_data.py", tmp_path / run)
        subprocess.run([sys.executable, "make_data.py"], cwd=tmp_path / run, check=True, capture_output=True)
    made = tmp_path / "first" / "data"
    assert sorted(path.name for path in made.iterdir()) == sorted(path.name for path in DATA.iterdir())
    for path in sorted(DATA.glob("*.csv")):
        assert (made / path.name).read_bytes() == path.read_bytes(), path.name
    for path in sorted(DATA.glob("*.xlsx")):
        assert (made / path.name).read_bytes() == (tmp_path / "second" / "data" / path.name).read_bytes(), path.name
        assert sheet_contents(made / path.name) == sheet_contents(path), path.name


def sheet_contents(path) -> list:
    sheet = openpyxl.load_workbook(path).active
    return [[(cell.value, cell.number_format, cell.font.b) for cell in row] for row in sheet.iter_rows()]
