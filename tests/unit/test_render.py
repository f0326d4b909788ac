"""Lessons' Markdown becomes GOV.UK-styled HTML, with nothing that could run a script."""

from tests.helpers.html import parse
from webapp.content.render import render_markdown


def render(text: str):
    return parse(render_markdown(text, "courses/c").html)


def test_markdown_gets_gov_uk_classes():
    html = render("## Heading\n\nText with a [link](https://www.gov.uk).\n\n- one\n- two\n")
    heading = html.element("h2")
    assert (heading["class"], heading["id"], html.text_of("h2")) == (["govuk-heading-l"], "heading", "Heading")
    assert html.element("p")["class"] == ["govuk-body"]
    assert html.element("ul")["class"] == ["govuk-list", "govuk-list--bullet"]
    assert html.texts("ul li") == ["one", "two"]
    link = html.element("a")
    assert (link["class"], link["href"]) == (["govuk-link"], "https://www.gov.uk")


def test_scripts_event_handlers_and_javascript_links_are_removed():
    text = (
        '<script>alert(1)</script>\n\n<p onclick="steal()">hi</p>\n\n'
        '[x](javascript:alert(1))\n\n<iframe src="//evil"></iframe>'
    )
    html = render_markdown(text, "courses/c").html
    for dangerous in ("<script", "alert(1)", "onclick", "javascript:", "<iframe"):  # anywhere in the markup
        assert dangerous not in html
    assert "hi" in parse(html).texts("p")


def test_links_to_lesson_files_become_lesson_urls():
    html = render("[next](02-next-step.md) [other](../other/01-intro.md#why) [home](course.md)")
    assert [link.href for link in html.links("p")] == ["/courses/c/next-step", "/courses/other/intro#why", "/courses/c"]


def test_tables_fenced_code_and_admonitions_render():
    text = (
        "| Region | Cases |\n|:--|--:|\n| North | 12 |\n\n"
        '```text\n=TRIM(A2)\n```\n\n!!! warning "Check"\n    Keep the raw file.\n'
    )
    html = render(text)
    assert html.element("table")["class"] == ["govuk-table"]
    [table] = html.tables()
    assert (table.head, table.rows) == (["Region", "Cases"], [["North", "12"]])
    assert html.element("td:nth-of-type(2)")["class"] == ["govuk-table__cell", "govuk-table__cell--numeric"]
    assert not html.elements("[style]")  # inline styles would be blocked by the CSP
    code = html.element("pre.highlight > code.language-text")
    assert code.get_text() == "=TRIM(A2)"
    assert code.parent.find_previous_sibling()["class"] == ["app-table-scroll"]  # no empty paragraph around the code
    assert html.texts(".app-callout--warning p") == ["Check", "Keep the raw file."]


def test_self_check_questions_become_gov_uk_details():
    html = render('??? question "What is 2 + 2?"\n    4, because we add.\n')
    assert html.element("details")["class"] == ["govuk-details"]
    assert html.text_of("summary .govuk-details__summary-text") == "What is 2 + 2?"
    assert html.text_of(".govuk-details__text > p.govuk-body") == "4, because we add."


def test_contents_lists_the_second_level_headings():
    rendered = render_markdown("## First\n\n### Detail\n\n## Second\n", "courses/c")
    assert rendered.contents == (("first", "First"), ("second", "Second"))


def test_rendering_is_cached_for_the_same_text():
    assert render_markdown("## Same\n", "courses/c") is render_markdown("## Same\n", "courses/c")


def test_code_inside_a_self_check_answer_renders_as_code():
    html = render('??? question "Q"\n    Answer:\n\n    ```python\n    print(1)\n    ```\n')
    assert html.element(".govuk-details__text pre.highlight > code.language-python").get_text() == "print(1)"
    assert "```" not in html.html


def test_wide_tables_scroll_in_their_own_named_region_reachable_by_keyboard():
    html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText.\n\n- in a list\n\n    | c |\n    |---|\n    | 3 |\n")
    regions = html.soup.select("div.app-table-scroll")
    assert [(r["role"], r["tabindex"], r["aria-label"]) for r in regions] == [
        ("region", "0", "Table 1"),
        ("region", "0", "Table 2"),
    ]
    assert all(region.find("table", recursive=False) for region in regions)


def test_code_blocks_are_focusable_regions_with_different_names():
    html = render('```python\nprint(1)\n```\n\n    indented = True\n\n??? note "Answer"\n    ```\n    x = 1\n    ```\n')
    blocks = html.soup.select("pre")
    assert [(b["role"], b["tabindex"], b["aria-label"]) for b in blocks] == [
        ("region", "0", "Code example 1"),
        ("region", "0", "Code example 2"),
        ("region", "0", "Code example 3"),
    ]


def test_authors_cannot_give_elements_other_roles_or_take_them_out_of_the_tab_order():
    html = render(
        '<div role="button" tabindex="-1">a</div>\n\n<div role="region" tabindex="0" aria-label="Notes">b</div>'
    )
    first, second = html.soup.select("div")
    assert not first.has_attr("role") and not first.has_attr("tabindex")
    assert (second["role"], second["tabindex"]) == ("region", "0")
