"""Reading the CSV files the app offers for download."""

import csv
import io

from werkzeug.test import TestResponse


def csv_rows(response: TestResponse) -> list[list[str]]:
    """The rows of a CSV download, its header first. Excel needs the byte order mark, so it must be there."""
    assert response.status_code == 200 and response.mimetype == "text/csv", (response.status_code, response.mimetype)
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
