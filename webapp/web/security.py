"""Security headers, CSP nonce and sign-in sessions."""

from flask import Flask, request
from flask_login import current_user

from webapp.extensions import login_manager, talisman

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "'self'",
    "worker-src": "'none'",  # only the notebook site under /lite runs workers (see static_files)
    "frame-ancestors": "'self'",
    "form-action": "'self'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


def init_app(app: Flask) -> None:
    production = app.config["PRODUCTION"]
    talisman.init_app(
        app,
        content_security_policy=CSP,
        content_security_policy_nonce_in=["script-src"],
        force_https=production,
        strict_transport_security=production,
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        session_cookie_http_only=True,
        frame_options="SAMEORIGIN",
        referrer_policy="strict-origin-when-cross-origin",
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()"},
    )
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to continue."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    login_manager.init_app(app)
    from webapp.web import sign_in  # noqa: F401  (registers the user loader)

    app.before_request(_require_sign_in)


# Everything else needs a signed-in person: new routes are private unless listed here.
PUBLIC_ENDPOINTS = {
    "auth.start",
    "auth.sign_in",
    "auth.register",
    "auth.forgot_password",
    "auth.resend_link",
    "auth.check_email",
    "auth.set_password",
    "health.healthz",
    "health.favicon",
    "auth.accessibility",
    "auth.stop_reminders",  # the link in a reminder email: its signed token says whose reminders to stop
    *("record.verify_form", "record.verify_code"),  # checking a certificate: anyone holding its code
    *("sso.start", "sso.callback", "sso.jwks"),  # single sign-on: 404 unless OIDC_ISSUER is set
}


def _require_sign_in():
    if request.endpoint in PUBLIC_ENDPOINTS or request.endpoint is None:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None
