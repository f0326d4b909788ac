"""Certificates of the year's record: the PDF read back with pdftotext, the plain record, who may download what,
the verification pages, revoking a code, and guessing codes."""

import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.helpers.accounts import csrf_token, make_user, post_form, sign_in, sign_out
from tests.helpers.certificates import NOT_COUNTED, make_certificate_holder
from tests.helpers.html import get_page, parse
from tests.helpers.pdf import pdf_bytes, pdf_info, pdf_metadata, pdf_objects, pdf_structure, pdf_text
from tests.helpers.rows import course_item, make_completion, make_person
from webapp.db.clock import uk_today, utcnow
from webapp.extensions import db
from webapp.models import AuditEvent, Certificate
from webapp.queries.erasure import erase_person
from webapp.web.labels import long_date
from webapp.web.years import current_training_year

CODE = re.compile(r"\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{2}\b")


@pytest.fixture
def sam(app):
    return make_certificate_holder(app)


def certificate_text(client) -> str:
    return pdf_text(pdf_bytes(client.get("/my-training-record/certificate")))


def issued_code(client) -> str:
    return CODE.search(certificate_text(client))[0]


def test_the_certificate_states_the_name_year_total_and_each_counted_item_with_its_evidence(client, sam):
    sign_in(client, sam)
    year, today = current_training_year(), long_date(uk_today())
    text = certificate_text(client)
    assert "Certificate of data training" in text
    assert (
        "This certifies that Sam Okafor of Department for Examples completed 1 hour 30 minutes of data training" in text
    )
    assert f"in training year {year.name} ({long_date(year.starts)} to {long_date(year.ends)})" in text
    assert "meeting the requirement of 1 hour" in text
    assert f"Rows and columns Lesson: Spreadsheet basics Lesson completed on {today}: 2 of 2 marked questions" in text
    assert "answered correctly (2 attempts) 15 minutes" in text
    assert (
        f"Exercise completed on {today}: answers checked, 5 of 5 marked questions answered correctly (first attempt)"
        in text
    )
    assert (
        f"Data ethics workshop Outside learning: Analysis Function Confirmed by their manager, Priya Shah, on {today}"
        in text
    )
    assert NOT_COUNTED not in text
    assert "Total that counts 1 hour 30 minutes" in text
    code = CODE.search(text)[0]
    assert (
        f"Anyone can check the name, training year and hours on this certificate at http://127.0.0.1:5000/verify/{code}"
        in text
    )
    assert f"Issued on {today}." in text


def test_the_certificate_is_an_accessible_a4_pdf(client, sam, app):
    """Tagged (PDF/UA-1), its language British English, titled, and its words real text (pdftotext reads them)."""
    sign_in(client, sam)
    response = client.get("/my-training-record/certificate")
    data = pdf_bytes(response)
    info = pdf_info(data)
    assert info["Tagged"] == "yes"
    assert info["Title"] == f"Certificate of data training: Sam Okafor, training year {current_training_year().name}"
    assert info["Page size"].endswith("(A4)")
    assert b"/Lang (en-GB)" in pdf_objects(data)
    assert {"H1", "Table", "TH", "TD"} <= set(pdf_structure(data))
    assert 'pdfuaid:part="1"' in pdf_metadata(data)
    assert f"data-day-certificate-{current_training_year().label}.pdf" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"


def test_there_is_no_certificate_before_the_requirement_is_met(client, app):
    app.config["REQUIRED_MINUTES"] = 60
    person = make_person("Lee Park")
    make_completion(person, course_item("rows-and-columns"))
    sign_in(client, person)
    record = get_page(client, "/my-training-record")
    assert "Download certificate" not in record.buttons()
    assert (
        record.link("Download your record as a PDF") == f"/my-training-record/pdf?year={current_training_year().label}"
    )
    refused = get_page(client, "/my-training-record/certificate", status=403)
    assert refused.heading() == "You cannot download a certificate yet"
    assert refused.text_of("#not-yet-progress") == (
        f"In training year {current_training_year().name} you have done 15 minutes: 45 minutes short."
    )
    assert db.session.scalars(select(Certificate)).all() == []


def test_the_record_shows_the_download_button_once_the_requirement_is_met(client, sam):
    sign_in(client, sam)
    record = get_page(client, "/my-training-record")
    assert (
        record.link("Download certificate") == f"/my-training-record/certificate?year={current_training_year().label}"
    )


def test_the_plain_record_downloads_at_any_time_with_everything_on_the_record(client, sam, app):
    sign_in(client, sam)
    text = pdf_text(pdf_bytes(client.get("/my-training-record/pdf")))
    assert "Training record Name Sam Okafor Department Department for Examples" in text
    assert "Time that counts 1 hour 30 minutes of 1 hour Requirement Met" in text
    assert (
        f"{NOT_COUNTED} Outside learning: Self Logged by the learner, not yet confirmed by a manager: "
        "counts once confirmed" in text
    )
    assert "None (2 hours logged)" in text  # its time cell (pdftotext reads it after the table's others)
    assert "This is a copy of the record, not a certificate." in text
    assert not CODE.search(text)
    newcomer = make_user("Jo Bloggs")
    sign_out(client)
    sign_in(client, newcomer)
    text = pdf_text(pdf_bytes(client.get("/my-training-record/pdf")))
    assert "Name Jo Bloggs" in text and "Nothing recorded in this training year." in text
    assert "Time that counts 0 minutes of 1 hour Requirement Not yet met" in text


def test_downloads_are_only_ever_the_signed_in_person_s_own(client, sam):
    """No route takes a person: asking for Sam's, however it is asked, gets the asker's own."""
    other = make_user("Kim Lee")
    sign_in(client, other)
    for query in [f"?user_id={sam.id}", f"?person_id={sam.id}", f"?person={sam.id}"]:
        assert client.get(f"/my-training-record/certificate{query}").status_code == 403
        text = pdf_text(pdf_bytes(client.get(f"/my-training-record/pdf{query}")))
        assert "Name Kim Lee" in text and "Sam Okafor" not in text
    assert db.session.scalars(select(Certificate)).all() == []


def test_a_manager_reading_a_report_s_record_is_offered_no_downloads(client, sam):
    priya = db.session.get(type(sam), sam.manager_id)
    sign_in(client, priya)
    page = get_page(client, f"/my-team/people/{sam.id}")
    assert "Download certificate" not in page.main_text()
    assert "Download your record as a PDF" not in page.main_text()


def test_downloading_again_reuses_the_code_while_the_figures_stand(client, sam):
    sign_in(client, sam)
    first, again = issued_code(client), issued_code(client)
    assert first == again
    assert len(db.session.scalars(select(Certificate)).all()) == 1


def test_a_changed_total_gets_a_new_code_and_the_earlier_one_still_checks_out(client, sam):
    sign_in(client, sam)
    first = issued_code(client)
    make_completion(sam, course_item("types-of-value"))
    second = issued_code(client)
    assert second != first
    assert "1 hour 50 minutes" in certificate_text(client)
    assert get_page(client, f"/verify/{first}").summary_list()["Data training completed"] == "1 hour 30 minutes"
    assert get_page(client, f"/verify/{second}").summary_list()["Data training completed"] == "1 hour 50 minutes"


def test_the_code_is_stored_only_as_a_digest(client, sam):
    sign_in(client, sam)
    code = issued_code(client).replace("-", "")
    certificate = db.session.scalars(select(Certificate)).one()
    assert code not in (certificate.code_hash, certificate.code_salt)
    assert len(certificate.code_hash) == 64 and certificate.minutes == 90 and certificate.user_id == sam.id


def test_the_verification_page_shows_the_name_year_and_hours_and_nothing_else(client, sam):
    sign_in(client, sam)
    code = issued_code(client)
    sign_out(client)
    page = get_page(client, f"/verify/{code}")
    assert page.text_of(".govuk-panel__title") == "This certificate is genuine"
    assert page.summary_list() == {
        "Name": "Sam Okafor",
        "Training year": current_training_year().name,
        "Data training completed": "1 hour 30 minutes",
    }
    shown = page.main_text()
    for private in ["Department for Examples", sam.email, "Priya Shah", "Rows and columns", "Data ethics workshop"]:
        assert private not in shown


def test_a_code_typed_into_the_form_in_any_case_or_spacing_finds_its_certificate(client, sam):
    sign_in(client, sam)
    code = issued_code(client)
    sign_out(client)
    typed = " " + code.lower().replace("-", " ") + " "
    response = client.post("/verify", data={"code": typed, "csrf_token": csrf_token(client, "/verify")})
    assert response.status_code == 302 and response.headers["Location"] == f"/verify/{code}"
    squashed = client.get(f"/verify/{code.replace('-', '').lower()}")
    assert squashed.status_code == 302 and squashed.headers["Location"] == f"/verify/{code}"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the verification code"),
        ("ABCD-EFGH", "10 letters and numbers, like ABCD-EFGH-JK"),
        ("ABCD-EFGH-J1", "10 letters and numbers, like ABCD-EFGH-JK"),  # 1 is never in a code
        ("x" * 41, "Enter the verification code as it is printed on the certificate, like ABCD-EFGH-JK"),
    ],
)
def test_a_code_that_cannot_be_one_is_named_in_the_form(client, typed, message):
    page = parse(client.post("/verify", data={"code": typed, "csrf_token": csrf_token(client, "/verify")}))
    assert message in page.field_error("code")
    assert page.error_summary()[0][1] == "#code"


def test_a_wrong_code_is_not_found(client, sam):
    sign_in(client, sam)
    issued_code(client)
    sign_out(client)
    page = get_page(client, "/verify/ABCD-EFGH-JK", status=404)
    assert page.heading() == "No certificate has this code"
    assert get_page(client, "/verify/not-a-code-at-all", status=404).heading() == "No certificate has this code"


def test_an_erased_person_s_certificate_is_not_found(client, sam):
    sign_in(client, sam)
    code = issued_code(client)
    sign_out(client)
    erase_person(db.session, sam, utcnow(), reason="test")
    db.session.commit()
    assert get_page(client, f"/verify/{code}", status=404).heading() == "No certificate has this code"


def revoke_page(client, person) -> str:
    return f"/admin/people/{person.id}/certificates"


def test_an_admin_revokes_a_code_and_its_page_then_says_it_was_withdrawn(client, sam):
    sign_in(client, sam)
    code = issued_code(client)
    sign_out(client)
    dana = make_person("Dana Whitfield", admin=True)
    sign_in(client, dana)
    page = get_page(client, f"/my-team/people/{sam.id}")
    assert page.link("Sam’s certificates") == revoke_page(client, sam)
    listed = get_page(client, revoke_page(client, sam))
    assert listed.table_rows("Certificates issued to Sam Okafor")[0][:4] == [
        current_training_year().name,
        "1 hour 30 minutes",
        listed.table_rows("Certificates issued to Sam Okafor")[0][2],
        "Valid",
    ]
    certificate = db.session.scalars(select(Certificate)).one()
    response = post_form(client, f"/admin/certificates/{certificate.id}/revoke", token_from=revoke_page(client, sam))
    assert response.status_code == 302
    after = get_page(client, revoke_page(client, sam))
    assert after.notification().startswith("The certificate issued on")
    assert after.table_rows("Certificates issued to Sam Okafor")[0][3].startswith("Revoked ")
    assert after.table_rows("Certificates issued to Sam Okafor")[0][3].endswith("by Dana Whitfield")
    db.session.refresh(certificate)
    assert certificate.revoked_by_id == dana.id and certificate.revoked_at is not None
    entry = db.session.scalars(select(AuditEvent).where(AuditEvent.event == "certificate_revoked")).one()
    assert (entry.actor_id, entry.subject_id) == (dana.id, sam.id)
    sign_out(client)

    withdrawn = get_page(client, f"/verify/{code}", status=410)
    assert withdrawn.heading() == "This certificate has been withdrawn"
    assert "Sam Okafor" not in withdrawn.main_text()
    sign_in(client, sam)
    assert issued_code(client) != code  # a revoked code is never printed again


def test_only_admins_see_or_revoke_certificates_and_only_with_a_csrf_token(client, sam, app):
    sign_in(client, sam)
    issued_code(client)
    certificate = db.session.scalars(select(Certificate)).one()
    assert client.get(revoke_page(client, sam)).status_code == 403
    assert post_form(client, f"/admin/certificates/{certificate.id}/revoke").status_code == 403
    sign_out(client)
    sign_in(client, make_person("Dana Whitfield", admin=True))
    assert client.post(f"/admin/certificates/{certificate.id}/revoke").status_code in (302, 400)
    db.session.refresh(certificate)
    assert certificate.revoked_at is None


def test_guessing_codes_is_rate_limited_per_address(client, sam, app):
    """An attacker trying codes from one address is stopped after LOGIN_LIMIT_PER_ADDRESS wrong ones, whether typed
    in the form or the address bar; then even a right code waits. Another address is not held up."""
    sign_in(client, sam)
    code = issued_code(client)
    sign_out(client)
    assert client.get(f"/verify/{code}").status_code == 200  # right codes use up nothing
    guesses = [f"/verify/ABCD-EFGH-{a}{b}" for a in "ABCDEF" for b in "ABCDE"]
    assert [client.get(guess).status_code for guess in guesses] == [404] * 30
    assert client.get(f"/verify/{code}").status_code == 429
    typed = client.post("/verify", data={"code": "ZZZZ-ZZZZ-ZZ", "csrf_token": csrf_token(client, "/sign-in")})
    assert typed.status_code == 429
    elsewhere = app.test_client()
    assert elsewhere.get(f"/verify/{code}", environ_base={"REMOTE_ADDR": "192.0.2.7"}).status_code == 200


def test_demo_seed_issues_a_certificate_that_checks_out(runner, client, app):
    app.config["REQUIRED_MINUTES"] = 300  # the fixture course is shorter than the real one
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    address = re.search(r"Sam Okafor's certificate checks out at http://127.0.0.1:5000(/verify/\S+)", result.output)
    page = get_page(client, address[1])
    assert page.summary_list()["Name"] == "Sam Okafor"
    again = runner.invoke(args=["demo", "seed"])
    assert address[1] in again.output  # the same certificate, the same code


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=200))
def test_anything_in_the_verification_address_is_a_clear_answer_never_an_error(app, typed):
    """Hostile codes in the address: not found (or too many tries, or sent to the tidy address), never a 5xx."""
    response = app.test_client().get("/verify/" + quote(typed, safe=""))
    assert response.status_code in (302, 308, 404, 429)  # 308: Werkzeug tidies "//" in an address
    if response.status_code == 404:
        assert parse(response).heading() in ("No certificate has this code", "Page not found")


def test_one_person_cannot_keep_the_workers_busy_making_pdfs(client, sam, app):
    """Each PDF takes a worker the best part of a second: PDF_LIMIT_PER_PERSON covers the record and the
    certificate together; someone else is not held up."""
    app.config["PDF_LIMIT_PER_PERSON"] = "3 per minute"
    sign_in(client, sam)
    paths = ["/my-training-record/pdf", "/my-training-record/certificate", "/my-training-record/pdf"]
    assert [client.get(path).status_code for path in paths] == [200, 200, 200]
    assert client.get("/my-training-record/certificate").status_code == 429
    sign_out(client)
    sign_in(client, make_user("Kim Lee"))
    assert client.get("/my-training-record/pdf").status_code == 200
