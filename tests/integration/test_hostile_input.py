"""Generated hostile input, sent to every route as each kind of person: never a 5xx, and a refused request
changes nothing.

The values are what testers and attackers send: numbers beyond any column's range, negative numbers,
NUL and control characters, bytes that are not UTF-8, very long strings, files where text is expected,
the same field many times. A few dozen examples a role keep the suite quick (the "quick" profile in
conftest); for a long run:

    HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/integration/test_hostile_input.py
"""

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.helpers.accounts import csrf_token, sign_in
from tests.helpers.routes import PRIVATE_GET, PRIVATE_POST, PUBLIC, PUBLIC_FORMS, PUBLIC_RULES
from webapp.extensions import db

# Every field name a form of the app reads, and every query parameter a page reads.
FIELDS = [
    "email", "password", "name", "confirm", "remember", "title", "provider", "learned_on", "minutes", "link",
    "notes", "comment", "manager", "file", "partial", "count_unconfirmed", "answer-regions", "answer-biggest",
    "answer-north", "answer-choice", "code",
]  # fmt: skip
PARAMETERS = [
    "page", "team", "department", "year", "scope", "status", "grade", "sort", "order", "next",
    "event", "person", "from_date", "to_date",
]  # fmt: skip
PUBLIC_POST = [PUBLIC_RULES[rule] for rule in PUBLIC_FORMS]
# Tables a refused request may still write: failed sign-ins are counted (the rate limit working) and audited,
# and a page shown again with its errors is still a view of that lesson or exercise (its first opening is noted).
ALLOWED_TO_CHANGE = {"rate_limit_counters", "item_starts", "audit_events"}

huge_numbers = st.sampled_from([2**31, 2**31 - 1, 2**53 + 1, 2**63, 2**64, 10**40, -(2**63) - 1]).map(str)
numbers = st.one_of(huge_numbers, st.integers(min_value=-(10**30), max_value=10**30).map(str))
control_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), min_size=1, max_size=20)
any_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], include_characters="\x00\r\n\t²³¹٣௫"),
    max_size=60,
)
hostile_strings = st.one_of(
    numbers,
    control_text,
    any_text,
    any_text.map(lambda text: text + "\x00"),
    st.integers(min_value=1_000, max_value=20_000).map(lambda size: "9" * size),  # longer than any column
    st.sampled_from(["1 2 3 4", "31 12 99999999999999999999", "²", "-1", "0", ""]),
)
not_utf8 = st.sampled_from([b"\xff\xfe", b"caf\xe9", b"\xc3\x28", b"\xed\xa0\x80"])


@st.composite
def form_values(draw):
    """A field's value: text, bytes that are not UTF-8, a file, or the field repeated."""
    kind = draw(st.sampled_from(["text", "text", "text", "bytes", "file", "repeated"]))
    if kind == "bytes":
        return draw(not_utf8)
    if kind == "file":
        return (io.BytesIO(draw(st.binary(max_size=200))), draw(st.sampled_from(["a.csv", "b.txt", "c"])))
    if kind == "repeated":
        return draw(st.lists(hostile_strings, min_size=2, max_size=4))
    return draw(hostile_strings)


requests = st.fixed_dictionaries(
    {
        "fields": st.dictionaries(st.sampled_from(FIELDS), form_values(), max_size=5),
        "query": st.dictionaries(st.sampled_from(PARAMETERS), hostile_strings, max_size=3),
        "keep_csrf": st.booleans(),
    }
)


def database_rows() -> dict[str, list[tuple]]:
    """Every row of every table, in a fixed order: two equal snapshots mean nothing was written."""
    db.session.expire_all()
    return {
        table.name: sorted(map(tuple, db.session.execute(select(table)).all()), key=repr)
        for table in db.metadata.sorted_tables
        if table.name not in ALLOWED_TO_CHANGE
    }


def send(client, method: str, path: str, generated: dict, token: str | None):
    fields = dict(generated["fields"])
    if method == "POST" and generated["keep_csrf"] and token:
        fields["csrf_token"] = token
    has_file = any(isinstance(value, tuple) for value in fields.values())
    if method == "GET":
        return client.get(path, query_string={**generated["query"], **fields})
    return client.post(
        path,
        query_string=generated["query"],
        data=fields,
        content_type="multipart/form-data" if has_file else "application/x-www-form-urlencoded",
    )


def refused(response) -> bool:
    """The request was turned away (4xx), or a form came back with its errors.

    A wrong answer to an exercise is not refused: it is marked, and the attempt is recorded."""
    if 400 <= response.status_code < 500:
        return True
    marked = b"is not right yet" in response.data
    return response.status_code == 200 and b"govuk-error-summary" in response.data and not marked


ROLES = [None, "sam", "alex", "dana"]  # not signed in, a learner, a manager, an admin (also an author's pages)


@pytest.mark.parametrize("role", ROLES, ids=["anonymous", "learner", "manager", "admin"])
def test_hostile_input_never_gets_a_server_error_and_a_refusal_writes_nothing(client, org, role):
    if role:
        sign_in(client, org[role])
    token = csrf_token(client, "/my-training-record" if role else "/sign-in")
    routes = [("GET", path) for path in [*PUBLIC, *PRIVATE_GET]] + [
        ("POST", path) for path in (PRIVATE_POST if role else PUBLIC_POST)
    ]

    @settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(route=st.sampled_from(routes), generated=requests)
    def check(route, generated):
        method, path = route
        before = database_rows()
        response = send(client, method, path, generated, token)
        response.get_data()
        response.close()  # a download streams its file: read it and close it, as a browser would
        assert response.status_code < 500, f"{method} {path} {generated!r} -> {response.status_code}"
        if refused(response):
            assert database_rows() == before, f"{method} {path} {generated!r} was refused but wrote"
        if path == "/sign-out" and response.status_code == 302 and role:
            sign_in(client, org[role])  # stay the role under test

    check()
