"""My team: a line manager's view of their reports' training, their records, and outside learning to confirm."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from webapp.extensions import db
from webapp.models.people import User
from webapp.org.grades import GRADES
from webapp.queries.my_team import all_team_rows, team_leads, team_report
from webapp.queries.reviews import review, reviewable_entry, waiting_for_review
from webapp.team import bp
from webapp.team.forms import ReturnForm, filters_from
from webapp.team.pages import CSV_HEADER, my_team_page, team_csv_lines
from webapp.web.csv_export import csv_response
from webapp.web.form_fields import error_list
from webapp.web.years import current_training_year, recent_years, selected_year


def _required() -> int:
    return current_app.config["REQUIRED_MINUTES"]


@bp.get("/my-team")
def my_team():
    year, filters = selected_year(), filters_from(request)
    report = team_report(db.session, current_user, year, _required(), filters)
    leads = team_leads(db.session, current_user) if filters.scope == "line" else []
    to_review = len(waiting_for_review(db.session, current_user, current_training_year()))
    page = my_team_page(report, filters, year, recent_years(), leads, GRADES, to_review)
    return render_template("team/my-team.html", page=page)


@bp.get("/my-team/download")
def download_team():
    year, filters = selected_year(), filters_from(request)
    rows = all_team_rows(db.session, current_user, year, _required(), filters)
    return csv_response(f"data-day-team-{filters.scope}-{year.label}.csv", CSV_HEADER, team_csv_lines(rows, year))


@bp.get("/my-team/outside-learning")
def outside_learning():
    year = current_training_year()
    return render_template(
        "team/outside-learning.html", year=year, entries=waiting_for_review(db.session, current_user, year)
    )


def _entry_or_403(entry_id: int):
    entry = reviewable_entry(db.session, current_user, entry_id)
    if entry is None:
        abort(403)
    return entry


@bp.post("/my-team/outside-learning/<int:entry_id>/confirm")
def confirm_outside_learning(entry_id: int):
    entry = _entry_or_403(entry_id)
    review(entry, current_user, confirm=True)
    db.session.commit()
    flash(f"You confirmed {entry.title}", "success")
    return redirect(url_for("team.outside_learning"))


@bp.route("/my-team/outside-learning/<int:entry_id>/send-back", methods=["GET", "POST"])
def send_back_outside_learning(entry_id: int):
    entry = _entry_or_403(entry_id)
    form = ReturnForm()
    if form.validate_on_submit():
        review(entry, current_user, confirm=False, comment=form.comment.data)
        db.session.commit()
        flash(f"You sent back {entry.title}", "success")
        return redirect(url_for("team.outside_learning"))
    person = db.session.get(User, entry.user_id)
    return render_template("team/send-back.html", entry=entry, person=person, form=form, errors=error_list(form))
