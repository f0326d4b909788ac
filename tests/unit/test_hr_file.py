"""Reading an HR file: every kind of problem is reported with the spreadsheet's row number and column."""

from tests.helpers.organisation import HR_HEADER, hr_file
from webapp.org.hr_file import read_hr_file


def problems(data: bytes, **kwargs) -> list[tuple[int, str | None, str]]:
    return [(p.row, p.column, p.message) for p in read_hr_file(data, **kwargs).problems]


def test_a_good_file_gives_normalised_people():
    data = hr_file(
        "A1,Boss@Example.gov.uk,Pat Boss,Cabinet Office,SCS2,,,",
        "A2,alex@example.gov.uk, Alex Smith ,Cabinet Office,Grade 7,A1,0.6,yes",
        "A3,sam@example.gov.uk,Sam Jones,Cabinet Office,heo,A2,1,false",
    )
    result = read_hr_file(data)
    assert result.problems == []
    boss, alex, sam = result.people
    assert (boss.email, boss.grade, boss.fte, boss.active, boss.manager_staff_number) == (
        "boss@example.gov.uk",
        "SCS",
        10_000,
        True,
        None,
    )
    assert (alex.name, alex.grade, alex.fte, alex.manager_staff_number, alex.row) == (
        "Alex Smith",
        "G7",
        6_000,
        "A1",
        3,
    )
    assert (sam.grade, sam.active) == ("HEO", False)


def test_an_excel_csv_with_a_byte_order_mark_and_crlf_lines_reads_the_same():
    text = HR_HEADER + "\r\nA1,pat@example.gov.uk,Pat Boss,Home Office,G6,,1,TRUE\r\n\r\n"
    result = read_hr_file("\ufeff".encode() + text.encode())
    assert result.problems == []
    assert [person.staff_number for person in result.people] == ["A1"]


def test_header_problems_name_the_column():
    found = problems(hr_file(header="staff_number,email,name,department,grade,manager,fte,active,notes"))
    assert (1, "manager_staff_number", "this column is missing") in found
    assert (1, "manager", "is not a column Data Day knows") in found
    assert (1, "notes", "is not a column Data Day knows") in found
    assert problems(b"") == [(1, None, "the file is empty: the first row must name the columns")]


def test_header_order_and_case_do_not_matter():
    header = "Name,EMAIL,staff_number,department,grade,manager_staff_number,fte,active"
    result = read_hr_file(hr_file("Pat Boss,pat@example.gov.uk,A1,Home Office,G6,,1,true", header=header))
    assert result.problems == [] and result.people[0].name == "Pat Boss"


def test_each_bad_value_is_reported_with_its_row_and_column():
    found = problems(
        hr_file(
            "A1,pat@example.gov.uk,Pat Boss,Home Office,G6,,1,true",
            ",not-an-email,,Home Office,Grade 9,A1,1.5,maybe",
            "A3,sam@example.gov.uk,Sam,,EO,A1,0,true",
        )
    )
    fte = "is not a full-time equivalent: use a number above 0 and at most 1, like 0.6"
    assert found == [
        (3, "staff_number", "is empty"),
        (3, "email", "'not-an-email' is not an email address"),
        (3, "name", "is empty"),
        (3, "grade", "'Grade 9' is not a civil service grade: use one of AA, AO, EO, HEO, SEO, G7, G6, SCS"),
        (3, "fte", f"'1.5' {fte}"),
        (3, "active", "'maybe' is not yes or no: use true or false"),
        (4, "department", "is empty"),
        (4, "fte", f"'0' {fte}"),
    ]


def test_a_row_with_the_wrong_number_of_values_is_reported():
    assert problems(hr_file("A1,pat@example.gov.uk,Pat Boss")) == [(2, None, "has 3 values, but the header has 8")]


def test_duplicates_point_at_the_first_row():
    found = problems(
        hr_file(
            "A1,pat@example.gov.uk,Pat Boss,Home Office,G6,,1,true",
            "A1,alex@example.gov.uk,Alex,Home Office,G7,,1,true",
            "A3,PAT@example.gov.uk,Pat Again,Home Office,G7,,1,true",
        )
    )
    assert (3, "staff_number", "'A1' is also on row 2") in found
    assert (4, "email", "'pat@example.gov.uk' is also on row 2") in found


def test_an_unknown_manager_is_reported():
    found = problems(hr_file("A1,pat@example.gov.uk,Pat Boss,Home Office,G6,Z9,1,true"))
    assert found == [(2, "manager_staff_number", "no one has staff number 'Z9'")]


def test_a_partial_file_may_name_managers_already_in_data_day():
    data = hr_file("A2,alex@example.gov.uk,Alex,Home Office,G7,A1,1,true")
    assert problems(data, existing={"A1": None}) == []


def test_managing_yourself_is_reported():
    found = problems(hr_file("A1,pat@example.gov.uk,Pat Boss,Home Office,G6,A1,1,true"))
    assert found == [(2, "manager_staff_number", "is the person's own staff number")]


def test_a_cycle_is_reported_once_with_the_whole_chain():
    found = problems(
        hr_file(
            "A1,a@example.gov.uk,A,Home Office,G6,A3,1,true",
            "A2,b@example.gov.uk,B,Home Office,G7,A1,1,true",
            "A3,c@example.gov.uk,C,Home Office,SEO,A2,1,true",
            "A4,d@example.gov.uk,D,Home Office,EO,A3,1,true",
        )
    )
    assert len(found) == 1
    row, column, message = found[0]
    assert (row, column) == (2, "manager_staff_number")
    assert "goes round in a circle" in message
    assert message.count("→") == 3 and "A1 (row 2)" in message and "A2 (row 3)" in message and "A3 (row 4)" in message


def test_a_cycle_through_people_already_in_data_day_is_caught_in_a_partial_file():
    # A1 already reports to A2 in Data Day; the file makes A2 report to A1.
    found = problems(hr_file("A2,b@example.gov.uk,B,Home Office,G7,A1,1,true"), existing={"A1": "A2", "A2": None})
    assert len(found) == 1 and "goes round in a circle" in found[0][2]


def test_a_file_that_is_not_utf8_says_so_and_where():
    data = hr_file("A1,pat@example.gov.uk,Pat Boss,Home Office,G6,,1,true").replace(b"Pat Boss", "Zoë".encode("cp1252"))
    assert problems(data) == [(2, None, "the file is not UTF-8: in Excel, save it as 'CSV UTF-8 (Comma delimited)'")]
