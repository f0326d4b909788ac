"""xAPI 1.0.3 statements, as plain dicts ready to be stored as JSON and sent.

Ids are uuid5s of the row that caused the statement, in a namespace of this service's address, so queuing the
same thing twice (a retry, a re-queue) makes the same statement, which an LRS stores once. People are named by
email address or by an account (never by name): see XapiSettings.actor.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

VERBS = "http://adlnet.gov/expapi/verbs/"
COMPLETED, ANSWERED, PASSED, FAILED, SCORED = (
    VERBS + word for word in ("completed", "answered", "passed", "failed", "scored")
)
ACTIVITIES = "http://adlnet.gov/expapi/activities/"
LESSON, ASSESSMENT, COURSE = ACTIVITIES + "lesson", ACTIVITIES + "assessment", ACTIVITIES + "course"
QUESTION, INTERACTION = ACTIVITIES + "question", ACTIVITIES + "cmi.interaction"
LANGUAGE = "en-GB"
UK = ZoneInfo("Europe/London")

Statement = dict[str, Any]


@dataclass(frozen=True)
class Learner:
    id: int
    email: str
    staff_number: str | None


@dataclass(frozen=True)
class Activity:
    id: str  # an address under SERVICE_URL
    name: str
    type: str

    def as_object(self) -> dict[str, Any]:
        definition = {"name": {LANGUAGE: self.name}, "type": self.type}
        return {"objectType": "Activity", "id": self.id, "definition": definition}


def statement_id(service_url: str, source: str) -> str:
    """The same source row (e.g. "completion/42") always gives the same id; another service's rows do not."""
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, service_url.rstrip("/") + "/xapi")
    return str(uuid.uuid5(namespace, source))


def actor(learner: Learner, form: str, homepage: str | None = None, account_name: str = "staff_number") -> dict | None:
    """The person as the LRS knows them; None when the account form needs a staff number they do not have."""
    if form == "email":
        return {"objectType": "Agent", "mbox": f"mailto:{learner.email}"}
    name = learner.staff_number if account_name == "staff_number" else str(learner.id)
    if not name:
        return None
    return {"objectType": "Agent", "account": {"homePage": homepage, "name": name}}


def item_activity(service_url: str, course: str, slug: str, title: str, kind: str) -> Activity:
    """A lesson at /courses/<course>/<lesson>, an exercise at /exercises/<slug>, as the app serves them."""
    if kind == "exercise":
        return Activity(f"{service_url}/exercises/{slug}", title, ASSESSMENT)
    return Activity(f"{service_url}/courses/{course}/{slug}", title, LESSON)


def course_activity(service_url: str, course: str, title: str) -> Activity:
    return Activity(f"{service_url}/courses/{course}", title, COURSE)


def question_activity(parent: Activity, question_id: str, prompt: str) -> Activity:
    """A question is its page's address with the question's id as the fragment."""
    return Activity(f"{parent.id}#{question_id}", prompt[:200], QUESTION)


def outside_learning_activity(service_url: str, entry_id: int, title: str) -> Activity:
    return Activity(f"{service_url}/outside-learning/{entry_id}", title, COURSE)


def duration(minutes: int) -> str:
    """ISO 8601, as xAPI wants: 90 → "PT1H30M"."""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def timestamp(utc: datetime) -> str:
    """A stored (naive UTC) time, or an aware one, in the form xAPI requires."""
    aware = utc.replace(tzinfo=UTC) if utc.tzinfo is None else utc.astimezone(UTC)
    return aware.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def start_of_uk_day(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UK)


def registration(service_url: str, learner: Learner, activity: Activity, training_year: int) -> str:
    """One per person, item and training year: ties a year's answers, passes and completion of an item together."""
    return statement_id(service_url, f"registration/{learner.id}/{activity.id}/{training_year}")


def build(
    *,
    id: str,
    who: dict,
    verb: str,
    activity: Activity,
    at: datetime,
    platform: str,
    result: dict | None = None,
    parent: Activity | None = None,
    registration: str | None = None,
    extensions: dict | None = None,
) -> Statement:
    context: dict[str, Any] = {"platform": platform, "language": LANGUAGE}
    if parent is not None:
        context["contextActivities"] = {"parent": [parent.as_object()]}
    if registration is not None:
        context["registration"] = registration
    if extensions:
        context["extensions"] = extensions
    statement = {
        "id": id,
        "actor": who,
        "verb": {"id": verb, "display": {LANGUAGE: verb.rsplit("/", 1)[1]}},
        "object": activity.as_object(),
        "context": context,
        "timestamp": timestamp(at),
    }
    if result is not None:
        statement["result"] = result
    return statement


def answered(
    *,
    id: str,
    who: dict,
    question: Activity,
    correct: bool,
    at: datetime,
    platform: str,
    response: str | None = None,
    parent: Activity | None = None,
    registration: str | None = None,
) -> Statement:
    """A marked question, right (success) or wrong: exercises' questions now; lessons' and placement's too.

    `response` only where it cannot hold personal data: a number or a chosen option, not free text."""
    result: dict[str, Any] = {"success": correct}
    if response is not None:
        result["response"] = response
    return build(
        id=id,
        who=who,
        verb=ANSWERED,
        activity=question,
        at=at,
        platform=platform,
        result=result,
        parent=parent,
        registration=registration,
    )
