"""`flask lite build`: the JupyterLite site exercises run in, built with no request leaving Data Day."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.lite.build import ExerciseSource, LiteBuildError, build_site
from webapp.web.content_pages import content_library

group = AppGroup("lite", help="The JupyterLite site that exercises run in.")


@group.command("build")
@click.option(
    "--pyodide-dist",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A full Pyodide distribution folder to use instead of the npm core (e.g. one with pandas).",
)
@click.option("--force", is_flag=True, help="Rebuild even if nothing changed.")
def lite_build_command(pyodide_dist: Path | None, force: bool) -> None:
    """Build the notebook site with every exercise's notebook and data; no request will leave Data Day."""
    library = content_library()
    if library.problems:
        for problem in library.problems:
            click.echo(str(problem), err=True)
        raise click.ClickException("fix the content problems above first (flask content check)")
    sources = [ExerciseSource.from_exercise(exercise) for exercise in library.exercises]
    dist = pyodide_dist or current_app.config["PYODIDE_DIST"]
    try:
        result = build_site(
            sources,
            Path(current_app.config["LITE_DIR"]),
            cache_dir=Path(current_app.config["LITE_CACHE_DIR"]),
            pyodide_dist=Path(dist) if dist else None,
            force=force,
        )
    except LiteBuildError as error:
        raise click.ClickException(str(error)) from error
    click.echo(result.summary())
