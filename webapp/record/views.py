"""My training record, its CSV, and logging outside learning."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from webapp.context import current_training_year, selected_year
from webapp.csv_export import csv_response
from webapp.extensions import db
from webapp.forms import error_list
from webapp.models.clock import uk_today
from webapp.models.outside import own_entry, save_entry
from webapp.models.record import entries_in_year, year_progress, years_with_activity
from webapp.models.training import REVIEW_LABELS, OutsideLearning
from webapp.record import bp
from webapp.record.forms import OutsideLearningForm


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
    }


@bp.get("/my-training-record/download")
def download_record():
    year = selected_year()
    entries = entries_in_year(db.session, current_user.id, year)
    rows = ([e.on.isoformat(), e.kind, e.title, e.source, e.minutes, REVIEW_LABELS.get(e.status, "")] for e in entries)
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
    return render_template("record/outside-learning.html", form=form, errors=error_list(form), entry=entry)


@bp.route("/outside-learning/<int:entry_id>/delete", methods=["GET", "POST"])
def delete_outside_learning(entry_id: int):
    entry = _own_current_entry(entry_id)
    if request.method == "POST":
        db.session.delete(entry)
        db.session.commit()
        flash(f"{entry.title} removed from your training record", "success")
        return redirect(url_for("record.my_record"))
    return render_template("record/delete-outside-learning.html", entry=entry)
