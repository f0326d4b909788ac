"""Reminders for admins: what the next run of `flask reminders send` would send, and what runs have sent."""

from flask import current_app, render_template

from webapp.admin import bp
from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.reminders.preview import failure_count, preview, sample_message, sending_log
from webapp.web.permissions import is_admin, requires


@bp.get("/admin/reminders")
@requires(is_admin)
def reminders():
    today = uk_today()
    previews = preview(db.session, current_app.config, today)
    return render_template(
        "admin/reminders.html",
        today=today,
        previews=previews,
        sample=sample_message(db.session, current_app.config, today, previews),
        log=sending_log(db.session),
        failures=failure_count(db.session),
    )
