"""`flask xapi send` and `flask xapi status`: the queue of xAPI statements for the learning record store."""

import sys
from datetime import timedelta

import click
import requests
from flask import current_app
from flask.cli import AppGroup

from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.queries.xapi_queue import claim_due, mark_failed, mark_sent, queue_counts
from webapp.xapi import lrs
from webapp.xapi.settings import XapiSettings

group = AppGroup("xapi", help="Send xAPI statements to the learning record store (LRS).")


@group.command("send")
def send_command() -> None:
    """Send the statements that are due, in batches. Safe to run from cron while another run is going."""
    settings = XapiSettings.from_config(current_app.config)
    if not settings.enabled:
        click.echo("xAPI is off (XAPI_ENABLED), so nothing was sent")
        return
    sent, failed = send_due(settings)
    click.echo(f"Sent {sent} statements to the LRS")
    if failed:
        click.echo(f"{len(failed)} statements were not sent and will be tried again later:", err=True)
        for reason in sorted(set(failed.values())):
            click.echo(f"  {reason}", err=True)
        sys.exit(1)


def send_due(settings: XapiSettings) -> tuple[int, dict[str, str]]:
    # Only what was due when the run started: a failure with no wait does not loop.
    started = utcnow()
    # Long enough for a batch sent one by one: no other run takes a row while this one may still send it.
    lease = timedelta(seconds=settings.timeout * (settings.batch_size + 1) + 60)
    sent, failed = 0, {}
    with requests.Session() as http:
        while claimed := claim_due(
            db.session, started, limit=settings.batch_size, max_attempts=settings.max_attempts, lease=lease
        ):
            db.session.commit()
            outcome = lrs.send(settings, [c.body for c in claimed], http)
            now = utcnow()
            mark_sent(db.session, [c for c in claimed if c.statement_id in outcome.sent], now)
            for c in claimed:
                if c.statement_id in outcome.failed:
                    mark_failed(db.session, c, now, outcome.failed[c.statement_id], settings.retry_seconds)
            db.session.commit()
            sent, failed = sent + len(outcome.sent), failed | outcome.failed
    return sent, failed


@group.command("status")
def status_command() -> None:
    """How many statements were sent, are waiting, and were given up on."""
    settings = XapiSettings.from_config(current_app.config)
    counts = queue_counts(db.session, settings.max_attempts)
    click.echo(f"xAPI is {'on' if settings.enabled else 'off'}")
    click.echo(f"Sent: {counts.sent}")
    click.echo(f"Waiting: {counts.waiting} ({counts.failing} of them failed at least once)")
    click.echo(f"Given up after {settings.max_attempts} attempts: {counts.given_up}")
