"""My training record, its CSV, and logging outside learning."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import User
from webapp.queries.outside_learning import delete_entry, entry_history, last_confirmed_minutes, own_entry, save_entry
from webapp.queries.training_record import entries_in_year, year_progress, years_with_activity
from webapp.record import bp
from webapp.record.forms import OutsideLearningForm
from webapp.record.pages import history_items, review_label
from webapp.web.csv_export import csv_response
from webapp.web.form_fields import error_list
from webapp.web.labels import ENTRY_KINDS
from webapp.web.permissions import can_view_record, require
from webapp.web.years import current_training_year, selected_year


@bp.get("/my-training-record")
def my_record():
    return render_template("record/my-training-record.html", **record_context(current_user, selected_year()))


def record_context(person, year) -> dict:
    """What a training record page shows: the owner's own page and their manager's read-only view alike."""
    current = current_training_year()
    return {
        "person": person,
        "year": year,
        "is_current": year == current,
        "current_year": current,
        "totals": year_progress(db.session, person, year, current_app.config["REQUIRED_MINUTES"]),
        "entries": entries_in_year(db.session, person.id, year),
        "earlier_years": years_with_activity(db.session, person.id, current_app.config["YEAR_START"], current),
        "review_label": review_label,
    }


@bp.get("/my-team/people/<int:person_id>")
def person_record(person_id: int):
    """A read-only record, for the person's managers up the line (and admins). Under My team, where they find it."""
    person = db.session.get(User, person_id)
    # The same 403 whether or not the person exists, so ids reveal nothing about who is on Data Day.
    require(can_view_record(current_user, person))
    return render_template("record/my-training-record.html", **record_context(person, selected_year()))


@bp.get("/my-training-record/download")
def download_record():
    year = selected_year()
    entries = entries_in_year(db.session, current_user.id, year)
    rows = ([e.on.isoformat(), ENTRY_KINDS[e.kind], e.title, e.source, e.minutes, review_label(e)] for e in entries)
    header = ["Date", "Type", "Title", "Course or provider", "Minutes", "Manager's review"]
    return csv_response(f"data-day-training-record-{year.label}.csv", header, rows)


@bp.route("/outside-learning/new", methods=["GET", "POST"])
def add_outside_learning():
    form = OutsideLearningForm(current_training_year(), uk_today())
    if form.validate_on_submit():
        save_entry(db.session, OutsideLearning(user_id=current_user.id), form.data)
        db.session.commit()
        flash(f"{form.title.data} added to your training record", "success")
        return redirect(url_for("record.my_record"))
    return render_template("record/outside-learning.html", form=form, errors=error_list(form), entry=None)


def _own_current_entry(entry_id: int) -> OutsideLearning:
    entry = own_entry(db.session, current_user.id, entry_id)
    if entry is None:
        abort(404)
    if entry.learned_on not in current_training_year():
        flash("Entries from earlier training years cannot be changed", "info")
        abort(redirect(url_for("record.my_record")))
    return entry


@bp.route("/outside-learning/<int:entry_id>/edit", methods=["GET", "POST"])
def edit_outside_learning(entry_id: int):
    entry = _own_current_entry(entry_id)
    form = OutsideLearningForm(current_training_year(), uk_today(), obj=entry)
    if form.validate_on_submit():
        save_entry(db.session, entry, form.data)
        db.session.commit()
        flash(f"{entry.title} updated", "success")
        return redirect(url_for("record.my_record"))
    return render_template(
        "record/outside-learning.html",
        form=form,
        errors=error_list(form),
        entry=entry,
        confirmed_minutes=last_confirmed_minutes(entry),
        history=history_items(entry_history(db.session, entry.id)),
    )


@bp.route("/outside-learning/<int:entry_id>/delete", methods=["GET", "POST"])
def delete_outside_learning(entry_id: int):
    entry = _own_current_entry(entry_id)
    if request.method == "POST":
        delete_entry(db.session, entry, current_user.id)
        db.session.commit()
        flash(f"{entry.title} removed from your training record", "success")
        return redirect(url_for("record.my_record"))
    confirmed = last_confirmed_minutes(entry)
    return render_template("record/delete-outside-learning.html", entry=entry, confirmed_minutes=confirmed)
