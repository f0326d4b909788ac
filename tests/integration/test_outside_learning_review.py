"""A line manager reviews the outside learning their direct reports log: confirm it, or send it back with a
comment; and each department decides whether learning counts before it is confirmed."""

from tests.helpers.accounts import post_form, sign_in, sign_out
from tests.helpers.forms import outside_learning_form
from tests.helpers.html import get_page, parse
from tests.helpers.rows import make_outside_learning
from webapp.extensions import db
from webapp.models import Department


def progress_line(client) -> str:
    return get_page(client, "/my-training-record").text_of("#progress-summary")


def test_only_the_direct_manager_confirms_outside_learning(client, org):
    entry = make_outside_learning(org["sam"])
    for who in ("pat", "kim", "sam"):
        sign_in(client, org[who])
        response = post_form(client, f"/my-team/outside-learning/{entry.id}/confirm", token_from="/courses")
        assert response.status_code == 403, who
        sign_out(client)
    sign_in(client, org["alex"])
    waiting = get_page(client, "/my-team/outside-learning").table_rows("Waiting for you to confirm")
    assert [(row[0], row[2]) for row in waiting] == [("Sam Jones", "Stats webinar ONS")]
    post_form(client, f"/my-team/outside-learning/{entry.id}/confirm", token_from="/my-team")
    db.session.refresh(entry)
    assert entry.status == "confirmed" and entry.reviewed_by_id == org["alex"].id
    assert not get_page(client, "/my-team/outside-learning").has_table("Waiting for you to confirm")


def test_unconfirmed_learning_counts_only_where_the_department_says_so(client, org):
    entry = make_outside_learning(org["sam"], minutes=60)
    sign_in(client, org["sam"])
    assert progress_line(client) == "1 hour of 7 hours"
    department = db.session.get(Department, org["sam"].department_id)
    department.count_unconfirmed = False
    db.session.commit()
    assert progress_line(client) == "0 minutes of 7 hours"
    totals = get_page(client, "/my-training-record").summary_list()
    assert totals["Outside learning, not yet confirmed"] == "1 hour (counts once a manager confirms it)"
    entry.status = "confirmed"
    db.session.commit()
    assert progress_line(client) == "1 hour of 7 hours"


def test_learning_sent_back_stops_counting_until_it_is_changed(client, org):
    entry = make_outside_learning(org["sam"], minutes=60)
    sign_in(client, org["alex"])
    send_back = f"/my-team/outside-learning/{entry.id}/send-back"
    empty = parse(post_form(client, send_back, {"comment": ""}, token_from=send_back))
    assert empty.error_summary() == [("Enter why you are sending it back", "#comment")]
    db.session.refresh(entry)
    assert entry.status == "unconfirmed"
    post_form(client, send_back, {"comment": "This was a sales pitch"}, token_from=send_back)
    sign_out(client)
    sign_in(client, org["sam"])
    [learning] = [row[1] for row in get_page(client, "/my-training-record").table_rows("Learning recorded")]
    assert learning == "Stats webinar Outside learning: ONS Sent back Manager’s comment: This was a sales pitch"
    assert progress_line(client) == "0 minutes of 7 hours"
    form = outside_learning_form(title="Stats webinar, full day", provider="ONS", minutes=60)
    post_form(client, f"/outside-learning/{entry.id}/edit", form)
    db.session.refresh(entry)
    assert entry.status == "unconfirmed" and entry.review_comment is None
    assert progress_line(client) == "1 hour of 7 hours"
