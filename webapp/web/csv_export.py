"""The one way Data Day sends a CSV: UTF-8 with BOM (Excel opens it right), formula-safe cells, streamed."""

import csv
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from flask import Response, stream_with_context

# A cell starting with one of these would run as a formula in a spreadsheet (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _Line:
    """csv.writer's file: hands each formatted line back instead of storing it."""

    def write(self, text: str) -> str:
        return text


def csv_response(filename: str, header: list[str], rows: Iterable[Iterable[object]]) -> Response:
    """Rows are written as they are read, so an export of a whole line keeps memory flat."""
    writer = csv.writer(_Line())

    def lines():
        yield "\ufeff" + writer.writerow(header)
        for row in rows:
            yield writer.writerow([safe_cell(value) for value in row])

    return Response(
        stream_with_context(lines()),
        mimetype="text/csv",
        headers={"Content-Disposition": attachment(filename)},
    )


# Characters a file name cannot hold on some system, and the quote that would end the header's filename="...".
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|]')
_NOT_ASCII_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def attachment(filename: str) -> str:
    """Content-Disposition for a download named from data (a department's name, say): RFC 6266.

    An ASCII `filename` for old clients and the name itself as `filename*` (RFC 5987), so a header never holds a
    character WSGI servers refuse (gunicorn: anything past Latin-1), a line break, or a quote that ends the name.
    """
    printable = " ".join("".join(_printable(character) for character in filename).split())
    name = _NOT_IN_FILE_NAMES.sub("-", printable) or "download"
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    plain = re.sub(r"-{2,}", "-", _NOT_ASCII_SAFE.sub("-", plain)).strip("-.") or "download"
    if plain == name:
        return f'attachment; filename="{plain}"'
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


def _printable(character: str) -> str:
    """Line breaks, tabs and any other space become a plain space; other invisible or unassigned characters go."""
    category = unicodedata.category(character)
    if category == "Cc" or category.startswith("Z"):
        return " "
    return "" if category.startswith("C") else character
