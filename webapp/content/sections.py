"""A rendered lesson cut into its ## sections, so its questions can be put after the section they follow."""

from functools import lru_cache
from html.parser import HTMLParser

# Elements with no end tag: they do not open a level of nesting.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def split_at_sections(html: str) -> tuple[tuple[str, str], ...]:
    """(anchor, html) for the part before the first ## heading (anchor "") and then each ## section.

    Only headings at the top level start a section: one inside a callout or details stays inside it.
    The same lesson is cut the same way every time: kept, not parsed again on every view (a third of its time)."""
    return _split(html)


@lru_cache(maxsize=256)
def _split(html: str) -> tuple[tuple[str, str], ...]:
    finder = _TopLevelHeadings()
    finder.feed(html)
    finder.close()
    offsets = _line_offsets(html)
    cuts = [(offsets[line - 1] + column, anchor) for (line, column), anchor in finder.found]
    parts, start, anchor = [], 0, ""
    for cut, next_anchor in cuts:
        parts.append((anchor, html[start:cut]))
        start, anchor = cut, next_anchor
    parts.append((anchor, html[start:]))
    return tuple((anchor, part) for anchor, part in parts if anchor or part.strip())


class _TopLevelHeadings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: list[tuple[tuple[int, int], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2" and self.depth == 0:
            self.found.append((self.getpos(), dict(attrs).get("id") or ""))
        if tag not in _VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth = max(self.depth - 1, 0)


def _line_offsets(text: str) -> list[int]:
    offsets, total = [], 0
    for line in text.splitlines(keepends=True) or [""]:
        offsets.append(total)
        total += len(line)
    offsets.append(total)
    return offsets
