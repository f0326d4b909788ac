"""What lessons and exercises both read from their front matter, and the data folder exercises and the placement
check share."""

from pathlib import Path

from webapp.content.answers import Question
from webapp.content.frontmatter import Document
from webapp.content.lesson_data import folder_files, listed_sources


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


class DataFolder:
    """Content with a data/ folder of files learners download (an exercise, the placement check), each named with
    its origin under `data:` in the front matter. Needs `path` (the folder) and `doc`."""

    path: Path
    doc: Document

    @property
    def data_files(self) -> list[Path]:
        return list(folder_files(self.path).values())

    @property
    def data_sources(self) -> list[dict]:
        return listed_sources(self.doc)
