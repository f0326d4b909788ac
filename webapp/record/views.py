"""My training record, its CSV, and logging outside learning."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import User
from webapp.queries.evidence_files import StoredFile, evidence_file
from webapp.queries.outside_learning import delete_entry, entry_history, last_confirmed_minutes, own_entry, save_entry
from webapp.queries.placement import results_in_year
from webapp.queries.record_evidence import evidence_for
from webapp.queries.training_record import Entry, entries_in_year, year_progress, years_with_activity
from webapp.record import bp
from webapp.record.evidence import evidence_summary
from webapp.record.forms import OutsideLearningForm
from webapp.record.pages import history_items, review_label
from webapp.web.audit import audit
from webapp.web.csv_export import csv_response
from webapp.web.evidence import evidence_store
from webapp.web.form_fields import error_list
from webapp.web.labels import ENTRY_KINDS
from webapp.web.permissions import can_view_record, require
from webapp.web.placement import before_and_after
from webapp.web.years import current_training_year, selected_year


@bp.get("/my-training-record")
def my_record():
    return render_template("record/my-training-record.html", **record_context(current_user, selected_year()))


def record_context(person, year) -> dict:
    """What a training record page shows: the owner's own page and their manager's read-only view alike."""
    current = current_training_year()
    totals = year_progress(db.session, person, year, current_app.config["REQUIRED_MINUTES"])
    entries = entries_in_year(db.session, person.id, year)
    return {
        "person": person,
        "year": year,
        "is_current": year == current,
        "current_year": current,
        "totals": totals,
        "entries": entries,
        "lines": evidence_lines(person.id, year, entries, totals.counts_unconfirmed),
        "earlier_years": years_with_activity(db.session, person.id, current_app.config["YEAR_START"], current),
        "review_label": review_label,
        # The placement check's first and latest score in the year: what the year's learning changed.
        "placement": before_and_after(results_in_year(db.session, person.id, year)),
    }


def evidence_lines(person_id: int, year, entries: list[Entry], counts_unconfirmed: bool) -> list:
    """Each entry with what stands behind it, and that in words, as the certificate words it."""
    evidence = evidence_for(db.session, person_id, year, entries)
    return [
        (entry, facts, evidence_summary(entry, facts, counts_unconfirmed))
        for entry, facts in zip(entries, evidence, strict=True)
    ]


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
    totals = year_progress(db.session, current_user, year, current_app.config["REQUIRED_MINUTES"])
    entries = entries_in_year(db.session, current_user.id, year)
    lines = evidence_lines(current_user.id, year, entries, totals.counts_unconfirmed)
    rows = (
        [e.on.isoformat(), ENTRY_KINDS[e.kind], e.title, e.source, e.minutes, review_label(e), evidence]
        for e, _, evidence in lines
    )
    header = ["Date", "Type", "Title", "Course or provider", "Minutes", "Manager's review", "Evidence"]
    return csv_response(f"data-day-training-record-{year.label}.csv", header, rows)


def _outside_learning_form(**kwargs) -> OutsideLearningForm:
    return OutsideLearningForm(
        current_training_year(), uk_today(), max_mb=current_app.config["EVIDENCE_MAX_MB"], **kwargs
    )


def _store_upload(files, form: OutsideLearningForm) -> StoredFile | None:
    """The form's evidence file written to the evidence folder (removed again if the save fails)."""
    upload = form.upload
    if upload is None:
        return None
    return StoredFile(files.write(upload.data), upload.name, upload.kind, len(upload.data))


def _audit_upload(entry: OutsideLearning, stored: StoredFile | None) -> None:
    if stored is not None:
        audit("evidence_uploaded", subject=current_user, entry=entry.id, type=stored.content_type, size=stored.size)


@bp.route("/outside-learning/new", methods=["GET", "POST"])
def add_outside_learning():
    form = _outside_learning_form()
    if form.validate_on_submit():
        with evidence_store().changes() as files:
            stored = _store_upload(files, form)
            entry = save_entry(db.session, OutsideLearning(user_id=current_user.id), form.data, evidence=stored)
            _audit_upload(entry, stored)
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
    attached = evidence_file(db.session, entry.id)
    form = _outside_learning_form(obj=entry)
    if form.validate_on_submit():
        with evidence_store().changes() as files:
            stored = _store_upload(files, form)
            remove = bool(form.remove_evidence.data) and stored is None
            save_entry(db.session, entry, form.data, evidence=stored, remove_evidence=remove)
            if attached and (stored or remove):
                files.delete_after_commit(attached.stored_name)
            _audit_upload(entry, stored)
            db.session.commit()
        flash(f"{entry.title} updated", "success")
        return redirect(url_for("record.my_record"))
    return render_template(
        "record/outside-learning.html",
        form=form,
        errors=error_list(form),
        entry=entry,
        attached=attached,
        confirmed_minutes=last_confirmed_minutes(entry),
        history=history_items(entry_history(db.session, entry.id)),
    )


@bp.route("/outside-learning/<int:entry_id>/delete", methods=["GET", "POST"])
def delete_outside_learning(entry_id: int):
    entry = _own_current_entry(entry_id)
    if request.method == "POST":
        with evidence_store().changes() as files:
            files.delete_after_commit(delete_entry(db.session, entry, current_user.id))
            db.session.commit()
        flash(f"{entry.title} removed from your training record", "success")
        return redirect(url_for("record.my_record"))
    confirmed = last_confirmed_minutes(entry)
    return render_template("record/delete-outside-learning.html", entry=entry, confirmed_minutes=confirmed)
