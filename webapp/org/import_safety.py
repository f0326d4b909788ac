"""What a full HR import may not do on its own: lock out the person running it or the last admin, or
deactivate a large share of people without someone confirming the number (a truncated export looks like
most of the department leaving)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Deactivations:
    leaving: frozenset[int]  # accounts the import would turn from active to inactive
    active_people: int  # active accounts before the import
    active_admins: frozenset[int]


def refusal(plan: Deactivations, acting_id: int | None) -> str | None:
    """Why the import cannot go ahead at all, or None."""
    if acting_id is not None and acting_id in plan.leaving:
        return "This file would deactivate your own account. Ask another admin to import it."
    if plan.active_admins and plan.active_admins <= plan.leaving:
        return "This file would deactivate every admin, leaving no one to manage Data Day."
    return None


def needs_confirmation(plan: Deactivations, share: float, confirmed: int | None) -> bool:
    """More than `share` of active people leaving needs the exact number confirmed (so a confirmation given
    for one file does not carry over to a different one)."""
    too_many = len(plan.leaving) > share * plan.active_people
    return too_many and confirmed != len(plan.leaving)
