"""An exercise: instructions, the notebook running in the browser, and questions checked here."""

from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, send_file, url_for
from flask_login import current_user

from webapp.content.answers import mark_submission
from webapp.content.page_problems import problems_for
from webapp.content.render import render_markdown
from webapp.exercises import bp
from webapp.exercises.downloads import notebook_download
from webapp.exercises.pages import answer_errors, question_fields
from webapp.extensions import db
from webapp.queries.catalogue import find_live_item
from webapp.queries.completions import record_submission
from webapp.web.content_pages import Shown, content_library, not_available, opened_item_page, shown_version
from webapp.web.form_fields import posted_answers
from webapp.web.permissions import can_author
from webapp.web.xapi import xapi_settings
from webapp.web.years import current_training_year


def _exercise_or_404(slug: str):
    library = content_library()
    exercise = library.exercise(slug)
    if exercise is None:
        abort(404)
    course = library.course(exercise.course_slug)
    if course is None or course.item(slug) is not exercise:
        # In the files but not placed in a course, which is always a problem: nothing to show until it is fixed.
        not_available(problems_for(library, exercise) if can_author(current_user) else [])
    return exercise, course


def _page(exercise, course, shown: Shown, marking=None, answers=None) -> str:
    """`exercise` is the one in the course now (its place); `shown` is what this person may read of it."""
    return render_template(
        "exercises/exercise.html",
        page=opened_item_page(course, exercise, shown),
        instructions=render_markdown(shown.page.doc.body, f"exercises/{exercise.slug}"),
        lite_ready=(Path(current_app.config["LITE_DIR"]) / "jupyter-lite.json").is_file(),
        fields=question_fields(shown.page.questions, marking, answers or {}),
        errors=answer_errors(shown.page.questions, marking),
    )


@bp.get("/exercises/<slug>")
def exercise(slug: str):
    exercise, course = _exercise_or_404(slug)
    return _page(exercise, course, shown_version(exercise))


@bp.post("/exercises/<slug>/answers")
def answer(slug: str):
    exercise, course = _exercise_or_404(slug)
    shown = shown_version(exercise)
    item = find_live_item(db.session, course.slug, exercise.slug)
    if item is None:
        abort(404)
    if shown.problems:  # an author previewing a broken exercise: nothing is marked until the files are fixed
        return _page(exercise, course, shown)
    questions = shown.page.questions
    answers = posted_answers(questions)
    marking = mark_submission(questions, answers)
    if marking.unreadable:
        return _page(exercise, course, shown, marking, answers)
    completed = record_submission(db.session, current_user.id, item, marking, current_training_year(), xapi_settings())
    db.session.commit()
    if not marking.all_correct:
        return _page(exercise, course, shown, marking, answers)
    if completed:
        flash(f"Exercise complete: {item.minutes} minutes added to your training record", "success")
    else:
        flash("All your answers are right. You had already completed this exercise this training year.", "info")
    return redirect(url_for("exercises.exercise", slug=slug))


@bp.get("/exercises/<slug>/download/<path:filename>")
def download(slug: str, filename: str):
    exercise, _course = _exercise_or_404(slug)
    shown_version(exercise)  # learners get no files while the exercise has problems and no last good version
    if filename == f"{slug}.ipynb":
        return notebook_download(exercise)
    data = {path.name: path for path in exercise.data_files}
    if filename not in data:
        abort(404)
    return send_file(data[filename], as_attachment=True, download_name=filename)
