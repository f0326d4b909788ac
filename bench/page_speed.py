"""How fast the pages every learner opens are, against a bare Flask "hello" under the same gunicorn, in one run.

A throwaway PostgreSQL cluster is migrated and synced with the real courses/ and exercises/ (as on a release), a
generated organisation of --people people with a training year's activity is loaded, and --learners of them (and
the manager with the most direct reports) are given a known password and sign in through the real form. gunicorn
serves the app, and then a bare Flask app, with the same workers and threads; wrk drives each page in turn with
--connections connections for --seconds: bare hello, a signed-in page with no work of its own (the accessibility
statement: the floor under every page), a lesson, the learner mix (catalogue, a course, lessons,
the record), an exercise page (server side only), the manager's My team, the learner's record. Printed: requests
a second, p50/p90/p99 and each page's requests a second as a share of bare hello; then the CPU each request cost
in the app, in wrk and in the rest (PostgreSQL), from /proc (bench/cpu_use.py). Then the learner mix at a fixed
--rate (open loop, bench/open_loop.py) for --open-seconds: p50/p99 from each request's scheduled time, and errors.

Run: .venv/bin/python -m bench.page_speed [--people 20000] [--learners 300] [--seconds 10] [--open-seconds 20]
A quick run (~1-2 minutes): --people 5000 --learners 100 --seconds 5 --open-seconds 10
Where the time goes: --profile DIR writes a profile of each request (bench/profiled_app.py), named for its page;
read them with pstats, e.g. pstats.Stats(*glob("DIR/GET.courses.*.prof")).sort_stats("cumulative").print_stats(40)
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cpu_use import CpuMeter  # noqa: E402
from bench.load_clients import TOKEN, plan_from  # noqa: E402
from bench.load_server import PASSWORD, app_environment, prepare_database, serve, stop_server  # noqa: E402
from bench.open_loop import open_loop, percentile  # noqa: E402
from tests.helpers.postgres import start_cluster  # noqa: E402
from webapp.content.library import load_library  # noqa: E402

UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0}


def hello_app():
    """The baseline: gunicorn's `bench.page_speed:hello_app()`."""
    from flask import Flask

    app = Flask("hello")
    app.add_url_rule("/", "hello", lambda: "Hello")
    return app


def build_people(url: str, people: int, learners: int, seed: int) -> tuple[list[str], str]:
    """Load the organisation; give `learners` people and the busiest manager PASSWORD. Their emails, the manager's."""
    from argon2 import PasswordHasher
    from sqlalchemy import func, select, update

    from webapp import create_app
    from webapp.config import Config
    from webapp.db.clock import uk_today, utcnow
    from webapp.extensions import db
    from webapp.models.people import User
    from webapp.sample_data.synthetic_load import generate_organisation
    from webapp.web.years import current_training_year

    app = create_app(Config(), {"SQLALCHEMY_DATABASE_URI": url, "RATELIMIT_STORAGE_URI": "memory://"})
    with app.app_context():
        generate_organisation(db.session, people, seed, current_training_year(), uk_today())
        db.session.commit()
        reports = func.count().label("reports")
        manager = db.session.scalar(
            select(User.manager_id)
            .where(User.active, User.manager_id.is_not(None))
            .group_by(User.manager_id)
            .order_by(reports.desc())
            .limit(1)
        )
        chosen = select(User.id).where(User.active, User.id != manager).order_by(User.id.desc()).limit(learners)
        ids = [*db.session.scalars(chosen), manager]
        cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSWORD)
        db.session.execute(
            update(User).where(User.id.in_(ids)).values(password_hash=cheap, email_confirmed_at=utcnow())
        )
        db.session.commit()
        emails = dict(db.session.execute(select(User.id, User.email).where(User.id.in_(ids))).all())
        db.session.remove()
        db.engine.dispose()
    return [emails[i] for i in ids[:-1]], emails[manager]


def signed_in_cookie(base: str, email: str) -> str:
    """The cookie header of a browser that signed in through the real form."""
    with requests.Session() as browser:
        token = TOKEN.search(browser.get(base + "/sign-in").text)
        assert token, "no CSRF token on the sign-in page"
        form = {"email": email, "password": PASSWORD, "csrf_token": token.group(1)}
        answer = browser.post(base + "/sign-in", data=form, allow_redirects=False)
        assert answer.status_code == 302 and "/sign-in" not in answer.headers["Location"], f"{email} not signed in"
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in browser.cookies)


def pages(learners: list[str], manager: str, lessons: list[str], exercise: str) -> dict[str, list[tuple[str, str]]]:
    """Each page's (path, cookie) requests, taken in turn."""
    lesson = f"/courses/{lessons[0]}"
    mix = []
    for n, cookie in enumerate(learners):
        picked = [f"/courses/{lessons[(n + k * 7) % len(lessons)]}" for k in range(3)]
        course = picked[0].rsplit("/", 1)[0]
        mix += [(path, cookie) for path in ["/courses", course, *picked, "/my-training-record"]]
    return {
        # The floor under every page: signing the person in and the GOV.UK chrome around a page with no work of its own.
        "signed-in static page": [("/accessibility", cookie) for cookie in learners],
        "lesson page": [(lesson, cookie) for cookie in learners],
        "learner mix": mix,
        "exercise page": [(f"/exercises/{exercise}", cookie) for cookie in learners],
        "manager's My team": [("/my-team", manager)],
        "learner's record": [("/my-training-record", cookie) for cookie in learners],
    }


def check_answers(base: str, requests_: list[tuple[str, str]]) -> None:
    """Every page answers 200 to a signed-in person (not a redirect to sign in), before it is timed."""
    for path, cookie in dict(requests_).items():
        answer = requests.get(base + path, headers={"Cookie": cookie}, allow_redirects=False)
        assert answer.status_code == 200, f"{path}: {answer.status_code}"


def lua_script(folder: Path, name: str, requests_: list[tuple[str, str]]) -> Path:
    """wrk's script: each of its threads takes the requests in turn, from its own starting point."""
    rows = ",\n".join(f'{{"{path}", "{cookie}"}}' for path, cookie in requests_)
    script = folder / f"{re.sub(r'[^a-z]+', '-', name.lower())}.lua"
    script.write_text(
        f"local requests = {{\n{rows}\n}}\nlocal n = 0\n"
        "function init(args) n = math.random(#requests) end\n"
        "function request()\n  n = n % #requests + 1\n"
        '  return wrk.format("GET", requests[n][1], {["Cookie"] = requests[n][2]})\nend\n'
    )
    return script


def wrk(base: str, script: Path | None, connections: int, seconds: float) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", "--latency", "--timeout", "10s"]
    done = subprocess.run([*command, *(["-s", str(script)] if script else []), base + "/"], capture_output=True)
    out = done.stdout.decode()
    if done.returncode or "Requests/sec" not in out:
        raise RuntimeError(f"wrk failed: {out}{done.stderr.decode()}")
    found = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    for share in ("50", "90", "99"):
        value, unit = re.search(rf"\s{share}%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        found[f"p{share}"] = float(value) * UNITS[unit]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    found["errors"] = (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=10, help="per page, closed loop (wrk)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rate", type=float, default=300, help="open loop: learner-mix requests a second")
    parser.add_argument("--open-seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="1: gunicorn's sync workers")
    parser.add_argument("--content-reload", default="60", help="CONTENT_RELOAD for the app (production's default)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", type=Path, help="a folder: profile each request there (timings then mean nothing)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")
    folder = Path(tempfile.mkdtemp(prefix="data-day-page-speed-"))
    cluster = start_cluster()
    try:
        run(args, cluster.create_database("data_day_page_speed"), folder)
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, url: str, folder: Path) -> None:
    env = {**app_environment(url, folder), "CONTENT_RELOAD": args.content_reload}
    target = "webapp.wsgi:app"
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
        env["PROFILE_DIR"], target = str(args.profile.resolve()), "bench.profiled_app:app"
    prepare_database(env)
    learner_emails, manager_email = build_people(url, args.people, args.learners, args.seed)
    library = load_library(ROOT / "courses", ROOT / "exercises")
    rows = {}
    (folder / "hello").mkdir()
    server, base = serve(env, folder / "hello", args.workers, args.threads, "bench.page_speed:hello_app()", "/")
    try:
        rows["bare Flask hello"] = timed(server, base, None, args)
    finally:
        stop_server(server)
    server, base = serve(env, folder, args.workers, args.threads, target)
    try:
        with ThreadPoolExecutor(8) as pool:
            learners = list(pool.map(lambda email: signed_in_cookie(base, email), learner_emails))
        manager = signed_in_cookie(base, manager_email)
        each = pages(learners, manager, plan_from(library).lessons, library.exercises[0].slug)
        for name, requests_ in each.items():
            check_answers(base, requests_)
            wrk(base, lua_script(folder, name, requests_), args.connections, 2)  # warm up: first opens are writes
            rows[name] = timed(server, base, lua_script(folder, name, requests_), args)
        fixed = open_loop(base, each["learner mix"], args.rate, args.open_seconds)
    finally:
        stop_server(server)
    report(args, rows, fixed)


def timed(server: subprocess.Popen, base: str, script: Path | None, args: argparse.Namespace) -> dict[str, float]:
    """wrk's figures, and the CPU each request cost: in the app, in wrk, and in the rest (PostgreSQL)."""
    with CpuMeter(server.pid) as meter:
        row = wrk(base, script, args.connections, args.seconds)
    app, load, rest = meter.use.per_request_ms(row["rps"] * args.seconds)
    return {**row, "cpu app": app, "cpu wrk": load, "cpu rest": rest}


def report(args: argparse.Namespace, rows: dict[str, dict[str, float]], fixed) -> None:
    hello = rows["bare Flask hello"]["rps"]
    print(f"\n{date.today()}: {args.people:,} people, {args.learners} learners signed in, PostgreSQL, gunicorn")
    print(f"{args.workers} workers x {args.threads} threads; wrk: {args.connections} connections, {args.seconds:g} s")
    print(f"CONTENT_RELOAD={args.content_reload}\n")
    print(f"{'page':<22}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'errors':>8}{'of hello':>10}")
    for name, row in rows.items():
        ms = [row[p] * 1000 for p in ("p50", "p90", "p99")]
        numbers = f"{row['rps']:>9.0f}{ms[0]:>9.1f}{ms[1]:>9.1f}{ms[2]:>9.1f}{row['errors']:>8.0f}"
        print(f"{name:<22}{numbers}{row['rps'] / hello:>10.3f}")
    print("\nCPU per request, ms (all cores): in the app's gunicorn, in wrk, and the rest (PostgreSQL, the kernel)")
    print(f"{'page':<22}{'app':>9}{'wrk':>9}{'rest':>9}{'total':>9}")
    for name, row in rows.items():
        cpu = [row["cpu app"], row["cpu wrk"], row["cpu rest"]]
        print(f"{name:<22}{cpu[0]:>9.2f}{cpu[1]:>9.2f}{cpu[2]:>9.2f}{sum(cpu):>9.2f}")
    p50, p99 = (percentile(fixed.latencies, share) * 1000 for share in (0.50, 0.99))
    print(f"\nlearner mix at a fixed {args.rate:g} requests a second for {args.open_seconds:g} s (open loop):")
    print(f"  {fixed.sent} sent, {fixed.errors} errors, p50 {p50:.1f} ms, p99 {p99:.1f} ms")


if __name__ == "__main__":
    main()
