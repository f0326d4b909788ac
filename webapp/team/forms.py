"""Filters of the team page, and a manager's review of outside learning."""

from flask import Request
from flask_wtf import FlaskForm

from webapp.org.grades import GRADES
from webapp.queries.my_team import SCOPES, SORTS, TeamFilters
from webapp.web.form_fields import required_text
from webapp.web.labels import STATUS_LABELS


def filters_from(request: Request) -> TeamFilters:
    """Read ?scope=&status=&grade=&team=&sort=&order=&page=; anything unknown falls back to the default."""
    args = request.args

    def choice(name: str, allowed, default=None):
        value = args.get(name)
        return value if value in allowed else default

    return TeamFilters(
        scope=choice("scope", SCOPES, "direct"),
        status=choice("status", STATUS_LABELS),
        grade=choice("grade", GRADES),
        team=args.get("team", type=int),
        sort=choice("sort", SORTS, "name"),
        descending=args.get("order") == "descending",
        page=max(args.get("page", 1, type=int), 1),
    )


class ReturnForm(FlaskForm):
    comment = required_text(
        "Why are you sending it back?",
        description="Your report sees this comment on their training record.",
        missing="Enter why you are sending it back",
        too_long="The comment must be 1000 characters or fewer",
        max_length=1000,
        area=True,
    )
