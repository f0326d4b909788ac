"""How long an exercise takes to become usable, inside Data Day's page and as a bare JupyterLite notebook.

Measured in one run, in the same headless Chromium, against the same server and site:
- kernel ready: navigation start until the Pyodide kernel reports idle;
- first output: navigation start until the first cell's output appears after "Run all";
- cold: a new browser context (empty cache); warm: the same page opened again in that context;
- bytes: what the cold start downloaded (compressed sizes, as sent).
The ratio divides Data Day's time by the bare notebook's (goal: 1.2 or less).

Run: .venv/bin/python bench/exercise_startup.py [--runs 3] [--exercise fly-tipping-first-look]
"""

import argparse
import logging
import statistics
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PASSWORD = "benchmark password 2026"
# The same readiness test for both: the notebook app, its panel, and an idle kernel.
WAIT_READY = """async (where) => {
  const win = () => where === "frame" ? document.getElementById("notebook-frame").contentWindow : window;
  for (;;) {
    try {
      const panel = win().jupyterapp.shell.currentWidget;
      const kernel = panel.sessionContext.session.kernel;
      if (kernel.status === "idle") return performance.now();
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
}"""
RUN_FIRST_OUTPUT = """async (where) => {
  const win = where === "frame" ? document.getElementById("notebook-frame").contentWindow : window;
  await win.jupyterapp.commands.execute("notebook:run-all-cells");
  for (;;) {
    if (win.document.querySelector(".jp-OutputArea-output")) return performance.now();
    await new Promise((r) => setTimeout(r, 50));
  }
}"""


def start_app(exercise: str):
    from webapp import create_app
    from webapp.config import Config
    from webapp.extensions import db
    from webapp.queries.content_sync import sync_library
    from webapp.queries.people import create_user
    from webapp.web.years import content_library

    folder = tempfile.mkdtemp(prefix="data-day-bench-")
    app = create_app(Config(), {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite"})
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        sync_library(db.session, content_library())
        create_user(db.session, "bench@example.gov.uk", "Bench Mark", PASSWORD)
        db.session.commit()
        if content_library().exercise(exercise) is None:
            sys.exit(f"no exercise called {exercise}")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def measure(browser, base: str, exercise: str, where: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    downloaded = [0]
    outside = []

    def count(request):
        sizes = request.sizes()
        downloaded[0] += sizes["responseBodySize"] + sizes["responseHeadersSize"]

    page.goto(f"{base}/sign-in")
    page.fill("#email", "bench@example.gov.uk")
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(f"{base}/courses")
    context.on("requestfinished", count)
    context.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else outside.append(r.url))
    bare = f"{base}/lite/notebooks/?path={exercise}/{exercise}.ipynb"
    url = f"{base}/exercises/{exercise}" if where == "frame" else bare
    result = {}
    for visit in ("cold", "warm"):
        page.goto(url, wait_until="commit")
        ready = page.evaluate(WAIT_READY, where)
        first = page.evaluate(RUN_FIRST_OUTPUT, where)
        # performance.now() counts from the navigation's start in the top-level page.
        result[visit] = (ready / 1000, first / 1000)
        if visit == "cold":
            page.wait_for_timeout(500)
            result["bytes"] = downloaded[0]
    context.close()
    if outside:
        sys.exit(f"requests left Data Day: {outside[:5]}")
    return result


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--exercise", default="fly-tipping-first-look")
    args = parser.parse_args()
    server, base = start_app(args.exercise)
    runs = {"frame": [], "bare": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.runs):
            for where in ("bare", "frame"):  # alternate, so drift in the machine hits both alike
                runs[where].append(measure(browser, base, args.exercise, where))
        browser.close()
    server.shutdown()
    report(runs, args)


def report(runs: dict, args) -> None:
    def median(where, visit, index):
        return statistics.median(run[visit][index] for run in runs[where])

    print(f"Exercise {args.exercise}, {args.runs} runs each, medians, seconds from navigation start\n")
    print("| measure | Data Day page | bare notebook | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for visit in ("cold", "warm"):
        for index, name in enumerate(("kernel ready", "first cell output")):
            ours, bare = median("frame", visit, index), median("bare", visit, index)
            print(f"| {name}, {visit} | {ours:.1f} | {bare:.1f} | {ours / bare:.2f} |")
    ours = statistics.median(run["bytes"] for run in runs["frame"]) / 1e6
    bare = statistics.median(run["bytes"] for run in runs["bare"]) / 1e6
    print(f"| downloaded on a cold start (MB) | {ours:.1f} | {bare:.1f} | {ours / bare:.2f} |")


if __name__ == "__main__":
    main()
