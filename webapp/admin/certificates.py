"""Admin: a person's certificates, and revoking one whose code must no longer vouch for it."""

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from webapp.admin import bp
from webapp.db.clock import uk_date, utcnow
from webapp.extensions import db
from webapp.models.certificates import Certificate
from webapp.models.people import User
from webapp.queries.certificates import certificates_of, revoke_certificate
from webapp.training.years import training_year
from webapp.web.audit import audit
from webapp.web.form_fields import GovForm
from webapp.web.labels import long_date
from webapp.web.permissions import is_admin, requires


@bp.get("/admin/people/<int:person_id>/certificates")
@requires(is_admin)
def person_certificates(person_id: int):
    person = db.session.get(User, person_id) or abort(404)
    start = current_app.config["YEAR_START"]
    certificates = certificates_of(db.session, person.id)
    years = {c.id: training_year(c.training_year, start).name for c in certificates}
    revokers = {c.id: db.session.get(User, c.revoked_by_id) for c in certificates if c.revoked_by_id}
    return render_template(
        "admin/certificates.html",
        person=person,
        certificates=certificates,
        years=years,
        revokers=revokers,
        form=GovForm(),
    )


@bp.post("/admin/certificates/<int:certificate_id>/revoke")
@requires(is_admin)
def revoke_certificate_code(certificate_id: int):
    certificate = db.session.get(Certificate, certificate_id) or abort(404)
    person = db.session.get(User, certificate.user_id)
    admin = current_user._get_current_object()
    if GovForm().validate_on_submit() and revoke_certificate(db.session, certificate, admin, utcnow()):
        audit(
            "certificate_revoked", subject=person, certificate=certificate.id, training_year=certificate.training_year
        )
        db.session.commit()
        issued = long_date(uk_date(certificate.issued_at))
        flash(f"The certificate issued on {issued} has been revoked: its code no longer checks out", "success")
    return redirect(url_for("admin.person_certificates", person_id=certificate.user_id))
