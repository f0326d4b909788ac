"""My team: a line manager's view of their reports' training, their records, and outside learning to confirm."""

from flask import abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from webapp.extensions import db
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import User
from webapp.org.grades import GRADES
from webapp.queries.evidence_files import evidence_files
from webapp.queries.my_team import all_team_rows, team_leads, team_report
from webapp.queries.outside_learning import histories
from webapp.queries.reviews import (
    removed_after_confirming,
    review,
    reviewable_entry,
    waiting_for_review,
    why_not_reviewable,
)
from webapp.team import bp
from webapp.team.forms import ReturnForm, filters_from
from webapp.team.pages import CSV_HEADER, my_team_page, team_csv_lines
from webapp.team.review_pages import refusal, review_page
from webapp.training.years import year_containing
from webapp.web.audit import audit
from webapp.web.csv_export import csv_response
from webapp.web.form_fields import error_list
from webapp.web.xapi import xapi_settings
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
    waiting = waiting_for_review(db.session, current_user, year)
    removed = removed_after_confirming(db.session, current_user, year)
    history = histories(db.session, [entry.id for entry, _ in waiting + removed])
    files = evidence_files(db.session, [entry.id for entry, _ in waiting])
    return render_template("team/outside-learning.html", page=review_page(year, waiting, removed, history, files))


def _entry_to_review(entry_id: int) -> tuple[OutsideLearning, User]:
    """The entry and its owner; 403 if it is not a direct report's, a page saying why if it cannot be reviewed."""
    entry = reviewable_entry(db.session, current_user, entry_id)
    if entry is None:
        abort(403)
    person = db.session.get_one(User, entry.user_id)
    reason = why_not_reviewable(entry, current_training_year(), request.form.get("seen"))
    if reason:
        entry_year = year_containing(entry.learned_on, current_app.config["YEAR_START"])
        page = render_template("team/cannot-review.html", refusal=refusal(reason, entry, person, entry_year))
        abort(make_response(page, 409))
    return entry, person


@bp.post("/my-team/outside-learning/<int:entry_id>/confirm")
def confirm_outside_learning(entry_id: int):
    entry, person = _entry_to_review(entry_id)
    review(db.session, entry, current_user, confirm=True, xapi=xapi_settings())
    audit("learning_confirmed", subject=person, entry=entry.id, minutes=entry.minutes)
    db.session.commit()
    flash(f"You confirmed {entry.title}", "success")
    return redirect(url_for("team.outside_learning"))


@bp.route("/my-team/outside-learning/<int:entry_id>/send-back", methods=["GET", "POST"])
def send_back_outside_learning(entry_id: int):
    entry, person = _entry_to_review(entry_id)
    form = ReturnForm()
    if form.validate_on_submit():
        review(db.session, entry, current_user, confirm=False, comment=form.comment.data)
        audit("learning_sent_back", subject=person, entry=entry.id, minutes=entry.minutes)
        db.session.commit()
        flash(f"You sent back {entry.title}", "success")
        return redirect(url_for("team.outside_learning"))
    files = evidence_files(db.session, [entry.id])
    page = review_page(current_training_year(), [(entry, person)], [], histories(db.session, [entry.id]), files)
    return render_template("team/send-back.html", row=page.waiting[0], form=form, errors=error_list(form))
