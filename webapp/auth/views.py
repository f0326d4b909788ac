"""Start page, sign in and out."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.exceptions import TooManyRequests

from webapp.auth import bp
from webapp.auth.forms import SignInForm
from webapp.extensions import db
from webapp.identity.passwords import password_matches
from webapp.queries.people import can_use_password, find_user_by_email
from webapp.web.audit import audit
from webapp.web.errors import error_page
from webapp.web.limits import limited, sign_in_limits
from webapp.web.redirects import safe_next
from webapp.web.sign_in import end_session, start_session


@bp.get("/")
def start():
    if current_user.is_authenticated:
        return redirect(url_for("learn.catalogue"))
    return render_template("auth/start.html")


@bp.get("/accessibility")
def accessibility():
    return render_template("auth/accessibility.html")


@bp.route("/sign-in", methods=["GET", "POST"])
@limited(sign_in_limits)
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        user = find_user_by_email(db.session, form.email.data)
        # The password is checked before anything about the account, the same way for every account.
        matches = password_matches(user.password_hash if user else None, form.password.data)
        if user and matches and can_use_password(user, **password_rules()):
            start_session(user, method="password", remember=form.remember.data)
            return redirect(safe_next(request.args.get("next")))
        audit("sign_in_failed", subject=user)
        db.session.commit()
        form.email.errors.append("Enter a correct email address and password")
    return render_sign_in(form)


def password_rules() -> dict:
    config = current_app.config
    return {"passwords_enabled": config["PASSWORDS_ENABLED"], "break_glass_emails": config["BREAK_GLASS_EMAILS"]}


def render_sign_in(form: SignInForm, locked_message: str | None = None):
    config = current_app.config
    return render_template(
        "auth/sign-in.html",
        form=form,
        locked_message=locked_message,
        sso_button=config["OIDC_BUTTON_TEXT"] if config["OIDC_ISSUER"] else None,
        passwords_enabled=config["PASSWORDS_ENABLED"],
    )


@bp.errorhandler(429)
def too_many_attempts(error: TooManyRequests):
    """Sign-in says how long to wait on its own page; anything else here gets the usual one."""
    if request.endpoint != "auth.sign_in":
        return error_page(error)
    email = request.form.get("email") or ""
    typed = email.isprintable() and len(email) <= 254  # a NUL or a megabyte is not worth a look-up
    audit("locked_out", subject=find_user_by_email(db.session, email) if typed else None)
    db.session.commit()
    message = "You have tried to sign in too many times. Wait 15 minutes, then try again."
    return render_sign_in(SignInForm(), message), 429


@bp.post("/sign-out")
def sign_out():
    end_session()
    flash("You have signed out", "success")
    return redirect(url_for("auth.sign_in"))
