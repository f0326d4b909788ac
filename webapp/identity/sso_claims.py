"""Who the identity provider says is signing in, or why its claims are not enough to let them in."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from webapp.identity.emails import email_domain_allowed, normalise_email
from webapp.identity.sso_refusals import (
    DOMAIN_NOT_ALLOWED,
    EMAIL_MISSING,
    EMAIL_UNVERIFIED,
    NO_SUBJECT,
    STAFF_NUMBER_MISSING,
    Refusal,
)

BY_EMAIL = "email"
BY_STAFF_NUMBER = "staff_number"
# The columns these end up in (users.sso_subject, .email, .staff_number, .name): anything longer is refused or cut.
MAX_SUBJECT, MAX_EMAIL, MAX_STAFF_NUMBER, MAX_NAME = 255, 254, 40, 200


@dataclass(frozen=True)
class ClaimRules:
    identify_by: str  # BY_EMAIL or BY_STAFF_NUMBER
    staff_number_claim: str
    allowed_domains: list[str]


@dataclass(frozen=True)
class Claimant:
    """The person the provider vouches for."""

    subject: str  # the provider's "sub": stable for this person at this provider
    name: str
    verified_email: str | None  # normalised, and only when the provider says it has proved the mailbox
    staff_number: str | None  # only when identifying by staff number
    may_have_account: bool  # a verified email in an allowed domain: enough to make an account for someone new


def identify(claims: Mapping[str, Any], rules: ClaimRules) -> Claimant | Refusal:
    subject = _text(claims.get("sub"), MAX_SUBJECT)
    if subject is None:
        return NO_SUBJECT
    email = _text(claims.get("email"), MAX_EMAIL)
    email = normalise_email(email) if email and "@" in email else None
    # Only a JSON true: a provider that says "false", or nothing, has not proved the mailbox.
    verified_email = email if claims.get("email_verified") is True else None
    allowed = verified_email is not None and email_domain_allowed(verified_email, rules.allowed_domains)
    staff_number = None
    if rules.identify_by == BY_STAFF_NUMBER:
        staff_number = _text(claims.get(rules.staff_number_claim), MAX_STAFF_NUMBER)
        if staff_number is None:
            return STAFF_NUMBER_MISSING
    elif email is None:
        return EMAIL_MISSING
    elif verified_email is None:
        return EMAIL_UNVERIFIED
    elif not allowed:
        return DOMAIN_NOT_ALLOWED
    return Claimant(subject, _name(claims, email), verified_email, staff_number, allowed)


def _text(value: Any, longest: int) -> str | None:
    """A claim as non-empty text that fits its column; numbers count (some directories send staff numbers as them)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if 0 < len(value) <= longest and "\x00" not in value else None


def _name(claims: Mapping[str, Any], email: str | None) -> str:
    given, family = _text(claims.get("given_name"), MAX_NAME), _text(claims.get("family_name"), MAX_NAME)
    whole = " ".join(part for part in (given, family) if part)
    name = _text(claims.get("name"), 10_000) or whole or (email or "").partition("@")[0]
    return name[:MAX_NAME] or "Unknown"
