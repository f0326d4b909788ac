"""An exercise's question fields and error summary, built from the marking without a request."""

from tests.helpers.paths import FIXTURE_COURSES, FIXTURE_EXERCISES
from webapp.content.answers import mark_submission
from webapp.content.library import load_library
from webapp.exercises.pages import answer_errors, question_fields

# Count the regions: rows (number, with a hint), mean (number, no hint), largest (text), column (single: region,
# cases), regions (multiple: North East, North West, London, Wales).
QUESTIONS = load_library(FIXTURE_COURSES, FIXTURE_EXERCISES).exercise("count-the-regions").questions
RIGHT = {"rows": "4", "mean": "12.5", "largest": "North East", "column": "1", "regions": ["0", "2"]}


def fields_after(**answers):
    """Each question's field once `answers` (right ones for any not given) are marked, by question id."""
    answers = RIGHT | answers
    fields = question_fields(QUESTIONS, mark_submission(QUESTIONS, answers), answers)
    return {field.question.id: field for field in fields}


def test_before_any_answer_the_fields_are_numbered_empty_and_without_errors():
    fields = question_fields(QUESTIONS, None, {})
    assert [field.label for field in fields][:2] == [
        "Question 1: How many rows of data does the file have?",
        "Question 2: What is the mean number of cases, to 1 decimal place?",
    ]
    assert [field.name for field in fields] == [
        "answer-rows",
        "answer-mean",
        "answer-largest",
        "answer-column",
        "answer-regions",
    ]
    assert {(field.error, field.value) for field in fields} == {(None, None)}
    assert not any(option["checked"] for field in fields for option in field.options)


def test_a_wrong_answer_shows_the_questions_hint_and_keeps_the_answer():
    field = fields_after(rows="5")["rows"]
    assert field.error == "This is not right yet. Hint: Do not count the header row."
    assert field.value == "5"
    assert field.hint is None


def test_a_wrong_answer_to_a_question_with_no_hint_only_says_it_is_not_right_yet():
    assert fields_after(mean="3")["mean"].error == "This is not right yet."


def test_an_unreadable_answer_says_what_is_wrong_with_it_and_keeps_it():
    field = fields_after(rows="four")["rows"]
    assert field.error == "Enter a number, like 12 or 3.5"
    assert field.value == "four"


def test_a_right_answer_says_so_and_keeps_the_answer():
    field = fields_after(rows="4", mean="0")["rows"]
    assert (field.error, field.hint, field.value) == (None, "Your answer is right.", "4")


def test_the_option_chosen_stays_checked():
    options = fields_after(column="0")["column"].options
    assert options == [
        {"value": "0", "text": "region", "checked": True},
        {"value": "1", "text": "cases", "checked": False},
    ]


def test_every_box_ticked_stays_ticked_and_the_others_do_not():
    options = fields_after(regions=["0", "1"])["regions"].options
    assert [option["text"] for option in options if option["checked"]] == ["North East", "North West"]


def test_checkboxes_ask_for_all_that_apply_until_the_answer_is_right():
    assert question_fields(QUESTIONS, None, {})[-1].hint == "Select all that apply."
    assert fields_after(regions=["0"])["regions"].hint == "Select all that apply."
    assert fields_after()["regions"].hint == "Your answer is right."


def test_ticking_no_box_says_to_select_one():
    field = fields_after(regions=[])["regions"]
    assert field.error == "Select at least one answer"
    assert not any(option["checked"] for option in field.options)


def test_text_and_number_questions_have_no_options():
    fields = fields_after()
    assert fields["rows"].options == fields["largest"].options == []


def test_the_error_summary_lists_unreadable_answers_then_wrong_ones_linking_to_each_field():
    answers = RIGHT | {"rows": "five", "largest": "London", "column": "0"}
    assert answer_errors(QUESTIONS, mark_submission(QUESTIONS, answers)) == [
        {"text": "Enter a number, like 12 or 3.5", "href": "#answer-rows"},
        {"text": "Question 3 is not right yet", "href": "#answer-largest"},
        {"text": "Question 4 is not right yet", "href": "#answer-column"},
    ]


def test_there_are_no_errors_before_marking_or_when_every_answer_is_right():
    assert answer_errors(QUESTIONS, None) == []
    assert answer_errors(QUESTIONS, mark_submission(QUESTIONS, RIGHT)) == []
