"""`flask reminders send`: the reminders due today, each sent at most once. Safe to run hourly."""

import sys
from datetime import date

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.db.clock import uk_today, utcnow
from webapp.extensions import db
from webapp.mail import send_email
from webapp.reminders.preview import preview
from webapp.reminders.sending import send_due_reminders

group = AppGroup("reminders", help="Reminders before the training year ends, and the managers' digests.")


@group.command("send")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Act as if today were this date (YYYY-MM-DD): to catch up on a missed day, or to try a schedule.",
)
@click.option("--dry-run", is_flag=True, help="Only count what would be sent; send nothing.")
def send_command(today, dry_run: bool) -> None:
    """Send the reminders and digests due today that have not been sent. Exits 1 if any could not be sent."""
    day: date = today.date() if today else uk_today()
    if dry_run:
        for item in preview(db.session, current_app.config, day):
            if item.due_today:
                click.echo(f"{item.occasion.rule.name}: {item.people:,} people, {item.managers:,} managers' digests")
        click.echo(f"Dry run for {day.isoformat()}: nothing was sent")
        return
    report = send_due_reminders(db.session, current_app.config, day, utcnow(), send_email)
    for rule, count in sorted(report.sent.items()):
        click.echo(f"{rule}: sent {count:,} reminders")
    for rule, count in sorted(report.digests.items()):
        click.echo(f"{rule}: sent {count:,} managers' digests")
    click.echo(f"Sent {sum(report.sent.values()):,} reminders and {sum(report.digests.values()):,} digests")
    if report.failures:
        for failure in report.failures:
            click.echo(f"Could not send: {failure}", err=True)
        click.echo(f"{len(report.failures):,} could not be sent: the next run tries them again", err=True)
        sys.exit(1)
