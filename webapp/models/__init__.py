"""Database models, one module per aggregate. Import from here."""

from webapp.models.content import Course, CourseItem
from webapp.models.people import User
from webapp.models.training import Completion, ExerciseAttempt, OutsideLearning

__all__ = ["Completion", "Course", "CourseItem", "ExerciseAttempt", "OutsideLearning", "User"]
