"""For course authors: the state of the content as the app sees it now."""

from flask import render_template

from webapp.authoring import bp
from webapp.context import content_library
from webapp.security import requires_role


@bp.get("/content-checks")
@requires_role("author")
def content_checks():
    library = content_library()
    by_file: dict[str, list] = {}
    for problem in library.problems:
        by_file.setdefault(problem.path, []).append(problem)
    return render_template("authoring/content-checks.html", library=library, by_file=by_file)
