"""A lesson's data files: the tables of its activity as files to download, listed under `data:` in its front matter
(file, source, licence, as an exercise lists its own) and kept in its course's data/ folder.

The lessons of a course share that folder, so a lesson may serve only the files it lists, and a file that no lesson
lists is the course's problem. Exercises and the placement check read their own data/ folder and `data:` list with
the same two readers (content.items.DataFolder).
"""

from pathlib import Path

from webapp.content.frontmatter import Document
from webapp.content.names import DATA_DIR
from webapp.content.problems import Problem


def listed_sources(doc: Document) -> list[dict]:
    value = doc.meta.get("data") or []
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def folder_files(course_folder: Path) -> dict[str, Path]:
    """The files in the course's data/ folder by name: only these may ever be served, whatever a lesson lists."""
    folder = course_folder / DATA_DIR
    return {path.name: path for path in sorted(folder.iterdir()) if path.is_file()} if folder.is_dir() else {}


def listed_files(course_folder: Path, sources: list[dict]) -> list[Path]:
    """The files a lesson lists that are in the folder, in the order it lists them."""
    present = folder_files(course_folder)
    names = dict.fromkeys(source.get("file") for source in sources)
    return [present[name] for name in names if isinstance(name, str) and name in present]


def unlisted_files(course_folder: Path, course_doc: Document, lesson_docs: list[Document]) -> list[Problem]:
    """Every file in the course's data/ is listed by one of its lessons, so its origin is stated somewhere."""
    listed = {source.get("file") for doc in lesson_docs for source in listed_sources(doc)}
    return [
        Problem(course_doc.path, 1, f"data file '{name}' is in {DATA_DIR}/ but no lesson lists it under data:")
        for name in folder_files(course_folder)
        if name not in listed
    ]
