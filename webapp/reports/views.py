"""The organisation report: for admins (any department) and each department's reporting role (their own)."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from webapp.extensions import db
from webapp.models.people import Department
from webapp.queries.organisation_report import departments, org_report
from webapp.reports import bp
from webapp.reports.pages import CSV_HEADER, download_name, organisation_csv_lines, organisation_page
from webapp.web.audit import audit
from webapp.web.csv_export import csv_response
from webapp.web.permissions import can_report_on, can_see_reports, is_admin, require, requires
from webapp.web.whole_numbers import int_arg
from webapp.web.years import recent_years, selected_year


def _department_in_scope() -> Department | None:
    """Admins may pick any department (or none: everyone); the reporting role always gets its own."""
    requested = int_arg(request.args, "department")
    if is_admin(current_user):
        return db.session.get(Department, requested) if requested else None
    require(requested is None or can_report_on(current_user, requested))
    return db.session.get(Department, current_user.reports_on_department_id)


@bp.get("/reports/organisation")
@requires(can_see_reports)
def organisation():
    year, department = selected_year(), _department_in_scope()
    report = org_report(db.session, year, current_app.config["REQUIRED_MINUTES"], department and department.id)
    choices = departments(db.session) if is_admin(current_user) else []
    page = organisation_page(report, year, recent_years(), department, choices)
    return render_template("reports/organisation.html", page=page)


@bp.get("/reports/organisation/download")
@requires(can_see_reports)
def download_organisation():
    year, department = selected_year(), _department_in_scope()
    report = org_report(db.session, year, current_app.config["REQUIRED_MINUTES"], department and department.id)
    return csv_response(download_name(department, year), CSV_HEADER, organisation_csv_lines(report))


@bp.post("/reports/departments/<int:department_id>/settings")
@requires(can_see_reports)
def department_settings(department_id: int):
    department = db.session.get(Department, department_id)
    require(department is not None and can_report_on(current_user, department_id))
    before = department.count_unconfirmed
    department.count_unconfirmed = request.form.get("count_unconfirmed") == "yes"
    audit(
        "department_setting_changed",
        department=department.name,
        setting="count_unconfirmed",
        before=before,
        after=department.count_unconfirmed,
    )
    db.session.commit()
    when = "now counts" if department.count_unconfirmed else "counts only once a manager confirms it"
    flash(f"In {department.name}, outside learning {when}", "success")
    return redirect(url_for("reports.organisation", department=department.id))
