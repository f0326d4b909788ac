"""Where to send someone after signing in: only ever a path on this site."""

from urllib.parse import urlsplit

from flask import url_for


def safe_next(target: str | None) -> str:
    """Follow only a path on this site. Browsers drop tabs and newlines from URLs and read '\\' as '/', so
    '/%09/evil.example' would become '//evil.example': anything but printable ASCII is refused outright."""
    default = url_for("learn.catalogue")
    if not target or not all(0x21 <= ord(character) < 0x7F for character in target) or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
        return default
    return target
