"""Command-line tools: `flask users`, `flask people`, `flask content`, `flask demo`, `flask lite`,
`flask reminders`,
`flask xapi`."""

from flask import Flask


def init_app(app: Flask) -> None:
    from webapp.cli import content, demo, lite, people, reminders, users, xapi

    for module in (users, people, content, demo, lite, reminders, xapi):
        app.cli.add_command(module.group)
