"""What stands behind each entry of a training record, in the words the certificate (and the record) print."""

from webapp.db.clock import uk_date
from webapp.models.outside_learning import CONFIRMED, RETURNED
from webapp.queries.record_evidence import PLACEMENT, Answers, Evidence
from webapp.queries.training_record import OUTSIDE, Entry
from webapp.web.labels import long_date


def _answers_line(answers: Answers) -> str:
    tries = "first attempt" if answers.attempts == 1 else f"{answers.attempts} attempts"
    questions = "question" if answers.questions == 1 else "questions"
    return f"{answers.right} of {answers.questions} marked {questions} answered correctly ({tries})"


def evidence_line(entry: Entry, evidence: Evidence, counts_unconfirmed: bool) -> str:
    """'Exercise completed on 3 March 2026: answers checked, 3 of 3 …'; for outside learning, who confirmed it,
    or why it does not count yet."""
    if entry.kind == OUTSIDE:
        return evidence_summary(entry, evidence, counts_unconfirmed)
    if entry.kind == PLACEMENT:
        return f"Placement check taken on {long_date(entry.on)}: {evidence_summary(entry, evidence, False)}"
    done = f"{'Exercise' if entry.kind == 'exercise' else 'Lesson'} completed on {long_date(entry.on)}"
    if evidence.answers is None:
        return done
    return f"{done}: {evidence_summary(entry, evidence, counts_unconfirmed)}"


def evidence_summary(entry: Entry, evidence: Evidence, counts_unconfirmed: bool) -> str:
    """The evidence alone, for the record page and its download, where the date has a column of its own:
    'answers checked, 3 of 3 marked questions answered correctly (first attempt)', 'Marked as complete'."""
    if entry.kind == OUTSIDE:
        line = _outside_line(entry, evidence, counts_unconfirmed)
        return f"{line}. Evidence file attached" if evidence.file else line
    if entry.kind == PLACEMENT:
        if evidence.placement is None:
            return "Placement check answered"
        return f"{evidence.placement.score} of {evidence.placement.out_of} placement questions answered correctly"
    if evidence.answers is None:
        return "Marked as complete"
    checked = "answers checked, " if entry.kind == "exercise" else ""
    return checked + _answers_line(evidence.answers)


def _outside_line(entry: Entry, evidence: Evidence, counts_unconfirmed: bool) -> str:
    confirmation = evidence.confirmation
    if entry.status == RETURNED:
        return "Sent back by their manager: does not count unless changed and confirmed"
    if confirmation is None or (entry.status != CONFIRMED and not entry.change_waiting):
        if counts_unconfirmed:
            return "Logged by the learner, not yet confirmed by a manager (the department counts it meanwhile)"
        return "Logged by the learner, not yet confirmed by a manager: counts once confirmed"
    confirmed = f"Confirmed by their manager, {confirmation.by}, on {long_date(uk_date(confirmation.at))}"
    if entry.change_waiting:
        return confirmed + "; a later change waits for review, so only the time confirmed counts"
    return confirmed
