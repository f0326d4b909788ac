"""The one way tests read HTML: parse it, then ask for elements and their text, as a reader would see them.

    page = get_page(client, "/my-training-record")
    assert page.heading() == "My training record"
    assert page.text_of("#progress-summary") == "0 minutes of 7 hours"

Text is whitespace-collapsed and includes visually hidden text (what a screen reader announces).
"""

from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, Tag
from flask.testing import FlaskClient
from werkzeug.test import TestResponse


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Table:
    caption: str
    head: list[str]
    rows: list[list[str]]  # the body's rows, each a list of cell texts (row headers included)


# Elements that start on a new line: their text is kept apart from their neighbours'.
_BLOCKS = {
    *"address article aside blockquote br caption dd div dl dt fieldset figcaption figure footer form".split(),
    *"h1 h2 h3 h4 h5 h6 header hr label legend li main nav ol option p section table td th tr ul".split(),
}


def text(element: Tag) -> str:
    """The element's text as it reads: whitespace collapsed, blocks apart, inline elements run together."""
    parts: list[str] = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                if child.name in ("script", "style", "template"):
                    continue
                gap = " " if child.name in _BLOCKS else ""
                parts.append(gap)
                walk(child)
                parts.append(gap)
            elif not isinstance(child, Comment):
                parts.append(str(child))

    walk(element)
    return " ".join("".join(parts).split())


class Page:
    def __init__(self, html: str):
        self.html = html
        self.soup = BeautifulSoup(html, "html.parser")

    def element(self, css: str) -> Tag:
        """The one element matching `css`: a test that meant one element fails if there are none or several."""
        found = self.soup.select(css)
        assert len(found) == 1, f"{len(found)} elements match {css!r}"
        return found[0]

    def elements(self, css: str) -> list[Tag]:
        return self.soup.select(css)

    def has(self, css: str) -> bool:
        return bool(self.soup.select(css))

    def title(self) -> str:
        return text(self.element("head > title"))

    def heading(self) -> str:
        return self.text_of("h1")

    def text_of(self, css: str) -> str:
        return text(self.element(css))

    def paragraph(self, start: str) -> str:
        """The one paragraph in <main> that starts with `start`."""
        found = [paragraph for paragraph in self.texts("main p") if paragraph.startswith(start)]
        assert len(found) == 1, f"{len(found)} paragraphs start {start!r}"
        return found[0]

    def texts(self, css: str) -> list[str]:
        return [text(element) for element in self.elements(css)]

    def main_text(self) -> str:
        """Everything in <main>: for what a page must not say anywhere."""
        return self.text_of("main")

    def links(self, css: str = "main") -> list[Link]:
        return [Link(text(a), a["href"]) for scope in self.elements(css) for a in scope.select("a[href]")]

    def link(self, link_text: str) -> str:
        """The address of the one link in <main> whose text is `link_text`."""
        found = [link.href for link in self.links() if link.text == link_text]
        assert len(found) == 1, f"{len(found)} links say {link_text!r}: {self.links()}"
        return found[0]

    def buttons(self) -> list[str]:
        return self.texts("main button, main input[type=submit]")

    def field_value(self, name: str) -> str | None:
        """The value of the first input named `name` (or with that id)."""
        field = self.soup.select_one(f'input[name="{name}"], input[id="{name}"], textarea[name="{name}"]')
        assert field is not None, f"no field {name!r}"
        return field.get_text() if field.name == "textarea" else field.get("value")

    def checked(self, name: str) -> list[str]:
        """The values of the checked radios or checkboxes named `name`."""
        return [box["value"] for box in self.soup.select(f'input[name="{name}"][checked]')]

    def error_summary(self) -> list[tuple[str, str | None]]:
        """Each error listed in the GOV.UK error summary, with the field it links to; [] if there is none."""
        items = self.elements(".govuk-error-summary__list li")
        return [(text(item), item.a["href"] if item.a else None) for item in items]

    def field_error(self, field_id: str) -> str | None:
        """The error message shown beside a field, without its visually hidden 'Error:'."""
        message = self.soup.select_one(f"#{field_id}-error")
        return text(message).removeprefix("Error:").strip() if message else None

    def notification(self) -> str | None:
        """The notification banner's message (a flashed message), if there is one."""
        banner = self.soup.select_one(".govuk-notification-banner__content")
        return text(banner) if banner else None

    def summary_list(self, css: str = ".govuk-summary-list") -> dict[str, str]:
        rows = self.element(css).select(".govuk-summary-list__row")
        return {text(row.select_one("dt")): text(row.select_one("dd")) for row in rows}

    def task_list(self) -> dict[str, str]:
        """A GOV.UK task list: each task's name and its status."""
        items = self.elements(".govuk-task-list__item")
        return {
            text(item.select_one(".govuk-task-list__name-and-hint > *")): text(
                item.select_one(".govuk-task-list__status")
            )
            for item in items
        }

    def tables(self) -> list[Table]:
        return [_table(element) for element in self.elements("table")]

    def table(self, name: str) -> Table:
        """The one table named `name`: by the start of its caption, its id, or the heading that labels it."""
        found = [
            table
            for element, table in zip(self.elements("table"), self.tables(), strict=True)
            if _is_named(element, name, self.soup)
        ]
        assert len(found) == 1, f"{len(found)} tables named {name!r}: {[t.caption for t in self.tables()]}"
        return found[0]

    def has_table(self, name: str) -> bool:
        return any(_is_named(element, name, self.soup) for element in self.elements("table"))

    def table_rows(self, name: str) -> list[list[str]]:
        return self.table(name).rows


def _is_named(table: Tag, name: str, soup: BeautifulSoup) -> bool:
    caption = table.caption and text(table.caption)
    labelled_by = table.get("aria-labelledby")
    label = soup.find(id=labelled_by) if labelled_by else None
    return bool((caption and caption.startswith(name)) or table.get("id") == name or (label and text(label) == name))


def _table(element: Tag) -> Table:
    head = element.thead.select("th, td") if element.thead else []
    body = [row for row in element.select("tr") if row.find_parent("thead") is None]
    return Table(
        caption=text(element.caption) if element.caption else "",
        head=[text(cell) for cell in head],
        rows=[[text(cell) for cell in row.select("th, td")] for row in body],
    )


def parse(response: TestResponse | str) -> Page:
    return Page(response if isinstance(response, str) else response.get_data(as_text=True))


def get_page(client: FlaskClient, path: str, status: int = 200) -> Page:
    """GET a page and parse it, checking it answered with `status`."""
    response = client.get(path)
    assert response.status_code == status, f"{path}: {response.status_code}, expected {status}"
    return parse(response)
