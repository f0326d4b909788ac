"""What lessons and exercises both read from their front matter."""

from webapp.content.answers import Question
from webapp.content.frontmatter import Document


class FrontMatterItem:
    """Needs `slug` and `doc`; the values fall back safely when the front matter has problems."""

    slug: str
    doc: Document
    questions: list[Question]

    @property
    def title(self) -> str:
        return self.doc.text("title", self.slug)

    @property
    def minutes(self) -> int:
        return self.doc.whole_number("minutes")

    @property
    def objectives(self) -> list[str]:
        return self.doc.text_list("objectives")

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)
