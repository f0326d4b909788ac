"""Write load with a database restart in the middle: is every acknowledged write stored, exactly once?

A throwaway PostgreSQL cluster is migrated and synced with the real courses/ and exercises/, gunicorn serves the
app, and --learners learners (a thread each) sign in through the real form and, for --seconds, open lessons and
mark them complete, answer exercises (wrong, with answers only that submission sent, and one time in four right)
and log outside learning, noting what the server acknowledged. After --restart-database-after seconds the cluster
is stopped (pg_ctl -m fast) for --pause seconds and started again: requests meanwhile must get the 503 page, never
a 500, and the app must carry on by itself. Then the database is reconciled with what was acknowledged
(bench/reconcile.py): none lost, none duplicated, no row nobody sent, the kept training totals equal to sums of the
completions. Exits 1 if anything is off.

Run: .venv/bin/python -m bench.write_load [--learners 200] [--seconds 60] [--restart-database-after 20]
"""

import argparse
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import create_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_clients import Ledger, plan_from, run_learners  # noqa: E402
from bench.load_server import app_environment, create_learners, prepare_database, serve, stop_server  # noqa: E402
from bench.reconcile import Check, questions_by_item, reconcile, totals_disagreeing  # noqa: E402
from tests.helpers.postgres import Cluster, start_cluster  # noqa: E402
from webapp.content.library import load_library  # noqa: E402

GRACE = 2.0  # seconds after the database accepts connections again in which a 503 still counts as the restart's


class Restart(threading.Thread):
    """Stops the cluster `after` seconds in, for `pause` seconds; `window` is when the database was away."""

    def __init__(self, cluster: Cluster, after: float, pause: float):
        super().__init__(daemon=True)
        self.cluster, self.after, self.pause = cluster, after, pause
        self.cancelled = threading.Event()
        self.window: tuple[float, float] | None = None

    def run(self) -> None:
        if self.after <= 0 or self.cancelled.wait(self.after):
            return
        began = time.monotonic()
        self.cluster.stop_server()
        try:
            self.cancelled.wait(self.pause)
        finally:
            self.cluster.start_server()  # returns once it accepts connections
            self.window = (began, time.monotonic())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--restart-database-after", type=float, default=20, help="0: no restart")
    parser.add_argument("--pause", type=float, default=3, help="seconds the database stays stopped")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    try:
        sys.exit(0 if run(args) else 1)
    except KeyboardInterrupt:
        sys.exit("Interrupted: gunicorn and PostgreSQL stopped, their folders removed")


def run(args: argparse.Namespace) -> bool:
    folder = Path(tempfile.mkdtemp(prefix="data-day-write-load-"))
    cluster = server = restart = None
    try:
        cluster = start_cluster()
        url = cluster.create_database("data_day_write_load")
        env = app_environment(url, folder)
        prepare_database(env)
        accounts = create_learners(url, args.learners)
        library = load_library(ROOT / "courses", ROOT / "exercises")
        plan = plan_from(library)
        server, base = serve(env, folder, args.workers, args.threads)
        print(f"Serving {base}: {args.workers} workers x {args.threads} threads, {args.learners} learners, ", end="")
        print(f"{len(plan.lessons)} lessons, {len(plan.exercises)} exercises, {args.seconds:.0f} s", flush=True)
        ledger, restart = Ledger(), Restart(cluster, args.restart_database_after, args.pause)
        started = time.monotonic()
        restart.start()
        run_learners(base, accounts, plan, ledger, args.seconds)
        elapsed = time.monotonic() - started
        restart.cancelled.set()
        restart.join()
        stop_server(server)  # every request answered before the database is read
        engine = create_engine(url)
        with engine.connect() as connection:
            checks = reconcile(connection, ledger.writes, questions_by_item(library.exercises))
            totals = totals_disagreeing(connection)
        engine.dispose()
        ok = report(ledger, checks, totals, restart.window, elapsed)
        if not ok:
            _print_server_errors(folder / "gunicorn.log")
        return ok
    finally:
        _clean_up(folder, cluster, server, restart)


def _print_server_errors(log: Path) -> None:
    """gunicorn's log without the one-line warning for each 503: what is left is what went wrong."""
    lines = [line for line in log.read_text().splitlines() if "Database unavailable, answered 503" not in line]
    print("\nThe end of gunicorn's log, without the 503 warnings:\n" + "\n".join(lines[-150:]))


def _clean_up(folder: Path, cluster, server, restart) -> None:
    if server is not None:
        stop_server(server, quickly=True)  # still running only if interrupted: learners may still be sending
    if restart is not None:
        restart.cancelled.set()
        restart.join(timeout=60)  # never remove the cluster while it is being started again
    if cluster is not None:
        try:
            cluster.stop()
        except Exception as error:  # already stopped, e.g. by Ctrl-C: its folder still goes
            print(f"Stopping PostgreSQL: {error}", file=sys.stderr)
    shutil.rmtree(folder, ignore_errors=True)


def report(ledger: Ledger, checks: list[Check], totals: list[str], window, elapsed: float) -> bool:
    """Print the figures; True if nothing was lost, duplicated or unexplained and the outage was handled."""
    statuses = Counter(heard.status for heard in ledger.answers)
    errors = sum(n for status, n in statuses.items() if status is not None and status >= 500 and status != 503)
    during, after = _unavailable(ledger, window)
    times = sorted(heard.answered - heard.sent for heard in ledger.answers)
    by_status = ", ".join(f"{status or 'no answer'}: {n:,}" for status, n in sorted(statuses.items(), key=str))
    print(f"\nrequests            {len(ledger.answers):,} in {elapsed:.1f} s, {len(ledger.answers) / elapsed:,.0f}/s")
    print(f"  by status         {by_status}")
    print(
        f"  latency           median {_ms(times[len(times) // 2])}, 95th percentile {_ms(times[len(times) * 19 // 20])}"
    )
    if window:
        split = f"{during['GET']:,} pages, {during['POST']:,} forms"
        print(f"database restart    away {window[1] - window[0]:.1f} s: {during.total():,} answered 503 ({split})")
        print(f"  after it          {after:,} 503s; {_ok_after(ledger, window):,} requests served, no restart needed")
    print(f"5xx other than 503  {errors:,}")
    print(f"no answer           {statuses[None]:,}; sessions lost: {ledger.sign_ins_lost:,}")
    acknowledged = _print_reconciliation(checks, totals, Counter(write.kind for write in ledger.writes), elapsed)
    recovered = window is None or _ok_after(ledger, window) > 0
    handled = not (errors or after or statuses[None] or ledger.sign_ins_lost) and recovered
    return handled and acknowledged is not None


def _print_reconciliation(checks: list[Check], totals: list[str], sent: Counter[str], elapsed: float) -> int | None:
    """How many writes were acknowledged, or None if the database disagrees with what was."""
    acknowledged = sum(check.acknowledged for check in checks)
    print(f"acknowledged writes {acknowledged:,}, {acknowledged / elapsed:,.0f}/s")
    for check in checks:
        print(f"  {check.kind:<25} {check.acknowledged:>7,} of {sent[check.kind]:>7,} sent: ", end="")
        print(f"{check.lost} lost, {check.duplicated} duplicated, {check.unexplained} unexplained", end="")
        print(f"; {check.in_doubt} stored though not acknowledged" if check.in_doubt else "")
        print("".join(f"    {example}\n" for example in check.examples), end="")
    print(f"kept totals         {f'{len(totals)} differ from' if totals else 'equal'} the sums of the completions")
    print("".join(f"  {line}\n" for line in totals[:10]), end="")
    lost, duplicated = sum(c.lost for c in checks), sum(c.duplicated for c in checks)
    print(f"\n{acknowledged:,} acknowledged writes: {lost:,} lost, {duplicated:,} duplicated")
    return acknowledged if all(c.ok for c in checks) and not totals else None


def _unavailable(ledger: Ledger, window) -> tuple[Counter[str], int]:
    """503s while the database was away (their request overlapping the restart), by method, and any after it."""
    unavailable = [heard for heard in ledger.answers if heard.status == 503]
    if window is None:
        return Counter(), len(unavailable)
    away, back = window[0], window[1] + GRACE
    during = Counter(heard.method for heard in unavailable if heard.sent <= back and heard.answered >= away)
    return during, len(unavailable) - during.total()


def _ok_after(ledger: Ledger, window) -> int:
    return sum(h.status is not None and h.status < 400 and h.sent > window[1] for h in ledger.answers)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


if __name__ == "__main__":
    main()
