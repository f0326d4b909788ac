"""My training record, its CSV, and logging outside learning."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from webapp.context import current_training_year, progress_for
from webapp.csv_export import csv_response
from webapp.extensions import db
from webapp.forms import error_list
from webapp.models.clock import uk_today
from webapp.models.outside import own_entry, save_entry
from webapp.models.record import entries_in_year, minutes_in_year, years_with_activity
from webapp.models.training import OutsideLearning
from webapp.record import bp
from webapp.record.forms import OutsideLearningForm
from webapp.training.years import training_year


def _selected_year():
    current = current_training_year()
    label = request.args.get("year", type=int)
    if label is None or label == current.label:
        return current
    if not 2000 <= label < current.label:
        abort(404)
    return training_year(label, current_app.config["YEAR_START"])


@bp.get("/my-training-record")
def my_record():
    year, current = _selected_year(), current_training_year()
    minutes = minutes_in_year(db.session, current_user.id, year)
    return render_template(
        "record/my-training-record.html",
        year=year,
        is_current=year == current,
        progress=progress_for(minutes),
        entries=entries_in_year(db.session, current_user.id, year),
        earlier_years=years_with_activity(db.session, current_user.id, current_app.config["YEAR_START"], current),
    )


@bp.get("/my-training-record/download")
def download_record():
    year = _selected_year()
    entries = entries_in_year(db.session, current_user.id, year)
    rows = ([e.on.isoformat(), e.kind, e.title, e.source, e.minutes] for e in entries)
    header = ["Date", "Type", "Title", "Course or provider", "Minutes"]
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
