"""YAML front matter with the line of every field, so problems can point at it.

python-frontmatter returns plain values and loses line numbers, which authors need.
"""

from dataclasses import dataclass, field
from typing import Any, TypeGuard

import yaml

from webapp.content.problems import Problem

FENCE = "---"


@dataclass
class Document:
    path: str
    meta: dict[str, Any]
    body: str
    body_line: int  # the file line where the body starts
    lines: dict[str, int] = field(default_factory=dict)  # field name -> file line
    problems: list[Problem] = field(default_factory=list)
    node: yaml.Node | None = None  # the parsed YAML, for the lines of nested values

    def line_at(self, *path: str | int) -> int:
        """The file line of a nested value, e.g. line_at("questions", 2, "answer"); its parent's if absent."""
        node, line = self.node, 1
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            node, line = child, child.start_mark.line + 2
        return line

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)

    # Typed reads that fall back safely: a page still renders while its front matter has problems.
    def text(self, key: str, default: str = "") -> str:
        return str(self.meta.get(key) or default)

    def whole_number(self, key: str, default: int = 0) -> int:
        value = self.meta.get(key)
        return value if is_whole_number(value) else default

    def text_list(self, key: str) -> list[str]:
        value = self.meta.get(key)
        return [str(item) for item in value] if isinstance(value, list) else []

    def problem(self, message: str, key: str | None = None, line: int | None = None) -> None:
        where = line if line is not None else (self.line_of(key) if key else 1)
        self.problems.append(Problem(self.path, where, message))


def is_whole_number(value: object) -> TypeGuard[int]:
    """YAML reads `yes` as True, and True is an int in Python: neither is a number of minutes."""
    return isinstance(value, int) and not isinstance(value, bool)


def parse_document(path: str, text: str) -> Document:
    """Split front matter from body. Problems are collected on the document, not raised."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        doc = Document(path, {}, text, 1)
        doc.problem("front matter missing: the file must start with a line '---'")
        return doc
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        doc = Document(path, {}, "", len(lines) + 1)
        doc.problem("front matter is not closed: add a line '---' after the last field")
        return doc
    body = "\n".join(lines[end + 1 :])
    doc = Document(path, {}, body, end + 2)
    _read_yaml(doc, "\n".join(lines[1:end]))
    return doc


def _read_yaml(doc: Document, source: str) -> None:
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        doc.problem(f"front matter is not valid YAML: {getattr(error, 'problem', error)}", line=line)
        return
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        doc.problem("front matter must be a list of 'field: value' lines", line=2)
        return
    doc.meta, doc.node = data, node
    # +2: line 1 is the opening fence and YAML marks count from 0.
    doc.lines = {key.value: key.start_mark.line + 2 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}


def _child(node: yaml.Node | None, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        return next((value for key, value in node.value if getattr(key, "value", None) == step), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None
