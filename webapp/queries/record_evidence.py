"""What stands behind each entry of a training record: the answers marked right, or the manager's confirmation
and any evidence file.

The record's entries come from queries.training_record; this adds, for each, the facts a certificate prints
beside it (webapp.record.evidence words them).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Integer, Select, bindparam, cast, func, select
from sqlalchemy.orm import Session

from webapp.models.completions import ExerciseAttempt
from webapp.models.evidence_files import EvidenceFile
from webapp.models.lesson_answers import LessonAnswer
from webapp.models.outside_learning import CONFIRMED, CONFIRMED_EVENT, RETURNED, OutsideLearningEvent
from webapp.models.people import User
from webapp.queries.evidence_files import evidence_files
from webapp.queries.placement import results_in_year
from webapp.queries.training_record import OUTSIDE, Entry
from webapp.training.years import TrainingYear

PLACEMENT = "placement"  # the placement check's entry kind (its course item's kind)


@dataclass(frozen=True)
class Answers:
    """A lesson's or exercise's marked questions in the year."""

    questions: int  # questions answered
    right: int  # of those, answered right at least once
    attempts: int  # answers to the most-answered question: one a submission


@dataclass(frozen=True)
class Confirmation:
    by: str
    at: datetime


@dataclass(frozen=True)
class Placement:
    """The year's first placement check: the one whose minutes count."""

    score: int
    out_of: int


@dataclass(frozen=True)
class Evidence:
    answers: Answers | None = None
    placement: Placement | None = None
    confirmation: Confirmation | None = None
    file: EvidenceFile | None = None  # outside learning's evidence file, if one is attached


def _answers_statement(model: type[ExerciseAttempt] | type[LessonAnswer]) -> Select:
    per_question = (
        select(
            model.item_id,
            model.question_id,
            func.count().label("times"),
            func.max(cast(model.correct, Integer)).label("right"),
        )
        .where(model.user_id == bindparam("user_id"), model.training_year == bindparam("year"))
        .group_by(model.item_id, model.question_id)
        .subquery()
    )
    return select(
        per_question.c.item_id,
        func.count(),
        func.sum(per_question.c.right),
        func.max(per_question.c.times),
    ).group_by(per_question.c.item_id)


# Built once: every record page runs both, and building them cost more than running them.
ANSWERS_BY_ITEM = {model: _answers_statement(model) for model in (ExerciseAttempt, LessonAnswer)}


def _answers(session: Session, model: type[ExerciseAttempt] | type[LessonAnswer], user_id: int, year: int):
    rows = session.execute(ANSWERS_BY_ITEM[model], {"user_id": user_id, "year": year})
    return {item_id: Answers(questions, int(right or 0), attempts) for item_id, questions, right, attempts in rows}


def _confirmations(session: Session, outside_ids: list[int]) -> dict[int, Confirmation]:
    """Each entry's latest confirmation, by whom and when."""
    if not outside_ids:
        return {}
    rows = session.execute(
        select(OutsideLearningEvent.entry_id, User.name, OutsideLearningEvent.at)
        .join(User, User.id == OutsideLearningEvent.by_id)
        .where(OutsideLearningEvent.entry_id.in_(outside_ids), OutsideLearningEvent.action == CONFIRMED_EVENT)
        .order_by(OutsideLearningEvent.at, OutsideLearningEvent.id)
    )
    return {entry_id: Confirmation(name, at) for entry_id, name, at in rows}  # later rows replace earlier


def _first_placement(session: Session, user_id: int, year: TrainingYear) -> Placement | None:
    results = results_in_year(session, user_id, year)
    return Placement(results[0].score, results[0].out_of) if results else None


def evidence_for(session: Session, user_id: int, year: TrainingYear, entries: Sequence[Entry]) -> list[Evidence]:
    """One Evidence for each entry, in the same order: a few queries for the whole record, none per entry."""
    lessons = _answers(session, LessonAnswer, user_id, year.label)
    exercises = _answers(session, ExerciseAttempt, user_id, year.label)
    outside_ids = [e.outside_id for e in entries if e.outside_id is not None]
    confirmed = _confirmations(session, outside_ids)
    files = evidence_files(session, outside_ids)
    placed = any(entry.kind == PLACEMENT for entry in entries)
    placement = _first_placement(session, user_id, year) if placed else None
    evidence = []
    for entry in entries:
        if entry.kind == PLACEMENT:
            evidence.append(Evidence(placement=placement))
        elif entry.kind == OUTSIDE:
            outside_id = entry.outside_id or 0
            evidence.append(Evidence(confirmation=confirmed.get(outside_id), file=files.get(outside_id)))
        else:
            marked = exercises if entry.kind == "exercise" else lessons
            evidence.append(Evidence(answers=marked.get(entry.item_id or 0)))
    return evidence


def minutes_counted(entry: Entry, counts_unconfirmed: bool) -> int:
    """How much of one entry counts toward the year's total, by the rule in queries.outside_learning."""
    if entry.kind != OUTSIDE or entry.status == CONFIRMED:
        return entry.minutes
    if entry.change_waiting:
        return entry.counts_while_waiting or 0
    if entry.status == RETURNED:
        return 0
    return entry.minutes if counts_unconfirmed else 0
