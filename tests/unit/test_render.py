from webapp.content.render import render_markdown


def test_markdown_gets_gov_uk_classes():
    html = render_markdown("## Heading\n\nText with a [link](https://www.gov.uk).\n\n- one\n- two\n", "courses/c").html
    assert '<h2 class="govuk-heading-l" id="heading">Heading</h2>' in html
    assert '<p class="govuk-body">' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert 'class="govuk-link" href="https://www.gov.uk"' in html


def test_scripts_event_handlers_and_javascript_links_are_removed():
    text = (
        '<script>alert(1)</script>\n\n<p onclick="steal()">hi</p>\n\n'
        '[x](javascript:alert(1))\n\n<iframe src="//evil"></iframe>'
    )
    html = render_markdown(text, "courses/c").html
    for dangerous in ("<script", "alert(1)", "onclick", "javascript:", "<iframe"):
        assert dangerous not in html


def test_links_to_lesson_files_become_lesson_urls():
    html = render_markdown(
        "[next](02-next-step.md) [other](../other/01-intro.md#why) [home](course.md)", "courses/c"
    ).html
    assert 'href="/courses/c/next-step"' in html
    assert 'href="/courses/other/intro#why"' in html
    assert 'href="/courses/c"' in html


def test_tables_fenced_code_and_admonitions_render():
    text = (
        "| Region | Cases |\n|:--|--:|\n| North | 12 |\n\n"
        '```text\n=TRIM(A2)\n```\n\n!!! warning "Check"\n    Keep the raw file.\n'
    )
    html = render_markdown(text, "courses/c").html
    assert '<table class="govuk-table">' in html
    assert 'class="govuk-table__cell govuk-table__cell--numeric">12<' in html
    assert "style=" not in html  # inline styles would be blocked by the CSP
    assert '<pre class="highlight"><code class="language-text">=TRIM(A2)' in html
    assert "<p" not in html.split("<pre")[0].rsplit("</table>", 1)[1]  # no empty paragraph around the code
    assert "app-callout--warning" in html and "Keep the raw file." in html


def test_self_check_questions_become_gov_uk_details():
    html = render_markdown('??? question "What is 2 + 2?"\n    4, because we add.\n', "courses/c").html
    assert '<details class="govuk-details">' in html
    assert '<span class="govuk-details__summary-text">What is 2 + 2?</span>' in html
    assert '<div class="govuk-details__text"><p class="govuk-body">4, because we add.</p>' in html


def test_contents_lists_the_second_level_headings():
    rendered = render_markdown("## First\n\n### Detail\n\n## Second\n", "courses/c")
    assert rendered.contents == (("first", "First"), ("second", "Second"))


def test_rendering_is_cached_for_the_same_text():
    assert render_markdown("## Same\n", "courses/c") is render_markdown("## Same\n", "courses/c")


def test_code_inside_a_self_check_answer_renders_as_code():
    html = render_markdown('??? question "Q"\n    Answer:\n\n    ```python\n    print(1)\n    ```\n', "courses/c").html
    assert '<div class="govuk-details__text">' in html
    assert '<pre class="highlight"><code class="language-python">print(1)' in html
    assert "```" not in html
