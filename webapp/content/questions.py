"""Reading the questions in a lesson's or an exercise's front matter, with every problem at its line."""

from collections.abc import Collection
from dataclasses import replace

from webapp.content.answers import KINDS, Question
from webapp.content.frontmatter import Document

SLUG_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def read_questions(doc: Document, sections: Collection[str] | None = None) -> list[Question]:
    """An exercise's questions (`sections` None): at least one, beside its notebook. A lesson's (`sections`: the
    ids of its ## headings): none or more, each at the end or `after` one of those sections."""
    raw = doc.meta.get("questions")
    if sections is not None and raw is None:
        return []
    if sections is not None and not isinstance(raw, list):
        doc.problem("questions must be a list, each with an id, a prompt and an answer", key="questions")
        return []
    if not isinstance(raw, list) or (not raw and sections is None):
        doc.problem("questions are missing: list at least one question with a prompt and an answer", key="questions")
        return []
    questions, seen = [], set()
    for index, item in enumerate(raw):
        question = _read_question(doc, index, item)
        if question is not None and isinstance(item, dict) and "after" in item:
            question = _placed(doc, index, question, item["after"], sections)
        if question is None:
            continue
        if question.id in seen:
            doc.problem(f"duplicate question id '{question.id}'", line=doc.line_at("questions", index, "id"))
            continue
        seen.add(question.id)
        questions.append(question)
    return questions


def _read_question(doc: Document, index: int, item: object) -> Question | None:
    def problem(message: str, *path: str) -> None:
        doc.problem(f"question {index + 1}: {message}", line=doc.line_at("questions", index, *path))

    if not isinstance(item, dict):
        problem("must have id, prompt and answer")
        return None
    qid, prompt, answer = item.get("id"), item.get("prompt"), item.get("answer")
    if not isinstance(qid, str) or not qid or not set(qid) <= SLUG_CHARS:
        problem("id must be lowercase letters, numbers and hyphens", "id")
        return None
    if not isinstance(prompt, str) or not prompt.strip():
        problem("prompt is missing", "prompt")
        return None
    if not isinstance(answer, dict) or answer.get("type") not in KINDS:
        problem(f"answer must have a type: {', '.join(KINDS)}", "answer")
        return None
    hint = item.get("hint") or ""
    if not isinstance(hint, str):
        problem("hint must be text", "hint")
        return None
    return _read_answer(answer, qid, prompt.strip(), hint.strip(), problem)


def _read_answer(answer: dict, qid: str, prompt: str, hint: str, problem) -> Question | None:
    kind, expected = answer["type"], answer.get("expected")
    unknown = set(answer) - {"type", "expected", "tolerance", "options", "accepted"}
    if unknown:
        problem(f"unknown answer field '{sorted(unknown)[0]}'", "answer")
        return None
    if kind == "number":
        tolerance = answer.get("tolerance", 0)
        if not _is_number(expected):
            problem("a number answer needs 'expected: <number>'", "answer", "expected")
        elif not _is_number(tolerance) or tolerance < 0:
            problem("tolerance must be a number of 0 or more", "answer", "tolerance")
        else:
            return Question(qid, prompt, kind, expected, tolerance=float(tolerance), hint=hint)
        return None
    if kind == "text":
        accepted = answer.get("accepted", [])
        if not isinstance(expected, str | int | float) or isinstance(expected, bool) or not str(expected).strip():
            problem("a text answer needs 'expected: <text>'", "answer", "expected")
        elif not isinstance(accepted, list) or not all(isinstance(a, str) for a in accepted):
            problem("accepted must be a list of other spellings", "answer", "accepted")
        else:
            return Question(qid, prompt, kind, str(expected), hint=hint, accepted=tuple(accepted))
        return None
    return _read_choice(answer, kind, expected, qid, prompt, hint, problem)


def _read_choice(answer: dict, kind: str, expected, qid: str, prompt: str, hint: str, problem) -> Question | None:
    options = answer.get("options")
    if not isinstance(options, list) or len(options) < 2 or not all(isinstance(o, str) and o for o in options):
        problem("a choice needs 'options:' with at least 2 pieces of text", "answer", "options")
        return None
    if len(set(options)) != len(options):
        problem("options must all be different", "answer", "options")
        return None
    wanted = [expected] if kind == "single" else expected
    if not isinstance(wanted, list) or not wanted or any(choice not in options for choice in wanted):
        form = "one of the options" if kind == "single" else "a list of some of the options"
        problem(f"expected must be {form}", "answer", "expected")
        return None
    expected_value = expected if kind == "single" else tuple(wanted)
    return Question(qid, prompt, kind, expected_value, options=tuple(options), hint=hint)


def _placed(doc: Document, index: int, question: Question, after: object, sections: Collection[str] | None):
    line = doc.line_at("questions", index, "after")
    if sections is None:
        doc.problem(
            f"question {index + 1}: after is only for lessons: an exercise's questions sit by its notebook", line=line
        )
        return None
    if not isinstance(after, str) or after not in sections:
        known = ", ".join(sections) or "none: add a ## heading, or leave out after to put the question at the end"
        doc.problem(
            f"question {index + 1}: after must be the id of a ## section in this lesson ({known}), not {after!r}",
            line=line,
        )
        return None
    return replace(question, after=after)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
