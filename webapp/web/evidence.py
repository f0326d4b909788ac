"""The app's evidence folder (EVIDENCE_DIR), for the pages and commands that store, serve and remove files."""

from flask import current_app

from webapp.evidence.storage import EvidenceStore


def evidence_store() -> EvidenceStore:
    return EvidenceStore(current_app.config["EVIDENCE_DIR"])
