"""The audit log: admins read it, filter it and download it. Only GET: no route changes or removes an entry."""

from flask import abort, render_template, request

from webapp.admin import bp
from webapp.admin.audit_forms import AuditFilterForm, filters_from
from webapp.admin.audit_pages import CSV_HEADER, audit_csv_lines, audit_log_page, download_name
from webapp.extensions import db
from webapp.queries.audit_log import all_audit_entries, search_audit_log
from webapp.web.csv_export import csv_response
from webapp.web.form_fields import error_list
from webapp.web.permissions import can_see_audit_log, requires
from webapp.web.whole_numbers import int_arg


@bp.get("/admin/audit-log")
@requires(can_see_audit_log)
def audit_log():
    form = AuditFilterForm(request.args)
    if not form.validate():
        return render_template("admin/audit-log.html", form=form, errors=error_list(form), page=None)
    filters = filters_from(form)
    results = search_audit_log(db.session, filters, int_arg(request.args, "page") or 1)
    return render_template("admin/audit-log.html", form=form, page=audit_log_page(results, filters))


@bp.get("/admin/audit-log/download")
@requires(can_see_audit_log)
def download_audit_log():
    form = AuditFilterForm(request.args)
    if not form.validate():  # the page links here only with filters it accepted
        abort(400)
    filters = filters_from(form)
    return csv_response(download_name(filters), CSV_HEADER, audit_csv_lines(all_audit_entries(db.session, filters)))
