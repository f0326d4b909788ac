"""Table definitions only, one module per aggregate. The queries on them are in webapp.queries."""

from webapp.models.audit_log import AuditEvent
from webapp.models.completions import Completion, ExerciseAttempt, ItemStart, MonthTotal, TrainingTotal
from webapp.models.content import Course, CourseItem
from webapp.models.email_links import EmailLink
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import Department, User
from webapp.models.rate_limits import RateLimitCounter
from webapp.models.sign_in_sessions import SignInSession

__all__ = [
    "AuditEvent",
    "EmailLink",
    "SignInSession",
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
