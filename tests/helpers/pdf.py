"""Reading the PDFs the app offers for download, with poppler-utils (scripts/install-system-deps.sh installs it)."""

import re
import subprocess
import tempfile
import zlib
from pathlib import Path

from werkzeug.test import TestResponse


def pdf_bytes(response: TestResponse) -> bytes:
    assert response.status_code == 200 and response.mimetype == "application/pdf", (
        response.status_code,
        response.mimetype,
    )
    return response.get_data()


def _poppler(data: bytes, *command: str) -> str:
    """Run a poppler tool on the PDF (its path goes where the command says {pdf})."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "download.pdf"
        path.write_bytes(data)
        arguments = [str(path) if part == "{pdf}" else part for part in command]
        return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


def pdf_text(data: bytes) -> str:
    """The PDF's text in reading order, each run of whitespace made one space, so lines wrapped in a table
    cell read as the sentence they are."""
    return " ".join(_poppler(data, "pdftotext", "{pdf}", "-").split())


def pdf_info(data: bytes) -> dict[str, str]:
    """pdfinfo's fields: Title, Tagged, Page size, …"""
    lines = _poppler(data, "pdfinfo", "{pdf}").splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pdf_metadata(data: bytes) -> str:
    """The XMP metadata: the PDF/UA claim, the title."""
    return _poppler(data, "pdfinfo", "-meta", "{pdf}")


def pdf_structure(data: bytes) -> list[str]:
    """The tagged PDF's structure elements, in order: Document, H1, P, Table, TH, …"""
    return [
        line.split()[0].rstrip(":")
        for line in _poppler(data, "pdfinfo", "-struct", "{pdf}").splitlines()
        if line.strip()
    ]


def pdf_objects(data: bytes) -> bytes:
    """Every object's source, compressed object streams opened: where the catalog's /Lang is."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL)
    opened = []
    for stream in streams:
        try:
            opened.append(zlib.decompress(stream))
        except zlib.error:
            continue  # not Flate (or an image): nothing we look for
    return data + b"\n".join(opened)
