"""The development backend: each email is an .eml file in MAIL_FOLDER, and its link is printed to follow offline."""

from email import message_from_bytes, policy

from tests.helpers.smtp import mail_config
from webapp.mail import send_email

LINK = "http://127.0.0.1:5000/activate/S3cr3t"


def test_an_email_is_saved_as_a_readable_file_and_its_link_printed(tmp_path, capsys):
    folder = tmp_path / "instance" / "mail"  # not there yet: the backend makes it
    config = mail_config(MAIL_BACKEND="folder", MAIL_FOLDER=str(folder))

    send_email(config, "sam.jones@example.gov.uk", "activate_account", name="Sam Jones", link=LINK, hours="24 hours")

    [saved] = folder.glob("*.eml")
    message = message_from_bytes(saved.read_bytes(), policy=policy.default)
    assert message["To"] == "sam.jones@example.gov.uk"
    assert message["Subject"] == "Set up your Data Day account"
    assert LINK in message.get_content()
    printed = capsys.readouterr().err
    assert printed == f'Email to sam.jones@example.gov.uk: "Set up your Data Day account" — open {LINK}\n'


def test_two_emails_in_the_same_second_are_two_files(tmp_path):
    config = mail_config(MAIL_BACKEND="folder", MAIL_FOLDER=str(tmp_path))

    for _ in range(2):
        send_email(config, "sam.jones@example.gov.uk", "reset_password", name="Sam", link=LINK, hours="1 hour")

    assert len(list(tmp_path.glob("*reset_password*.eml"))) == 2
