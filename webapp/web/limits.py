"""Rate limits for pages that check a secret or send email: per address (Flask-Limiter's default key) and per
email address typed, read from the same form body the page reads. Shared by sign-in, registration and single sign-on."""

import hashlib

from flask import current_app, request
from flask_login import current_user

from webapp.extensions import limiter


def _typed_email_key(prefix: str):
    def key() -> str:
        # A digest: whatever was typed (a null character, a megabyte) makes a key the counters' table can store.
        email = (request.form.get("email") or "").strip().lower()
        return prefix + hashlib.sha256(email.encode("utf-8", "surrogatepass")).hexdigest()

    return key


def _failed(response) -> bool:
    # Only failed attempts use up the allowance: a successful one redirects.
    return response.status_code != 302


def _setting(name: str):
    return lambda: current_app.config[name]


def failures_per_address(methods: list[str] | None = None):
    """Failed attempts from one address use up LOGIN_LIMIT_PER_ADDRESS (all methods unless told)."""
    return limiter.limit(_setting("LOGIN_LIMIT_PER_ADDRESS"), methods=methods, deduct_when=_failed)


sign_in_limits = [
    failures_per_address(["POST"]),
    limiter.limit(
        _setting("LOGIN_LIMIT_PER_ACCOUNT"),
        key_func=_typed_email_key("account:"),
        methods=["POST"],
        deduct_when=_failed,
    ),
]
# Every post sends (or looks as if it sends) an email, so every post counts.
email_limits = [
    limiter.limit(_setting("EMAIL_LIMIT_PER_ADDRESS"), methods=["POST"]),
    limiter.limit(_setting("EMAIL_LIMIT_PER_EMAIL"), key_func=_typed_email_key("mailto:"), methods=["POST"]),
]
secret_limits = [failures_per_address(["POST"])]


def _wrong_code(response) -> bool:
    return response.status_code in (404, 410)  # not found, or revoked


# Certificate verification codes: wrong ones from an address, typed in the form or in the address bar, share one
# allowance, so codes cannot be found by guessing. Once it is used up, right codes wait too.
verify_limits = [
    limiter.shared_limit(_setting("LOGIN_LIMIT_PER_ADDRESS"), scope="verify-certificate", deduct_when=_wrong_code)
]


# A PDF takes the best part of a second of a worker to make: one person cannot keep the workers busy with them.
pdf_limits = [
    limiter.shared_limit(_setting("PDF_LIMIT_PER_PERSON"), scope="pdf", key_func=lambda: f"person:{current_user.id}")
]


def limited(limits):
    def decorate(view):
        for limit in reversed(limits):
            view = limit(view)
        return view

    return decorate
