"""Progress of long commands, written over one line of the terminal."""

import click


def print_progress(stage: str, done: int, total: int) -> None:
    percent = done * 100 // total if total else 100
    click.echo(f"\r{stage}: {done:,} of {total:,} ({percent}%)   ", nl=done >= total, err=True)
