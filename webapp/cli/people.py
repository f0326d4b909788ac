"""`flask people import` (the HR file), `flask people invite` (emails to set up accounts) and
`flask people reporting` (the department reporting role)."""

import hashlib
import sys
from datetime import timedelta

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from webapp.cli.progress import print_progress
from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.models.people import Department, User
from webapp.queries.erasure import erase_person, expired_people
from webapp.queries.evidence_files import all_stored_names
from webapp.queries.hr_import import ImportResult, Safeguards, import_hr_file
from webapp.queries.people import find_user_by_email, other_active_admins, people_to_invite
from webapp.web.account_emails import INVITE_AGAIN_AFTER, send_invitation
from webapp.web.audit import audit
from webapp.web.evidence import evidence_store

group = AppGroup("people", help="The organisation: people, departments, grades and line managers.")
ORPHAN_AGE_SECONDS = 24 * 3600  # an evidence file this old is not one still being saved


@group.command("import")
@click.argument("csv_file", type=click.File("rb"))
@click.option("--partial", is_flag=True, help="Only add and change the people in the file; deactivate no one.")
@click.option(
    "--confirm-deactivations",
    type=click.IntRange(min=0),
    metavar="N",
    help="Go ahead although the import deactivates N people, more than HR_DEACTIVATION_SHARE of everyone active.",
)
def hr_import_command(csv_file, partial: bool, confirm_deactivations: int | None) -> None:
    """Import people from an HR export (CSV, UTF-8). Checks every row first; applies all of it or nothing."""
    data = csv_file.read()
    safeguards = Safeguards(share=current_app.config["HR_DEACTIVATION_SHARE"], confirmed=confirm_deactivations)
    result = import_hr_file(db.session, data, full=not partial, report=print_progress, safeguards=safeguards)
    if result.refused or result.to_confirm:
        db.session.rollback()
        click.echo(f"{csv_file.name}: {result.refused or _confirmation_needed(result)}", err=True)
        sys.exit(1)
    if not result.ok:
        db.session.rollback()
        for problem in result.problems:
            click.echo(f"{csv_file.name}: {problem}", err=True)
        click.echo(f"Nothing was imported: {len(result.problems)} problem(s) to fix first.", err=True)
        sys.exit(1)
    audit("hr_import", file_sha256=hashlib.sha256(data).hexdigest(), **result.counts())
    db.session.commit()
    click.echo(f"Imported: {result.summary()}")


def _confirmation_needed(result: ImportResult) -> str:
    shown = "\n  ".join(result.leaving)
    unshown = result.to_confirm - len(result.leaving)
    more = f"\n  and {unshown:,} more" if unshown else ""
    return (
        f"this import would deactivate {result.to_confirm:,} people, more than usual:\n  {shown}{more}\n"
        f"Nothing was imported. If the file is right, run the command again with "
        f"--confirm-deactivations {result.to_confirm}"
    )


@group.command("invite")
@click.argument("emails", nargs=-1)
@click.option("--all", "everyone", is_flag=True, help="Everyone who has not set up their account yet.")
def invite_command(emails: tuple[str, ...], everyone: bool) -> None:
    """Email people HR imported a link to set up their account. With --all, people invited in the last
    7 days are left out, so it is safe to run daily."""
    if bool(emails) == everyone:
        raise click.UsageError("name people by email address, or use --all")
    if everyone:
        ids = people_to_invite(db.session, utcnow(), again_after=INVITE_AGAIN_AFTER)
    else:
        people = [(email, find_user_by_email(db.session, email)) for email in emails]
        unknown = [email for email, person in people if person is None or not person.active]
        if unknown:
            raise click.ClickException(f"no active account for {', '.join(unknown)}")
        ids = [person.id for _, person in people if not person.is_activated]
    sent = failed = 0
    with click.progressbar(ids, label="Sending invitations", file=sys.stderr) as bar:
        for person_id in bar:
            if send_invitation(db.session.get(User, person_id)):
                sent += 1
            else:
                failed += 1
            db.session.expunge_all()  # keep memory flat across a whole department
    click.echo(f"Invitations sent: {sent:,}" + (f"; could not send {failed:,} (see the log)" if failed else ""))
    if failed:
        sys.exit(1)


@group.command("purge-expired")
def purge_expired_command() -> None:
    """Erase the personal data of people deactivated longer ago than RETENTION_YEARS, and remove evidence files
    no entry refers to. Safe to run daily."""
    years = current_app.config["RETENTION_YEARS"]
    ids = expired_people(db.session, utcnow(), retention=timedelta(days=365 * years + years // 4))
    store = evidence_store()
    for person_id in ids:
        with store.changes() as files:
            person = db.session.get_one(User, person_id)
            for name in erase_person(db.session, person, utcnow(), reason=f"retention: {years} years"):
                files.delete_after_commit(name)
            db.session.commit()  # one person at a time: a stop part-way leaves every finished erasure done
        db.session.expunge_all()
    click.echo(f"Erased {len(ids):,} people deactivated more than {years} years ago")
    # Files a crash left between storing them and committing (or committing their removal) are named by no row.
    orphans = store.unreferenced(all_stored_names(db.session), older_than_seconds=ORPHAN_AGE_SECONDS)
    for name in orphans:
        store.delete(name)
    if orphans:
        click.echo(f"Removed {len(orphans):,} evidence files no entry refers to")


@group.command("erase")
@click.argument("staff_number", required=False)
@click.option("--email", help="For someone with no staff number (they registered and HR never sent them).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def erase_command(staff_number: str | None, email: str | None, yes: bool) -> None:
    """Erase one person's personal data (an erasure request). Their minutes stay, anonymous, in reports."""
    if bool(staff_number) == bool(email):
        raise click.UsageError("give a staff number or --email")
    column, value = (User.staff_number, staff_number) if staff_number else (User.email, (email or "").strip().lower())
    person = db.session.scalar(select(User).where(column == value))
    if person is None:
        raise click.ClickException(f"no one has the {'staff number' if staff_number else 'email address'} {value}")
    if person.is_admin and person.active and not other_active_admins(db.session, person.id):
        raise click.ClickException(f"{person.email} is the only active admin: make someone else an admin first")
    if not yes:
        click.confirm(f"Erase {person.name} ({person.email})? This cannot be undone", abort=True)
    with evidence_store().changes() as files:
        for name in erase_person(db.session, person, utcnow(), reason="erasure request"):
            files.delete_after_commit(name)
        db.session.commit()
    click.echo(f"Erased person {person.id}: their minutes stay in reports, anonymous")


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
        audit("role_removed", subject=person, role="reporting")
    else:
        found = db.session.scalar(select(Department).where(Department.name == department)) if department else None
        if found is None:
            raise click.ClickException(f"no department is called {department!r}: import the HR file first")
        person.reports_on_department_id = found.id
        audit("role_granted", subject=person, role="reporting", department=found.name)
    db.session.commit()
    click.echo(f"{person.email} {'no longer reports' if remove else 'reports'} on {department or 'any department'}")
