"""A learner analyses the exercise's data in Python in their browser, with nothing fetched from
anywhere but Data Day, answers the questions and sees their hours go up."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.helpers.accounts import make_user
from tests.helpers.browser import browser_sign_in
from tests.helpers.paths import FIXTURE_EXERCISES

pytestmark = pytest.mark.browser
PAGE = "/exercises/count-the-regions"
READY = "Python is ready"
PYTHON_START = 90_000  # ms; a cold start takes about 10 s on two cores

RUN_IN_KERNEL = """async (code) => {
  const app = document.getElementById("notebook-frame").contentWindow.jupyterapp;
  const kernel = app.shell.currentWidget.sessionContext.session.kernel;
  const future = kernel.requestExecute({ code });
  let text = "";
  future.onIOPub = (message) => {
    if (message.header.msg_type === "stream") text += message.content.text;
    if (message.header.msg_type === "error") text += message.content.evalue;
  };
  await future.done;
  return text;
}"""


def open_exercise(page, live_server, axe=None):
    browser_sign_in(page, live_server, make_user())
    page.goto(f"{live_server}{PAGE}")
    if axe:
        axe.check(page, exclude=["#notebook-frame"])  # JupyterLite's own UI is checked separately below
    expect(page.locator("#notebook-status")).to_contain_text(READY, timeout=PYTHON_START)


def test_the_notebook_runs_in_the_browser_and_the_answers_count(page, live_server, axe, foreign_requests):
    open_exercise(page, live_server, axe)
    notebook = page.frame_locator("#notebook-frame")
    expect(notebook.get_by_text("count-the-regions.ipynb").first).to_be_attached()

    page.evaluate(
        "() => document.getElementById('notebook-frame').contentWindow.jupyterapp.commands.execute("
        "'notebook:run-all-cells')"
    )
    outputs = notebook.locator(".jp-OutputArea-output")
    expect(outputs.filter(has_text="4 rows read")).to_have_count(1, timeout=PYTHON_START)
    expect(outputs.filter(has_text=re.compile(r"\| North East\s+\|\s+20 \|"))).to_have_count(1)  # tabulate
    expect(notebook.locator(".jp-RenderedSVG, .jp-RenderedImage")).to_have_count(1)  # the pygal chart

    # Work out the answers in the real kernel, from the data it was given, with the model solution.
    solution = (FIXTURE_EXERCISES / "count-the-regions" / "solution.py").read_text()
    printed = page.evaluate(RUN_IN_KERNEL, solution + "\nimport json\nprint(json.dumps(answers('.')))")
    answers = json.loads(printed.strip().splitlines()[-1])
    assert answers["rows"] == 4

    page.get_by_label("Question 1: How many rows").fill(str(answers["rows"]))
    page.get_by_label("Question 2: What is the mean").fill(str(answers["mean"]))
    page.get_by_label("Question 3: Which region has the most cases?").fill(answers["largest"])
    page.get_by_role("group", name="Question 4").get_by_label(answers["column"], exact=True).check()
    for region in answers["regions"]:
        page.get_by_role("group", name="Question 5").get_by_label(region, exact=True).check()
    page.get_by_role("button", name="Check my answers").click()

    expect(page.get_by_text("Exercise complete: 30 minutes added to your training record")).to_be_visible()
    axe.check(page, exclude=["#notebook-frame"])
    page.get_by_role("link", name="My training record").click()
    expect(page.locator("#progress-summary")).to_have_text("30 minutes of 7 hours")
    expect(page.get_by_role("cell", name=re.compile("Count the regions"))).to_be_visible()
    assert foreign_requests == []


def test_a_wrong_answer_gets_an_error_summary_with_the_hint(page, live_server, axe):
    browser_sign_in(page, live_server, make_user())
    page.goto(f"{live_server}{PAGE}")
    page.get_by_label("Question 1: How many rows").fill("5")
    page.get_by_role("button", name="Check my answers").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Question 1 is not right yet")).to_be_visible()
    expect(page.get_by_text("Hint: Do not count the header row.")).to_be_visible()
    axe.check(page, exclude=["#notebook-frame"])


def test_start_again_brings_back_the_starter_notebook(page, live_server):
    open_exercise(page, live_server)
    edit = """async () => {
      const app = document.getElementById("notebook-frame").contentWindow.jupyterapp;
      app.shell.currentWidget.content.model.sharedModel.cells[0].setSource("# My own notes");
      await app.commands.execute("docmanager:save");
    }"""
    first_cell = """() => document.getElementById("notebook-frame").contentWindow.jupyterapp
      .shell.currentWidget.content.model.sharedModel.cells[0].getSource()"""
    page.evaluate(edit)
    page.reload()
    expect(page.locator("#notebook-status")).to_contain_text(READY, timeout=PYTHON_START)
    assert page.evaluate(first_cell) == "# My own notes"  # kept in this browser

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start again with the original notebook").click()
    expect(page.locator("#notebook-status")).to_contain_text(READY, timeout=PYTHON_START)
    assert page.evaluate(first_cell).startswith("# Count the regions")


def test_without_webassembly_the_page_says_so_and_offers_downloads(page, live_server):
    page.add_init_script("delete window.WebAssembly")
    browser_sign_in(page, live_server, make_user())
    page.goto(f"{live_server}{PAGE}")
    expect(page.locator("#notebook-status")).to_contain_text("Your browser cannot run Python here")
    expect(page.locator("#notebook-frame")).to_be_hidden()
    download = page.get_by_role("link", name="The notebook (count-the-regions.ipynb)")
    with page.expect_download() as info:
        download.click()
    assert info.value.suggested_filename == "count-the-regions.ipynb"


@pytest.fixture
def short_start_timeout(settings):
    settings["NOTEBOOK_START_TIMEOUT"] = 8


def test_a_kernel_that_never_starts_is_reported_plainly(short_start_timeout, page, live_server):
    # A missing wheel hangs Pyodide without an error; withholding the runtime does the same.
    page.route(re.compile(r"/lite/static/pyodide.*"), lambda route: route.abort())
    browser_sign_in(page, live_server, make_user())
    page.goto(f"{live_server}{PAGE}")
    expect(page.locator("#notebook-status")).to_contain_text("The notebook has not started", timeout=20_000)
    expect(page.get_by_role("link", name="regions.csv")).to_be_visible()


def test_the_notebook_site_holds_no_answers(lite_site):
    """The questions' expected answers, hints and the model solution stay on the server."""
    secrets = ["def answers(", "Do not count the header row", "tolerance", "accepted: [NE]", "questions:"]
    files = [p for p in lite_site.rglob("*") if p.is_file() and p.suffix in {".json", ".ipynb", ".csv", ".py", ".md"}]
    assert any(p.name == "count-the-regions.ipynb" for p in files)
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        found = [secret for secret in secrets if secret in text]
        assert found == [], path


def test_the_notebook_site_is_served_with_its_own_policy_types_and_caching(client, lite_site):
    def head(path):
        with client.get(path) as response:  # WhiteNoise streams files: close them
            return response.status_code, response.headers

    wasm = next(lite_site.glob("static/pyodide-*/pyodide.asm.wasm")).relative_to(lite_site).as_posix()
    status, headers = head(f"/lite/{wasm}")
    assert status == 200 and headers["Content-Type"] == "application/wasm"
    assert "immutable" in headers["Cache-Control"]  # named after its contents
    assert "'wasm-unsafe-eval'" in headers["Content-Security-Policy"]
    status, headers = head("/lite/jupyter-lite.json")
    assert status == 200 and headers["Cache-Control"] == "no-cache"
    _, page = head("/")
    assert "wasm-unsafe-eval" not in page["Content-Security-Policy"]
    assert "worker-src 'none'" in page["Content-Security-Policy"]
