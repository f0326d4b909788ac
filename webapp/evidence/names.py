"""The name an evidence file is shown and downloaded under: the uploader's, made safe to show and to save."""

import re
import unicodedata

from webapp.evidence.kinds import EXTENSIONS

MAX_NAME = 120  # characters: enough for any real file name, short enough for a table cell
FALLBACK = "evidence"


def clean_name(raw: str) -> str:
    """The last part of whatever path the browser sent, without invisible characters, spaces tidied, and short.

    Never used as a path (files are stored under random names): this is what people read."""
    name = re.split(r"[\\/]", unicodedata.normalize("NFC", raw))[-1]
    # Control, format (bidi overrides), private-use, surrogate and unassigned characters: none is part of a name.
    name = "".join(" " if unicodedata.category(c) == "Cc" else c for c in name if not _invisible(c))
    name = " ".join(name.split()).strip(" .")
    if len(name) > MAX_NAME:
        stem, dot, extension = name.rpartition(".")
        extension = extension if dot and stem and len(extension) <= 5 else ""
        name = name[: MAX_NAME - len(extension) - 1].rstrip(" .") + (f".{extension}" if extension else "")
    return name or FALLBACK


def _invisible(character: str) -> bool:
    category = unicodedata.category(character)
    return category.startswith("C") and category != "Cc"


def download_name(name: str, kind: str) -> str:
    """The name with the extension of what the file is: a PDF someone named scan.png downloads as scan.pdf,
    so the computer that saves it opens it with the right program."""
    extensions = EXTENSIONS[kind]
    if name.lower().endswith(extensions) and any(character.isalnum() for character in name[: name.rfind(".")]):
        return name
    stem, dot, extension = name.rpartition(".")
    known = {known for kind_extensions in EXTENSIONS.values() for known in kind_extensions}
    base = stem if dot and stem and f".{extension.lower()}" in known else name
    if not any(character.isalnum() for character in base):  # "?.pdf" would save as ".pdf", hidden on some systems
        base = FALLBACK
    return base + extensions[0]
