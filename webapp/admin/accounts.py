"""Admin: a person's account (proved, invited, where signed in), sending invitations, ending sessions."""

from flask import abort, flash, redirect, render_template, url_for

from webapp.admin import bp
from webapp.db.clock import utcnow
from webapp.extensions import db
from webapp.models.people import User
from webapp.queries.people import count_people_to_invite, not_yet_activated, people_to_invite
from webapp.queries.sign_in_sessions import end_all_sign_in_sessions, open_sign_in_sessions
from webapp.web.account_emails import INVITE_AGAIN_AFTER, send_invitation
from webapp.web.audit import audit
from webapp.web.form_fields import GovForm
from webapp.web.permissions import is_admin, requires

# Each press of "Send invitations" sends at most this many, so a request finishes in seconds;
# `flask people invite --all` sends to everyone.
INVITATIONS_PER_PRESS = 200


@bp.get("/admin/people/<int:person_id>/account")
@requires(is_admin)
def person_account(person_id: int):
    person = db.session.get(User, person_id) or abort(404)
    devices = open_sign_in_sessions(db.session, person.id, utcnow())
    return render_template("admin/person-account.html", person=person, devices=devices, form=GovForm())


@bp.post("/admin/people/<int:person_id>/invite")
@requires(is_admin)
def invite_person(person_id: int):
    person = db.session.get(User, person_id) or abort(404)
    if GovForm().validate_on_submit() and person.active and not person.is_activated:
        if send_invitation(person):
            flash(f"Invitation sent to {person.email}", "success")
        else:
            flash(f"The invitation to {person.email} could not be sent. Try again later.", "error")
    return redirect(url_for("admin.person_account", person_id=person.id))


@bp.post("/admin/people/<int:person_id>/end-sessions")
@requires(is_admin)
def end_person_sessions(person_id: int):
    person = db.session.get(User, person_id) or abort(404)
    if GovForm().validate_on_submit():
        ended = end_all_sign_in_sessions(db.session, person.id, utcnow())
        audit("sessions_ended", subject=person, count=ended, reason="ended by an admin")
        db.session.commit()
        flash(f"{person.name} has been signed out on every device", "success")
    return redirect(url_for("admin.person_account", person_id=person.id))


@bp.route("/admin/people/invitations", methods=["GET", "POST"])
@requires(is_admin)
def invitations():
    form = GovForm()
    if form.validate_on_submit():
        batch = people_to_invite(db.session, utcnow(), again_after=INVITE_AGAIN_AFTER, limit=INVITATIONS_PER_PRESS)
        sent = sum(send_invitation(db.session.get(User, person_id)) for person_id in batch)
        flash(f"{sent:,} invitations sent", "success" if sent == len(batch) else "error")
        return redirect(url_for("admin.invitations"))
    waiting = count_people_to_invite(db.session, utcnow(), again_after=INVITE_AGAIN_AFTER)
    return render_template(
        "admin/invitations.html",
        form=form,
        not_activated=not_yet_activated(db.session),
        waiting=waiting,
        per_press=INVITATIONS_PER_PRESS,
    )
