"""`flask users create`: the password from standard input, never the command line."""

from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import User
from webapp.queries.people import find_user_by_email


def test_users_create_reads_the_password_from_standard_input(runner):
    result = runner.invoke(
        args=["users", "create", "Dana@Example.gov.uk", "--name", "Dana Whitfield", "--admin"],
        input="a long enough password\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created dana@example.gov.uk (admin)" in result.output
    user = find_user_by_email(db.session, "dana@example.gov.uk")
    assert user.is_admin and not user.is_author and user.check_password("a long enough password")


def test_users_create_refuses_a_short_password_and_a_duplicate(runner):
    short = runner.invoke(args=["users", "create", "a@example.gov.uk", "--name", "A"], input="short\n")
    assert short.exit_code != 0 and "Password must be 12 characters or more" in short.output
    runner.invoke(
        args=["users", "create", "a@example.gov.uk", "--name", "A", "--author"], input="a long enough password\n"
    )
    again = runner.invoke(args=["users", "create", "a@example.gov.uk", "--name", "A"], input="a long enough password\n")
    assert again.exit_code != 0 and "already exists" in again.output
    assert db.session.scalar(select(func.count()).select_from(User)) == 1
