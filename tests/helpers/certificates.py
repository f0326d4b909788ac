"""A learner who has met the year's requirement with every kind of evidence, for the certificate tests."""

from flask import Flask

from tests.helpers.rows import (
    course_item,
    make_completion,
    make_department,
    make_exercise_attempt,
    make_outside_learning,
    make_person,
)
from webapp.extensions import db
from webapp.models import LessonAnswer, User
from webapp.queries.reviews import review
from webapp.web.years import current_training_year

NOT_COUNTED = "Unreviewed conference"


def make_certificate_holder(app: Flask) -> User:
    """Sam Okafor has met a 60-minute requirement: a lesson with marked questions (15 minutes), an exercise (30)
    and outside learning their manager Priya Shah confirmed (45). Sam's department counts nothing unconfirmed,
    so a second outside entry, not yet confirmed, is on the record and not on the certificate."""
    app.config["REQUIRED_MINUTES"] = 60
    department = make_department("Department for Examples", count_unconfirmed=False)
    priya = make_person("Priya Shah", department=department)
    sam = make_person("Sam Okafor", department=department, manager=priya)
    lesson, exercise = course_item("rows-and-columns"), course_item("count-the-regions")
    year = current_training_year().label
    for question, correct in [("cells", False), ("cells", True), ("headers", True)]:
        db.session.add(
            LessonAnswer(
                user_id=sam.id, item_id=lesson.id, question_id=question, answer="x", correct=correct, training_year=year
            )
        )
    make_completion(sam, lesson)
    for question in ["rows", "mean", "largest", "column", "regions"]:
        make_exercise_attempt(sam, exercise, question, correct=True)
    make_completion(sam, exercise)
    entry = make_outside_learning(sam, title="Data ethics workshop", provider="Analysis Function", minutes=45)
    review(db.session, entry, priya, confirm=True)
    make_outside_learning(sam, title=NOT_COUNTED, provider="Self", minutes=120)
    db.session.commit()
    return sam
