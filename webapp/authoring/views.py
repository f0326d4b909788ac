"""For course authors: the state of the content as the app sees it now, and how learners do on it."""

from flask import abort, current_app, render_template

from webapp.authoring import bp
from webapp.authoring.pages import (
    content_checks_page,
    course_page,
    course_problems,
    course_report,
    course_summaries,
    course_years,
    overview_page,
)
from webapp.extensions import db
from webapp.queries.catalogue import live_item_ids
from webapp.queries.content_stats import years_items_were_used
from webapp.web.content_pages import content_library
from webapp.web.permissions import can_author, requires
from webapp.web.years import current_training_year, selected_year


@bp.get("/content-checks")
@requires(can_author)
def content_checks():
    return render_template("authoring/content-checks.html", page=content_checks_page(content_library()))


@bp.get("/authoring")
@requires(can_author)
def overview():
    library, year = content_library(), selected_year()
    summaries = course_summaries(db.session, library, live_item_ids(db.session), year.label)
    return render_template("authoring/overview.html", page=overview_page(library, summaries, year))


@bp.get("/authoring/courses/<course_slug>")
@requires(can_author)
def course(course_slug: str):
    library, year = content_library(), selected_year()
    course = library.course(course_slug)
    if course is None:
        abort(404)
    item_ids = live_item_ids(db.session)
    used = years_items_were_used(db.session, [i for (slug, _item), i in item_ids.items() if slug == course.slug])
    years = course_years(used, current_training_year(), current_app.config["YEAR_START"])
    page = course_page(
        course, year, years, course_problems(library, course), course_report(db.session, course, item_ids, year.label)
    )
    return render_template("authoring/course.html", page=page)
