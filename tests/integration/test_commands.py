import shutil

from sqlalchemy import func, select

from tests.conftest import FIXTURE_COURSES
from webapp.extensions import db
from webapp.models import Completion, CourseItem, User
from webapp.queries.people import find_user_by_email


def test_users_create_reads_the_password_from_standard_input(runner):
    result = runner.invoke(
        args=["users", "create", "Dana@Example.gov.uk", "--name", "Dana Whitfield", "--admin"],
        input="a long enough password\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created dana@example.gov.uk (admin)" in result.output
    user = find_user_by_email(db.session, "dana@example.gov.uk")
    assert user.is_admin and not user.is_author and user.check_password("a long enough password")


def test_users_create_refuses_a_short_password_and_a_duplicate(runner):
    short = runner.invoke(args=["users", "create", "a@example.gov.uk", "--name", "A"], input="short\n")
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    runner.invoke(
        args=["users", "create", "a@example.gov.uk", "--name", "A", "--author"], input="a long enough password\n"
    )
    again = runner.invoke(args=["users", "create", "a@example.gov.uk", "--name", "A"], input="a long enough password\n")
    assert again.exit_code != 0 and "already exists" in again.output
    assert db.session.scalar(select(func.count()).select_from(User)) == 1


def run_with_content(settings, root, *args):
    """Run a command in an app reading another content folder (its own app context, not the fixture's)."""
    from webapp import create_app
    from webapp.config import TestConfig

    other = create_app(TestConfig(), {**settings, "CONTENT_DIR": str(root)})
    with other.app_context():
        result = other.test_cli_runner().invoke(args=list(args))
        db.session.remove()
        db.engine.dispose()
    return result


def content_copy(tmp_path):
    root = tmp_path / "courses"
    shutil.copytree(FIXTURE_COURSES, root)
    return root


def test_content_check_passes_on_good_content(runner):
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0 and "Content OK: 1 courses, 3 lessons, 1 exercises" in result.output


def test_content_check_reports_a_broken_lesson_with_file_and_line_and_fails(settings, tmp_path):
    root = content_copy(tmp_path)
    lesson = root / "spreadsheet-basics" / "02-types-of-value.md"
    lesson.write_text(lesson.read_text().replace("minutes: 20", "minutes: 900"))
    result = run_with_content(settings, root, "content", "check")
    assert result.exit_code == 1
    assert (
        "courses/spreadsheet-basics/02-types-of-value.md:3: minutes must be a whole number from 1 to 480"
        in result.output
    )


def test_content_sync_loads_nothing_when_the_check_fails(settings, tmp_path, app):
    before = db.session.scalar(select(func.count()).select_from(CourseItem))
    root = content_copy(tmp_path)
    (root / "spreadsheet-basics" / "04-new-lesson.md").write_text(
        "---\ntitle: New\nminutes: 10\nobjectives: [Do]\n---\n"
    )
    (root / "spreadsheet-basics" / "05-broken.md").write_text("---\nminutes: 10\n---\n")
    result = run_with_content(settings, root, "content", "sync")
    assert result.exit_code == 1 and "Nothing was loaded" in result.output
    assert "05-broken.md:1: title is missing" in result.output
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(CourseItem)) == before


def test_removing_a_lesson_archives_it_and_keeps_the_completions(settings, tmp_path, app):
    from tests.helpers import make_user

    user = make_user()
    item = db.session.scalar(select(CourseItem).where(CourseItem.slug == "checking-totals"))
    db.session.add(Completion(user_id=user.id, item_id=item.id, training_year=2026, minutes=25))
    db.session.commit()
    root = content_copy(tmp_path)
    (root / "spreadsheet-basics" / "03-checking-totals.md").unlink()
    text = (root / "spreadsheet-basics" / "01-rows-and-columns.md").read_text()
    (root / "spreadsheet-basics" / "01-rows-and-columns.md").write_text(text.replace("minutes: 15", "minutes: 12"))
    result = run_with_content(settings, root, "content", "sync")
    assert result.exit_code == 0, result.output
    # Updated: the changed minutes, and the exercise that moved up a place.
    assert "0 added, 2 updated, 1 archived" in result.output
    db.session.expire_all()
    archived = db.session.get(CourseItem, item.id)
    assert archived.archived_at is not None
    assert db.session.scalar(select(Completion.minutes).where(Completion.item_id == item.id)) == 25

    # Putting the file back brings the same row back: the completion still points at it.
    again = app.test_cli_runner().invoke(args=["content", "sync"])
    assert "0 added, 3 updated, 0 archived" in again.output
    db.session.expire_all()
    assert db.session.get(CourseItem, item.id).archived_at is None


def test_content_sync_twice_changes_nothing(runner):
    assert "0 added, 0 updated, 0 archived" in runner.invoke(args=["content", "sync"]).output


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
