"""Evidence files on outside learning: the type read from the content, the size and emptiness checks, storage
under random names outside the web root, who may open a file, and files going with their entry and on erasure."""

import io
import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage

import webapp
from tests.helpers.accounts import make_user, post_form, sign_in, sign_out
from tests.helpers.evidence import HTML, JPEG, PDF, PNG, post_multipart, send_outside_learning
from tests.helpers.html import get_page, parse
from webapp.config import Config
from webapp.evidence.storage import STORED_NAME
from webapp.extensions import db
from webapp.models import AuditEvent, EvidenceFile, OutsideLearning

NEW = "/outside-learning/new"


@pytest.fixture
def settings(settings, tmp_path):
    return {**settings, "EVIDENCE_DIR": str(tmp_path / "evidence")}


@pytest.fixture
def folder(app) -> Path:
    return Path(app.config["EVIDENCE_DIR"])


def stored_files(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def only_file() -> EvidenceFile:
    return db.session.scalars(select(EvidenceFile)).one()


def entry_titled(title: str) -> OutsideLearning:
    return db.session.scalars(select(OutsideLearning).where(OutsideLearning.title == title)).one()


def log_with(client, content: bytes, filename: str = "certificate.pdf", title: str = "Data ethics workshop"):
    return send_outside_learning(client, NEW, content, filename, title=title)


def evidence_path(title: str = "Data ethics workshop") -> str:
    return f"/outside-learning/{entry_titled(title).id}/evidence"


def test_a_file_logged_with_learning_is_stored_under_a_random_name_with_its_details(client, folder):
    user = make_user()
    sign_in(client, user)
    assert log_with(client, PDF, "Workshop certificate.pdf").status_code == 302
    evidence = only_file()
    assert (evidence.original_name, evidence.content_type, evidence.size) == (
        "Workshop certificate.pdf",
        "application/pdf",
        len(PDF),
    )
    assert STORED_NAME.fullmatch(evidence.stored_name)
    [path] = stored_files(folder)
    assert path.name == evidence.stored_name and path.read_bytes() == PDF
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    [uploaded] = db.session.scalars(select(AuditEvent).where(AuditEvent.event == "evidence_uploaded"))
    assert uploaded.actor_id == user.id and '"type": "application/pdf"' in uploaded.details


@pytest.mark.parametrize(
    ("content", "filename", "kind", "download"),
    [
        (PDF, "scan.png", "application/pdf", "scan.pdf"),  # what it is, not what it is called
        (PNG, "photo.png", "image/png", "photo.png"),
        (JPEG, "photo.jpeg", "image/jpeg", "photo.jpeg"),
        (JPEG, "photo", "image/jpeg", "photo.jpg"),
        # A PNG's signature followed by anything is a PNG to us: never parsed or shown, only downloaded as one.
        (PNG + b"<html><script>alert(1)</script>", "trick.png", "image/png", "trick.png"),
    ],
)
def test_the_type_comes_from_the_content_and_the_download_is_named_for_it(client, content, filename, kind, download):
    sign_in(client, make_user())
    assert log_with(client, content, filename).status_code == 302
    assert only_file().content_type == kind
    response = client.get(evidence_path())
    assert response.mimetype == kind and response.get_data() == content
    assert response.headers["Content-Disposition"] == f'attachment; filename="{download}"'


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (HTML, "evidence.pdf", "The selected file must be a PDF, PNG or JPEG"),
        (b"GIF89a" + PNG, "picture.png", "The selected file must be a PDF, PNG or JPEG"),
        (b" %PDF-1.4", "almost.pdf", "The selected file must be a PDF, PNG or JPEG"),
        (b"", "empty.pdf", "The selected file is empty"),
        (PDF + b"0" * (1024 * 1024), "big.pdf", "The selected file must be smaller than 1MB"),
    ],
)
def test_a_file_that_is_not_evidence_is_refused_on_its_field_and_nothing_is_saved(
    client, app, folder, content, filename, message
):
    app.config["EVIDENCE_MAX_MB"] = 1
    sign_in(client, make_user())
    response = log_with(client, content, filename)
    assert response.status_code == 200
    page = parse(response)
    assert page.error_summary() == [(message, "#evidence")]
    assert page.field_error("evidence") == message
    assert page.field_value("title") == "Data ethics workshop"  # the rest of the form is kept
    assert db.session.scalar(select(func.count()).select_from(OutsideLearning)) == 0
    assert stored_files(folder) == []


def test_a_file_of_exactly_the_limit_is_accepted(client, app):
    app.config["EVIDENCE_MAX_MB"] = 1
    sign_in(client, make_user())
    assert log_with(client, PDF.ljust(1024 * 1024, b"0")).status_code == 302
    assert only_file().size == 1024 * 1024


def test_a_request_larger_than_the_app_accepts_gets_a_clear_page(client, app, folder):
    app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
    sign_in(client, make_user())
    response = log_with(client, PDF + b"0" * (3 * 1024 * 1024))
    assert response.status_code == 413
    page = parse(response)
    assert page.heading() == "What you sent is too large"
    assert page.paragraph("Nothing was saved") == "Nothing was saved."
    assert stored_files(folder) == []


def test_the_form_is_multipart_and_offers_a_gov_uk_file_upload(client):
    sign_in(client, make_user())
    page = get_page(client, NEW)
    form = page.element("main form")
    assert form["enctype"] == "multipart/form-data" and form["method"] == "post"
    assert page.element("#evidence")["type"] == "file"
    assert "govuk-file-upload" in page.element("#evidence")["class"]
    assert page.text_of("label[for=evidence]") == "Evidence (optional)"
    assert page.text_of("#evidence-hint") == (
        "A certificate or a record of attendance, if you have one: a PDF, PNG or JPEG, smaller than 5MB"
    )


def test_an_upload_without_the_csrf_token_is_refused(client, folder):
    sign_in(client, make_user())
    response = post_multipart(client, NEW, {"title": "x", "evidence": FileStorage(io.BytesIO(PDF), "a.pdf")})
    assert response.status_code == 400
    assert stored_files(folder) == []


def test_a_file_written_before_a_failed_save_is_removed(client, folder, monkeypatch):
    """The file is written first; if the transaction then fails, no file is left that no row names."""
    sign_in(client, make_user())

    def failing_audit(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("webapp.record.views.audit", failing_audit)
    with pytest.raises(RuntimeError):
        log_with(client, PDF)
    assert stored_files(folder) == []


# Who may open a file. Sam is managed by Alex, who is managed by Pat; Mo is Sam's peer; Kim and Lee are
# another line; Dana is an admin.


@pytest.fixture
def sams_file(client, org) -> str:
    sign_in(client, org["sam"])
    log_with(client, PDF, "certificate.pdf")
    sign_out(client)
    return evidence_path()


@pytest.mark.parametrize("who", ["sam", "alex", "pat", "dana"])
def test_the_person_the_managers_of_their_line_and_admins_can_open_a_file(client, org, sams_file, who):
    sign_in(client, org[who])
    response = client.get(sams_file)
    assert response.status_code == 200 and response.get_data() == PDF
    [opened] = db.session.scalars(select(AuditEvent).where(AuditEvent.event == "evidence_downloaded"))
    assert opened.actor_id == org[who].id and opened.subject_id == org["sam"].id


@pytest.mark.parametrize("who", ["mo", "kim", "lee", "rae"])
def test_anyone_else_gets_not_found_as_for_a_file_that_does_not_exist(client, org, sams_file, who):
    sign_in(client, org[who])
    missing = f"/outside-learning/{entry_titled('Data ethics workshop').id + 100}/evidence"
    refused, absent = client.get(sams_file), client.get(missing)
    assert refused.status_code == absent.status_code == 404
    assert parse(refused).heading() == parse(absent).heading()
    assert refused.get_data() != PDF
    assert db.session.scalar(select(func.count()).where(AuditEvent.event == "evidence_downloaded")) == 0


def test_a_file_is_always_a_private_download_the_browser_may_not_sniff(client, org, sams_file):
    sign_in(client, org["alex"])
    response = client.get(sams_file)
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="certificate.pdf"'
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "private, no-store"


def test_the_manager_sees_the_file_when_confirming(client, org, sams_file):
    sign_in(client, org["alex"])
    page = get_page(client, "/my-team/outside-learning")
    assert page.text_of(".app-evidence").startswith("Evidence: certificate.pdf (evidence for Data ethics workshop)")
    assert page.link("certificate.pdf (evidence for Data ethics workshop)") == sams_file
    entry_id = entry_titled("Data ethics workshop").id
    send_back = get_page(client, f"/my-team/outside-learning/{entry_id}/send-back")
    assert send_back.text_of("#evidence").startswith("Evidence: certificate.pdf")


# The file goes with its entry.


def test_replacing_the_file_removes_the_old_one_and_asks_the_manager_again(client, org, folder):
    sam = org["sam"]
    sign_in(client, sam)
    log_with(client, PDF, "first.pdf")
    entry = entry_titled("Data ethics workshop")
    entry.status, entry.confirmed_minutes = "confirmed", entry.minutes
    db.session.commit()
    [first] = stored_files(folder)
    edit = f"/outside-learning/{entry.id}/edit"
    assert get_page(client, edit).text_of("#evidence-attached").startswith("first.pdf")
    assert send_outside_learning(client, edit, PNG, "second.png").status_code == 302
    [second] = stored_files(folder)
    assert second != first and second.read_bytes() == PNG
    db.session.expire_all()
    assert only_file().original_name == "second.png"
    assert entry_titled("Data ethics workshop").status == "unconfirmed"
    sign_out(client)
    sign_in(client, org["alex"])
    page = get_page(client, "/my-team/outside-learning")
    assert page.texts(".app-changes li") == ["Evidence file changed from first.pdf to second.png"]


def test_the_file_can_be_removed_from_an_entry(client, folder):
    sign_in(client, make_user())
    log_with(client, PDF)
    edit = f"/outside-learning/{entry_titled('Data ethics workshop').id}/edit"
    send_outside_learning(client, edit, None, remove_evidence="y")
    assert stored_files(folder) == []
    assert db.session.scalar(select(func.count()).select_from(EvidenceFile)) == 0
    history = get_page(client, edit).texts("#history ~ ol li li")
    assert "Evidence file removed (it was certificate.pdf)" in history


def test_saving_an_entry_without_a_new_file_keeps_the_file(client, folder):
    sign_in(client, make_user())
    log_with(client, PDF)
    edit = f"/outside-learning/{entry_titled('Data ethics workshop').id}/edit"
    assert send_outside_learning(client, edit, None, minutes="95").status_code == 302
    assert len(stored_files(folder)) == 1 and only_file().original_name == "certificate.pdf"


def test_removing_the_entry_removes_its_file(client, folder):
    sign_in(client, make_user())
    log_with(client, PDF)
    path = evidence_path()
    entry_id = entry_titled("Data ethics workshop").id
    delete = f"/outside-learning/{entry_id}/delete"
    assert post_form(client, delete, token_from=delete).status_code == 302
    assert stored_files(folder) == []
    assert client.get(path).status_code == 404


def test_erasing_a_person_removes_their_files(runner, client, org, folder):
    sign_in(client, org["sam"])
    log_with(client, PDF)
    log_with(client, PNG, "second.png", title="Second course")
    sign_in(client, org["mo"])
    log_with(client, JPEG, "mo.jpg", title="Mo's course")
    [mos] = [path for path in stored_files(folder) if path.read_bytes() == JPEG]
    result = runner.invoke(args=["people", "erase", "A3", "--yes"])
    assert result.exit_code == 0, result.output
    assert stored_files(folder) == [mos]  # Mo's stays
    assert db.session.scalars(select(EvidenceFile.original_name)).all() == ["mo.jpg"]


def test_the_daily_purge_removes_files_a_crash_left_behind(runner, client, folder):
    sign_in(client, make_user())
    log_with(client, PDF)
    [kept] = stored_files(folder)
    orphan, recent = folder / ("a" * 43), folder / ("b" * 43)
    orphan.write_bytes(PDF)
    recent.write_bytes(PDF)  # perhaps an upload still being saved
    day_ago = kept.stat().st_mtime - 2 * 24 * 3600
    os.utime(orphan, (day_ago, day_ago))
    os.utime(kept, (day_ago, day_ago))
    result = runner.invoke(args=["people", "purge-expired"])
    assert result.exit_code == 0, result.output
    assert "Removed 1 evidence files no entry refers to" in result.output
    assert stored_files(folder) == sorted([kept, recent])


# Hostile file names: whatever the browser sends as a name is only ever shown, and downloaded, safely.

# Without backslashes: a name ending in one cannot be read from the request at all (see the test after).
HOSTILE = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\\"), min_size=1, max_size=300),
    st.sampled_from(
        [
            "../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "/absolute/path.pdf",
            'quote".pdf',
            "new\r\nline: injected.pdf",
            "<script>alert(1)</script>.pdf",
            "\u202egnp.pdf",
            "résumé 📄.pdf",
            "a" * 1000 + ".pdf",
            "   ",
            "..",
        ]
    ),
)


def saved_name(header: str) -> str:
    """The name a browser saves a download under: filename* (RFC 5987) where given, else filename."""
    encoded = re.search(r"filename\*=UTF-8''([^;\s]+)", header)
    if encoded:
        return unquote(encoded[1], errors="strict")
    return re.fullmatch(r'attachment; filename="([^"\\]*)"', header)[1]


@hypothesis_settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=HOSTILE)
def test_any_file_name_is_stored_and_served_safely(client, folder, name):
    if not client.get("/my-training-record").status_code == 200:
        sign_in(client, make_user())
    title = f"Course {db.session.scalar(select(func.count()).select_from(OutsideLearning))}"
    # As browsers send a name in a multipart header (the HTML standard): these three percent-encoded.
    sent = name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
    response = log_with(client, PDF, sent, title=title)
    assert response.status_code == 302
    entry = entry_titled(title)
    evidence = db.session.scalars(select(EvidenceFile).where(EvidenceFile.entry_id == entry.id)).one()
    shown = evidence.original_name
    assert shown and len(shown) <= 120 and "/" not in shown and "\\" not in shown
    assert not re.search(r"[\x00-\x1f\x7f]", shown)
    # Every stored file is directly in the folder under a random name, whatever the name sent.
    assert all(STORED_NAME.fullmatch(path.name) for path in stored_files(folder))
    download = client.get(f"/outside-learning/{entry.id}/evidence")
    header = download.headers["Content-Disposition"]
    header.encode("latin-1")  # a header WSGI servers can send
    assert "\r" not in header and "\n" not in header and header.startswith("attachment;")
    saved_as = saved_name(header)
    assert saved_as and "/" not in saved_as and "\\" not in saved_as and saved_as.endswith(".pdf")
    [link] = [
        link for link in get_page(client, "/my-training-record").links() if link.href.endswith(f"/{entry.id}/evidence")
    ]
    assert link.text == f"{shown} (evidence for {title})"


def test_a_file_whose_name_the_request_cannot_carry_is_reported_not_silently_dropped(client, folder):
    """A browser sends a name ending in a backslash unescaped; the parser then reads the file as a text field."""
    sign_in(client, make_user())
    page = parse(log_with(client, PDF, "scan\\"))
    assert page.field_error("evidence") == (
        "The selected file could not be uploaded. Rename it without a backslash (\\) and select it again"
    )
    assert stored_files(folder) == []


def test_evidence_is_kept_outside_every_folder_served_as_files():
    """The default EVIDENCE_DIR is in no folder whitenoise serves (webapp/web/static_files.py)."""
    config = Config()
    evidence = Path(config.EVIDENCE_DIR).resolve()
    for served in (Path(webapp.__file__).parent / "static", config.ASSETS_DIR, config.LITE_DIR):
        assert Path(served).resolve() not in [evidence, *evidence.parents]
