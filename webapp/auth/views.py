"""Start page, sign in and out, self-registration."""

import hashlib

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.exceptions import TooManyRequests

from webapp.auth import bp
from webapp.auth.forms import RegisterForm, SignInForm
from webapp.extensions import db, limiter
from webapp.identity.passwords import verify_dummy_password
from webapp.queries.people import AccountExists, create_user, find_user_by_email
from webapp.web.errors import error_page
from webapp.web.sign_in import end_session, start_session


def _account_key() -> str:
    # A digest: whatever was typed (a null character, a megabyte) makes a key the counters' table can store.
    email = (request.form.get("email") or "").strip().lower()
    return "account:" + hashlib.sha256(email.encode("utf-8", "surrogatepass")).hexdigest()


def _failed(response) -> bool:
    # Only failed attempts use up the allowance: a successful sign-in redirects.
    return response.status_code != 302


@bp.get("/")
def start():
    if current_user.is_authenticated:
        return redirect(url_for("learn.catalogue"))
    return render_template("auth/start.html")


@bp.get("/accessibility")
def accessibility():
    return render_template("auth/accessibility.html")


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"], methods=["POST"], deduct_when=_failed)
@limiter.limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"], key_func=_account_key, methods=["POST"], deduct_when=_failed
)
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        user = find_user_by_email(db.session, form.email.data)
        if user is None:
            verify_dummy_password(form.password.data)
        if user and user.active and user.check_password(form.password.data):
            start_session(user, method="password", remember=form.remember.data)
            return redirect(_safe_next(request.args.get("next")))
        form.email.errors.append("Enter a correct email address and password")
    return render_template("auth/sign-in.html", form=form)


@bp.errorhandler(429)
def too_many_attempts(error: TooManyRequests):
    """Sign-in says how long to wait on its own page; anything else here gets the usual one."""
    if request.endpoint != "auth.sign_in":
        return error_page(error)
    form = SignInForm()
    message = "You have tried to sign in too many times. Wait 15 minutes, then try again."
    return render_template("auth/sign-in.html", form=form, locked_message=message), 429


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm(current_app.config["ALLOWED_EMAIL_DOMAINS"])
    if form.validate_on_submit():
        try:
            user = create_user(db.session, form.email.data, form.name.data, form.password.data)
        except AccountExists:
            form.email.errors.append("An account already exists for this email address: sign in instead")
        else:
            db.session.commit()
            start_session(user, method="password")
            flash("Your account has been created", "success")
            return redirect(url_for("learn.catalogue"))
    return render_template("auth/register.html", form=form)


@bp.post("/sign-out")
def sign_out():
    end_session()
    flash("You have signed out", "success")
    return redirect(url_for("auth.sign_in"))


def _safe_next(target: str | None) -> str:
    """Only follow local paths, never another site (open-redirect protection)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("learn.catalogue")
