"""Opening the evidence file attached to outside learning: a download, never a page, and only for those who
may read the person's record."""

from flask import Response, abort, current_app
from flask_login import current_user

from webapp.evidence.names import download_name
from webapp.extensions import db
from webapp.queries.evidence_files import evidence_and_owner
from webapp.record import bp
from webapp.web.audit import audit
from webapp.web.csv_export import attachment
from webapp.web.evidence import evidence_store
from webapp.web.permissions import can_open_evidence


@bp.get("/outside-learning/<int:entry_id>/evidence")
def evidence_download(entry_id: int):
    found = evidence_and_owner(db.session, entry_id)
    # 404, not 403, for a file someone may not open: the answer says nothing of whether the entry has one.
    if found is None or not can_open_evidence(current_user, found[1]):
        abort(404)
    evidence, owner = found
    store = evidence_store()
    if not store.exists(evidence.stored_name):
        current_app.logger.error("Evidence file %s of entry %s is missing from EVIDENCE_DIR", evidence.id, entry_id)
        abort(404)
    audit("evidence_downloaded", subject=owner, entry=entry_id, type=evidence.content_type)
    db.session.commit()
    # Read whole (a few MB at most, EVIDENCE_MAX_MB): no file is left open however the response ends.
    data = store.path(evidence.stored_name).read_bytes()
    # Always a download, of the type its content showed, never read as anything else by the browser.
    headers = {
        "Content-Disposition": attachment(download_name(evidence.original_name, evidence.content_type)),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
    }
    return Response(data, mimetype=evidence.content_type, headers=headers)
