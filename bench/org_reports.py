"""Reports at the scale of the whole civil service, on SQLite and on PostgreSQL, in one run.

For each database: a fresh schema (Alembic) and the shipped curriculum, then
- import: `import_hr_file` on a synthetic HR file of --people rows (goal < 60 s), and again unchanged (< 30 s);
- activity: a training year's completions (~10 a person) and outside learning, loaded in bulk;
- team report: everyone in the line of the manager whose line is closest to 10,000 people, as the CSV export
  reads it (every row, with minutes, requirement and status), and the page as served (summary, chart, 1st page);
- rollup: the organisation report (every department and grade).
The app's queries are compared with hand-written SQL giving the same answer from the same tables (checked
equal), as ratios (goal 1.5 or less), with absolute medians (goal under 1 s on PostgreSQL). Both read each
person's maintained yearly total (training_totals) and the monthly totals (training_months) rather than adding
up ~5 million completions; the last rows time that sum from the raw completions, for comparison.

Run: .venv/bin/python bench/org_reports.py [--people 510000] [--seed 1] [--runs 5] [--databases sqlite,postgresql]
"""

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from webapp import create_app  # noqa: E402
from webapp.config import Config  # noqa: E402
from webapp.db.clock import uk_today  # noqa: E402
from webapp.extensions import db  # noqa: E402
from webapp.models.people import User  # noqa: E402
from webapp.org.hierarchy import line_bounds  # noqa: E402
from webapp.org.synthetic import hr_csv, synthetic_people  # noqa: E402
from webapp.queries.content_sync import sync_library  # noqa: E402
from webapp.queries.hr_import import import_hr_file  # noqa: E402
from webapp.queries.my_team import TeamFilters, all_team_rows, team_report  # noqa: E402
from webapp.queries.organisation_report import org_report  # noqa: E402
from webapp.sample_data.synthetic_load import add_activity  # noqa: E402
from webapp.web.content_pages import content_library  # noqa: E402
from webapp.web.years import current_training_year  # noqa: E402

REQUIRED = 420
# The same answer as webapp/queries/people_progress.py, written by hand as plain joins.
PROGRESS_FROM = """
FROM users u
LEFT JOIN departments d ON d.id = u.department_id
LEFT JOIN training_totals t ON t.user_id = u.id AND t.training_year = :year
LEFT JOIN (
  SELECT user_id, SUM(CASE WHEN status = 'confirmed' THEN minutes ELSE 0 END) AS confirmed,
         SUM(CASE WHEN status = 'unconfirmed' THEN minutes ELSE 0 END) AS unconfirmed
  FROM outside_learning WHERE learned_on BETWEEN :starts AND :ends GROUP BY user_id
) o ON o.user_id = u.id
"""
MINUTES = (
    "(COALESCE(t.minutes, 0) + COALESCE(o.confirmed, 0)"
    " + CASE WHEN COALESCE(d.count_unconfirmed, TRUE) THEN COALESCE(o.unconfirmed, 0) ELSE 0 END)"
)
NEEDED = "((:required * u.fte + 5000) / 10000)"
STATUS = f"CASE WHEN {MINUTES} >= {NEEDED} THEN 'met' WHEN {MINUTES} > 0 THEN 'in_progress' ELSE 'not_started' END"
TEAM_SQL = f"""
SELECT u.id, u.name, u.grade, m.name AS manager, {MINUTES} AS minutes, {NEEDED} AS required, {STATUS} AS status,
       t.last_completed_at AS last_done
{PROGRESS_FROM}
LEFT JOIN users m ON m.id = u.manager_id
WHERE u.active AND u.line_path > :low AND u.line_path < :high
ORDER BY u.name, u.id
"""
ROLLUP_SQL = f"""
SELECT COALESCE(d.name, 'No department'), COALESCE(u.grade, 'No grade'), COUNT(*),
       SUM(CASE WHEN {STATUS} = 'met' THEN 1 ELSE 0 END), SUM(CASE WHEN {STATUS} = 'not_started' THEN 1 ELSE 0 END)
{PROGRESS_FROM}
WHERE u.active
GROUP BY COALESCE(d.name, 'No department'), COALESCE(u.grade, 'No grade')
"""
TREND_SQL = """
SELECT month, SUM(minutes) FROM (
  SELECT month, minutes FROM training_months WHERE training_year = :year
  UNION ALL
  SELECT {outside} AS month, minutes FROM outside_learning
  WHERE learned_on BETWEEN :starts AND :ends AND status IN ('confirmed', 'unconfirmed')
) AS logged GROUP BY month
"""


RAW_SUM_SQL = """
SELECT u.department_id, u.grade, COUNT(*), SUM(COALESCE(c.minutes, 0)) FROM users u
LEFT JOIN (SELECT user_id, SUM(minutes) AS minutes FROM completions WHERE training_year = :year GROUP BY user_id) c
  ON c.user_id = u.id
WHERE u.active GROUP BY u.department_id, u.grade
"""


def _when(value):
    """SQLite hands back text from raw SQL; the app's typed query hands back datetimes."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def timed(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def manager_near(count: int) -> tuple[User, int]:
    """The manager whose line (everyone below, any depth) is closest to `count` people."""
    sizes: Counter[int] = Counter()
    for (path,) in db.session.execute(text("SELECT line_path FROM users WHERE active")):
        for ancestor in path.strip("/").split("/")[:-1]:
            sizes[int(ancestor)] += 1
    best = min(sizes, key=lambda person: abs(sizes[person] - count))
    return db.session.get(User, best), sizes[best]


def run(name: str, url: str, people: int, seed: int, runs: int) -> list[tuple]:
    app = create_app(Config(), {"SQLALCHEMY_DATABASE_URI": url, "RATELIMIT_STORAGE_URI": "memory://"})
    rows = []
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        sync_library(db.session, content_library())
        db.session.commit()
        data = hr_csv(synthetic_people(people, seed))

        start = time.perf_counter()
        first = import_hr_file(db.session, data)
        db.session.commit()
        rows.append((name, f"import {people:,} people", time.perf_counter() - start, None, first.summary()))
        start = time.perf_counter()
        again = import_hr_file(db.session, data)
        db.session.commit()
        rows.append((name, "re-import, no change", time.perf_counter() - start, None, again.summary()))
        assert again.unchanged == people, again.summary()

        year, today = current_training_year(), uk_today()
        staff = set(db.session.scalars(text("SELECT staff_number FROM users WHERE staff_number IS NOT NULL")))
        completions, outside = add_activity(db.session, staff, year, today, seed)
        db.session.commit()
        if name == "postgresql":  # what autovacuum does in service: statistics, and the visibility map
            db.session.commit()
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(text("VACUUM ANALYZE"))
        else:
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        rows.append((name, f"activity: {completions:,} completions, {outside:,} outside", None, None, ""))

        manager, size = manager_near(10_000)
        low, high = line_bounds(manager.line_path)
        params = {"year": year.label, "starts": year.starts, "ends": year.ends, "required": REQUIRED}
        hand_team = text(TEAM_SQL)
        filters = TeamFilters(scope="line")

        def app_team():
            return {
                r.id: (r.minutes, r.required, r.status)
                for r in all_team_rows(db.session, manager, year, REQUIRED, filters)
            }

        def hand_team_rows():
            found = db.session.execute(hand_team, {**params, "low": low, "high": high})
            return {r.id: (r.minutes, r.required, r.status) for r in found}

        hand_time, hand_result = timed(hand_team_rows, runs)
        app_time, app_result = timed(app_team, runs)
        assert app_result == hand_result, "the team report and the hand-written SQL disagree"
        rows.append((name, f"team report, line of {size:,}: every row", app_time, hand_time, ""))
        page_time, page = timed(lambda: team_report(db.session, manager, year, REQUIRED, filters), runs)
        assert page.total == size
        rows.append((name, f"team page as served (summary, chart, page 1 of {page.pages})", page_time, hand_time, ""))

        hand_rollup = text(ROLLUP_SQL)

        month = {"postgresql": "to_char({}, 'YYYY-MM')", "sqlite": "strftime('%Y-%m', {})"}[name]
        hand_trend = text(TREND_SQL.format(outside=month.format("learned_on")))

        def hand_rollup_rows():
            cells = Counter()
            for department, _grade, count, met, not_started in db.session.execute(hand_rollup, params):
                cells[(department, "people")] += count
                cells[(department, "met")] += int(met)
                cells[(department, "not_started")] += int(not_started)
            for when, minutes in db.session.execute(hand_trend, params):
                cells[(when, "minutes")] += int(minutes)
            return cells

        def app_rollup():
            report = org_report(db.session, year, REQUIRED, None)
            cells = Counter()
            for group in report.by_department:
                cells[(group.label, "people")] += group.people
                cells[(group.label, "met")] += group.met
                cells[(group.label, "not_started")] += group.not_started
            for when, minutes in report.trend:
                cells[(when, "minutes")] += minutes
            return cells

        hand_time, hand_result = timed(hand_rollup_rows, runs)
        app_time, app_result = timed(app_rollup, runs)
        assert app_result == hand_result, "the organisation report and the hand-written SQL disagree"
        rows.append((name, "organisation rollup (departments, grades, trend)", app_time, hand_time, ""))
        raw = text(RAW_SUM_SQL)
        raw_time, _ = timed(lambda: db.session.execute(raw, params).all(), runs)
        rows.append((name, "for comparison: adding up every completion per person", raw_time, None, ""))
        db.session.remove()
        db.engine.dispose()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=510_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    results = []
    for name in args.databases.split(","):
        if name == "sqlite":
            with tempfile.TemporaryDirectory(prefix="data-day-bench-") as directory:
                results += run(name, f"sqlite:///{directory}/bench.sqlite", args.people, args.seed, args.runs)
        else:
            from tests.helpers.postgres import start_cluster

            cluster = start_cluster()
            try:
                results += run(name, cluster.create_database("data_day_bench"), args.people, args.seed, args.runs)
            finally:
                cluster.stop()
    print(f"\n{'database':<11} {'measure':<62} {'Data Day':>9} {'hand SQL':>9} {'ratio':>6}  notes")
    for name, measure, app_time, hand_time, note in results:
        app = f"{app_time:.3f}s" if app_time is not None else ""
        hand = f"{hand_time:.3f}s" if hand_time is not None else ""
        ratio = f"{app_time / hand_time:.2f}" if app_time is not None and hand_time else ""
        print(f"{name:<11} {measure:<62} {app:>9} {hand:>9} {ratio:>6}  {note}")


if __name__ == "__main__":
    main()
