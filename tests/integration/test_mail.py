"""Email through a real SMTP server (aiosmtpd on 127.0.0.1, tests/helpers/smtp.py): what arrives, and retries."""

import logging
import socket

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.mail_values import sample_values
from tests.helpers.smtp import mail_config
from webapp.mail import KINDS, MailNotSent, send_email

TO = "sam.jones@example.gov.uk"
LINK = "http://127.0.0.1:5000/confirm-email/S3cr3t-T0ken"
SUBJECTS = {
    "confirm_email": "Confirm your email address for Data Day",
    "activate_account": "Set up your Data Day account",
    "already_registered": "You already have a Data Day account",
    "reset_password": "Reset your Data Day password",
    "reminder_before_end": "30 days left to finish your data training",
    "reminder_not_started": "You have not started your data training for 2027",
    "reminder_year_missed": "You did not finish your data training for 2027",
    "reminder_manager_digest": "Data training for 2027: who has not finished",
}


@pytest.fixture
def config(mailbox):
    return mail_config(**mailbox.settings)


def send(config, kind="confirm_email", to=TO, name="Sam Jones"):
    send_email(config, to, kind, **sample_values(kind, name=name, link=LINK, hours="24 hours"))


def test_every_kind_of_message_has_its_own_subject():
    assert set(SUBJECTS) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_arrives_addressed_from_the_service_with_its_link(config, mailbox, kind):
    send(config, kind)

    [message] = mailbox.messages_to(TO)
    assert message["From"] == config["MAIL_FROM"]
    assert message["To"] == TO
    assert message["Subject"] == SUBJECTS[kind]
    assert "Sam Jones" in message.get_content()
    assert mailbox.last_link_to(TO) == LINK


@pytest.mark.parametrize("kind", ["confirm_email", "activate_account", "reset_password"])
def test_a_message_with_an_expiring_link_says_how_long_it_works(config, mailbox, kind):
    send(config, kind)

    assert "The link works for 24 hours." in mailbox.messages_to(TO)[0].get_content()


def test_a_server_that_is_busy_once_gets_the_message_on_the_second_attempt(config, mailbox, caplog):
    mailbox.refuse_next(1)

    send(config)

    assert mailbox.last_link_to(TO) == LINK
    assert [record.levelname for record in caplog.records if record.name == "webapp.mail"] == ["WARNING"]


def test_a_server_that_refuses_every_attempt_raises_and_logs_without_the_link(config, mailbox, caplog):
    mailbox.refuse_next(config["MAIL_SEND_ATTEMPTS"])

    with caplog.at_level(logging.WARNING, logger="webapp.mail"), pytest.raises(MailNotSent):
        send(config, "reset_password")

    logged = [record.getMessage() for record in caplog.records if record.name == "webapp.mail"]
    assert len(logged) == config["MAIL_SEND_ATTEMPTS"]
    assert all("reset_password" in line and "example.gov.uk" in line and "451" in line for line in logged)
    assert "S3cr3t" not in caplog.text
    assert "sam.jones" not in caplog.text
    assert mailbox.messages == []


def test_no_server_listening_raises_mail_not_sent(config):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))  # bound but not listening: connections are refused
        with pytest.raises(MailNotSent):
            send({**config, "SMTP_PORT": closed.getsockname()[1]})


def test_an_address_with_a_line_break_is_refused_before_sending(config, mailbox):
    with pytest.raises(ValueError):
        send(config, to=f"{TO}\r\nBcc: everyone@example.gov.uk")

    assert mailbox.messages == []


def test_an_unknown_backend_names_the_setting(config):
    with pytest.raises(ValueError, match="MAIL_BACKEND must be one of folder, notify, smtp, not 'pigeon'"):
        send({**config, "MAIL_BACKEND": "pigeon"})


def test_an_unknown_kind_is_refused(config):
    with pytest.raises(ValueError, match="No email of kind 'welcome'"):
        send(config, "welcome")


def test_a_missing_value_is_named(config):
    with pytest.raises(ValueError, match="needs a value for 'link'"):
        send_email(config, TO, "reset_password", name="Sam", hours="1 hour")


names = st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=80)


@given(name=names)
def test_any_name_arrives_exactly_as_written(smtp_server, name):
    # smtp_server (session-wide) rather than mailbox: Hypothesis runs many examples in one test.
    smtp_server.clear()

    send(mail_config(**smtp_server.settings), name=name)

    [message] = smtp_server.messages
    assert f"Hello {name},\n" in message.get_content()
