"""The bar chart's bars, placed and scaled before the figures template draws them."""

from webapp.web.figures import LONGEST_BAR, bar_chart


def test_the_largest_figure_is_the_longest_bar_and_the_others_scale_to_it():
    bars = bar_chart([("None yet", 40), ("Some", 10), ("Met", 0)]).bars
    assert [bar.length for bar in bars] == [LONGEST_BAR, 95.0, 0.0]
    assert [bar.width for bar in bars] == [LONGEST_BAR, 95.0, 0]


def test_lengths_are_rounded_to_a_tenth():
    assert bar_chart([("a", 3), ("b", 1)]).bars[1].length == 126.7


def test_figures_are_written_with_thousands_separators():
    assert [bar.figure for bar in bar_chart([("a", 12345), ("b", 7)]).bars] == ["12,345", "7"]


def test_each_figure_sits_just_past_the_end_of_its_bar():
    long, none = bar_chart([("a", 5), ("b", 0)]).bars
    assert long.figure_x == long.x + 6 + LONGEST_BAR
    assert none.figure_x == none.x + 6


def test_a_figure_in_words_draws_no_bar():
    words, number = bar_chart([("Small team", "[suppressed]"), ("Large team", 8)]).bars
    assert (words.length, words.figure) == (None, "[suppressed]")
    assert number.length == LONGEST_BAR


def test_all_zeros_draw_no_bars_rather_than_fail():
    assert [bar.width for bar in bar_chart([("a", 0), ("b", 0)]).bars] == [0, 0]


def test_each_bar_has_its_own_row_and_the_chart_is_as_tall_as_its_rows():
    chart = bar_chart([("a", 1), ("b", 2), ("c", 3)])
    assert [bar.top for bar in chart.bars] == [4, 40, 76]
    assert [(bar.label_y, bar.bar_y, bar.figure_y) for bar in chart.bars][1] == (60, 44, 62)
    assert chart.height == 116
    assert bar_chart([]).height == 8
