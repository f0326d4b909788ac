"""The figures in My team and the organisation report, checked against an independent calculation in Python
over a generated organisation of 2,000 people."""

from collections import defaultdict

from sqlalchemy import select

from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.models import Completion, Department, OutsideLearning, User
from webapp.queries.my_team import TeamFilters, all_team_rows, team_report
from webapp.queries.organisation_report import org_report
from webapp.sample_data.synthetic_load import generate_organisation
from webapp.training.requirement import IN_PROGRESS, MET, NOT_STARTED
from webapp.web.years import current_training_year


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
