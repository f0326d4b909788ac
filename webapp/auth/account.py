"""Your account: where you are signed in, signing out everywhere, and changing your password."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from webapp.auth import bp
from webapp.auth.forms import ChangePasswordForm
from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.identity.tokens import token_digest
from webapp.queries.sign_in_sessions import end_all_sign_in_sessions, open_sign_in_sessions
from webapp.web.audit import audit
from webapp.web.form_fields import GovForm
from webapp.web.limits import limited, secret_limits
from webapp.web.sign_in import end_session


@bp.get("/account")
def account():
    user = current_user._get_current_object()
    return render_template(
        "auth/account.html",
        devices=open_sign_in_sessions(db.session, user.id, utcnow()),
        this_device_hash=token_digest(user.session_token or ""),
        form=GovForm(),
    )


@bp.post("/account/sign-out-everywhere")
def sign_out_everywhere():
    """Ends every session of this person, this one included: a lost laptop or a shared computer."""
    if GovForm().validate_on_submit():
        user = current_user._get_current_object()
        ended = end_all_sign_in_sessions(db.session, user.id, utcnow())
        audit("sessions_ended", subject=user, count=ended, reason="signed out everywhere")
        db.session.commit()
        end_session()
        flash("You have signed out on every device", "success")
    return redirect(url_for("auth.sign_in"))


@bp.route("/account/password", methods=["GET", "POST"])
@limited(secret_limits)
def change_password():
    user = current_user._get_current_object()
    form = ChangePasswordForm(user.name, user.email)
    if form.validate_on_submit():
        if not user.check_password(form.current.data):
            form.current.errors.append("Your current password is not correct")
        else:
            user.set_password(form.password.data)
            ended = end_all_sign_in_sessions(db.session, user.id, utcnow(), keep_token=user.session_token)
            audit("password_changed", subject=user, other_sessions_ended=ended)
            db.session.commit()
            flash("Your password has been changed. You have been signed out on your other devices.", "success")
            return redirect(url_for("auth.account"))
    return render_template("auth/change-password.html", form=form)
