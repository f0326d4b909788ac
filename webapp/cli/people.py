"""`flask people import` (the HR file) and `flask people reporting` (the department reporting role)."""

import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from webapp.cli.progress import print_progress
from webapp.extensions import db
from webapp.models.people import Department
from webapp.queries.hr_import import import_hr_file
from webapp.queries.people import find_user_by_email

group = AppGroup("people", help="The organisation: people, departments, grades and line managers.")


@group.command("import")
@click.argument("csv_file", type=click.File("rb"))
@click.option("--partial", is_flag=True, help="Only add and change the people in the file; deactivate no one.")
def hr_import_command(csv_file, partial: bool) -> None:
    """Import people from an HR export (CSV, UTF-8). Checks every row first; applies all of it or nothing."""
    result = import_hr_file(db.session, csv_file.read(), full=not partial, report=print_progress)
    if not result.ok:
        db.session.rollback()
        for problem in result.problems:
            click.echo(f"{csv_file.name}: {problem}", err=True)
        click.echo(f"Nothing was imported: {len(result.problems)} problem(s) to fix first.", err=True)
        sys.exit(1)
    db.session.commit()
    click.echo(f"Imported: {result.summary()}")


@group.command("reporting")
@click.argument("email")
@click.option("--department", help="The department whose figures they may see.")
@click.option("--remove", is_flag=True, help="Take the reporting role away.")
def reporting_command(email: str, department: str | None, remove: bool) -> None:
    """Give someone the reporting role for a department (or take it away)."""
    person = find_user_by_email(db.session, email)
    if person is None:
        raise click.ClickException(f"no one has the email address {email}")
    if remove:
        person.reports_on_department_id = None
    else:
        found = db.session.scalar(select(Department).where(Department.name == department)) if department else None
        if found is None:
            raise click.ClickException(f"no department is called {department!r}: import the HR file first")
        person.reports_on_department_id = found.id
    db.session.commit()
    click.echo(f"{person.email} {'no longer reports' if remove else 'reports'} on {department or 'any department'}")
