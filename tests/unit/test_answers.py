import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from webapp.content.answers import (
    MAX_ANSWER,
    AnswerFormatError,
    Question,
    check_answer,
    has_hidden_characters,
    mark_submission,
    normalise_text,
)

NUMBER = Question("n", "How many?", "number", 12.5, tolerance=0.05)
EXACT = Question("e", "How many?", "number", 4)
TEXT = Question("t", "Which?", "text", "North East", accepted=("NE",))
SINGLE = Question("s", "Which?", "single", "cases", options=("region", "cases"))
MULTIPLE = Question("m", "Which?", "multiple", ("North East", "London"), options=("North East", "North West", "London"))


@pytest.mark.parametrize(
    ("answer", "correct"),
    [
        ("12.5", True),
        ("12.45", True),
        ("12.55", True),
        ("12.44", False),
        ("12.56", False),
        (" 12.50 ", True),
        ("1.25e1", True),
        ("+12.5", True),
        ("-12.5", False),
    ],
)
def test_numbers_are_right_within_the_tolerance_and_not_beyond(answer, correct):
    assert check_answer(NUMBER, answer).correct is correct


@pytest.mark.parametrize("answer", ["4", "4.0", "4.000", " 4 "])
def test_an_exact_number_accepts_the_same_value_written_differently(answer):
    assert check_answer(EXACT, answer).correct


def test_thousands_separators_and_symbols_are_ignored():
    assert check_answer(Question("x", "?", "number", 1234.5), "1,234.5").correct
    assert check_answer(Question("x", "?", "number", 1500), "£1,500").correct
    assert check_answer(Question("x", "?", "number", 72.3, tolerance=0.05), "72.3%").correct


def test_floating_point_noise_does_not_make_a_right_answer_wrong():
    assert check_answer(Question("x", "?", "number", 0.3), str(0.1 + 0.2)).correct


@pytest.mark.parametrize("answer", ["", "twelve", "12..5", "1 2 x", "nan", "inf", "12.5.1", "--1"])
def test_a_number_question_refuses_what_is_not_a_number(answer):
    with pytest.raises(AnswerFormatError, match="Enter a number"):
        check_answer(NUMBER, answer)


@pytest.mark.parametrize(
    ("answer", "correct"),
    [
        ("North East", True),
        ("north east", True),
        ("  NORTH   east. ", True),
        ("NE", True),
        ("ne", True),
        ("North", False),
        ("North-East", False),
        ("NorthEast", False),
    ],
)
def test_text_ignores_case_spacing_and_a_closing_full_stop(answer, correct):
    assert check_answer(TEXT, answer).correct is correct


def test_text_needs_an_answer():
    with pytest.raises(AnswerFormatError, match="Enter an answer"):
        check_answer(TEXT, "   ")


def test_single_choice_is_sent_as_the_option_position():
    assert check_answer(SINGLE, "1").correct
    assert not check_answer(SINGLE, "0").correct
    assert check_answer(SINGLE, "1").recorded == "cases"


@pytest.mark.parametrize("answer", ["", "2", "-1", "cases", "1.0", ["0", "1"]])
def test_single_choice_refuses_anything_but_one_option(answer):
    with pytest.raises(AnswerFormatError):
        check_answer(SINGLE, answer)


@pytest.mark.parametrize(
    ("answer", "correct"),
    [
        (["0", "2"], True),
        (["2", "0"], True),
        (["0", "2", "2"], True),
        (["0"], False),
        (["0", "1", "2"], False),
        (["1"], False),
    ],
)
def test_multiple_choice_needs_exactly_the_right_set(answer, correct):
    assert check_answer(MULTIPLE, answer).correct is correct


def test_multiple_choice_needs_at_least_one_and_only_real_options():
    with pytest.raises(AnswerFormatError, match="Select at least one"):
        check_answer(MULTIPLE, [])
    with pytest.raises(AnswerFormatError):
        check_answer(MULTIPLE, ["0", "7"])


def test_a_submission_marks_each_question_and_sets_aside_unreadable_answers():
    marking = mark_submission([NUMBER, TEXT, SINGLE], {"n": "abc", "t": "ne", "s": "0"})
    assert marking.unreadable == {"n": "Enter a number, like 12 or 3.5"}
    assert [m.verdict.correct for m in marking.marked] == [True, False]
    assert not marking.all_correct and [m.question.id for m in marking.wrong] == ["s"]


def test_a_submission_with_every_answer_right_is_all_correct():
    answers = {"n": "12.5", "t": "North East", "s": "1", "m": ["0", "2"]}
    assert mark_submission([NUMBER, TEXT, SINGLE, MULTIPLE], answers).all_correct


def test_normalised_text_is_what_people_would_call_the_same():
    assert normalise_text("  Department\\tfor   Work. ".replace("\\t", "\t")) == "department for work"


@pytest.mark.parametrize("answer", ["²", "¹", "١", "０", "1" * 5000, " 1", "01", "1\x00", ["0", "²"]])
def test_a_choice_refuses_digits_that_are_not_an_option_position(answer):
    with pytest.raises(AnswerFormatError, match="Select one of the options"):
        check_answer(MULTIPLE if isinstance(answer, list) else SINGLE, answer)


@pytest.mark.parametrize(("answer", "correct"), [("١٢.٥", True), ("１２.５", True), ("١٣", False)])
def test_a_number_in_another_script_s_digits_is_read_as_that_number(answer, correct):
    assert check_answer(NUMBER, answer).correct is correct


@pytest.mark.parametrize("answer", ["²", "12²", "1e99999", "9" * 400])
def test_a_number_refuses_digits_float_cannot_read(answer):
    with pytest.raises(AnswerFormatError, match="Enter a number"):
        check_answer(NUMBER, answer)


@pytest.mark.parametrize(("question", "answer"), [(TEXT, "North\x00East"), (NUMBER, "12.5\x00"), (TEXT, "\ud800")])
def test_a_typed_answer_with_hidden_characters_is_unreadable(question, answer):
    with pytest.raises(AnswerFormatError, match="^Your answer must not contain hidden characters"):
        check_answer(question, answer)


@pytest.mark.parametrize(("question", "answer"), [(TEXT, "North East " * 50), (NUMBER, "0" * 500 + "12.5")])
def test_a_typed_answer_longer_than_can_be_stored_is_unreadable(question, answer):
    with pytest.raises(AnswerFormatError, match="^Your answer must be 500 characters or fewer$"):
        check_answer(question, answer)


hostile_answers = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=40),  # controls, lone surrogates, every script's digits
    st.text(st.sampled_from("\x00\x1f\ud800²¹١٢٣０１９ 0123456789-+.,e£%"), max_size=30),
    st.builds(lambda char, size: char * size, st.sampled_from("90\x00"), st.integers(0, 6000)),
)


@settings(max_examples=60)
@given(
    question=st.sampled_from([NUMBER, EXACT, TEXT, SINGLE, MULTIPLE]),
    answer=st.one_of(hostile_answers, st.lists(hostile_answers, max_size=4)),
)
def test_any_answer_is_marked_or_unreadable_and_what_is_stored_fits(question, answer):
    try:
        verdict = check_answer(question, answer)
    except AnswerFormatError as error:
        assert str(error)
    else:
        assert len(verdict.recorded) <= MAX_ANSWER and not has_hidden_characters(verdict.recorded)
