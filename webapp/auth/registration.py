"""Creating an account and choosing a password, both through a link emailed to the address: nobody sets a
password on a mailbox they do not own. The pages answer the same whether or not an address has an account."""

from flask import abort, current_app, flash, redirect, render_template, session, url_for

from webapp.auth import bp
from webapp.auth.forms import ChoosePasswordForm, EmailLinkForm, RegisterForm
from webapp.auth.views import password_rules
from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.models.people import User
from webapp.queries.email_links import usable_email_link, use_email_link
from webapp.queries.people import find_user_by_email, passwords_allowed, register_person
from webapp.queries.sign_in_sessions import end_all_sign_in_sessions
from webapp.web.account_emails import send_account_email
from webapp.web.audit import audit
from webapp.web.limits import email_limits, limited, secret_limits
from webapp.web.sign_in import start_session


def require_passwords() -> None:
    if not current_app.config["PASSWORDS_ENABLED"]:
        abort(404)  # single sign-on only: nobody registers or resets a password here


@bp.route("/register", methods=["GET", "POST"])
@limited(email_limits)
def register():
    require_passwords()
    form = RegisterForm(current_app.config["ALLOWED_EMAIL_DOMAINS"])
    if form.validate_on_submit():
        user = find_user_by_email(db.session, form.email.data)
        if user is None:
            user = register_person(db.session, form.email.data, form.name.data)
            audit("registered", subject=user)
            send_account_email(user, "confirm_email")
        elif user.active:
            send_account_email(user, "already_registered" if user.is_activated else "activate_account")
        return link_sent(form.email.data, "register")
    return render_template("auth/register.html", form=form)


@bp.route("/forgot-password", methods=["GET", "POST"])
@limited(email_limits)
def forgot_password():
    return email_link_page("forgot")


@bp.route("/resend-link", methods=["GET", "POST"])
@limited(email_limits)
def resend_link():
    return email_link_page("resend")


def email_link_page(journey: str):
    """Someone with an account gets the link they need: a new password if they have one, a first one if not."""
    require_passwords()
    form = EmailLinkForm()
    if form.validate_on_submit():
        user = find_user_by_email(db.session, form.email.data)
        if user is not None and user.active:
            send_account_email(user, "reset_password" if user.is_activated else "activate_account")
        return link_sent(form.email.data, journey)
    return render_template("auth/email-link.html", form=form, journey=journey)


def link_sent(email: str, journey: str):
    session["link_sent"] = {"email": email.strip().lower(), "journey": journey}
    return redirect(url_for("auth.check_email"))


@bp.get("/check-your-email")
def check_email():
    sent = session.get("link_sent")
    if not sent:
        return redirect(url_for("auth.sign_in"))
    return render_template("auth/check-email.html", email=sent["email"], journey=sent["journey"])


@bp.route("/set-password/<token>", methods=["GET", "POST"])
@limited(secret_limits)
def set_password(token: str):
    """Opening the link changes nothing (mail scanners open links); saving the password uses it up."""
    link = usable_email_link(db.session, token[:100], utcnow())
    if link is None:
        return render_template("auth/link-expired.html"), 404
    user = db.session.get(User, link.user_id)
    if not passwords_allowed(user, **password_rules()):
        abort(404)
    form = ChoosePasswordForm(user.name, user.email)
    if form.validate_on_submit():
        now = utcnow()
        if not use_email_link(db.session, link, now):
            db.session.rollback()
            return render_template("auth/link-expired.html"), 404
        if not user.is_activated:
            user.email_confirmed_at = now
            audit("email_proved", actor=user, subject=user)
        user.set_password(form.password.data)
        audit("password_set" if link.purpose == "activate" else "password_reset", actor=user, subject=user)
        ended = end_all_sign_in_sessions(db.session, user.id, now)
        if ended:
            audit("sessions_ended", actor=user, subject=user, count=ended, reason="password changed")
        start_session(user, method="password")
        flash("Your password has been saved", "success")
        return redirect(url_for("learn.catalogue"))
    return render_template("auth/choose-password.html", form=form, purpose=link.purpose, person=user)
