"""Single sign-on: off to the department's OpenID provider, and back with who the person is."""

from collections.abc import Mapping
from typing import Any

from flask import abort, current_app, jsonify, redirect, render_template, request, session, url_for

from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.identity.sso_claims import ClaimRules, identify
from webapp.identity.sso_refusals import PROVIDER_UNREACHABLE, Refusal
from webapp.queries.sso_accounts import sso_account
from webapp.sso import bp
from webapp.sso.provider import UNREACHABLE, client_key, department, provider_claims
from webapp.web.audit import audit
from webapp.web.limits import failures_per_address
from webapp.web.redirects import safe_next
from webapp.web.sign_in import start_session

NEXT = "sso_next"  # where to go after signing in, kept in the session across the trip to the provider


@bp.get("/sign-in/sso")
def start():
    client = department()
    session[NEXT] = safe_next(request.args.get("next"))
    try:
        return client.authorize_redirect(url_for("sso.callback", _external=True))
    except UNREACHABLE:  # the discovery document is read on first use
        return _refused(PROVIDER_UNREACHABLE)


@bp.get("/sign-in/sso/callback")
# Failed callbacks count against the address, as failed password sign-ins do: each one writes an audit entry.
@failures_per_address()
def callback():
    claims = provider_claims(department())
    if isinstance(claims, Refusal):
        return _refused(claims)
    config = current_app.config
    rules = ClaimRules(config["OIDC_IDENTIFY_BY"], config["OIDC_STAFF_NUMBER_CLAIM"], config["OIDC_ALLOWED_DOMAINS"])
    claimant = identify(claims, rules)
    if isinstance(claimant, Refusal):
        return _refused(claimant, claims)
    account = sso_account(
        db.session,
        claimant,
        identify_by=rules.identify_by,
        create_people=config["OIDC_CREATE_PEOPLE"],
        now=utcnow(),
    )
    if isinstance(account, Refusal):
        return _refused(account, claims)
    if account.created:
        audit("registered", actor=account.user, subject=account.user, method="sso")
    if account.linked:
        audit("sso_linked", actor=account.user, subject=account.user, sub=claimant.subject)
    target = session.pop(NEXT, None) or url_for("learn.catalogue")
    start_session(account.user, method="sso")
    return redirect(target)


@bp.get("/sign-in/sso/jwks.json")
def jwks():
    """The public half of the key our token requests are signed with, for providers that read it from a URL."""
    key = client_key()
    if key is None:
        abort(404)
    response = jsonify(key.public_jwks())
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response


def _refused(refusal: Refusal, claims: Mapping[str, Any] | None = None):
    db.session.rollback()
    claims = claims or {}
    email, subject = claims.get("email"), claims.get("sub")
    audit(
        "sso_refused",
        subject_email=email[:254] if isinstance(email, str) else None,
        reason=refusal.reason,
        sub=subject[:255] if isinstance(subject, str) else None,
    )
    db.session.commit()
    return render_template("sso/problem.html", refusal=refusal), refusal.status
