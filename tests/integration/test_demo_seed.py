"""`flask demo seed`: an organisation with lines of management and some progress, safe to run again."""

from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Completion, User


def test_demo_seed_makes_an_organisation_with_progress_and_can_run_again(runner):
    first = runner.invoke(args=["demo", "seed"])
    assert first.exit_code == 0, first.output
    assert "alex.morgan@example.gov.uk" in first.output and "password for all" in first.output
    again = runner.invoke(args=["demo", "seed"])
    assert again.exit_code == 0
    people = {user.name: user for user in db.session.scalars(select(User))}
    assert len(people) == 8
    manager = people["Priya Shah"]
    assert {p.name for p in people.values() if p.manager_id == manager.id} == {
        "Alex Morgan",
        "Sam Okafor",
        "Jordan Lee",
    }
    # Alex's reports are in Priya's line too: their paths run through both.
    line = {p.name for p in people.values() if p.line_path.startswith(manager.line_path) and p is not manager}
    assert line == {"Alex Morgan", "Sam Okafor", "Jordan Lee", "Morgan Reid", "Taylor Brooks"}
    assert people["Chris Evans"].is_author and people["Dana Whitfield"].is_admin
    completed = db.session.scalar(
        select(func.count()).select_from(Completion).where(Completion.user_id == people["Alex Morgan"].id)
    )
    assert completed == 2
