"""The "stop these reminders" link in each optional reminder: signed, for this purpose only, time-limited,
and naming the one message it came in (whose row records its use, so it works once)."""

from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

# A salt for this purpose alone: a token signed for anything else (a session, another link) is refused.
SALT = "data-day.reminders.stop-link"
PERSON, MANAGER = "p", "m"  # the row the message was sent from: ReminderSent or ManagerDigest


class LinkProblem(ValueError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "wrong" or "expired"


@dataclass(frozen=True)
class StopLink:
    person_id: int
    rule: str
    sent_as: str  # PERSON or MANAGER
    row_id: int


def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=SALT)


def stop_token(secret: str, link: StopLink) -> str:
    return _serializer(secret).dumps([link.person_id, link.rule, link.sent_as, link.row_id])


def read_stop_token(secret: str, token: str, max_age_days: int) -> StopLink:
    try:
        data = _serializer(secret).loads(token, max_age=max_age_days * 86_400)
    except SignatureExpired:
        raise LinkProblem("expired") from None
    except BadSignature:
        raise LinkProblem("wrong") from None
    # Signed by us, so well formed; checked anyway, as a changed secret's old format would be.
    if not (isinstance(data, list) and len(data) == 4 and data[2] in (PERSON, MANAGER)):
        raise LinkProblem("wrong")
    person_id, rule, sent_as, row_id = data
    if not (isinstance(person_id, int) and isinstance(row_id, int) and isinstance(rule, str)):
        raise LinkProblem("wrong")
    return StopLink(person_id, rule, sent_as, row_id)
