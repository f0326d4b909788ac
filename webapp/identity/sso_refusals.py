"""Every reason single sign-on can turn someone away: a code for the audit log, and the words they are shown."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Refusal:
    reason: str  # the audit log's "reason" detail
    message: str  # what the person reads under "You cannot sign in with your department account"
    status: int = 403  # 403: we know who they are and say no; 400: the sign-in itself went wrong


_TRY_AGAIN = "Go back to the sign-in page and try again."
_IT_DESK = "Contact your IT service desk."

# What the claims say about the person.
NO_SUBJECT = Refusal("no_subject", f"Your department's sign-in service did not say who you are. {_IT_DESK}")
EMAIL_MISSING = Refusal(
    "email_missing", f"Your department's sign-in service did not give us your email address. {_IT_DESK}"
)
EMAIL_UNVERIFIED = Refusal(
    "email_unverified",
    f"Your department's sign-in service has not confirmed that your email address is yours. {_IT_DESK}",
)
DOMAIN_NOT_ALLOWED = Refusal("domain_not_allowed", "Your email address is not one that can use this service.")
STAFF_NUMBER_MISSING = Refusal(
    "staff_number_missing", f"Your department's sign-in service did not give us your staff number. {_IT_DESK}"
)

# What our records say about them.
NOT_IN_HR = Refusal(
    "not_in_hr",
    "There is no account for you. Accounts are made from your department's HR records: "
    "ask your department's administrator for this service to add you.",
)
DEACTIVATED = Refusal(
    "deactivated", "Your account has been closed. Ask your department's administrator for this service to reopen it."
)
LINKED_TO_SOMEONE_ELSE = Refusal(
    "linked_to_another_subject",
    "Your account is already linked to a different department account. "
    "Ask your department's administrator for this service to check it.",
)

# What went wrong with the sign-in itself.
STATE_MISMATCH = Refusal("state_mismatch", f"Your sign-in expired or was started somewhere else. {_TRY_AGAIN}", 400)
ID_TOKEN_INVALID = Refusal("id_token_invalid", f"We could not check your sign-in. {_TRY_AGAIN}", 400)
PROVIDER_ERROR = Refusal("provider_error", f"Your department's sign-in service did not sign you in. {_TRY_AGAIN}", 400)
PROVIDER_UNREACHABLE = Refusal(
    "provider_unreachable", "Your department's sign-in service is not answering. Try again later.", 400
)
