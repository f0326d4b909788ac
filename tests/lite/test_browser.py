"""The built site in headless Chromium, served under /lite/ with a strict CSP and no route to anywhere else.

Only a real cell proves the build: a missing wheel makes the kernel hang without an error.
The JavaScript below is what the exercise page can use around its same-origin iframe.
"""

import functools
import http.server
import threading
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS
from tests.helpers.lite import SLUG, build_cache, write_exercise
from webapp.lite.build import BuildResult, build_site

pytestmark = pytest.mark.browser

NOTEBOOK_PATH = f"{SLUG}/{SLUG}.ipynb"
# What the site needs beyond 'self': ajv compiles settings schemas with eval, Pyodide compiles WebAssembly,
# JupyterLab injects styles, and outputs (SVG charts) are data: images.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; frame-ancestors 'self';"
    " base-uri 'self'; object-src 'none'; form-action 'self'"
)
EXERCISE_PAGE = f"""<!doctype html><html lang="en"><head><title>Exercise</title></head><body>
<iframe id="notebook" title="Exercise notebook" src="/lite/notebooks/index.html?path={NOTEBOOK_PATH}"
  style="width: 1200px; height: 800px"></iframe></body></html>"""

# Resolves with the notebook panel once Pyodide has started (kernel 'idle'); rejects after timeoutMs,
# when the page can say plainly that the notebook has not started.
WHEN_NOTEBOOK_READY = """
window.whenNotebookReady = async function (frame, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const until = async (check) => {
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('The notebook has not started');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const app = await until(() => frame.contentWindow && frame.contentWindow.jupyterapp);
  const panel = await until(() => {
    const widget = app.shell.currentWidget;
    return widget && widget.sessionContext ? widget : null;
  });
  await until(() => {
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    return kernel && kernel.status === 'idle';
  });
  return panel;
};

// Calls onOutput(type, content) for every output a cell produces: stream, display_data, execute_result, error.
window.onNotebookOutput = function (panel, onOutput) {
  panel.sessionContext.iopubMessage.connect((_, message) => {
    const type = message.header.msg_type;
    if (['stream', 'display_data', 'execute_result', 'error'].includes(type)) onOutput(type, message.content);
  });
};
"""

# "Start again": forget the learner's copy of an exercise so the starter notebook from the server shows.
START_AGAIN = """
window.startAgain = async function (frame, slug, storageName = 'JupyterLite Storage - /lite/') {
  const src = frame.src;
  // Unload the notebook first, so it cannot save the learner's copy back.
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = 'about:blank';
  });
  const db = await new Promise((resolve) => {
    const request = indexedDB.open(storageName);
    // No database yet means nothing to forget: abort rather than create an empty one.
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
  });
  if (db) {
    const wholeExercise = IDBKeyRange.bound(`${slug}/`, `${slug}/\\uffff`);
    await new Promise((resolve, reject) => {
      const transaction = db.transaction(['files', 'checkpoints'], 'readwrite');
      transaction.objectStore('files').delete(wholeExercise);
      transaction.objectStore('checkpoints').delete(wholeExercise);
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  }
  frame.src = src;
};
"""


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """The site under /lite/ as the app will serve it, plus one exercise page that embeds it."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }
    csp = ""
    bytes_served = 0

    def do_GET(self):
        if self.path == "/exercise.html":
            body = EXERCISE_PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().do_GET()

    def translate_path(self, path):
        return super().translate_path(path.removeprefix("/lite")) if path.startswith("/lite/") else "/nonexistent"

    def end_headers(self):
        if self.path.startswith("/lite/"):
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def copyfile(self, source, outputfile):
        data = source.read()
        type(self).bytes_served += len(data)
        outputfile.write(data)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def built(request, tmp_path_factory) -> BuildResult:
    exercise = write_exercise(tmp_path_factory.mktemp("exercise"))
    cache_dir = build_cache(request.config, tmp_path_factory)
    return build_site([exercise], tmp_path_factory.mktemp("out") / "lite", cache_dir=cache_dir)


@pytest.fixture(scope="module")
def server(built):
    handler = type("Handler", (SiteHandler,), {"csp": CSP.format(hashes=" ".join(built.csp_script_hashes))})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=built.output_dir))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, handler
    httpd.shutdown()
    thread.join(timeout=5)
    httpd.server_close()


@pytest.fixture(scope="module")
def chromium(browser_type):
    """A browser of our own: the offline resolver rules must not leak into other tests' shared browser."""
    browser = browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def visit(chromium, server):
    """A fresh (cold) browser profile; records every request, the page's and its workers'."""
    httpd, handler = server
    context = chromium.new_context()
    context.set_default_timeout(90_000)
    origin = f"http://127.0.0.1:{httpd.server_port}"
    record = {"origin": origin, "requests": [], "errors": [], "console": [], "handler": handler}
    context.on("request", lambda request: record["requests"].append(request.url))
    context.on("response", lambda response: response.status >= 400 and record["errors"].append(response.url))
    handler.bytes_served = 0
    page = context.new_page()
    page.on("console", lambda message: record["console"].append(f"{message.type}: {message.text[:300]}"))
    yield page, record
    context.close()


def _wait_for(locator, record):
    """A hung kernel shows nothing on the page: put the browser console in the failure instead."""
    try:
        locator.wait_for()
    except PlaywrightTimeoutError:
        console = "\n".join(line for line in record["console"] if not line.startswith(("debug", "warning")))
        pytest.fail(f"{locator} never appeared. Browser console:\n{console}")


def _assert_stayed_on_site(record):
    foreign = [url for url in record["requests"] if not url.startswith((record["origin"] + "/", "data:", "blob:"))]
    assert foreign == []
    assert record["errors"] == []


def test_every_cell_runs_offline_with_table_and_chart(visit, record_property):
    page, record = visit
    started = time.monotonic()
    page.goto(f"{record['origin']}/lite/notebooks/index.html?path={NOTEBOOK_PATH}")
    # As a learner would: wait for the notebook and its kernel's name before choosing Run > Run All Cells.
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    page.locator(".jp-NotebookPanel-toolbar").get_by_text("Python (Pyodide)").wait_for()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()

    outputs = page.locator(".jp-OutputArea-output")
    _wait_for(outputs.first, record)
    first_output = time.monotonic() - started
    chart = page.locator(".jp-RenderedSVG img")
    _wait_for(chart, record)

    assert outputs.nth(0).inner_text().strip() == "3 months read"
    assert "February" in outputs.nth(1).inner_text()
    assert page.locator(".jp-RenderedHTMLCommon table").get_by_text("March").is_visible()
    assert "Attendances%20by%20month" in chart.get_attribute("src")
    _assert_stayed_on_site(record)
    record_property("seconds_to_first_output", round(first_output, 1))
    record_property("bytes_served", record["handler"].bytes_served)
    print(f"\nfirst output after {first_output:.1f} s; {record['handler'].bytes_served / 1e6:.1f} MB served")


def test_exercise_page_sees_the_kernel_start_and_can_start_again(visit):
    page, record = visit
    page.goto(f"{record['origin']}/exercise.html")
    page.add_script_tag(content=WHEN_NOTEBOOK_READY + START_AGAIN)
    frame = page.locator("#notebook")

    outputs = page.evaluate(
        """async () => {
            const frame = document.getElementById('notebook');
            const panel = await whenNotebookReady(frame, 60000);
            const seen = [];
            onNotebookOutput(panel, (type) => seen.push(type));
            const cell = panel.content.model.cells.get(2).sharedModel;
            cell.setSource('from tabulate import tabulate\\nprint("my own answer")');
            await frame.contentWindow.jupyterapp.commands.execute('notebook:run-all-cells');
            await panel.context.save();
            return seen;
        }"""
    )
    # print() may arrive in several stream messages; the table and the chart are one result each.
    assert set(outputs) == {"stream", "execute_result"}
    assert outputs.count("execute_result") == 2
    notebook = frame.content_frame.locator(".jp-Notebook")
    notebook.get_by_text("my own answer").first.wait_for()

    page.reload()
    page.add_script_tag(content=WHEN_NOTEBOOK_READY + START_AGAIN)
    frame.content_frame.get_by_text('print("my own answer")').wait_for()
    assert frame.content_frame.get_by_text('print(tabulate(rows, headers="keys"))').count() == 0
    page.evaluate("(slug) => startAgain(document.getElementById('notebook'), slug)", SLUG)
    frame.content_frame.get_by_text('print(tabulate(rows, headers="keys"))').wait_for()
    assert frame.content_frame.get_by_text("my own answer").count() == 0
    _assert_stayed_on_site(record)
