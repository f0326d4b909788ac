// The exercise page: tell the learner plainly whether Python has started in the notebook, and let
// them go back to the starter notebook. The notebook is a same-origin frame (JupyterLite under /lite/).

const STORAGE = "JupyterLite Storage - /lite/"; // JupyterLite's IndexedDB, named after its base URL
const frame = document.getElementById("notebook-frame");
const status = document.getElementById("notebook-status");
const START_TIMEOUT_MS = Number(status.dataset.startTimeout || 120) * 1000;
const startAgainButton = document.getElementById("start-again");

function say(text, state) {
  status.textContent = text;
  status.dataset.state = state;
}

function poll(check, deadline) {
  return new Promise((resolve, reject) => {
    const tick = () => {
      let value;
      try {
        value = check();
      } catch {
        value = null; // the frame is between pages
      }
      if (value) return resolve(value);
      if (Date.now() > deadline) return reject(new Error("timeout"));
      setTimeout(tick, 250);
    };
    tick();
  });
}

async function whenKernelReady() {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const app = await poll(() => frame.contentWindow.jupyterapp, deadline);
  const panel = await poll(() => {
    const widget = app.shell.currentWidget;
    return widget && widget.sessionContext ? widget : null;
  }, deadline);
  // The Pyodide kernel reports "unknown" until Python has booted, then "idle".
  await poll(() => {
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    return kernel && kernel.status === "idle";
  }, deadline);
}

async function watchNotebook() {
  say("Starting Python in your browser. This can take up to a minute the first time.", "starting");
  try {
    await whenKernelReady();
    say("Python is ready. Run each cell with Shift and Enter, or choose Run, then Run All Cells.", "ready");
  } catch {
    say(
      "The notebook has not started. Reload the page to try again, or download the notebook and data below " +
        "to work on them in Python on your computer.",
      "failed",
    );
  }
}

function openStorage() {
  return new Promise((resolve) => {
    const request = indexedDB.open(STORAGE);
    request.onupgradeneeded = () => request.transaction.abort(); // nothing saved yet: create nothing
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
  });
}

async function startAgain() {
  const slug = frame.dataset.notebookPath.split("/")[0];
  const src = frame.dataset.src;
  say("Putting back the original notebook.", "starting");
  // Unload the notebook first, so it cannot save the learner's copy back while we delete it.
  await new Promise((resolve) => {
    frame.addEventListener("load", resolve, { once: true });
    frame.src = "about:blank";
  });
  const db = await openStorage();
  if (db) {
    const saved = IDBKeyRange.bound(`${slug}/`, `${slug}/\uffff`);
    await new Promise((resolve, reject) => {
      const transaction = db.transaction(["files", "checkpoints"], "readwrite");
      transaction.objectStore("files").delete(saved);
      transaction.objectStore("checkpoints").delete(saved);
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  }
  frame.src = src;
  watchNotebook();
}

if (frame) {
  if (typeof WebAssembly !== "object") {
    frame.hidden = true;
    if (startAgainButton) startAgainButton.hidden = true;
    say(
      "Your browser cannot run Python here, because it does not support WebAssembly. " +
        "Download the notebook and data below to work on them in Python on your computer.",
      "unsupported",
    );
  } else {
    frame.src = frame.dataset.src; // only now: no point fetching Python for a browser that cannot run it
    watchNotebook();
    startAgainButton?.addEventListener("click", () => {
      if (window.confirm("Start again with the original notebook? Your changes to it will be lost.")) {
        startAgain();
      }
    });
  }
}
