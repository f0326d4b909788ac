"""A lesson's data files on its page and as downloads: the tables of its activity as CSV and Excel files."""

from dataclasses import dataclass
from pathlib import Path

from flask import Response, render_template, send_file, url_for

from webapp.content.library import Lesson
from webapp.content.sections import split_at_sections
from webapp.web.labels import file_size

ACTIVITY = "try-this"  # the anchor a lesson's "## Try this: ..." section starts with
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Content type and the name GOV.UK gives it beside an attachment's link. Anything else is served as plain bytes.
TYPES = {".csv": ("text/csv", "CSV"), ".xlsx": (XLSX, "MS Excel Spreadsheet")}
OTHER = ("application/octet-stream", "File")


@dataclass(frozen=True)
class DataLink:
    name: str
    url: str
    label: str  # "CSV, 1KB"


@dataclass(frozen=True)
class DataSource:
    files: list[str]
    source: str
    licence: str


def _type(path: Path) -> tuple[str, str]:
    return TYPES.get(path.suffix.lower(), OTHER)


def data_links(lesson: Lesson) -> list[DataLink]:
    return [
        DataLink(
            path.name,
            url_for("learn.download", course_slug=lesson.course_slug, lesson_slug=lesson.slug, filename=path.name),
            f"{_type(path)[1]}, {file_size(path.stat().st_size)}",
        )
        for path in lesson.data_files
    ]


def data_sources(lesson: Lesson) -> list[DataSource]:
    """Where the files come from, once for each different source and licence (often one for them all)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for item in lesson.data_sources:
        key = (str(item.get("source") or "").strip(), str(item.get("licence") or "").strip())
        grouped.setdefault(key, []).append(str(item.get("file")))
    return [DataSource(files, source, licence) for (source, licence), files in grouped.items()]


def with_data_box(html: str, lesson: Lesson) -> str:
    """The lesson's HTML with its files listed at the start of its activity (after the "Try this" heading), or at
    the top if it has no activity. A lesson without files is unchanged."""
    links = data_links(lesson)
    if not links:
        return html
    box = render_template("components/lesson-data.html", links=links, sources=data_sources(lesson))
    parts = list(split_at_sections(html))  # a copy: the cut is shared by every view of the lesson
    for index, (anchor, part) in enumerate(parts):
        if anchor.startswith(ACTIVITY) and "</h2>" in part:
            end = part.index("</h2>") + len("</h2>")
            parts[index] = (anchor, part[:end] + box + part[end:])
            return "".join(part for _anchor, part in parts)
    return box + html


def data_download(path: Path) -> Response:
    """Always a download, of its own type, never read as anything else by the browser."""
    response = send_file(path, mimetype=_type(path)[0], as_attachment=True, download_name=path.name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
