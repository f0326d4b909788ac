"""`flask content check` run by an app of its own over content a test copied (and may have changed)."""

from typing import Any

from click.testing import Result

from webapp import create_app
from webapp.config import TestConfig
from webapp.extensions import db


def run_content_check(settings: dict[str, Any]) -> Result:
    other = create_app(TestConfig(), settings)
    with other.app_context():
        result = other.test_cli_runner().invoke(args=["content", "check"])
        db.session.remove()
        db.engine.dispose()
    return result
