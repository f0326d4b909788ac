"""Evidence files without the app: what a file is from its bytes, the names it is shown and saved under, and the
folder that keeps files in step with the database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.evidence import HTML, JPEG, PDF, PNG
from webapp.evidence.kinds import JPEG as JPEG_TYPE
from webapp.evidence.kinds import PDF as PDF_TYPE
from webapp.evidence.kinds import PNG as PNG_TYPE
from webapp.evidence.kinds import kind_of
from webapp.evidence.names import MAX_NAME, clean_name, download_name
from webapp.evidence.storage import STORED_NAME, EvidenceStore
from webapp.web.labels import file_label


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PDF, PDF_TYPE),
        (PNG, PNG_TYPE),
        (JPEG, JPEG_TYPE),
        (PNG + b"anything at all", PNG_TYPE),
        (HTML, None),
        (b"", None),
        (b"%PDF", None),  # the signature is five bytes: %PDF-
        (b"\x89PNG\r\n", None),
        (b"GIF89a", None),
        (b"PK\x03\x04", None),  # a zip (or a Word document)
        (b"\n%PDF-1.7", None),  # readers tolerate junk first; we do not
    ],
)
def test_a_file_is_what_its_first_bytes_say(data, kind):
    assert kind_of(data) == kind


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("certificate.pdf", "certificate.pdf"),
        ("C:\\Users\\sam\\Desktop\\certificate.pdf", "certificate.pdf"),
        ("../../etc/passwd", "passwd"),
        ("  spaced   out .pdf ", "spaced out .pdf"),
        ("tab\tand\nline.pdf", "tab and line.pdf"),
        ("\u202egnp.pdf", "gnp.pdf"),  # a right-to-left override would show it as fdp.png
        ("zero\u200bwidth.pdf", "zerowidth.pdf"),
        ("", "evidence"),
        ("..", "evidence"),
        ("/", "evidence"),
        ("Résumé 📄.pdf", "Résumé 📄.pdf"),
    ],
)
def test_names_are_cleaned_for_people_to_read(raw, shown):
    assert clean_name(raw) == shown


def test_a_long_name_is_cut_short_keeping_its_extension():
    name = clean_name("a" * 500 + ".jpeg")
    assert len(name) == MAX_NAME and name.endswith("a.jpeg")


@given(st.text())
def test_any_name_cleans_to_one_short_visible_name(raw):
    name = clean_name(raw)
    assert 1 <= len(name) <= MAX_NAME
    assert "/" not in name and "\\" not in name and name == name.strip()
    assert not any(ord(character) < 32 or ord(character) == 127 for character in name)


@pytest.mark.parametrize(
    ("name", "kind", "saved"),
    [
        ("scan.pdf", PDF_TYPE, "scan.pdf"),
        ("scan.PDF", PDF_TYPE, "scan.PDF"),
        ("scan.png", PDF_TYPE, "scan.pdf"),
        ("photo.jpeg", JPEG_TYPE, "photo.jpeg"),
        ("photo.jpg", JPEG_TYPE, "photo.jpg"),
        ("photo", JPEG_TYPE, "photo.jpg"),
        ("notes.v2", PNG_TYPE, "notes.v2.png"),
        ("?.pdf", PDF_TYPE, "evidence.pdf"),
    ],
)
def test_a_download_is_named_for_what_the_file_is(name, kind, saved):
    assert download_name(name, kind) == saved


@pytest.mark.parametrize(
    ("kind", "size", "label"),
    [(PDF_TYPE, 120 * 1024, "PDF, 120KB"), (PNG_TYPE, 100, "PNG, 1KB"), (JPEG_TYPE, 5 * 1024 * 1024, "JPEG, 5MB")],
)
def test_a_file_is_described_by_its_type_and_size(kind, size, label):
    assert file_label(kind, size) == label


def test_files_are_stored_privately_under_random_names(tmp_path):
    store = EvidenceStore(tmp_path / "evidence")
    first, second = store.write(PDF), store.write(PDF)
    assert first != second and STORED_NAME.fullmatch(first)
    assert store.path(first).read_bytes() == PDF
    assert oct(store.path(first).stat().st_mode & 0o777) == "0o600"
    assert oct((tmp_path / "evidence").stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize("name", ["../secret", "/etc/passwd", "a" * 42, "a" * 43 + "/", ""])
def test_a_name_that_is_not_a_stored_name_never_becomes_a_path(tmp_path, name):
    with pytest.raises(ValueError):
        EvidenceStore(tmp_path).path(name)


def test_files_written_in_a_failed_transaction_are_removed(tmp_path):
    store = EvidenceStore(tmp_path)
    kept = store.write(PDF)
    with pytest.raises(RuntimeError), store.changes() as files:
        files.write(PNG)
        files.delete_after_commit(kept)
        raise RuntimeError("commit failed")
    assert [path.name for path in tmp_path.iterdir()] == [kept]  # the old file stays: the database still names it


def test_files_replaced_in_a_committed_transaction_are_removed(tmp_path):
    store = EvidenceStore(tmp_path)
    old = store.write(PDF)
    with store.changes() as files:
        new = files.write(PNG)
        files.delete_after_commit(old)
    assert [path.name for path in tmp_path.iterdir()] == [new]
