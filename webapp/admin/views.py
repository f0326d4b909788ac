"""Admin: importing the organisation from an HR file."""

from flask import render_template

from webapp.admin import bp
from webapp.admin.forms import ImportPeopleForm
from webapp.extensions import db
from webapp.forms import error_list
from webapp.models.people_import import import_people as apply_hr_file
from webapp.security import requires_role

PROBLEMS_SHOWN = 500


@bp.route("/admin/people/import", methods=["GET", "POST"])
@requires_role("admin")
def import_people():
    form = ImportPeopleForm()
    result = None
    if form.validate_on_submit():
        upload = form.file.data
        result = apply_hr_file(db.session, upload.read(), full=not form.partial.data)
        if result.ok:
            db.session.commit()
        else:
            db.session.rollback()
    return render_template(
        "admin/import-people.html",
        form=form,
        errors=error_list(form),
        result=result,
        filename=form.file.data.filename if result else None,
        shown=PROBLEMS_SHOWN,
    )
