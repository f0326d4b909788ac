"""Database models, one module per aggregate. Import from here."""

from webapp.models.content import Course, CourseItem
from webapp.models.people import Department, User
from webapp.models.rate_limits import RateLimitCounter
from webapp.models.starts import ItemStart
from webapp.models.training import Completion, ExerciseAttempt, MonthTotal, OutsideLearning, TrainingTotal

__all__ = [
    "Completion",
    "Course",
    "CourseItem",
    "Department",
    "ExerciseAttempt",
    "ItemStart",
    "MonthTotal",
    "OutsideLearning",
    "RateLimitCounter",
    "TrainingTotal",
    "User",
]
