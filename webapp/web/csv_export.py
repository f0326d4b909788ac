"""The one way Data Day sends a CSV: UTF-8 with BOM (Excel opens it right), formula-safe cells, streamed."""

import csv
from collections.abc import Iterable

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
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
