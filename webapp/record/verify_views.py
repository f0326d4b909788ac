"""Checking a certificate: anyone with its code sees the name, training year and hours, and nothing else.

Wrong codes from one address are rate limited (verify_limits), so codes cannot be found by guessing.
"""

from flask import current_app, redirect, render_template, url_for

from webapp.certificates.codes import formatted, normalised
from webapp.extensions import db
from webapp.queries.certificates import verify_code as find_certificate
from webapp.record import bp
from webapp.record.forms import VerifyForm
from webapp.training.years import training_year
from webapp.web.limits import limited, verify_limits


@bp.route("/verify", methods=["GET", "POST"])
@limited(verify_limits)
def verify_form():
    form = VerifyForm()
    if form.validate_on_submit():
        return redirect(url_for("record.verify_code", code=formatted(normalised(form.code.data) or "")))
    return render_template("record/verify.html", form=form)


@bp.get("/verify/<code>")
@limited(verify_limits)
def verify_code(code: str):
    wanted = normalised(code)
    found = find_certificate(db.session, wanted) if wanted else None
    if found is None:
        return render_template("record/verify-not-found.html", code=code), 404
    if wanted and code != formatted(wanted):  # one address per certificate: 'abcdefghjk' goes to ABCD-EFGH-JK
        return redirect(url_for("record.verify_code", code=formatted(wanted)))
    if found.revoked:
        return render_template("record/verify-revoked.html", code=code), 410
    year = training_year(found.training_year, current_app.config["YEAR_START"])
    return render_template("record/verify-found.html", certificate=found, year=year, code=code)
