"""Markdown to safe HTML in GOV.UK style, cached by file content so it is not redone per request."""

import hashlib
import itertools
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from functools import lru_cache

import markdown
import nh3
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import STX

from webapp.content.links import is_internal, url_for_target

EXTENSIONS = [
    "tables",
    "pymdownx.highlight",
    "pymdownx.superfences",
    "admonition",
    "toc",
    "sane_lists",
    "pymdownx.details",
]

TAG_CLASSES = {
    "p": "govuk-body",
    "h2": "govuk-heading-l",
    "h3": "govuk-heading-m",
    "h4": "govuk-heading-s",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
    "table": "govuk-table",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "blockquote": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--l govuk-section-break--visible",
}

NUMERIC_CLASSES = {"td": "govuk-table__cell--numeric", "th": "govuk-table__header--numeric"}

ALLOWED_TAGS = {
    *TAG_CLASSES,
    "pre",
    "h5",
    "h6",
    "li",
    "strong",
    "em",
    "code",
    "br",
    "div",
    "span",
    "details",
    "summary",
    "caption",
    "abbr",
    "sup",
    "sub",
    "del",
    "dl",
    "dt",
    "dd",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id"},
    "a": {"href", "title"},
    "abbr": {"title"},
    "div": {"aria-label"},
    "pre": {"aria-label"},
}
# A region that scrolls sideways must be reachable by keyboard and named (WCAG 2.1.1, 4.1.2): these two
# attributes, with these values only, are what makes it so.
SCROLLING_REGION = {"role": {"region"}, "tabindex": {"0"}}
ALLOWED_VALUES = {"div": SCROLLING_REGION, "pre": SCROLLING_REGION}
_PRE = re.compile(r"<pre(?=[\s>])")


@dataclass(frozen=True)
class Rendered:
    html: str
    contents: tuple[tuple[str, str], ...]  # (anchor id, heading text) for each ## heading


class GovukTreeprocessor(Treeprocessor):
    """Adds GOV.UK classes, turns details/admonitions into GOV.UK components and rewrites lesson links."""

    def __init__(self, md: markdown.Markdown, base: str):
        super().__init__(md)
        self.base = base

    def run(self, root: etree.Element) -> None:
        _wrap_tables(root)
        for element in list(root.iter()):
            if element.tag == "details":
                _govuk_details(element)
            elif element.tag == "div" and "admonition" in element.get("class", ""):
                _govuk_admonition(element)
            elif element.tag == "a" and is_internal(element.get("href", "")):
                element.set("href", url_for_target(self.base, element.get("href", "")) or "#")
            style = element.attrib.pop("style", "")  # inline styles would break the CSP
            if element.tag == "p" and (element.text or "").startswith(STX):
                continue  # a placeholder for stashed HTML (code blocks): Markdown unwraps it later
            if element.tag in TAG_CLASSES and "class" not in element.attrib:
                element.set("class", TAG_CLASSES[element.tag])
            if "right" in style and element.tag in NUMERIC_CLASSES:
                element.set("class", f"{element.get('class')} {NUMERIC_CLASSES[element.tag]}")


def _wrap_tables(root: etree.Element) -> None:
    """A wide table scrolls inside its own focusable, named region on a narrow screen, not the whole page."""
    tables = itertools.count(1)
    for parent in list(root.iter()):
        for index, table in enumerate(list(parent)):
            if table.tag == "table":
                attributes = {"role": "region", "tabindex": "0", "aria-label": f"Table {next(tables)}"}
                region = etree.Element("div", {"class": "app-table-scroll", **attributes})
                parent.remove(table)
                region.append(table)
                parent.insert(index, region)


class CodeRegions(Postprocessor):
    """Code blocks scroll sideways too; they reach the page as stashed HTML, so they are named here."""

    def run(self, text: str) -> str:
        blocks = itertools.count(1)
        return _PRE.sub(lambda _: f'<pre tabindex="0" role="region" aria-label="Code example {next(blocks)}"', text)


def _govuk_details(details: etree.Element) -> None:
    details.set("class", "govuk-details")
    summary = details.find("summary")
    text_div = etree.Element("div", {"class": "govuk-details__text"})
    for child in list(details):
        if child is not summary:
            details.remove(child)
            text_div.append(child)
    if summary is not None:
        label = etree.SubElement(summary, "span", {"class": "govuk-details__summary-text"})
        label.text, summary.text = summary.text, None
        summary.set("class", "govuk-details__summary")
    details.append(text_div)


def _govuk_admonition(div: etree.Element) -> None:
    kind = (div.get("class", "").split() + ["note"])[1]
    div.set("class", f"govuk-inset-text app-callout app-callout--{kind}")
    title = div.find("p")
    if title is not None and "admonition-title" in title.get("class", ""):
        title.set("class", "govuk-body govuk-!-font-weight-bold")


class GovukExtension(Extension):
    def __init__(self, base: str):
        super().__init__()
        self.base = base

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        # Priority below toc (5) so heading ids exist, above inline output.
        md.treeprocessors.register(GovukTreeprocessor(md, self.base), "govuk", 4)
        # Below raw_html (30), which puts the code blocks back into the text.
        md.postprocessors.register(CodeRegions(md), "code_regions", 5)


def render_markdown(text: str, base: str) -> Rendered:
    return _render_cached(hashlib.sha256(text.encode()).hexdigest(), text, base)


@lru_cache(maxsize=512)
def _render_cached(_digest: str, text: str, base: str) -> Rendered:
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, GovukExtension(base)],
        extension_configs={"toc": {"toc_depth": "2-2"}, "pymdownx.highlight": {"use_pygments": False}},
        output_format="html",
    )
    html = md.convert(text)
    safe = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=ALLOWED_VALUES,
        url_schemes={"http", "https", "mailto"},
    )
    contents = tuple((token["id"], token["name"]) for token in md.toc_tokens)
    return Rendered(safe, contents)
