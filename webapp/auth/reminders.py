"""Stopping optional reminders: from the link in an email (no sign-in: it carries a signed token) and
from the account page. GET only shows the choice: mail scanners open links, so only the form's POST acts."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response
from wtforms import SelectChoice

from webapp.auth import bp
from webapp.auth.reminder_forms import ALL, ReminderChoicesForm, StopRemindersForm
from webapp.db.clock import utcnow
from webapp.extensions import db, limiter
from webapp.reminders.links import LinkProblem, read_stop_token
from webapp.reminders.opt_outs import RequiredReminder, link_rule, set_reminders, turned_off, use_stop_link
from webapp.reminders.schedule import ALL_OPTIONAL
from webapp.reminders.sending import schedule_from
from webapp.web.form_fields import error_list


def _refused(response: Response) -> bool:
    return response.status_code in (400, 404, 410)


# Guessing tokens is pointless (they are signed), but each guess costs a signature check and a lookup.
stop_link_limit = limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"], deduct_when=_refused)


@bp.route("/reminders/stop/<token>", methods=["GET", "POST"])
@stop_link_limit
def stop_reminders(token: str):
    rules = schedule_from(current_app.config)
    try:
        link = read_stop_token(current_app.config["SECRET_KEY"], token, current_app.config["REMINDER_LINK_DAYS"])
        rule = link_rule(db.session, link, rules)
    except LinkProblem as problem:
        return _link_problem(problem.reason)
    except RequiredReminder:
        return render_template("auth/reminder-required.html"), 400
    form = StopRemindersForm()
    if form.validate_on_submit():
        try:
            use_stop_link(db.session, link, rules, form.scope.data == ALL, utcnow())
        except LinkProblem as problem:
            db.session.rollback()
            return _link_problem(problem.reason)
        db.session.commit()
        return render_template("auth/reminders-stopped.html", every_optional=form.scope.data == ALL, rule=rule)
    return render_template("auth/stop-reminders.html", form=form, rule=rule, errors=error_list(form))


def _link_problem(reason: str):
    status = 404 if reason == "wrong" else 410
    return render_template("auth/reminder-link-problem.html", reason=reason), status


@bp.route("/account/reminders", methods=["GET", "POST"])
def reminder_choices():
    user = current_user._get_current_object()
    rules = schedule_from(current_app.config)
    optional = [rule for rule in rules if rule.optional]
    form = ReminderChoicesForm()
    form.wanted.choices = [SelectChoice(rule.name, rule.description.capitalize()) for rule in optional]
    if form.validate_on_submit():
        set_reminders(db.session, user.id, rules, set(form.wanted.data or []))
        db.session.commit()
        flash("Your reminder choices have been saved", "success")
        return redirect(url_for("auth.reminder_choices"))
    off = turned_off(db.session, user.id)
    if not form.is_submitted():
        form.wanted.data = [] if ALL_OPTIONAL in off else [rule.name for rule in optional if rule.name not in off]
    required = [rule for rule in rules if rule.required]
    return render_template("auth/reminder-choices.html", form=form, required=required, errors=error_list(form))
