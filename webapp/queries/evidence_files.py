"""Which evidence file, if any, stands behind an entry of outside learning. The files themselves are kept by
webapp.evidence.storage; these rows name them, and who may open one is decided in webapp.web.permissions."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from webapp.models.evidence_files import EvidenceFile
from webapp.models.outside_learning import OutsideLearning
from webapp.models.people import User


@dataclass(frozen=True)
class StoredFile:
    """A file already written to the evidence folder, to attach to an entry."""

    stored_name: str
    original_name: str
    content_type: str
    size: int


def evidence_file(session: Session, entry_id: int) -> EvidenceFile | None:
    return session.scalar(select(EvidenceFile).where(EvidenceFile.entry_id == entry_id))


def evidence_files(session: Session, entry_ids: Iterable[int]) -> dict[int, EvidenceFile]:
    """Each entry's file, for a whole page of entries in one query."""
    ids = list(entry_ids)
    if not ids:
        return {}
    return {
        found.entry_id: found for found in session.scalars(select(EvidenceFile).where(EvidenceFile.entry_id.in_(ids)))
    }


def set_evidence_file(session: Session, entry: OutsideLearning, new: StoredFile | None) -> str | None:
    """Attach `new` to the entry in place of any file it had (None: remove it). Returns the stored name of the
    file replaced, for the caller to delete once this is committed."""
    old = evidence_file(session, entry.id)
    replaced = old.stored_name if old else None
    if old is not None:
        session.delete(old)
        session.flush()  # the entry's one file: the old row goes before the new one comes
    if new is not None:
        session.add(
            EvidenceFile(
                entry_id=entry.id,
                stored_name=new.stored_name,
                original_name=new.original_name,
                content_type=new.content_type,
                size=new.size,
            )
        )
        session.flush()
    return replaced


def delete_files_of(session: Session, user_id: int) -> list[str]:
    """Remove every evidence row of a person's entries (erasure); the stored names, to delete after commit."""
    entries = select(OutsideLearning.id).where(OutsideLearning.user_id == user_id)
    names = list(session.scalars(select(EvidenceFile.stored_name).where(EvidenceFile.entry_id.in_(entries))))
    session.execute(delete(EvidenceFile).where(EvidenceFile.entry_id.in_(entries)))
    return names


def all_stored_names(session: Session) -> set[str]:
    return set(session.scalars(select(EvidenceFile.stored_name)))


def evidence_and_owner(session: Session, entry_id: int) -> tuple[EvidenceFile, User] | None:
    """An entry's file with the person whose entry it is; None if it has none (or was removed)."""
    found = session.execute(
        select(EvidenceFile, User)
        .join(OutsideLearning, OutsideLearning.id == EvidenceFile.entry_id)
        .join(User, User.id == OutsideLearning.user_id)
        .where(EvidenceFile.entry_id == entry_id)
    ).first()
    return (found[0], found[1]) if found else None
