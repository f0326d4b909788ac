"""The queue of xAPI statements: added in the caller's transaction, claimed by one sender at a time, marked sent.

Statements are built here from the rows that cause them (webapp.xapi.statements builds the JSON). Nothing is
queued while xAPI is off: every queue_* function takes the settings, or None, and returns quietly then.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from webapp.content.answers import Marked
from webapp.models.completions import Completion, ExerciseAttempt
from webapp.models.content import CourseItem
from webapp.models.lesson_answers import LessonAnswer
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import User
from webapp.models.placement import PlacementResult
from webapp.models.xapi import XapiStatement
from webapp.xapi import statements as xapi
from webapp.xapi.settings import XapiSettings

log = logging.getLogger(__name__)
LONGEST_WAIT = timedelta(days=1)  # backoff doubles up to here


def queue_statement(session: Session, statement: xapi.Statement, *, user_id: int) -> bool:
    """Queue one statement in the caller's transaction. False if its id was queued before (nothing added).

    No savepoint: on SQLite releasing one would commit the caller's change early. Ids come from rows this
    transaction made, so only a deliberate re-queue finds its id taken, and the unique constraint stays the guard."""
    taken = select(XapiStatement.id).where(XapiStatement.statement_id == statement["id"])
    if session.scalar(taken) is not None:
        return False
    session.add(XapiStatement(statement_id=statement["id"], user_id=user_id, body=statement))
    return True


@dataclass(frozen=True)
class Speaker:
    """What every statement about one person shares: the settings, and the person as the LRS knows them."""

    settings: XapiSettings
    learner: xapi.Learner
    actor: dict

    def id(self, source: str) -> str:
        return xapi.statement_id(self.settings.service_url, source)

    def queue(self, session: Session, statement: xapi.Statement) -> bool:
        return queue_statement(session, statement, user_id=self.learner.id)


def speaker(session: Session, settings: XapiSettings | None, user_id: int) -> Speaker | None:
    """None when xAPI is off, or when the person has no staff number and the LRS knows people by it."""
    if settings is None or not settings.enabled:
        return None
    user = session.get_one(User, user_id)
    learner = xapi.Learner(user.id, user.email, user.staff_number)
    actor = xapi.actor(learner, settings.actor, settings.account_homepage, settings.account_name)
    if actor is None:
        log.warning("xAPI: person %s has no staff number, so no statement is queued about them", user.id)
        return None
    return Speaker(settings, learner, actor)


def _activities(settings: XapiSettings, item: CourseItem) -> tuple[xapi.Activity, xapi.Activity]:
    course = item.course
    activity = xapi.item_activity(settings.service_url, course.slug, item.slug, item.title, item.kind)
    return activity, xapi.course_activity(settings.service_url, course.slug, course.title)


def _year(settings: XapiSettings, year: int) -> dict:
    return {f"{settings.service_url}/xapi/extensions/training-year": year}


def _source(table: str, row_id: int, at: datetime) -> str:
    """A row's identity: its id, and its time in case a restored or rebuilt database gives that id again."""
    return f"{table}/{row_id}/{at.isoformat()}"


def queue_completion(session: Session, settings: XapiSettings | None, completion: Completion) -> None:
    """Queue "completed" for a lesson or an exercise, with the minutes it credited as its duration."""
    who = speaker(session, settings, completion.user_id)
    if who is None:
        return
    activity, course = _activities(who.settings, completion.item)
    statement = xapi.build(
        id=who.id(_source("completion", completion.id, completion.completed_at)),
        who=who.actor,
        verb=xapi.COMPLETED,
        activity=activity,
        at=completion.completed_at,
        platform=who.settings.service_name,
        result={"completion": True, "duration": xapi.duration(completion.minutes)},
        parent=course,
        registration=xapi.registration(who.settings.service_url, who.learner, activity, completion.training_year),
        extensions=_year(who.settings, completion.training_year),
    )
    who.queue(session, statement)


def _answered(who: Speaker, parent: xapi.Activity, registration: str, row: tuple, marked: Marked) -> xapi.Statement:
    """`row` is the stored answer: (table, id, when)."""
    question = xapi.question_activity(parent, marked.question.id, marked.question.prompt)
    return xapi.answered(
        id=who.id(_source(*row)),
        who=who.actor,
        question=question,
        correct=marked.verdict.correct,
        at=row[2],
        platform=who.settings.service_name,
        # Free text may say anything (a name, a complaint): only numbers and chosen options are sent.
        response=None if marked.question.kind == "text" else marked.verdict.recorded,
        parent=parent,
        registration=registration,
    )


def queue_exercise_answers(
    session: Session, settings: XapiSettings | None, item: CourseItem, answered: list[tuple[ExerciseAttempt, Marked]]
) -> None:
    """Queue "answered" for each question (success: right or wrong), then "passed" or "failed" with the score."""
    who = speaker(session, settings, answered[0][0].user_id) if answered else None
    if who is None:
        return
    activity, course = _activities(who.settings, item)
    first, year = answered[0][0], answered[0][0].training_year
    registration = xapi.registration(who.settings.service_url, who.learner, activity, year)
    for attempt, marked in answered:
        row = ("exercise-attempt", attempt.id, attempt.attempted_at)
        who.queue(session, _answered(who, activity, registration, row, marked))
    right = sum(attempt.correct for attempt, _ in answered)
    score = {"raw": right, "min": 0, "max": len(answered), "scaled": round(right / len(answered), 4)}
    statement = xapi.build(
        id=who.id(_source("exercise-submission", first.id, first.attempted_at)),
        who=who.actor,
        verb=xapi.PASSED if right == len(answered) else xapi.FAILED,
        activity=activity,
        at=first.attempted_at,
        platform=who.settings.service_name,
        result={"success": right == len(answered), "score": score},
        parent=course,
        registration=registration,
        extensions=_year(who.settings, year),
    )
    who.queue(session, statement)


def queue_lesson_answers(
    session: Session, settings: XapiSettings | None, item: CourseItem, answered: list[tuple[LessonAnswer, Marked]]
) -> None:
    """Queue "answered" for each of a lesson's marked questions answered; the lesson's "completed" follows once
    all are right (record_completion)."""
    who = speaker(session, settings, answered[0][0].user_id) if answered else None
    if who is None:
        return
    activity, _course = _activities(who.settings, item)
    registration = xapi.registration(who.settings.service_url, who.learner, activity, answered[0][0].training_year)
    for answer, marked in answered:
        row = ("lesson-answer", answer.id, answer.answered_at)
        who.queue(session, _answered(who, activity, registration, row, marked))


def queue_placement_result(
    session: Session, settings: XapiSettings | None, item: CourseItem, result: PlacementResult, marked: list[Marked]
) -> None:
    """Queue "answered" for each placement question, then "scored" with the score and the level it recommends."""
    who = speaker(session, settings, result.user_id)
    if who is None:
        return
    activity, course = _activities(who.settings, item)
    registration = xapi.registration(who.settings.service_url, who.learner, activity, result.training_year)
    for answer, mark in zip(result.answers, marked, strict=True):
        who.queue(
            session, _answered(who, activity, registration, ("placement-answer", answer.id, result.taken_at), mark)
        )
    score = {"raw": result.score, "min": 0, "max": result.out_of, "scaled": round(result.score / result.out_of, 4)}
    level = {f"{who.settings.service_url}/xapi/extensions/recommended-level": result.recommended_level}
    statement = xapi.build(
        id=who.id(_source("placement-result", result.id, result.taken_at)),
        who=who.actor,
        verb=xapi.SCORED,
        activity=activity,
        at=result.taken_at,
        platform=who.settings.service_name,
        result={"score": score},
        parent=course,
        registration=registration,
        extensions={**_year(who.settings, result.training_year), **level},
    )
    who.queue(session, statement)


def queue_confirmed_learning(session: Session, settings: XapiSettings | None, entry: OutsideLearning) -> None:
    """Queue "completed" for outside learning a line manager confirmed, on the day it was done."""
    who = speaker(session, settings, entry.user_id)
    if who is None or entry.reviewed_at is None:
        return
    activity = xapi.outside_learning_activity(who.settings.service_url, entry.id, entry.title)
    statement = xapi.build(
        # A changed entry confirmed again is a new statement: its own confirmation time.
        id=who.id(_source("outside-learning-confirmed", entry.id, entry.reviewed_at)),
        who=who.actor,
        verb=xapi.COMPLETED,
        activity=activity,
        at=xapi.start_of_uk_day(entry.learned_on),
        platform=who.settings.service_name,
        result={"completion": True, "duration": xapi.duration(entry.minutes)},
        extensions={f"{who.settings.service_url}/xapi/extensions/confirmed-by-line-manager": True},
    )
    who.queue(session, statement)


@dataclass(frozen=True)
class Claimed:
    row_id: int
    statement_id: str
    body: dict
    attempts: int


def claim_due(session: Session, due_by: datetime, *, limit: int, max_attempts: int, lease: timedelta) -> list[Claimed]:
    """Up to `limit` unsent statements due by `due_by`, each moved `lease` into the future so that no other sender
    takes it meanwhile. Rows another sender has locked (PostgreSQL) or moved first are skipped. Commit after."""
    due = (
        select(XapiStatement)
        .where(
            XapiStatement.sent_at.is_(None),
            XapiStatement.next_attempt_at <= due_by,
            XapiStatement.attempts < max_attempts,
        )
        .order_by(XapiStatement.next_attempt_at, XapiStatement.id)
        .limit(limit)
        .with_for_update(skip_locked=True)  # SQLite has no row locks: the conditional update below decides there
    )
    claimed = []
    for row in session.execute(due.execution_options(populate_existing=True)).scalars().all():
        taken = session.execute(
            update(XapiStatement)
            .where(XapiStatement.id == row.id, XapiStatement.sent_at.is_(None))
            .where(XapiStatement.next_attempt_at == row.next_attempt_at)
            .values(next_attempt_at=due_by + lease)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount == 1:  # type: ignore[attr-defined]
            claimed.append(Claimed(row.id, row.statement_id, row.body, row.attempts))
    return claimed


def mark_sent(session: Session, claimed: list[Claimed], now: datetime) -> None:
    ids = [c.row_id for c in claimed]
    session.execute(update(XapiStatement).where(XapiStatement.id.in_(ids)).values(sent_at=now, last_error=None))


def mark_failed(session: Session, claimed: Claimed, now: datetime, error: str, retry_seconds: float) -> None:
    """Try again later: the wait doubles with each failure, up to a day."""
    wait = min(timedelta(seconds=retry_seconds * 2**claimed.attempts), LONGEST_WAIT)
    session.execute(
        update(XapiStatement)
        .where(XapiStatement.id == claimed.row_id)
        .values(attempts=XapiStatement.attempts + 1, next_attempt_at=now + wait, last_error=error[:500])
    )


@dataclass(frozen=True)
class QueueCounts:
    sent: int
    waiting: int  # not sent yet, will be tried
    failing: int  # of those waiting, the ones that failed at least once
    given_up: int  # failed XAPI_MAX_ATTEMPTS times: not tried again


def queue_counts(session: Session, max_attempts: int) -> QueueCounts:
    unsent = XapiStatement.sent_at.is_(None)
    query = select(
        func.count().filter(XapiStatement.sent_at.is_not(None)),
        func.count().filter(unsent, XapiStatement.attempts < max_attempts),
        func.count().filter(unsent, XapiStatement.attempts > 0, XapiStatement.attempts < max_attempts),
        func.count().filter(unsent, XapiStatement.attempts >= max_attempts),
    )
    return QueueCounts(*session.execute(query).one())
