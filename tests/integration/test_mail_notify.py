"""Email through GOV.UK Notify's client, against a local stand-in for Notify (tests/helpers/notify_standin.py).

The stand-in is not Notify: it checks the client's signed token and the request's shape as Notify documents
them, so these tests show the backend sends the right template and values with a correctly signed request.
"""

import time
import uuid

import jwt
import pytest

from tests.helpers.mail_values import sample_values
from tests.helpers.notify_standin import NotifyStandIn, make_api_key, token_problem
from tests.helpers.smtp import mail_config
from webapp.mail import KINDS, MailNotSent, send_email

TO = "sam.jones@example.gov.uk"
VALUES = {"name": "Sam Jones", "link": "https://data-day.example.gov.uk/reset-password/S3cr3t", "hours": "1 hour"}
TEMPLATES = {kind: str(uuid.uuid4()) for kind in KINDS}


@pytest.fixture
def notify():
    standin = NotifyStandIn(make_api_key())
    standin.start()
    yield standin
    standin.stop()


def notify_config(standin, **overrides):
    settings = {"NOTIFY_API_KEY": standin.api_key, "NOTIFY_BASE_URL": standin.url, "NOTIFY_TEMPLATES": TEMPLATES}
    return mail_config(MAIL_BACKEND="notify", **{**settings, **overrides})


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_uses_its_template_with_the_messages_values(notify, kind):
    values = sample_values(kind, **VALUES)
    send_email(notify_config(notify), TO, kind, **values)

    [accepted] = notify.accepted
    assert accepted.template_id == TEMPLATES[kind]
    assert accepted.email_address == TO
    assert accepted.personalisation == values


@pytest.mark.parametrize(
    "wrong_key",
    [
        pytest.param(lambda key: key[:-36] + str(uuid.uuid4()), id="wrong secret"),
        pytest.param(lambda key: key[:-73] + str(uuid.uuid4()) + key[-37:], id="wrong service id"),
    ],
)
def test_a_key_notify_would_refuse_raises_mail_not_sent(notify, caplog, wrong_key):
    config = notify_config(notify, NOTIFY_API_KEY=wrong_key(notify.api_key))

    with pytest.raises(MailNotSent):
        send_email(config, TO, "reset_password", **VALUES)

    assert notify.accepted == []
    assert "HTTPError 403" in caplog.text
    assert "S3cr3t" not in caplog.text


def test_a_kind_without_a_template_names_the_setting_to_add(notify):
    config = notify_config(notify, NOTIFY_TEMPLATES={"confirm_email": TEMPLATES["confirm_email"]})

    with pytest.raises(ValueError, match="Set NOTIFY_TEMPLATE_RESET_PASSWORD to the GOV.UK Notify template id"):
        send_email(config, TO, "reset_password", **VALUES)

    assert notify.accepted == []


def test_no_api_key_names_the_setting(notify):
    with pytest.raises(ValueError, match="Set NOTIFY_API_KEY"):
        send_email(notify_config(notify, NOTIFY_API_KEY=None), TO, "reset_password", **VALUES)


def test_the_standin_refuses_a_token_issued_more_than_30_seconds_ago():
    key = make_api_key()
    stale = jwt.encode({"iss": key[-73:-37], "iat": int(time.time()) - 60}, key[-36:], algorithm="HS256")

    assert token_problem(f"Bearer {stale}", key) == "Error: Your system clock must be accurate to within 30 seconds"
