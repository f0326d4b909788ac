"""What an exercise's page shows besides what every course item shows: the error summary for marked answers."""

from webapp.content.answers import Marking, Question


def answer_errors(questions: list[Question], marking: Marking | None) -> list[dict]:
    """Error summary items: answers that could not be read, then the ones not right yet, each linking to its box."""
    if marking is None:
        return []
    errors = [{"text": message, "href": f"#answer-{qid}"} for qid, message in marking.unreadable.items()]
    return errors + [
        {"text": f"Question {questions.index(m.question) + 1} is not right yet", "href": f"#answer-{m.question.id}"}
        for m in marking.wrong
    ]
