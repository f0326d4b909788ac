"""The starter notebook as a file the learner can open elsewhere (e.g. when the browser cannot run it)."""

import io

from flask import Response, send_file

from webapp.content.exercises import Exercise


def notebook_download(exercise: Exercise) -> Response:
    import jupytext

    notebook = jupytext.read(exercise.notebook, fmt="py:percent")
    buffer = io.BytesIO(jupytext.writes(notebook, fmt="ipynb").encode("utf-8"))
    return send_file(
        buffer, mimetype="application/x-ipynb+json", as_attachment=True, download_name=f"{exercise.slug}.ipynb"
    )
