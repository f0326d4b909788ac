"""The catalogue, a course's lessons and exercises, a lesson, marking it complete and answering its questions."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from webapp.content.answers import mark_submission
from webapp.content.render import render_markdown
from webapp.exercises.pages import answer_errors
from webapp.extensions import db
from webapp.learn import bp
from webapp.learn.data_files import data_download, with_data_box
from webapp.learn.pages import catalogue_by_level, course_progress
from webapp.learn.questions import group_anchor, lesson_parts, places, progress_text
from webapp.queries.catalogue import find_live_item, live_item_ids
from webapp.queries.completions import completed_item_ids, record_completion
from webapp.queries.lesson_answers import answer_progress, complete_when_all_right, record_lesson_answers
from webapp.web.content_pages import content_library, opened_item_page, readable_courses, shown_version
from webapp.web.form_fields import posted_answers
from webapp.web.pathway_steps import Step, item_status, pathway_progress
from webapp.web.placement import latest_score, tested_out_lessons, your_pathway
from webapp.web.xapi import xapi_settings
from webapp.web.years import current_training_year


def _course_or_404(course_slug: str):
    course = content_library().course(course_slug)
    if course is None:
        abort(404)
    return course


@bp.get("/courses")
def catalogue():
    completed = completed_item_ids(db.session, current_user.id, current_training_year())
    item_ids = live_item_ids(db.session)
    levels = catalogue_by_level(readable_courses(), item_ids, completed)
    library = content_library()
    score = latest_score(library.placement)
    pathway, chosen = your_pathway(score.recommended if score else None)
    tested_out = score.tested_out if score else frozenset()
    return render_template(
        "learn/catalogue.html",
        levels=levels,
        pathway=pathway_progress(library, pathway, chosen, item_ids, completed, tested_out) if pathway else None,
        placement=library.placement if library.placement and not library.placement.doc.problems else None,
        placement_taken=score is not None,
        has_pathways=bool(library.pathways and library.pathways.pathways),
    )


@bp.get("/courses/<course_slug>")
def course(course_slug: str):
    shown = shown_version(_course_or_404(course_slug))
    course = shown.page
    item_ids = live_item_ids(db.session)
    completed = completed_item_ids(db.session, current_user.id, current_training_year())
    tested = tested_out_lessons()
    return render_template(
        "learn/course.html",
        course=course,
        problems=shown.problems,
        progress=course_progress(course, item_ids, completed),
        intro=render_markdown(course.doc.body, course.base),
        status_of=lambda item: Step(
            item, item_status(f"{course.slug}/{item.slug}", item_ids.get((course.slug, item.slug)), completed, tested)
        ),
    )


@bp.get("/courses/<course_slug>/<lesson_slug>")
def lesson(course_slug: str, lesson_slug: str):
    course = _course_or_404(course_slug)
    lesson = course.item(lesson_slug)
    if lesson is None:
        abort(404)
    if lesson.kind == "exercise":
        return redirect(url_for("exercises.exercise", slug=lesson.slug))
    return _lesson_page(course, lesson, shown_version(lesson))


def _lesson_page(course, lesson, shown, marking=None, answers=None) -> str:
    """`lesson` is the one in the course now (its place); `shown` is what this person may read of it."""
    page = opened_item_page(course, lesson, shown)
    body = render_markdown(shown.page.doc.body, course.base)
    html = with_data_box(body.html, shown.page)
    questions = shown.page.questions
    item = page.row if questions else None
    progress = answer_progress(db.session, current_user.id, item.id, current_training_year()) if item else {}
    return render_template(
        "learn/lesson.html",
        page=page,
        body=body,
        parts=lesson_parts(html, questions, progress, marking, answers or {}),
        progress=progress_text(questions, progress) if questions else None,
        errors=answer_errors(questions, marking),
    )


@bp.get("/courses/<course_slug>/<lesson_slug>/download/<path:filename>")
def download(course_slug: str, lesson_slug: str, filename: str):
    """A data file of the lesson's activity: only one the lesson lists, from its course's data/ folder."""
    lesson = _course_or_404(course_slug).item(lesson_slug)
    if lesson is None or lesson.kind == "exercise":
        abort(404)
    path = shown_version(lesson).page.data_file(filename)
    if path is None:
        abort(404)
    return data_download(path)


@bp.post("/courses/<course_slug>/<lesson_slug>/answers")
def answer(course_slug: str, lesson_slug: str):
    """Mark the answers to the questions in one place in the lesson; complete it once every question is right."""
    course = _course_or_404(course_slug)
    lesson = course.item(lesson_slug)
    item = find_live_item(db.session, course_slug, lesson_slug)
    if lesson is None or lesson.kind == "exercise" or item is None:
        abort(404)
    shown = shown_version(lesson)
    if shown.problems:  # an author previewing a broken lesson: nothing is marked until the file is fixed
        return _lesson_page(course, lesson, shown)
    year, questions = current_training_year(), shown.page.questions
    progress = answer_progress(db.session, current_user.id, item.id, year)
    place = request.form.get("place", "")
    placed = places(questions, render_markdown(shown.page.doc.body, course.base).html)
    asked = [q for q in questions if placed[q.id] == place and not (q.id in progress and progress[q.id].right)]
    if not asked:  # answered already (another tab), or the questions have moved since the page was loaded
        return redirect(url_for("learn.lesson", course_slug=course_slug, lesson_slug=lesson_slug))
    answers = posted_answers(asked)
    marking = mark_submission(asked, answers)
    if marking.unreadable:
        return _lesson_page(course, lesson, shown, marking, answers)
    record_lesson_answers(db.session, current_user.id, item, marking, year, xapi_settings())
    db.session.commit()  # before looking for the other questions' answers: see complete_when_all_right
    completed = complete_when_all_right(
        db.session, current_user.id, item, [q.id for q in questions], year, xapi_settings()
    )
    db.session.commit()
    if not marking.all_correct:
        return _lesson_page(course, lesson, shown, marking, answers)
    if completed:
        flash(f"Lesson complete: {item.minutes} minutes added to your training record", "success")
    else:
        flash("Your answers are right.", "info")
    anchor = group_anchor(place)
    return redirect(url_for("learn.lesson", course_slug=course_slug, lesson_slug=lesson_slug, _anchor=anchor))


@bp.post("/courses/<course_slug>/<lesson_slug>/complete")
def complete(course_slug: str, lesson_slug: str):
    # CSRFProtect has already checked the token (it protects every POST app-wide).
    item = find_live_item(db.session, course_slug, lesson_slug)
    if item is None:
        abort(404)
    placed = _course_or_404(course_slug).item(lesson_slug)
    if placed is None or shown_version(placed).page.questions:
        # Lessons with questions, and exercises, are completed by answering their questions, not by a button.
        flash("Answer all the questions correctly to complete this lesson", "info")
        return redirect(url_for("learn.lesson", course_slug=course_slug, lesson_slug=lesson_slug))
    if record_completion(db.session, current_user.id, item, current_training_year(), xapi_settings()):
        flash(f"Lesson complete: {item.minutes} minutes added to your training record", "success")
    else:
        flash("You had already completed this lesson this training year, so it was not counted again", "info")
    db.session.commit()
    return redirect(url_for("learn.lesson", course_slug=course_slug, lesson_slug=lesson_slug))
