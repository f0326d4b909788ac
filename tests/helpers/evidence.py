"""Evidence files for outside learning: small real files of each kind, and sending one with the form."""

import io

from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage
from werkzeug.test import TestResponse, encode_multipart

from tests.helpers.accounts import csrf_token
from tests.helpers.forms import outside_learning_form

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
HTML = b"<!doctype html><script>alert(document.cookie)</script>"


def send_outside_learning(
    client: FlaskClient, path: str, content: bytes | None, filename: str = "certificate.pdf", **changes: object
) -> TestResponse:
    """The outside learning form at `path` (new or edit), with an evidence file unless content is None."""
    data: dict = outside_learning_form(link="", notes="", **changes)
    if content is not None:
        data["evidence"] = FileStorage(io.BytesIO(content), filename)
    data["csrf_token"] = csrf_token(client, path)
    return post_multipart(client, path, data)


def post_multipart(client: FlaskClient, path: str, data: dict) -> TestResponse:
    """Encoded in memory: the test client spools a large body to a temporary file it never closes."""
    boundary, body = encode_multipart(data)
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")
