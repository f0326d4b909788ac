"""Learners for the write-load bench: each signs in through the real form, then, until time is up, opens a lesson
and completes it by answering its questions right, answers an exercise (wrong, or now and then right) and logs
outside learning, noting every write it asked for and whether the server acknowledged it."""

import re
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from itertools import count
from typing import NamedTuple
from zoneinfo import ZoneInfo

import requests

from bench.reconcile import ATTEMPT, EXERCISE_DONE, LESSON, OPENING, OUTSIDE, Write
from webapp.content.answers import AnswerFormatError, Question, check_answer
from webapp.content.exercises import Exercise
from webapp.content.library import Library
from webapp.content.render import render_markdown
from webapp.learn.questions import places

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
RIGHT_EVERY = 4  # one exercise submission in this many is all right (and completes the exercise)
_serials = count(1)


@dataclass(frozen=True)
class Plan:
    lessons: list[str]  # "course/lesson"
    exercises: list[Exercise]  # those a wrong submission can be told apart in (a number or text question)
    # "course/lesson" -> its questions by the place the page asks them, in page order: each place is its own form
    questions: dict[str, list[tuple[str, list[Question]]]] = field(default_factory=dict)


def plan_from(library: Library) -> Plan:
    lessons, questions = [], {}
    for course in library.courses:
        for lesson in course.lessons:
            key = f"{course.slug}/{lesson.slug}"
            lessons.append(key)
            placed = places(lesson.questions, render_markdown(lesson.doc.body, course.base).html)
            by_place: dict[str, list[Question]] = {}
            for q in lesson.questions:
                by_place.setdefault(placed[q.id], []).append(q)
            questions[key] = list(by_place.items())
    markable = [e for e in library.exercises if any(q.kind in ("number", "text") for q in e.questions)]
    return Plan(lessons, [e for e in markable if _can_be_wrong(e)], questions)


def _can_be_wrong(exercise: Exercise) -> bool:
    """Every question has a readable wrong answer (not so for a "select all" whose every option is right)."""
    try:
        return not any(check_answer(q, answer).correct for q, answer in wrong_answers(exercise, 0))
    except (AnswerFormatError, IndexError):
        return False


def wrong_answers(exercise: Exercise, serial: int) -> list[tuple[Question, str | list[str]]]:
    """Every answer wrong; the typed ones carry the serial, so this submission's rows can be found."""
    answers: list[tuple[Question, str | list[str]]] = []
    for q in exercise.questions:
        if q.kind == "number":
            answers.append((q, str(900_000_000 + serial)))
        elif q.kind == "text":
            answers.append((q, f"write-load bench {serial}"))
        else:
            wrong = [str(i) for i, option in enumerate(q.options) if option not in _as_list(q.expected)]
            answers.append((q, wrong[0] if q.kind == "single" else wrong[:1]))
    return answers


def right_answers(questions: list[Question]) -> list[tuple[Question, str | list[str]]]:
    def answer(q: Question) -> str | list[str]:
        if q.kind in ("number", "text"):
            return str(q.expected)
        chosen = [str(q.options.index(option)) for option in _as_list(q.expected)]
        return chosen[0] if q.kind == "single" else chosen

    return [(q, answer(q)) for q in questions]


def _as_list(expected: object) -> list:
    return list(expected) if isinstance(expected, list | tuple) else [expected]


class Heard(NamedTuple):
    sent: float  # time.monotonic()
    answered: float
    status: int | None  # None: no answer (refused, reset or timed out)
    method: str


@dataclass
class Ledger:
    """What every learner sent and heard back, shared by their threads."""

    writes: list[Write] = field(default_factory=list)
    answers: list[Heard] = field(default_factory=list)
    sign_ins_lost: int = 0  # redirected to sign in again mid-run: a session the server forgot
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wrote(self, write: Write) -> None:
        with self.lock:
            self.writes.append(write)

    def heard(self, sent: float, status: int | None, method: str) -> None:
        with self.lock:
            self.answers.append(Heard(sent, time.monotonic(), status, method))


class Learner:
    def __init__(self, base: str, email: str, password: str, plan: Plan, ledger: Ledger, deadline: float):
        self.base, self.email, self.password = base, email, password
        self.plan, self.ledger, self.deadline = plan, ledger, deadline
        self.http = requests.Session()

    def request(self, method: str, path: str, data: dict | None = None) -> requests.Response | None:
        sent = time.monotonic()
        try:
            response = self.http.request(method, self.base + path, data=data, allow_redirects=False, timeout=60)
        except requests.RequestException:
            self.ledger.heard(sent, None, method)
            return None
        self.ledger.heard(sent, response.status_code, method)
        if response.status_code == 503:
            time.sleep(1)  # as a person would wait before trying again (sooner than Retry-After, to see recovery)
        return response

    def open(self, path: str) -> str | None:
        """A page's CSRF token, or None if the page did not answer 200 (signing in again if asked to)."""
        response = self.request("GET", path)
        if response is not None and response.status_code == 302 and "/sign-in" in response.headers["Location"]:
            with self.ledger.lock:
                self.ledger.sign_ins_lost += 1
            self.sign_in()
            return None
        if response is None or response.status_code != 200:
            return None
        match = TOKEN.search(response.text)
        return match.group(1) if match else None

    def sign_in(self) -> bool:
        while time.monotonic() < self.deadline:
            token = self.open("/sign-in")
            form = {"email": self.email, "password": self.password, "csrf_token": token}
            response = self.request("POST", "/sign-in", form) if token else None
            if response is not None and response.status_code == 302:
                return True
            time.sleep(1)  # the database may be restarting: try again, as a person would
        return False

    def run(self, offset: int) -> None:
        with self.http:
            if not self.sign_in():
                return
            writes = [self.complete_lesson, self.answer_exercise, self.log_outside_learning]
            writes = writes[offset % 3 :] + writes[: offset % 3]  # learners out of step, as people are
            for step in count(offset):
                for write in writes:
                    if time.monotonic() >= self.deadline:
                        return
                    write(step)

    def post(self, kind: str, key: str, path: str, token: str, form: dict, ok: int, **extra) -> None:
        response = self.request("POST", path, {**form, "csrf_token": token})
        acknowledged = response is not None and response.status_code == ok
        self.ledger.wrote(Write(kind, self.email, key, acknowledged, **extra))

    def complete_lesson(self, step: int) -> None:
        key = self.plan.lessons[step % len(self.plan.lessons)]
        token = self.open(f"/courses/{key}")
        self.ledger.wrote(Write(OPENING, self.email, key, token is not None))
        if not token:
            return
        groups = self.plan.questions.get(key, [])
        if not groups:  # a lesson without questions is marked complete
            self.post(LESSON, key, f"/courses/{key}/complete", token, {}, ok=302)
            return
        # Each place's questions are a form of their own; the last right answers complete the lesson.
        for place, questions in groups[:-1]:
            response = self.request("POST", f"/courses/{key}/answers", self.answered(place, questions, token))
            if response is None or response.status_code != 302:
                self.ledger.wrote(Write(LESSON, self.email, key, False))
                return
        place, questions = groups[-1]
        self.post(LESSON, key, f"/courses/{key}/answers", token, self.answered(place, questions, token), ok=302)

    @staticmethod
    def answered(place: str, questions: list[Question], token: str) -> dict:
        return {"place": place, "csrf_token": token, **_form(right_answers(questions))}

    def answer_exercise(self, step: int) -> None:
        exercise = self.plan.exercises[step % len(self.plan.exercises)]
        key = f"{exercise.course_slug}/{exercise.slug}"
        token = self.open(f"/exercises/{exercise.slug}")
        self.ledger.wrote(Write(OPENING, self.email, key, token is not None))
        if not token:
            return
        path = f"/exercises/{exercise.slug}/answers"
        if step % RIGHT_EVERY == 0:
            self.post(EXERCISE_DONE, key, path, token, _form(right_answers(exercise.questions)), ok=302)
            return
        answers = wrong_answers(exercise, next(_serials))
        markers = tuple((q.id, a) for q, a in answers if q.kind in ("number", "text"))
        self.post(ATTEMPT, key, path, token, _form(answers), ok=200, markers=markers)

    def log_outside_learning(self, step: int) -> None:
        token = self.open("/outside-learning/new")
        if not token:
            return
        title = f"Write-load bench entry {next(_serials)}"
        today = datetime.now(ZoneInfo("Europe/London")).date()  # the app's today is the UK's
        form = {
            "title": title,
            "provider": "Write-load bench",
            "minutes": str(15 + step % 60),
            "learned_on": [str(today.day), str(today.month), str(today.year)],
        }
        self.post(OUTSIDE, title, "/outside-learning/new", token, form, ok=302)


def _form(answers: list[tuple[Question, str | list[str]]]) -> dict:
    return {f"answer-{q.id}": answer for q, answer in answers}


def run_learners(base: str, accounts: list[tuple[str, str]], plan: Plan, ledger: Ledger, seconds: float) -> None:
    """Every learner in a thread of their own, all until `seconds` have passed."""
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=Learner(base, email, password, plan, ledger, deadline).run, args=(n,), daemon=True)
        for n, (email, password) in enumerate(accounts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(timeout=0.5)  # short waits, so Ctrl-C is heard
