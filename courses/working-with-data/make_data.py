"""Make the data files for this course's activities: a CSV and an Excel file for each table a "Try this" shows.

Run `python make_data.py` from this folder (it needs openpyxl: `pip install -e '.[test]'`). Nothing here is random:
every value is the one the lesson shows, because the lesson's answers depend on every value, so the files always
come out the same. The CSVs are UTF-8 with a byte order mark (so Excel reads £ and ŷ when the file is opened with a
double-click) and \\n line endings. The Excel files hold real numbers and dates, with the header row in bold, the
columns wide enough to read, and fixed timestamps inside, so running this again changes no byte.

The data is made up for teaching. Each lesson lists its files under `data:`, with where they come from.
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).parent / "data"
FIXED_TIME = datetime.datetime(2026, 1, 1)  # inside every Excel file, instead of the time it was made


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text, number, date (yyyy-mm-dd in the CSV) or percent ("71%" in the CSV)
    format: str = "General"  # the Excel number format


def text(name: str) -> Column:
    return Column(name, "text", "@")  # "@": stays text when edited, so 00412 keeps its zeros


def number(name: str, format: str = "General") -> Column:
    return Column(name, "number", format)


def date(name: str) -> Column:
    return Column(name, "date", "yyyy-mm-dd")  # as the lesson writes them: ISO 8601


@dataclass(frozen=True)
class Table:
    name: str  # the file name without .csv or .xlsx
    sheet: str  # the Excel sheet's name: 31 characters at most
    columns: list[Column]
    rows: str  # the rows as CSV text, exactly as the CSV file has them
    formulas: dict[str, str] = field(default_factory=dict)  # cell -> formula, in the Excel file only

    def records(self) -> list[list[str]]:
        return list(csv.reader(io.StringIO(self.rows.strip("\n"))))


THOUSANDS = "#,##0"
# The complaints table's columns, in this edition and the previous one alike.
COMPLAINT_COLUMNS = [
    text("Service area"),
    number("Complaints received", THOUSANDS),
    number("Complaints upheld", THOUSANDS),
    number("Percentage upheld", "0.0"),
    number("Redress paid (£ thousands)", "#,##0.0"),
]

TABLES = [
    # 01-cleaning-data.md: the raw log, mess and all. Dates stay text: converting them is the activity.
    Table(
        "repairs_raw",
        "Repairs log (raw)",
        [
            text("job_id"),
            text("reported"),
            text("property_ref"),
            text("estate"),
            text("category"),
            text("priority"),
            number("cost_gbp", "0.00"),
            text("status"),
        ],
        """
R1001,03/02/2025,00412,Tŷ Gwyn,Plumbing,Emergency,145.50,Complete
R1002,03/02/2025,00987,Maes Glas,plumbing ,Routine,0,Complete
R1003,04/02/2025,01120,Heol Fach,Electrical,Urgent,,Open
R1004,05/02/2025,00412,Tŷ Gwyn,Damp and mould,Routine,320.00,Complete
R1005,05/02/2025,02231,Parc View,Electric,Emergency,88.00,Complete
R1006,06/02/2025,00654,Maes Glas, Roofing,Routine,,Open
R1007,06/02/2025,00987,Maes Glas,Plumbing,Routine,60.00,Complete
R1007,06/02/2025,00987,Maes Glas,Plumbing,Routine,60.00,Complete
R1008,2025-02-07,01543,Heol Fach,Damp & mould,Urgent,210.00,Complete
R1009,07/02/2025,00231,Parc View,Electrical,Emergency,0,Cancelled
R1010,10/02/2025,01120,Heol Fach,Roofing,Urgent,480.00,Complete
R1011,10/02/2025,00654,Maes Glas,DAMP AND MOULD,Routine,,Open
""",
    ),
    # 02-summarising-data.md
    Table(
        "foi-requests",
        "FOI requests",
        [text("ref"), text("team"), number("working_days"), text("outcome")],
        """
FOI-001,Policy,12,Granted in full
FOI-002,Policy,18,Partly granted
FOI-003,Operations,20,Granted in full
FOI-004,Finance,9,Granted in full
FOI-005,Operations,15,Refused
FOI-006,Policy,20,Granted in full
FOI-007,Finance,11,Information not held
FOI-008,Operations,64,Partly granted
FOI-009,Policy,16,Granted in full
FOI-010,Finance,7,Information not held
FOI-011,Operations,19,Granted in full
FOI-012,Policy,22,Refused
FOI-013,Finance,14,Granted in full
FOI-014,Operations,20,Partly granted
""",
    ),
    Table(
        "blue-badge-refusals",
        "Blue Badge refusals",
        [text("Ward"), number("Under 65"), number("65 and over"), number("Total")],
        """
Abbey,14,22,36
Castle,3,18,21
Riverside,11,9,20
Total,28,49,77
""",
    ),
    # 03-pivoting.md: A015's attended is empty on purpose.
    Table(
        "jobcentre-appointments",
        "Appointments",
        [text("appt_id"), text("office"), text("month"), text("type"), text("attended")],
        """
A001,Northgate,Apr,Initial interview,Yes
A002,Northgate,Apr,Work search review,Yes
A003,Northgate,Apr,Work search review,No
A004,Northgate,May,Initial interview,Yes
A005,Northgate,May,Work search review,Yes
A006,Northgate,May,Work search review,Yes
A007,Northgate,May,Work search review,No
A008,Southfield,Apr,Initial interview,No
A009,Southfield,Apr,Work search review,Yes
A010,Southfield,Apr,Work search review,Yes
A011,Southfield,May,Initial interview,Yes
A012,Southfield,May,Initial interview,No
A013,Southfield,May,Work search review,Yes
A014,Southfield,May,Work search review,Yes
A015,Southfield,May,Work search review,
""",
    ),
    # 04-charts.md
    Table(
        "ae-attendances-by-site",
        "Attendances by site",
        [text("Site"), number("Attendances", THOUSANDS)],
        """
Eastgate Hospital,44150
Northfield General Hospital,62480
St Anne's Hospital,58730
Westbrook Urgent Treatment Centre,18580
""",
    ),
    Table(
        "ae-attendances-by-month",
        "Attendances by month",
        [text("Month"), number("2023 to 2024", THOUSANDS), number("2024 to 2025", THOUSANDS)],
        """
Apr,14820,15210
May,15390,15880
Jun,15110,15640
Jul,15560,16120
Aug,14970,15430
Sep,14880,15300
Oct,15240,15760
Nov,14650,15020
Dec,15010,15540
Jan,14230,14610
Feb,13620,13980
Mar,14900,15450
""",
    ),
    # 05-presenting-numbers-honestly.md: [r] revised, [p] provisional, as the lesson explains under its table.
    Table(
        "repairs-by-quarter",
        "Repairs by quarter",
        [text("Quarter"), number("Repairs completed", THOUSANDS), number("Within target time", THOUSANDS)],
        """
Jul to Sep 2023,1180,908
Oct to Dec 2023,1305,979
Jan to Mar 2024,1420,1051
Apr to Jun 2024,1240,967
Jul to Sep 2024,1215,960
Oct to Dec 2024,1290,1032
Jan to Mar 2025 [r],1398,1132
Apr to Jun 2025 [p],1310,1101
""",
    ),
    Table(
        "tenant-survey",
        "Tenant survey",
        [
            number("Year"),
            number("Tenants surveyed"),
            Column("Satisfied with repairs", "percent", "0%"),
            text("95% confidence interval"),
        ],
        """
2024,400,71%,67% to 75%
2025,410,74%,70% to 78%
""",
    ),
    # 06-joining-and-looking-up-data.md: the names differ between the tables on purpose.
    Table(
        "fly-tipping-incidents",
        "Incidents",
        [text("area_code"), text("area_name"), number("incidents")],
        """
E06000001,Hartlepool,1240
E06000002,Middlesbrough,2310
E06000003,Redcar & Cleveland,1085
E06000004,Stockton on Tees,1560
E06000005,Darlington,905
E06000057,Northumberland,2480
""",
    ),
    Table(
        "population-estimates",
        "Population",
        [text("area_code"), text("area_name"), number("year"), number("population")],
        """
E06000001,Hartlepool,2023,94000
E06000002,Middlesbrough,2023,148000
E06000003,Redcar and Cleveland,2023,137000
E06000004,Stockton-on-Tees,2023,199000
E06000005,Darlington,2023,109000
E06000001,Hartlepool,2024,95000
E06000002,Middlesbrough,2024,150000
E06000003,Redcar and Cleveland,2024,137000
E06000004,Stockton-on-Tees,2024,200000
E06000005,Darlington,2024,110000
""",
    ),
    # 07-dates-and-times.md: `received` was typed by hand in 2 formats, so it stays text; the others are dates.
    Table(
        "complaints",
        "Complaints",
        [text("case_id"), text("received"), date("closed"), date("date_of_birth")],
        """
C-101,2025-03-28,2025-04-03,1961-04-02
C-102,31/03/2025,2025-04-10,2007-03-31
C-103,2025-04-01,2025-04-01,1984-11-23
C-104,06/05/2025,2025-05-20,1999-05-06
C-105,2025-07-01,2025-07-14,2009-07-01
""",
    ),
    # 08-checking-a-spreadsheet-before-you-share-it.md: table 1 as the director sees it, 3 errors planted. The Excel
    # file is the colleague's sheet itself: the formulas of the lesson's formula view, typed number and all.
    Table(
        "complaints-by-service-area",
        "Table 1",
        COMPLAINT_COLUMNS,
        """
Housing repairs,412,138,33.5,18.4
Council tax,265,41,15.5,2.1
Waste and recycling,198,77,38.9,3600.0
Parking,154,22,19.6,1.2
Planning,96,15,15.6,0.8
Adult social care,83,29,34.9,5.5
Total,1125,322,28.6,3628.0
""",
        formulas={
            **{f"D{row}": f"=ROUND(C{row}/B{row}*100,1)" for row in (2, 3, 4, 6, 7, 8)},
            "B8": "=SUM(B2:B6)",
            "C8": "=SUM(C2:C7)",
            "E8": "=SUM(E2:E7)",
        },
    ),
    Table(
        "complaints-previous-edition",
        "Previous edition",
        COMPLAINT_COLUMNS,
        """
Housing repairs,398,129,32.4,17.2
Council tax,301,52,17.3,2.6
Waste and recycling,187,70,37.4,4.1
Parking,143,28,19.6,1.5
Planning,102,14,13.7,0.9
Adult social care,88,31,35.2,6.0
Total,1219,324,26.6,32.3
""",
    ),
    # 09-checking-ai-formulas-and-summaries.md: CL-04 is still open, so its days are empty.
    Table(
        "claims-log",
        "Claims log",
        [text("ref"), text("office"), number("days")],
        """
CL-01,North,12
CL-02,South,15
CL-03,North,20
CL-04,South,
CL-05,North,9
CL-06,South,15
CL-07,North,30
CL-08,South,11
CL-09,South,18
CL-10,North,14
""",
    ),
    # 10-reading-and-building-dashboards.md: the last period is part of a month, so periods are text, not dates.
    Table(
        "contact-centre-calls",
        "Calls",
        [text("Period"), number("Calls received"), number("Answered within 60 seconds"), number("Complaints")],
        """
Apr 2025,12400,10218,81
May 2025,13100,10362,88
Jun 2025,14800,11041,97
Jul 2025,15600,11856,104
Aug 2025,15000,12000,96
1 to 20 Sep 2025,10000,7190,90
""",
    ),
]


def csv_bytes(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    writer.writerows(table.records())
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def cell_value(column: Column, value: str):
    """What the Excel cell holds: a real number, date or fraction, so formulas and charts work on it."""
    if value == "" and column.kind != "text":
        return None
    if column.kind == "number":
        return float(value) if "." in value else int(value)
    if column.kind == "date":
        return datetime.date.fromisoformat(value)
    if column.kind == "percent":
        return int(value.removesuffix("%")) / 100
    return value or None


def xlsx_bytes(table: Table) -> bytes:
    from openpyxl import Workbook  # only this script needs it: the app serves the files as they are
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.sheet
    sheet.append([column.name for column in table.columns])
    for record in table.records():
        sheet.append([cell_value(column, value) for column, value in zip(table.columns, record, strict=True)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        for cell in sheet[letter][1:]:
            cell.number_format = column.format
        widest = max(len(column.name), *(len(record[index - 1]) for record in table.records()))
        sheet.column_dimensions[letter].width = min(widest + 3, 60)
    for ref, formula in table.formulas.items():
        sheet[ref] = formula
    sheet.freeze_panes = "A2"
    workbook.properties.creator = "Data Day"
    workbook.properties.created = FIXED_TIME
    workbook.calculation.fullCalcOnLoad = True  # formulas have no saved results: work them out on opening
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_timestamps(buffer.getvalue())


def _fixed_timestamps(data: bytes) -> bytes:
    """The same file with the save time openpyxl writes, and the zip's file times, set to FIXED_TIME."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, body)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, body)
    return out.getvalue()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for table in TABLES:
        (OUT / f"{table.name}.csv").write_bytes(csv_bytes(table))
        (OUT / f"{table.name}.xlsx").write_bytes(xlsx_bytes(table))
        print(f"wrote {table.name}.csv and {table.name}.xlsx: {len(table.records())} rows")


if __name__ == "__main__":
    main()
