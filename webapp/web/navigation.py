"""The service navigation: which sections a person sees, and which one the page belongs to."""

from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for

from webapp.models.people import User
from webapp.web.permissions import can_author, can_see_audit_log, can_see_reports, is_admin, manages_people


@dataclass(frozen=True)
class Section:
    endpoint: str  # where the link goes
    text: str
    blueprint: str  # pages of this blueprint mark the link as the current section
    shown_to: Callable[[User], bool] | None = None  # None: everyone signed in


SECTIONS = (
    Section("learn.catalogue", "Courses", "learn"),
    Section("record.my_record", "My training record", "record"),
    Section("team.my_team", "My team", "team", manages_people),
    Section("reports.organisation", "Organisation report", "reports", can_see_reports),
    Section("admin.hr_import", "Import people", "admin", is_admin),
    Section("admin.audit_log", "Audit log", "audit", can_see_audit_log),
    Section("authoring.overview", "Authoring", "authoring", can_author),
)
# A manager reads a report's record where the record blueprint serves it, from My team;
# the audit log is an admin page with a link of its own.
SECTION_OF_ENDPOINT = {"record.person_record": "team", "admin.audit_log": "audit"}
# The placement check and pathways are where a learner starts on Courses.
SECTION_OF_BLUEPRINT = {"placement": "learn"}


def navigation_items(user: User, endpoint: str | None) -> list[dict]:
    """GOV.UK service navigation items for this person on the page at `endpoint`."""
    if not user.is_authenticated:
        return []
    blueprint = (endpoint or "").partition(".")[0]
    current = SECTION_OF_ENDPOINT.get(endpoint or "", SECTION_OF_BLUEPRINT.get(blueprint, blueprint))
    return [
        {"href": url_for(section.endpoint), "text": section.text, "active": section.blueprint == current}
        for section in SECTIONS
        if section.shown_to is None or section.shown_to(user)
    ]
