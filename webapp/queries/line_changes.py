"""Changing a person's line manager by hand: refused if it would make a circle; moves everyone below them."""

from sqlalchemy import func, literal, select, update
from sqlalchemy.orm import Session

from webapp.models.people import User
from webapp.queries.people_progress import in_line_or_self


class CircularLine(ValueError):
    """The new manager is in the person's own line."""


def change_manager(session: Session, person: User, manager: User | None) -> None:
    if manager is not None and manager.line_path.startswith(person.line_path):
        raise CircularLine(_circle(session, person, manager))
    old = person.line_path
    new = (manager.line_path if manager else "/") + f"{person.id}/"
    # One statement rewrites the start of every path in the line, the person's own included.
    session.execute(
        update(User)
        .where(in_line_or_self(old))
        .values(line_path=literal(new) + func.substr(User.line_path, len(old) + 1))
        .execution_options(synchronize_session=False)
    )
    person.manager_id = manager.id if manager else None
    session.flush()
    session.expire_all()


def _circle(session: Session, person: User, manager: User) -> str:
    """'Sam Jones → Alex Smith → Pat Boss → Sam Jones': the chain the change would close."""
    if manager.id == person.id:
        return f"{person.name} cannot manage themselves"
    ids = [int(part) for part in manager.line_path.strip("/").split("/")]
    ids = ids[ids.index(person.id) :]
    names = dict(session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())
    chain = " → ".join([*(names[i] for i in reversed(ids)), manager.name])
    return f"{manager.name} is in {person.name}’s line, so the management would go round in a circle: {chain}"
