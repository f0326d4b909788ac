"""Erasing a person (an erasure request under UK GDPR, or the retention period after they left).

What identifies them goes: name, email, staff number, sign-in details, the words they typed, the evidence
files they attached, and their address in the audit log. What they learned stays as anonymous minutes, in
their department and training year, so reports for past years do not change. Their row stays too, as
"Erased person", because the minutes hang from it."""

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from webapp.models.audit_log import AuditEvent
from webapp.models.completions import ExerciseAttempt
from webapp.models.email_links import EmailLink
from webapp.models.lesson_answers import LessonAnswer
from webapp.models.outside_learning import OutsideLearning, OutsideLearningEvent
from webapp.models.people import User
from webapp.models.placement import PlacementAnswer, PlacementResult
from webapp.models.sign_in_sessions import SignInSession
from webapp.models.xapi import XapiStatement
from webapp.queries.audit_log import record_event
from webapp.queries.evidence_files import delete_files_of

ERASED_NAME = "Erased person"


def erased_email(user_id: int) -> str:
    return f"erased-{user_id}@erased.invalid"  # .invalid can never be a real mailbox (RFC 2606)


def erase_person(session: Session, user: User, now: datetime, *, reason: str) -> list[str]:
    """In the caller's transaction: all of it is kept, or none. Returns the stored names of the person's evidence
    files, for the caller to delete once it is committed (a purge deletes any a crash leaves behind)."""
    email = user.email
    user.name, user.email, user.staff_number = ERASED_NAME, erased_email(user.id), None
    user.password_hash, user.sso_subject, user.active = None, None, False
    user.reports_on_department_id, user.is_admin, user.is_author = None, False, False
    user.erased_at = now
    session.execute(
        update(OutsideLearning)
        .where(OutsideLearning.user_id == user.id)
        .values(title="Outside learning", provider="", link=None, notes=None, review_comment=None)
    )
    entries = select(OutsideLearning.id).where(OutsideLearning.user_id == user.id).scalar_subquery()
    session.execute(
        update(OutsideLearningEvent)
        .where(OutsideLearningEvent.entry_id.in_(entries))
        .values(changes=None, comment=None)
    )
    session.execute(update(ExerciseAttempt).where(ExerciseAttempt.user_id == user.id).values(answer=""))
    session.execute(update(LessonAnswer).where(LessonAnswer.user_id == user.id).values(answer=""))
    results = select(PlacementResult.id).where(PlacementResult.user_id == user.id).scalar_subquery()
    session.execute(update(PlacementAnswer).where(PlacementAnswer.result_id.in_(results)).values(answer=""))
    session.execute(delete(SignInSession).where(SignInSession.user_id == user.id))
    session.execute(delete(EmailLink).where(EmailLink.user_id == user.id))
    # Statements already sent are the LRS's to erase; those not sent yet are never sent.
    session.execute(delete(XapiStatement).where(XapiStatement.user_id == user.id, XapiStatement.sent_at.is_(None)))
    evidence = delete_files_of(session, user.id)
    _redact_audit_log(session, user.id, email)
    record_event(session, "person_erased", subject=user, reason=reason)
    return evidence


def _redact_audit_log(session: Session, user_id: int, email: str) -> None:
    """Entries stay (what happened, when); who they were does not. The trigger allows only this change."""
    session.execute(update(AuditEvent).where(AuditEvent.actor_id == user_id).values(actor_email=None, address=None))
    session.execute(update(AuditEvent).where(AuditEvent.subject_id == user_id).values(subject_email=None))
    # With no one signed in (a failed sign-in), the address is the person's own, or whoever tried as them.
    anonymous = (AuditEvent.subject_id == user_id) & AuditEvent.actor_id.is_(None)
    session.execute(update(AuditEvent).where(anonymous).values(address=None))
    session.execute(update(AuditEvent).where(AuditEvent.subject_email == email).values(subject_email=None))
    # Details name people by email (a line manager change names both managers).
    session.execute(update(AuditEvent).where(AuditEvent.details.contains(email)).values(details=""))


def expired_people(session: Session, now: datetime, *, retention: timedelta) -> list[int]:
    """Deactivated longer ago than the retention period, and not erased yet."""
    statement = select(User.id).where(
        User.active.is_(False), User.erased_at.is_(None), User.deactivated_at < now - retention
    )
    return list(session.scalars(statement.order_by(User.id)))
