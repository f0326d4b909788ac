"""Manager and organisation reports: who may see what, how minutes count, and that the figures are right."""

import csv
import io
import re
from collections import defaultdict

import pytest
from sqlalchemy import select

from tests.helpers import PASSWORD, post_form, sign_in
from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.models import Completion, CourseItem, Department, OutsideLearning, User
from webapp.org.hr_file import COLUMNS
from webapp.queries.completions import record_completion
from webapp.queries.hr_import import import_hr_file
from webapp.queries.my_team import TeamFilters, all_team_rows, team_report
from webapp.queries.organisation_report import org_report
from webapp.queries.people import create_user
from webapp.sample_data.synthetic_load import generate_organisation
from webapp.training.requirement import IN_PROGRESS, MET, NOT_STARTED, required_minutes
from webapp.web.years import current_training_year

# Pat manages Alex, who manages Sam; Kim (another department) manages Lee. Rae reports on the Home Office.
ORG = [
    "A1,pat@example.gov.uk,Pat Boss,Home Office,SCS,,1,true",
    "A2,alex@example.gov.uk,Alex Smith,Home Office,G7,A1,0.6,true",
    "A3,sam@example.gov.uk,Sam Jones,Home Office,HEO,A2,,true",
    "B1,kim@example.gov.uk,Kim Lee,HM Treasury,G6,,1,true",
    "B2,lee@example.gov.uk,Lee Park,HM Treasury,EO,B1,1,true",
    "A9,rae@example.gov.uk,Rae Data,Home Office,SEO,,1,true",
    "Z1,dana@example.gov.uk,Dana Admin,Cabinet Office,G7,,1,true",
]


@pytest.fixture
def org(app):
    for line in ORG:
        email, name = line.split(",")[1:3]
        create_user(db.session, email, name, PASSWORD, is_admin=name == "Dana Admin")
    assert import_hr_file(db.session, ("\n".join([",".join(COLUMNS), *ORG]) + "\n").encode()).ok
    people = {user.name.split()[0].lower(): user for user in db.session.scalars(select(User))}
    people["rae"].reports_on_department_id = people["rae"].department_id
    db.session.commit()
    return people


def sam_logs(people, minutes=60) -> OutsideLearning:
    entry = OutsideLearning(
        user_id=people["sam"].id, title="Stats webinar", provider="ONS", learned_on=uk_today(), minutes=minutes
    )
    db.session.add(entry)
    db.session.commit()
    return entry


def names_on(client, path: str) -> set[str]:
    """The people listed in the page's table: each name links to their record."""
    text = client.get(path).get_data(as_text=True)
    return set(re.findall(r'href="/my-team/people/\d+[^"]*">([^<]+)</a>', text))


def csv_names(client, path: str) -> set[str]:
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return {row[0] for row in list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))[1:]}


# Every reporting route x (learner, manager of another line, manager of this line, admin).
@pytest.mark.parametrize(
    ("who", "team", "line", "sams_record", "org_page"),
    [
        ("sam", set(), set(), 403, 403),  # a learner manages no one
        ("kim", {"Lee Park"}, {"Lee Park"}, 403, 403),  # a manager of another line
        ("alex", {"Sam Jones"}, {"Sam Jones"}, 200, 403),  # Sam's own manager
        ("pat", {"Alex Smith"}, {"Alex Smith", "Sam Jones"}, 200, 403),  # above Sam in the line
        ("dana", set(), set(), 200, 200),  # an admin
        ("rae", set(), set(), 403, 200),  # the Home Office's reporting role
    ],
)
def test_each_role_sees_only_what_it_should(client, org, who, team, line, sams_record, org_page):
    sign_in(client, org[who])
    assert csv_names(client, "/my-team/download") == team
    assert csv_names(client, "/my-team/download?scope=line") == line
    assert names_on(client, "/my-team") == team
    assert names_on(client, "/my-team?scope=line") == line
    assert client.get(f"/my-team/people/{org['sam'].id}").status_code == sams_record
    assert client.get("/reports/organisation").status_code == org_page
    assert client.get("/reports/organisation/download").status_code == org_page
    assert client.get("/admin/people/import").status_code == (200 if who == "dana" else 403)
    assert client.get(f"/admin/people/{org['sam'].id}/manager").status_code == (200 if who == "dana" else 403)


def test_a_record_outside_the_line_and_a_missing_one_look_the_same(client, org):
    sign_in(client, org["kim"])
    hidden, missing = client.get(f"/my-team/people/{org['sam'].id}"), client.get("/my-team/people/999999")
    assert hidden.status_code == missing.status_code == 403
    without_nonce = [re.sub(r'nonce="[^"]+"', "", r.get_data(as_text=True)) for r in (hidden, missing)]
    assert without_nonce[0] == without_nonce[1]


def test_a_manager_reads_a_report_s_record_but_cannot_change_it(client, org):
    sam_logs(org)
    sign_in(client, org["pat"])
    page = client.get(f"/my-team/people/{org['sam'].id}").get_data(as_text=True)
    assert "Sam Jones’s training record" in page and "Stats webinar" in page
    assert "/outside-learning/" not in page and "Log learning done elsewhere" not in page


def test_the_reporting_role_sees_only_its_own_department(client, org):
    sign_in(client, org["rae"])
    page = client.get("/reports/organisation").get_data(as_text=True)
    assert "Organisation report: Home Office" in page
    treasury = org["kim"].department_id
    assert client.get(f"/reports/organisation?department={treasury}").status_code == 403
    assert client.get(f"/reports/organisation/download?department={treasury}").status_code == 403
    assert (
        post_form(
            client,
            f"/reports/departments/{treasury}/settings",
            {"count_unconfirmed": "no"},
            token_from="/reports/organisation",
        ).status_code
        == 403
    )


def test_only_the_direct_manager_confirms_outside_learning(client, org):
    entry = sam_logs(org)
    for who in ("pat", "kim", "sam"):
        client.post("/sign-out")
        sign_in(client, org[who])
        response = post_form(client, f"/my-team/outside-learning/{entry.id}/confirm", token_from="/my-team")
        assert response.status_code == 403, who
    client.post("/sign-out")
    sign_in(client, org["alex"])
    assert "Stats webinar" in client.get("/my-team/outside-learning").get_data(as_text=True)
    post_form(client, f"/my-team/outside-learning/{entry.id}/confirm", token_from="/my-team")
    db.session.refresh(entry)
    assert entry.status == "confirmed" and entry.reviewed_by_id == org["alex"].id


def progress_line(client) -> str:
    page = client.get("/my-training-record").get_data(as_text=True)
    return page.split('id="progress-summary">')[1].split("</p>")[0].strip()


def test_unconfirmed_learning_counts_only_where_the_department_says_so(client, org):
    entry = sam_logs(org, minutes=60)
    sign_in(client, org["sam"])
    assert progress_line(client).startswith("1 hour of")
    department = db.session.get(Department, org["sam"].department_id)
    department.count_unconfirmed = False
    db.session.commit()
    page = client.get("/my-training-record").get_data(as_text=True)
    assert progress_line(client).startswith("0 minutes of")
    assert "counts once a manager confirms it" in page
    entry.status = "confirmed"
    db.session.commit()
    assert progress_line(client).startswith("1 hour of")


def test_learning_sent_back_stops_counting_until_it_is_changed(client, org):
    entry = sam_logs(org, minutes=60)
    sign_in(client, org["alex"])
    empty = post_form(
        client,
        f"/my-team/outside-learning/{entry.id}/send-back",
        {"comment": ""},
        token_from=f"/my-team/outside-learning/{entry.id}/send-back",
    )
    assert "Enter why you are sending it back" in empty.get_data(as_text=True)
    post_form(
        client,
        f"/my-team/outside-learning/{entry.id}/send-back",
        {"comment": "This was a sales pitch"},
        token_from=f"/my-team/outside-learning/{entry.id}/send-back",
    )
    client.post("/sign-out")
    sign_in(client, org["sam"])
    page = client.get("/my-training-record").get_data(as_text=True)
    assert "Sent back" in page and "This was a sales pitch" in page
    assert progress_line(client).startswith("0 minutes of")
    today = uk_today()
    form = {
        "title": "Stats webinar, full day",
        "provider": "ONS",
        "learned_on-day": today.day,
        "learned_on-month": today.month,
        "learned_on-year": today.year,
        "minutes": 60,
    }
    post_form(client, f"/outside-learning/{entry.id}/edit", form)
    db.session.refresh(entry)
    assert entry.status == "unconfirmed" and entry.review_comment is None
    assert progress_line(client).startswith("1 hour of")


def test_a_part_timer_s_requirement_is_pro_rata_and_their_record_says_so(client, org):
    sign_in(client, org["alex"])
    page = client.get("/my-training-record").get_data(as_text=True)
    assert "You work 60% of full time, so your requirement is 60% of 7 hours: 4 hours 12 minutes." in " ".join(
        page.split()
    )
    assert required_minutes(420, 6_000) == 252 and required_minutes(420, 3_333) == 140


def test_the_team_page_filters_sorts_and_pages(client, org, app):
    items = list(db.session.scalars(select(CourseItem)))
    year = current_training_year()
    for item in items:
        record_completion(db.session, org["sam"].id, item, year)
    db.session.commit()
    sign_in(client, org["pat"])
    assert names_on(client, "/my-team?scope=line&status=in_progress") == {"Sam Jones"}
    assert names_on(client, "/my-team?scope=line&grade=G7") == {"Alex Smith"}
    assert names_on(client, f"/my-team?scope=line&team={org['alex'].id}") == {"Alex Smith", "Sam Jones"}
    assert names_on(client, f"/my-team?scope=line&team={org['lee'].id}") == set()  # not one of Pat's teams
    page = client.get("/my-team?scope=line&sort=hours&order=descending").get_data(as_text=True)
    assert page.index(">Sam Jones<") < page.index(">Alex Smith<")
    first = team_report(db.session, org["pat"], year, 420, TeamFilters(scope="line"), page_size=1)
    assert (first.total, first.pages, first.page, [row.name for row in first.rows]) == (2, 2, 1, ["Alex Smith"])
    second = team_report(db.session, org["pat"], year, 420, TeamFilters(scope="line", page=2), page_size=1)
    assert (second.page, [row.name for row in second.rows], second.by_status) == (2, ["Sam Jones"], first.by_status)
    beyond = team_report(db.session, org["pat"], year, 420, TeamFilters(scope="line", page=9), page_size=1)
    assert beyond.page == 1 and [row.name for row in beyond.rows] == ["Alex Smith"]


def independent_progress(required: int) -> dict[int, tuple[int, int, str]]:
    """Minutes, requirement and status per active person, worked out in Python from the raw rows."""
    year = current_training_year()
    counts_unconfirmed = {d.id: d.count_unconfirmed for d in db.session.scalars(select(Department))}
    people = {u.id: u for u in db.session.scalars(select(User).where(User.active))}
    minutes = defaultdict(int)
    for c in db.session.scalars(select(Completion).where(Completion.training_year == year.label)):
        minutes[c.user_id] += c.minutes
    for o in db.session.scalars(select(OutsideLearning)):
        person = people.get(o.user_id)
        if person is None or o.learned_on not in year:
            continue
        if o.status == "confirmed" or (
            o.status == "unconfirmed" and counts_unconfirmed.get(person.department_id, True)
        ):
            minutes[o.user_id] += o.minutes
    result = {}
    for person_id, person in people.items():
        needed = round(required * person.fte / 10_000 + 1e-9)
        done = minutes[person_id]
        status = MET if done >= needed else (IN_PROGRESS if done else NOT_STARTED)
        result[person_id] = (done, needed, status)
    return result


def test_reports_match_an_independent_calculation_on_a_generated_organisation(app):
    required = 60  # the fixture course is short: a low requirement gives every status
    app.config["REQUIRED_MINUTES"] = required
    made = generate_organisation(db.session, 2_000, 11, current_training_year(), uk_today())
    department = db.session.scalar(select(Department).order_by(Department.id).offset(1))
    department.count_unconfirmed = False  # one department counts only confirmed learning
    db.session.commit()
    assert made.people.created == 2_000 and made.completions > 0 and made.outside > 0
    expected = independent_progress(required)
    year = current_training_year()

    people = list(db.session.scalars(select(User)))
    biggest = max(people, key=lambda p: sum(q.line_path.startswith(p.line_path) for q in people))
    line = {q.id for q in people if q.line_path.startswith(biggest.line_path) and q.id != biggest.id and q.active}
    assert len(line) > 100
    rows = list(all_team_rows(db.session, biggest, year, required, TeamFilters(scope="line")))
    assert {row.id: (row.minutes, row.required, row.status) for row in rows} == {i: expected[i] for i in line}
    report = team_report(db.session, biggest, year, required, TeamFilters(scope="line"))
    assert report.by_status == {s: sum(expected[i][2] == s for i in line) for s in (MET, IN_PROGRESS, NOT_STARTED)}
    bands = [0] * 6
    for person in line:
        done, needed, _ = expected[person]
        share = done * 100 // needed
        bands[5 if done >= needed else 0 if done == 0 else 1 + min(share // 25, 3)] += 1
    assert report.bands == bands
    direct = {q.id for q in people if q.manager_id == biggest.id}
    rows = all_team_rows(db.session, biggest, year, required, TeamFilters(scope="direct"))
    assert {row.id for row in rows} == direct

    names = {d.id: d.name for d in db.session.scalars(select(Department))}
    by_department = defaultdict(lambda: [0, 0, 0])
    by_grade = defaultdict(lambda: [0, 0, 0])
    for person in people:
        if person.id not in expected:
            continue
        _, _, status = expected[person.id]
        for totals in (by_department[names[person.department_id]], by_grade[person.grade]):
            totals[0] += 1
            totals[1] += status == MET
            totals[2] += status == NOT_STARTED
    figures = org_report(db.session, year, required, None)
    months = defaultdict(int)
    for c in db.session.scalars(select(Completion).where(Completion.training_year == year.label)):
        months[c.completed_at.strftime("%Y-%m")] += c.minutes
    for o in db.session.scalars(select(OutsideLearning).where(OutsideLearning.status != "returned")):
        if o.learned_on in year:
            months[o.learned_on.strftime("%Y-%m")] += o.minutes
    assert figures.trend == sorted(months.items())
    assert {g.label: [g.people, g.met, g.not_started] for g in figures.by_department} == dict(by_department)
    assert {g.label: [g.people, g.met, g.not_started] for g in figures.by_grade} == dict(by_grade)
    assert figures.total.people == len(expected)
    for group in figures.by_department + figures.by_grade:
        if group.people < 5:
            assert group.suppressed


def change_manager_of(client, person, staff_number: str):
    path = f"/admin/people/{person.id}/manager"
    return post_form(client, path, {"manager": staff_number}, token_from=path)


def test_an_admin_moves_a_person_and_their_line_to_another_manager(client, org):
    sign_in(client, org["dana"])
    response = change_manager_of(client, org["alex"], "B1")  # Alex, and Sam below, move to Kim
    assert response.status_code == 302
    db.session.expire_all()
    kim, alex, sam = (db.session.get(User, org[name].id) for name in ("kim", "alex", "sam"))
    assert alex.manager_id == kim.id
    assert sam.line_path == f"{kim.line_path}{alex.id}/{sam.id}/"
    client.post("/sign-out")
    sign_in(client, org["pat"])
    assert csv_names(client, "/my-team/download?scope=line") == set()
    assert client.get(f"/my-team/people/{sam.id}").status_code == 403


def test_a_change_that_would_make_a_circle_is_refused_with_the_chain(client, org):
    sign_in(client, org["dana"])
    before = {user.id: user.line_path for user in db.session.scalars(select(User))}
    page = change_manager_of(client, org["pat"], "A3").get_data(as_text=True)
    assert "Sam Jones → Alex Smith → Pat Boss → Sam Jones" in page
    page = change_manager_of(client, org["pat"], "A1").get_data(as_text=True)
    assert "Pat Boss cannot manage themselves" in page
    page = change_manager_of(client, org["pat"], "NOPE").get_data(as_text=True)
    assert "No one has the staff number NOPE" in page
    db.session.expire_all()
    assert {user.id: user.line_path for user in db.session.scalars(select(User))} == before


def test_each_completion_keeps_its_year_total_and_a_rebuild_agrees(app, org):
    from webapp.models import TrainingTotal
    from webapp.queries.completions import refresh_totals

    year = current_training_year()
    items = list(db.session.scalars(select(CourseItem)))
    for item in items:
        record_completion(db.session, org["sam"].id, item, year)
    record_completion(db.session, org["sam"].id, items[0], year)  # again: not counted twice
    db.session.commit()

    def totals():
        return [
            (t.user_id, t.training_year, t.minutes, t.completions) for t in db.session.scalars(select(TrainingTotal))
        ]

    kept = totals()
    assert kept == [(org["sam"].id, year.label, sum(item.minutes for item in items), len(items))]
    refresh_totals(db.session, year.label)
    db.session.commit()
    assert totals() == kept
