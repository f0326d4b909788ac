"""The Flask test client the tests use: each request starts with an empty `g`, as in production.

The `app` fixture keeps one app context open for the whole test (so tests can query the database), and
requests reuse it, so `g` would carry over between requests and between clients: Flask-Login's cached
user would outlive a sign-out elsewhere, and Flask-WTF's CSRF token would pass from one client to another."""

from flask import g
from flask.testing import FlaskClient


class FreshRequestClient(FlaskClient):
    def open(self, *args, **kwargs):
        g.__dict__.clear()
        return super().open(*args, **kwargs)
