"""Single sign-on against a real OpenID provider (oidc-provider, tests/helpers/oidc.py): the app through the Flask
test client, the provider's login and consent pages through requests.

The provider requires PKCE from both clients, so every sign-in that succeeds here also shows the app sends it."""

import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from authlib.integrations.flask_client import FlaskOAuth2App
from sqlalchemy import func, select

from tests.helpers.html import parse
from tests.helpers.oidc import (
    HR_PERSON,
    KEY_CLIENT,
    NEWCOMER,
    OUTSIDER,
    SAME_EMAIL_NEW_SUBJECT,
    STAFF_MEMBER,
    UNVERIFIED,
    email_of,
    sign_in_through_provider,
    sso_callback,
    start_sso,
    through_provider,
    write_private_key,
)
from tests.helpers.rows import make_person
from webapp.extensions import db
from webapp.models import User
from webapp.models.audit_log import AuditEvent

STATE_KEY_PREFIX = "_state_department_"  # where Authlib keeps a sign-in's state, nonce and PKCE verifier
PROBLEM_HEADINGS = ("You cannot sign in with your department account", "Sorry, we could not sign you in")


@pytest.fixture
def settings(settings, oidc_provider):
    return {**settings, **oidc_provider.settings()}


@pytest.fixture
def creating_people(settings):
    """The department lets people HR has not told us about have an account."""
    settings["OIDC_CREATE_PEOPLE"] = True


@pytest.fixture(params=[False, True], ids=["accounts-from-hr-only", "new-people-allowed"])
def either_way(request, settings):
    settings["OIDC_CREATE_PEOPLE"] = request.param


@pytest.fixture
def by_staff_number(settings):
    settings["OIDC_IDENTIFY_BY"] = "staff_number"


@pytest.fixture
def key_client(settings, oidc_provider):
    """The provider's second client, which accepts only private_key_jwt with the key in its JWKS."""
    settings.update(oidc_provider.settings(KEY_CLIENT))
    del settings["OIDC_CLIENT_SECRET"]


@pytest.fixture
def harriet(app):
    """In HR's records, with the email address the provider vouches for as HR_PERSON."""
    return hr_person("Harriet Rowe", email=email_of(HR_PERSON))


def hr_person(name: str, **fields) -> User:
    """As the HR import leaves someone: in the organisation, their email address not yet proved."""
    person = make_person(name, **fields)
    person.email_confirmed_at = None
    db.session.commit()
    return person


def signed_in(client) -> bool:
    return client.get("/courses").status_code == 200


def accounts_with(email: str) -> int:
    return db.session.scalar(select(func.count()).select_from(User).where(User.email == email))


def audit_entries(event: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.event == event).order_by(AuditEvent.id)))


def refusal_reasons() -> list[str]:
    return [json.loads(entry.details)["reason"] for entry in audit_entries("sso_refused")]


def assert_refused(response, reason: str, status: int = 403) -> None:
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert parse(response).heading() in PROBLEM_HEADINGS
    assert refusal_reasons() == [reason]


# Signing in


def test_an_hr_person_signs_in_as_themselves_and_their_subject_is_linked(client, harriet):
    response = sign_in_through_provider(client, HR_PERSON)

    assert response.status_code == 302 and response.location == "/courses"
    assert signed_in(client)
    assert accounts_with(harriet.email) == 1
    db.session.refresh(harriet)
    assert harriet.sso_subject == HR_PERSON
    assert harriet.email_confirmed_at is not None  # the provider proved the mailbox
    [linked] = audit_entries("sso_linked")
    assert linked.subject_id == harriet.id and json.loads(linked.details) == {"sub": HR_PERSON}
    [signed] = audit_entries("signed_in")
    assert signed.subject_id == harriet.id and json.loads(signed.details) == {"method": "sso"}


def test_a_second_sign_in_finds_the_linked_account_without_linking_again(app, harriet):
    sign_in_through_provider(app.test_client(), HR_PERSON)
    response = sign_in_through_provider(app.test_client(), HR_PERSON)

    assert response.status_code == 302
    assert len(audit_entries("sso_linked")) == 1
    assert len(audit_entries("signed_in")) == 2
    assert accounts_with(harriet.email) == 1


def test_after_signing_in_the_person_goes_where_they_were_going(client, harriet):
    response = sign_in_through_provider(client, HR_PERSON, "/sign-in/sso?next=/my-training-record")

    assert response.location == "/my-training-record"


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\t/evil.example", "/\\evil.example"])
def test_a_next_address_on_another_site_is_not_followed(client, harriet, target):
    response = sign_in_through_provider(client, HR_PERSON, "/sign-in/sso?" + urlencode({"next": target}))

    assert response.location == "/courses"


def test_the_app_asks_for_pkce_with_s256_a_nonce_and_a_state(client):
    query = parse_qs(urlsplit(start_sso(client)).query)

    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43
    assert query["nonce"][0] and query["state"][0]
    assert query["scope"] == ["openid email profile"]


def test_the_provider_refuses_a_sign_in_without_pkce(client, harriet):
    """So every successful sign-in in this file shows the app's PKCE is real, not ignored."""
    authorize = urlsplit(start_sso(client))
    query = {key: value for key, value in parse_qs(authorize.query).items() if not key.startswith("code_challenge")}
    back = through_provider(authorize._replace(query=urlencode(query, doseq=True)).geturl(), HR_PERSON)

    assert "PKCE" in parse_qs(urlsplit(back).query)["error_description"][0]
    assert_refused(client.get(back), "provider_error", 400)
    assert not signed_in(client)


# Who the provider says it is


def test_someone_not_in_hr_is_refused(client):
    response = sign_in_through_provider(client, NEWCOMER)

    assert_refused(response, "not_in_hr")
    assert "There is no account for you" in parse(response).text_of("#sso-problem")
    assert accounts_with(email_of(NEWCOMER)) == 0
    [refused] = audit_entries("sso_refused")
    assert refused.subject_email == email_of(NEWCOMER) and json.loads(refused.details)["sub"] == NEWCOMER


def test_someone_not_in_hr_gets_an_account_when_the_department_allows_it(creating_people, client):
    response = sign_in_through_provider(client, NEWCOMER)

    assert response.status_code == 302 and signed_in(client)
    person = db.session.scalars(select(User).where(User.email == email_of(NEWCOMER))).one()
    assert person.name == "Nina Comer" and person.sso_subject == NEWCOMER
    assert person.line_path == f"/{person.id}/" and person.password_hash is None
    assert person.email_confirmed_at is not None
    assert [entry.subject_id for entry in audit_entries("registered")] == [person.id]


def test_an_email_address_the_provider_has_not_verified_is_refused(either_way, client):
    una = hr_person("Una Verity", email=email_of(UNVERIFIED))

    assert_refused(sign_in_through_provider(client, UNVERIFIED), "email_unverified")
    assert not signed_in(client)
    db.session.refresh(una)
    assert una.sso_subject is None and una.email_confirmed_at is None


@pytest.mark.parametrize("in_hr", [False, True])
def test_an_email_address_outside_the_allowed_domains_is_refused(creating_people, client, in_hr):
    if in_hr:
        make_person("Otto Sider", email=email_of(OUTSIDER))

    assert_refused(sign_in_through_provider(client, OUTSIDER), "domain_not_allowed")
    assert not signed_in(client)
    assert accounts_with(email_of(OUTSIDER)) == (1 if in_hr else 0)


def test_a_closed_account_is_refused(client, harriet):
    harriet.active = False
    db.session.commit()

    response = sign_in_through_provider(client, HR_PERSON)

    assert_refused(response, "deactivated")
    assert parse(response).text_of("#sso-problem").startswith("Your account has been closed")
    db.session.refresh(harriet)
    assert harriet.sso_subject is None


def test_a_closed_account_is_refused_after_it_was_linked(app, harriet):
    sign_in_through_provider(app.test_client(), HR_PERSON)
    harriet.active = False
    db.session.commit()

    client = app.test_client()
    assert_refused(sign_in_through_provider(client, HR_PERSON), "deactivated")
    assert not signed_in(client)


def test_an_account_linked_to_one_subject_is_not_taken_by_another_with_the_same_email(app, harriet):
    sign_in_through_provider(app.test_client(), HR_PERSON)

    client = app.test_client()
    assert_refused(sign_in_through_provider(client, SAME_EMAIL_NEW_SUBJECT), "linked_to_another_subject")
    assert not signed_in(client)
    db.session.refresh(harriet)
    assert harriet.sso_subject == HR_PERSON


def test_by_staff_number_the_person_with_that_number_signs_in_whatever_their_email(by_staff_number, client):
    sam = hr_person("Sam Member", staff_number="E12345", email="sam.member@example.gov.uk")

    response = sign_in_through_provider(client, STAFF_MEMBER)  # the provider's email is unverified, and differs

    assert response.status_code == 302 and signed_in(client)
    db.session.refresh(sam)
    assert sam.sso_subject == STAFF_MEMBER
    assert sam.email_confirmed_at is None  # an unverified address proves nothing about sam.member@


def test_by_staff_number_someone_the_provider_gives_no_staff_number_is_refused(by_staff_number, client, harriet):
    assert_refused(sign_in_through_provider(client, HR_PERSON), "staff_number_missing")


def test_by_staff_number_an_unknown_number_is_refused(by_staff_number, client):
    make_person("Sam Member", staff_number="E99999", email=email_of(STAFF_MEMBER))

    assert_refused(sign_in_through_provider(client, STAFF_MEMBER), "not_in_hr")


# The sign-in itself


def test_a_callback_for_a_sign_in_another_browser_started_is_refused(app, harriet):
    """A login CSRF: someone sends you the callback address of their own sign-in."""
    theirs = sso_callback(app.test_client(), HR_PERSON)

    yours = app.test_client()
    assert_refused(yours.get(theirs), "state_mismatch", 400)
    assert not signed_in(yours)


@pytest.mark.parametrize(
    "query", ["", "?code=x", "?state=y", "?code=x&state=" + "y" * 5000, "?error=x&error_description=<b>"]
)
def test_a_callback_nobody_started_is_refused(client, query):
    response = client.get("/sign-in/sso/callback" + query)

    assert response.status_code == 400
    assert parse(response).heading() in PROBLEM_HEADINGS


def test_failed_callbacks_from_one_address_are_limited_like_failed_sign_ins(client):
    statuses = [client.get("/sign-in/sso/callback?code=guess&state=guess").status_code for _ in range(31)]

    assert statuses == [400] * 30 + [429]  # LOGIN_LIMIT_PER_ADDRESS: 30 per 15 minutes


def test_a_callback_with_another_state_is_refused(client, harriet):
    back = urlsplit(sso_callback(client, HR_PERSON))
    query = {**parse_qs(back.query), "state": ["not-the-state-we-sent"]}

    assert_refused(client.get(back._replace(query=urlencode(query, doseq=True)).geturl()), "state_mismatch", 400)
    assert not signed_in(client)


def test_an_id_token_whose_nonce_is_not_the_one_we_sent_is_refused(client, harriet):
    back = sso_callback(client, HR_PERSON)
    with client.session_transaction() as session:
        [key] = [key for key in session if key.startswith(STATE_KEY_PREFIX)]
        session[key] = {**session[key], "data": {**session[key]["data"], "nonce": "a-nonce-we-never-sent"}}

    assert_refused(client.get(back), "id_token_invalid", 400)
    assert not signed_in(client)


def test_a_sign_in_whose_id_token_would_go_unchecked_is_refused(client, harriet):
    """Authlib checks the id_token only when the sign-in has a nonce: without one, the app must refuse itself."""
    back = sso_callback(client, HR_PERSON)
    with client.session_transaction() as session:
        [key] = [key for key in session if key.startswith(STATE_KEY_PREFIX)]
        data = {name: value for name, value in session[key]["data"].items() if name != "nonce"}
        session[key] = {**session[key], "data": data}

    assert_refused(client.get(back), "id_token_invalid", 400)
    assert not signed_in(client)


def test_a_code_from_someone_elses_sign_in_is_refused(app, harriet):
    """Code injection: PKCE ties the code to the browser that started the sign-in."""
    victim = app.test_client()
    ours = urlsplit(sso_callback(victim, HR_PERSON))
    theirs = urlsplit(sso_callback(app.test_client(), HR_PERSON))
    injected = {**parse_qs(theirs.query), "state": parse_qs(ours.query)["state"]}

    assert_refused(victim.get(ours._replace(query=urlencode(injected, doseq=True)).geturl()), "provider_error", 400)
    assert not signed_in(victim)


def test_a_code_used_twice_is_refused(app, harriet):
    client = app.test_client()
    back = sso_callback(client, HR_PERSON)
    with client.session_transaction() as session:
        saved = dict(session)
    client.get(back)
    with client.session_transaction() as session:
        session.clear()
        session.update(saved)

    assert_refused(client.get(back), "provider_error", 400)


def test_an_error_from_the_provider_is_shown_as_a_problem_not_a_failure(client):
    state = parse_qs(urlsplit(start_sso(client)).query)["state"][0]

    response = client.get("/sign-in/sso/callback?" + urlencode({"error": "access_denied", "state": state}))

    assert_refused(response, "provider_error", 400)


def test_userinfo_about_someone_else_is_refused(client, harriet, monkeypatch):
    monkeypatch.setattr(FlaskOAuth2App, "userinfo", lambda self, **kwargs: {"sub": NEWCOMER, "email": "x@y.gov.uk"})

    assert_refused(sign_in_through_provider(client, HR_PERSON), "id_token_invalid", 400)


@pytest.fixture
def silent_provider(settings):
    settings["OIDC_ISSUER"] = "http://127.0.0.1:9"  # the discard port: nothing listens


def test_a_provider_that_does_not_answer_gets_a_problem_page(silent_provider, client):
    assert_refused(client.get("/sign-in/sso"), "provider_unreachable", 400)


@pytest.fixture
def no_issuer(settings):
    settings["OIDC_ISSUER"] = None


def test_without_an_issuer_single_sign_on_is_not_there(no_issuer, client):
    for path in ("/sign-in/sso", "/sign-in/sso/callback?code=x&state=y", "/sign-in/sso/jwks.json"):
        assert client.get(path).status_code == 404


# The provider's documents, and how the app authenticates to it


def test_the_discovery_document_and_keys_are_fetched_once_for_many_sign_ins(app, oidc_provider):
    make_person(email=email_of(HR_PERSON))
    before = {path: oidc_provider.requests_to(path) for path in ("/.well-known/openid-configuration", "/jwks")}

    for _ in range(3):
        assert sign_in_through_provider(app.test_client(), HR_PERSON).status_code == 302

    after = {path: oidc_provider.requests_to(path) for path in before}
    assert {path: after[path] - before[path] for path in before} == {"/.well-known/openid-configuration": 1, "/jwks": 1}


def test_with_a_private_key_the_app_signs_in_by_private_key_jwt(key_client, client, harriet):
    assert sign_in_through_provider(client, HR_PERSON).status_code == 302
    assert signed_in(client)


@pytest.fixture
def unregistered_key(key_client, settings, tmp_path):
    settings["OIDC_PRIVATE_KEY_FILE"] = str(write_private_key(tmp_path / "not-the-registered-key.pem"))


def test_a_private_key_the_provider_does_not_know_is_refused(unregistered_key, client, harriet):
    assert_refused(sign_in_through_provider(client, HR_PERSON), "provider_error", 400)


def test_the_public_key_is_served_as_a_jwks_for_the_provider(key_client, client, oidc_provider):
    response = client.get("/sign-in/sso/jwks.json")

    assert response.status_code == 200 and response.json == oidc_provider.client_jwks
    assert "d" not in response.json["keys"][0]  # never the private part
    assert response.headers["Cache-Control"] in ("public, max-age=3600", "max-age=3600, public")


def test_without_a_private_key_there_is_no_jwks(client):
    assert client.get("/sign-in/sso/jwks.json").status_code == 404
