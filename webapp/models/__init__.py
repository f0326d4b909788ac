"""Table definitions only, one module per aggregate. The queries on them are in webapp.queries."""

from webapp.models.audit_log import AuditEvent
from webapp.models.certificates import Certificate
from webapp.models.completions import Completion, ExerciseAttempt, ItemStart, MonthTotal, TrainingTotal
from webapp.models.content import Course, CourseItem
from webapp.models.email_links import EmailLink
from webapp.models.evidence_files import EvidenceFile
from webapp.models.lesson_answers import LessonAnswer
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import Department, User
from webapp.models.placement import PathwayChoice, PlacementAnswer, PlacementResult
from webapp.models.rate_limits import RateLimitCounter
from webapp.models.reminders import ManagerDigest, ReminderOptOut, ReminderSent
from webapp.models.sign_in_sessions import SignInSession
from webapp.models.xapi import XapiStatement

__all__ = [
    "AuditEvent",
    "Certificate",
    "EmailLink",
    "EvidenceFile",
    "SignInSession",
    "Completion",
    "Course",
    "CourseItem",
    "Department",
    "ExerciseAttempt",
    "ItemStart",
    "LessonAnswer",
    "MonthTotal",
    "OutsideLearning",
    "PathwayChoice",
    "PlacementAnswer",
    "PlacementResult",
    "RateLimitCounter",
    "ManagerDigest",
    "ReminderOptOut",
    "ReminderSent",
    "TrainingTotal",
    "User",
    "XapiStatement",
]
