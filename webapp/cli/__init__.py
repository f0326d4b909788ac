"""Command-line tools: `flask users`, `flask people`, `flask content`, `flask demo`, `flask lite`."""

from flask import Flask


def init_app(app: Flask) -> None:
    from webapp.cli import content, demo, lite, people, users

    for module in (users, people, content, demo, lite):
        app.cli.add_command(module.group)
