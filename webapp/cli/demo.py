"""`flask demo seed` and `flask demo generate`: data for trying Data Day, refused in production."""

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.cli.progress import print_progress
from webapp.db.clock import uk_today
from webapp.extensions import db
from webapp.sample_data.demo import CERTIFICATE_HOLDER, DEMO_PASSWORD, demo_certificate, seed_demo, seed_placement
from webapp.sample_data.synthetic_load import generate_organisation
from webapp.web.content_pages import content_library
from webapp.web.years import current_training_year

group = AppGroup("demo", help="Demo data for trying Data Day.")


@group.command("seed")
def seed_command() -> None:
    """Add a small demo organisation (safe to run again); refuses to run in production."""
    if current_app.config["PRODUCTION"]:
        raise click.ClickException("demo data is for trying Data Day, not for production")
    config = current_app.config
    people = seed_demo(db.session, config["YEAR_START"])
    seed_placement(db.session, content_library(), config["YEAR_START"])
    code = demo_certificate(db.session, config["YEAR_START"], config["REQUIRED_MINUTES"], config["SECRET_KEY"])
    db.session.commit()
    click.echo(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
    for person, role in people:
        click.echo(f"  {person.email:<40} {role}")
    if code:
        click.echo(
            f"{CERTIFICATE_HOLDER}'s certificate checks out at {config['SERVICE_URL'].rstrip('/')}/verify/{code}"
        )


@group.command("generate")
@click.option("--people", "count", type=click.IntRange(1, 2_000_000), default=2_000, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed gives the same organisation.")
def generate_command(count: int, seed: int) -> None:
    """Add a synthetic civil service (departments, lines 8-10 deep, a year's training) for trying reports at scale."""
    if current_app.config["PRODUCTION"]:
        raise click.ClickException("synthetic people are for trying Data Day, not for production")
    made = generate_organisation(db.session, count, seed, current_training_year(), uk_today(), print_progress)
    db.session.commit()
    click.echo(err=True)
    click.echo(
        f"People: {made.people.summary()}. Completions: {made.completions:,}. Outside learning: {made.outside:,}."
    )
