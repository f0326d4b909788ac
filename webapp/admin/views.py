"""Admin: importing the organisation from an HR file, and changing one person's line manager."""

import hashlib

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from webapp.admin import bp
from webapp.admin.forms import HRImportForm, ManagerForm
from webapp.extensions import db
from webapp.models.people import User
from webapp.queries.hr_import import Safeguards, import_hr_file
from webapp.queries.line_changes import CircularLine, change_manager
from webapp.queries.people import not_yet_activated
from webapp.web.audit import audit
from webapp.web.form_fields import error_list
from webapp.web.permissions import is_admin, requires

PROBLEMS_SHOWN = 500


@bp.route("/admin/people/import", methods=["GET", "POST"])
@requires(is_admin)
def hr_import():
    form = HRImportForm()
    result = None
    if form.validate_on_submit():
        data = form.file.data.read()
        safeguards = Safeguards(
            acting_id=current_user.id,
            share=current_app.config["HR_DEACTIVATION_SHARE"],
            confirmed=form.confirmed_deactivations(),
        )
        result = import_hr_file(db.session, data, full=not form.partial.data, safeguards=safeguards)
        if result.to_confirm:
            form.deactivations.data = str(result.to_confirm)
            form.confirmed.label.text = f"Yes, deactivate these {result.to_confirm:,} people"
        if result.ok:
            audit("hr_import", file_sha256=hashlib.sha256(data).hexdigest(), **result.counts())
            db.session.commit()
        else:
            db.session.rollback()
    return render_template(
        "admin/hr-import.html",
        form=form,
        errors=error_list(form),
        result=result,
        filename=form.file.data.filename if result else None,
        shown=PROBLEMS_SHOWN,
        not_activated=not_yet_activated(db.session) if result and result.ok else 0,
    )


@bp.route("/admin/people/<int:person_id>/manager", methods=["GET", "POST"])
@requires(is_admin)
def change_line_manager(person_id: int):
    """For a correction before the next HR file; the next full import sets lines from HR again."""
    person = db.session.get(User, person_id) or abort(404)
    form = ManagerForm(data={"manager": person.manager.staff_number if person.manager else ""})
    if form.validate_on_submit():
        manager = None
        if form.manager.data:
            manager = db.session.scalar(select(User).where(User.staff_number == form.manager.data))
            if manager is None:
                form.manager.errors.append(f"No one has the staff number {form.manager.data}")
        if not form.manager.errors:
            try:
                before = person.manager
                change_manager(db.session, person, manager)
                audit(
                    "line_manager_changed",
                    subject=person,
                    before=before.email if before else None,
                    after=manager.email if manager else None,
                )
            except CircularLine as error:
                db.session.rollback()
                form.manager.errors.append(str(error))
            else:
                db.session.commit()
                flash(f"{person.name}’s line manager is now {manager.name if manager else 'no one'}", "success")
                return redirect(url_for("record.person_record", person_id=person.id))
    return render_template("admin/change-manager.html", person=person, form=form, errors=error_list(form))
