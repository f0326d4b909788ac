"""`flask users create`: accounts for administrators and course authors."""

import sys

import click
from flask.cli import AppGroup

from webapp.extensions import db
from webapp.identity.password_policy import password_problem
from webapp.queries.people import AccountExists, create_user
from webapp.web.audit import audit

group = AppGroup("users", help="Manage accounts.")


@group.command("create")
@click.argument("email")
@click.option("--name", required=True, help="The person's full name.")
@click.option("--admin", is_flag=True, help="Can manage the service.")
@click.option("--author", is_flag=True, help="Can see content checks and author tools.")
def create_user_command(email: str, name: str, admin: bool, author: bool) -> None:
    """Create an account; the password is read from standard input (one line)."""
    password = _read_password()
    problem = password_problem(password, name=name, email=email)
    if problem:
        raise click.ClickException(problem)
    try:
        user = create_user(db.session, email, name, password, is_admin=admin, is_author=author)
    except AccountExists as error:
        raise click.ClickException(str(error)) from error
    for role, on in (("admin", admin), ("author", author)):
        if on:
            audit("role_granted", subject=user, role=role)
    db.session.commit()
    roles = ", ".join(role for role, on in (("admin", admin), ("author", author)) if on) or "learner"
    click.echo(f"Created {user.email} ({roles})")


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")
