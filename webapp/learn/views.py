"""The catalogue, a course's lessons and exercises, a lesson, and marking it complete."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from webapp.content.render import render_markdown
from webapp.extensions import db
from webapp.learn import bp
from webapp.learn.pages import catalogue_by_level, course_progress
from webapp.queries.catalogue import find_live_item, live_item_ids
from webapp.queries.completions import completed_item_ids, record_completion
from webapp.web.content_pages import content_library, opened_item_page, readable_courses, shown_version
from webapp.web.years import current_training_year


def _course_or_404(course_slug: str):
    course = content_library().course(course_slug)
    if course is None:
        abort(404)
    return course


@bp.get("/courses")
def catalogue():
    completed = completed_item_ids(db.session, current_user.id, current_training_year())
    levels = catalogue_by_level(readable_courses(), live_item_ids(db.session), completed)
    return render_template("learn/catalogue.html", levels=levels)


@bp.get("/courses/<course_slug>")
def course(course_slug: str):
    shown = shown_version(_course_or_404(course_slug))
    course = shown.page
    item_ids = live_item_ids(db.session)
    completed = completed_item_ids(db.session, current_user.id, current_training_year())
    return render_template(
        "learn/course.html",
        course=course,
        problems=shown.problems,
        progress=course_progress(course, item_ids, completed),
        intro=render_markdown(course.doc.body, course.base),
        is_done=lambda item: item_ids.get((course.slug, item.slug)) in completed,
    )


@bp.get("/courses/<course_slug>/<lesson_slug>")
def lesson(course_slug: str, lesson_slug: str):
    course = _course_or_404(course_slug)
    lesson = course.item(lesson_slug)
    if lesson is None:
        abort(404)
    if lesson.kind == "exercise":
        return redirect(url_for("exercises.exercise", slug=lesson.slug))
    shown = shown_version(lesson)
    body = render_markdown(shown.page.doc.body, course.base)
    return render_template("learn/lesson.html", page=opened_item_page(course, lesson, shown), body=body)


@bp.post("/courses/<course_slug>/<lesson_slug>/complete")
def complete(course_slug: str, lesson_slug: str):
    # CSRFProtect has already checked the token (it protects every POST app-wide).
    item = find_live_item(db.session, course_slug, lesson_slug)
    if item is None:
        abort(404)
    if record_completion(db.session, current_user.id, item, current_training_year()):
        flash(f"Lesson complete: {item.minutes} minutes added to your training record", "success")
    else:
        flash("You had already completed this lesson this training year, so it was not counted again", "info")
    db.session.commit()
    return redirect(url_for("learn.lesson", course_slug=course_slug, lesson_slug=lesson_slug))
