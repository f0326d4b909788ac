"""The write-load bench's server side: a throwaway PostgreSQL cluster set up as a release is (migrations, content
sync), learners with known passwords, and gunicorn serving the app on a free local port."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "write-load bench password 2026"
LIMITS_OFF = "1000000 per minute"  # every learner signs in from 127.0.0.1: no sign-in limit gets in the way


def app_environment(database_url: str, folder: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATA_DAY_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(48),
        "RATELIMIT_STORAGE_URI": "memory://",
        "LOGIN_LIMIT_PER_ADDRESS": LIMITS_OFF,
        "LOGIN_LIMIT_PER_ACCOUNT": LIMITS_OFF,
        "MAIL_BACKEND": "folder",
        "MAIL_FOLDER": str(folder / "mail"),
    }


def prepare_database(env: dict[str, str]) -> None:
    """As on each release: `flask db upgrade`, then `flask content sync` (the real courses/ and exercises/)."""
    for command in (["db", "upgrade"], ["content", "sync"]):
        flask = [sys.executable, "-m", "flask", "--app", "webapp", *command]
        done = subprocess.run(flask, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"flask {' '.join(command)} failed:\n{done.stderr[-3000:]}")


def create_learners(database_url: str, count: int) -> list[tuple[str, str]]:
    """Accounts ready to sign in, hashed at argon2id's lowest cost (a sign-in checks at the hash's own cost)."""
    from argon2 import PasswordHasher

    from webapp import create_app
    from webapp.config import Config
    from webapp.extensions import db
    from webapp.identity.passwords import use_hasher
    from webapp.queries.people import create_user

    use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    app = create_app(Config(), {"SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_STORAGE_URI": "memory://"})
    emails = [f"learner{n}@write-load.example.gov.uk" for n in range(1, count + 1)]
    with app.app_context():
        for n, email in enumerate(emails, 1):
            create_user(db.session, email, f"Learner {n}", PASSWORD)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return [(email, PASSWORD) for email in emails]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(
    env: dict[str, str],
    folder: Path,
    workers: int,
    threads: int,
    target: str = "webapp.wsgi:app",
    ready: str = "/healthz",
) -> tuple[subprocess.Popen, str]:
    """gunicorn as production runs it (--preload: the app made and warmed once, then the workers forked), in a
    session of its own (Ctrl-C reaches only the bench, which stops it in order); `ready` answers once it is up."""
    port = free_port()
    log = (folder / "gunicorn.log").open("w")
    command = ["-m", "gunicorn", "--preload", "--workers", str(workers), "--threads", str(threads)]
    command += ["--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [sys.executable, *command, target],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(base + ready, timeout=2):
                return server, base
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise RuntimeError(f"gunicorn did not start: see {folder / 'gunicorn.log'}")


def stop_server(server: subprocess.Popen, quickly: bool = False) -> None:
    """Gracefully (SIGTERM: requests in progress finish), or quickly (SIGQUIT: when interrupted)."""
    if server.poll() is None:
        server.send_signal(signal.SIGQUIT if quickly else signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
