"""The write-load bench's checks: every write the server acknowledged is in the database exactly once, nothing
unacknowledged counts twice, no row appears that nobody sent, and the kept totals equal sums of the rows.

Plain SQL on a Connection (no Flask), so the checks read the database as an auditor would.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

LESSON, EXERCISE_DONE, ATTEMPT, OUTSIDE, OPENING = (
    "lesson completed",
    "exercise completed",
    "exercise answered",
    "outside learning logged",
    "item opened",
)


@dataclass(frozen=True)
class Write:
    """One write a learner asked for, and whether the server acknowledged it (a 302, or a 200 page)."""

    kind: str
    email: str
    key: str  # "course/item" for everything but outside learning, which is found by its unique title
    acknowledged: bool
    markers: tuple[tuple[str, str], ...] = ()  # a wrong answer: (question, answer) pairs only it sent


@dataclass
class Check:
    kind: str
    acknowledged: int = 0
    lost: int = 0  # acknowledged, not in the database
    duplicated: int = 0  # in the database more than once
    unexplained: int = 0  # rows nobody sent, or partly stored writes
    in_doubt: int = 0  # not acknowledged (a 503 or no answer), yet stored once: committed as the database went
    examples: list[str] = field(default_factory=list)

    def fail(self, what: str, count: int, example: str) -> None:
        setattr(self, what, getattr(self, what) + count)
        if len(self.examples) < 5:
            self.examples.append(f"{what}: {example}")

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicated or self.unexplained)


ITEM = "JOIN users u ON u.id = x.user_id JOIN course_items i ON i.id = x.item_id JOIN courses c ON c.id = i.course_id"
ONCE_A_YEAR = "SELECT u.email, c.slug || '/' || i.slug, COUNT(*) FROM {table} x " + ITEM + " WHERE i.kind LIKE :kind "
ONCE_A_YEAR += "GROUP BY u.email, c.slug, i.slug, x.training_year"
ATTEMPTS = f"""SELECT u.email, c.slug || '/' || i.slug, x.question_id, x.answer, x.correct, COUNT(*)
FROM exercise_attempts x {ITEM} GROUP BY u.email, c.slug, i.slug, x.question_id, x.answer, x.correct"""
OUTSIDE_ROWS = "SELECT x.title, u.email, COUNT(*) FROM outside_learning x JOIN users u ON u.id = x.user_id"
OUTSIDE_ROWS += " GROUP BY x.title, u.email"


def check_once_each(connection: Connection, kind: str, writes: list[Write], table: str, item_kind: str) -> Check:
    """Completions and first openings: one row a person, item and year, whatever was sent how often."""
    check = Check(kind, acknowledged=sum(w.acknowledged for w in writes if w.kind == kind))
    found: Counter[tuple[str, str]] = Counter()
    for email, item, count in connection.execute(text(ONCE_A_YEAR.format(table=table)), {"kind": item_kind}):
        found[email, item] += 1
        if count > 1:
            check.fail("duplicated", count - 1, f"{email} {item} x{count}")
    sent = {(w.email, w.key) for w in writes if w.kind == kind}
    for w in writes:
        if w.kind == kind and w.acknowledged and not found[w.email, w.key]:
            check.fail("lost", 1, f"{w.email} {w.key}")
    for email, item in found.keys() - sent:
        check.fail("unexplained", 1, f"{email} {item}: never sent")
    return check


def check_outside_learning(connection: Connection, writes: list[Write]) -> Check:
    mine = [w for w in writes if w.kind == OUTSIDE]
    check = Check(OUTSIDE, acknowledged=sum(w.acknowledged for w in mine))
    found = {(title, email): count for title, email, count in connection.execute(text(OUTSIDE_ROWS))}
    for (title, _email), count in found.items():
        if count > 1:
            check.fail("duplicated", count - 1, f"{title!r} x{count}")
    for w in mine:
        if w.acknowledged and (w.key, w.email) not in found:
            check.fail("lost", 1, f"{w.key!r} for {w.email}")
        check.in_doubt += not w.acknowledged and (w.key, w.email) in found
    for title, email in found.keys() - {(w.key, w.email) for w in mine}:
        check.fail("unexplained", 1, f"{title!r} for {email}: never sent")
    return check


def check_answers(connection: Connection, writes: list[Write], questions: dict[str, int]) -> Check:
    """Every answer is stored: a wrong submission is found by its markers, all of them or none; right ones
    (which complete the exercise) by count. `questions`: how many questions each "course/exercise" has."""
    answered = [w for w in writes if w.kind == ATTEMPT]
    right = [w for w in writes if w.kind == EXERCISE_DONE]
    check = Check(ATTEMPT, acknowledged=sum(w.acknowledged for w in answered))
    by_answer: Counter[tuple] = Counter()
    rows: Counter[tuple[str, str, bool]] = Counter()
    for email, item, question, answer, correct, count in connection.execute(text(ATTEMPTS)):
        by_answer[email, item, question, answer] += count
        rows[email, item, bool(correct)] += count
    present: Counter[tuple[str, str]] = Counter()
    for w in answered:
        counts = {by_answer[w.email, w.key, question, answer] for question, answer in w.markers}
        if counts == {1}:
            present[w.email, w.key] += 1
            check.in_doubt += not w.acknowledged
        elif counts != {0}:
            check.fail("duplicated" if max(counts) > 1 else "unexplained", 1, f"{w.email} {w.key} {w.markers}")
        elif w.acknowledged:
            check.fail("lost", 1, f"{w.email} {w.key} {w.markers}")
    for (email, item), stored in _group(rows, correct=False).items():
        if stored != present[email, item] * questions[item]:
            check.fail("unexplained", 1, f"{email} {item}: {stored} wrong answers for {present[email, item]} sent")
    _check_right_answers(check, _group(rows, correct=True), right, questions)
    return check


def _group(rows: Counter[tuple[str, str, bool]], correct: bool) -> dict[tuple[str, str], int]:
    return {(email, item): count for (email, item, is_right), count in rows.items() if is_right == correct}


def _check_right_answers(check: Check, stored: dict, right: list[Write], questions: dict[str, int]) -> None:
    """Right submissions carry no marker: between the acknowledged and the sent count of them must be stored."""
    acked, sent = Counter((w.email, w.key) for w in right if w.acknowledged), Counter((w.email, w.key) for w in right)
    for key in stored.keys() | sent.keys():
        submissions, remainder = divmod(stored.get(key, 0), questions[key[1]])
        if remainder:
            check.fail("unexplained", 1, f"{key}: {stored[key]} right answers, not whole submissions")
        elif submissions < acked[key]:
            check.fail("lost", acked[key] - submissions, f"{key}: {submissions} of {acked[key]} right submissions")
        elif submissions > sent[key]:
            check.fail("duplicated", submissions - sent[key], f"{key}: {submissions} stored, {sent[key]} sent")


def reconcile(connection: Connection, writes: list[Write], questions: dict[str, int]) -> list[Check]:
    return [
        check_once_each(connection, LESSON, writes, "completions", "lesson"),
        check_once_each(connection, EXERCISE_DONE, writes, "completions", "exercise"),
        check_answers(connection, writes, questions),
        check_outside_learning(connection, writes),
        check_once_each(connection, OPENING, writes, "item_starts", "%"),
    ]


def _pairs(connection: Connection, sql: str) -> dict[tuple, tuple]:
    return {tuple(row[:-2]): tuple(int(value) for value in row[-2:]) for row in connection.execute(text(sql))}


def _one_column(connection: Connection, sql: str) -> dict[tuple, int]:
    return {tuple(row[:-1]): int(row[-1]) for row in connection.execute(text(sql))}


def totals_disagreeing(connection: Connection) -> list[str]:
    """training_totals and training_months against sums recomputed from the completions themselves."""
    month = {"postgresql": "to_char(x.completed_at, 'YYYY-MM')"}.get(
        connection.dialect.name, "strftime('%Y-%m', x.completed_at)"
    )
    kept = _pairs(connection, "SELECT user_id, training_year, minutes, completions FROM training_totals")
    summed = _pairs(
        connection,
        "SELECT user_id, training_year, SUM(minutes), COUNT(*) FROM completions GROUP BY user_id, training_year",
    )
    kept_months = _one_column(connection, "SELECT training_year, month, department_key, minutes FROM training_months")
    summed_months = _one_column(
        connection,
        f"SELECT x.training_year, {month}, COALESCE(u.department_id, 0), SUM(x.minutes) FROM completions x "
        "JOIN users u ON u.id = x.user_id GROUP BY 1, 2, 3",
    )
    return [
        *_differences("training total (minutes, completions)", kept, summed),
        *_differences("month total (minutes)", kept_months, summed_months),
    ]


def _differences(what: str, kept: dict, summed: dict) -> Iterable[str]:
    for key in sorted(kept.keys() | summed.keys(), key=str):
        if kept.get(key) != summed.get(key):
            yield f"{what} {key}: kept {kept.get(key)}, recomputed {summed.get(key)}"


def questions_by_item(exercises: Iterable) -> dict[str, int]:
    """How many questions each exercise has, keyed as the writes are ("course/exercise")."""
    return {f"{e.course_slug}/{e.slug}": len(e.questions) for e in exercises}
