"""Filters of the team page, and a manager's review of outside learning."""

from flask import Request

from webapp.org.grades import GRADES
from webapp.queries.my_team import SCOPES, SORTS, TeamFilters
from webapp.web.form_fields import GovForm, required_text
from webapp.web.labels import STATUS_LABELS
from webapp.web.whole_numbers import int_arg


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
        team=int_arg(args, "team"),
        sort=choice("sort", SORTS, "name"),
        descending=args.get("order") == "descending",
        page=int_arg(args, "page") or 1,
    )


class ReturnForm(GovForm):
    field_names = {"comment": "The comment"}

    comment = required_text(
        "Why are you sending it back?",
        description="Your report sees this comment on their training record.",
        missing="Enter why you are sending it back",
        too_long="The comment must be 1000 characters or fewer",
        max_length=1000,
        area=True,
    )
