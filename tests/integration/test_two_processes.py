"""Two gunicorn processes on different ports, sharing one PostgreSQL, serve the same people consistently.

This is how Data Day scales out: sessions are signed cookies (any process with the same SECRET_KEY reads
them), sign-in limits are counted in the database, and completions are unique per person, item and year.
"""

import http.cookiejar
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from tests.helpers.accounts import PASSWORD, make_user
from tests.helpers.database import ON_POSTGRES
from tests.helpers.html import parse
from tests.helpers.paths import FIXTURE_CONTENT, PROJECT_ROOT
from tests.helpers.peers import free_port
from webapp.extensions import db
from webapp.models import Completion

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="runs against the shared PostgreSQL (TEST_DATABASE=postgresql)")
LESSON = "/courses/spreadsheet-basics/rows-and-columns"


@pytest.fixture
def two_servers(app, settings):
    env = {
        **os.environ,
        **FIXTURE_CONTENT,
        "DATABASE_URL": settings["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": "shared-secret-for-both-processes-0123456789",
        "RATELIMIT_STORAGE_URI": "database://",
    }
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"127.0.0.1:{port}", "webapp:create_app()"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for base, server in zip(bases, servers, strict=True):
            _wait_until_up(base, server)
        yield bases
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
            server.stderr.close()


def _wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(server.stderr.read().decode())
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{base} did not start")


class Browser:
    """One person's cookies, used against either process."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def get(self, url: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(url))

    def post(self, url: str, data: dict) -> tuple[int, str]:
        return self._open(urllib.request.Request(url, data=urllib.parse.urlencode(data).encode()))

    def token(self, url: str) -> str:
        return parse(self.get(url)[1]).field_value("csrf_token")

    def sign_in(self, base: str, email: str, password: str) -> int:
        token = self.token(base + "/sign-in")
        return self.post(base + "/sign-in", {"email": email, "password": password, "csrf_token": token})[0]

    def _open(self, request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            body = error.read().decode()
            error.close()
            return error.code, body


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_session_started_on_one_process_is_valid_on_the_other(two_servers):
    first, second = two_servers
    user = make_user()
    browser = Browser()
    assert browser.sign_in(first, user.email, PASSWORD) == 302
    status, page = browser.get(second + "/my-training-record")
    assert status == 200 and parse(page).heading() == "My training record"


def test_sign_in_limits_are_counted_across_both_processes(two_servers):
    user = make_user()
    browser = Browser()
    statuses = [browser.sign_in(two_servers[attempt % 2], user.email, "wrong password!") for attempt in range(6)]
    assert statuses == [200, 200, 200, 200, 200, 429]  # 5 failures per account, wherever they land
    assert browser.sign_in(two_servers[0], user.email, PASSWORD) == 429


def test_a_lesson_completed_on_both_processes_at_once_counts_once(two_servers):
    user = make_user()
    browser = Browser()
    assert browser.sign_in(two_servers[0], user.email, PASSWORD) == 302
    token = browser.token(two_servers[0] + LESSON)
    with ThreadPoolExecutor(max_workers=6) as pool:
        posts = [
            pool.submit(browser.post, two_servers[n % 2] + LESSON + "/complete", {"csrf_token": token})
            for n in range(6)
        ]
        assert all(post.result()[0] == 302 for post in posts)
    db.session.expire_all()
    count = db.session.scalar(select(func.count()).select_from(Completion).where(Completion.user_id == user.id))
    assert count == 1
