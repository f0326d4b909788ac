"""What lessons and exercises both read from their front matter."""

from webapp.content.frontmatter import Document


class FrontMatterItem:
    """Needs `slug` and `doc`; the values fall back safely when the front matter has problems."""

    slug: str
    doc: Document

    @property
    def title(self) -> str:
        return str(self.doc.meta.get("title") or self.slug)

    @property
    def minutes(self) -> int:
        value = self.doc.meta.get("minutes")
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    @property
    def objectives(self) -> list[str]:
        value = self.doc.meta.get("objectives")
        return [str(item) for item in value] if isinstance(value, list) else []
