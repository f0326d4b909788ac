"""The training record as a PDF at any time, and a certificate of it once the year's requirement is met.

Both are only ever the signed-in person's own: no route takes a person, so no one can download anyone else's.
"""

from flask import Response, current_app, render_template, url_for
from flask_login import current_user

from webapp.certificates.codes import formatted
from webapp.certificates.pdf import Verification, sheet_pdf
from webapp.db.clock import uk_date, uk_today
from webapp.extensions import db
from webapp.queries.certificates import issue_certificate
from webapp.queries.record_evidence import evidence_for
from webapp.queries.training_record import entries_in_year, year_progress
from webapp.record import bp
from webapp.record.sheets import record_sheet, sheet_lines
from webapp.web.csv_export import attachment
from webapp.web.limits import limited, pdf_limits
from webapp.web.years import selected_year


def _pdf(data: bytes, filename: str) -> Response:
    headers = {"Content-Disposition": attachment(filename), "Cache-Control": "no-store"}
    return Response(data, mimetype="application/pdf", headers=headers)


def _record(year):
    totals = year_progress(db.session, current_user, year, current_app.config["REQUIRED_MINUTES"])
    entries = entries_in_year(db.session, current_user.id, year)
    return totals, entries, evidence_for(db.session, current_user.id, year, entries)


@bp.get("/my-training-record/pdf")
@limited(pdf_limits)
def download_record_pdf():
    year = selected_year()
    totals, entries, evidence = _record(year)
    lines = sheet_lines(entries, evidence, totals.counts_unconfirmed, counted_only=False)
    sheet = record_sheet(
        current_user, year, totals, lines, service_name=current_app.config["SERVICE_NAME"], made_on=uk_today()
    )
    return _pdf(sheet_pdf(sheet), f"data-day-training-record-{year.label}.pdf")


@bp.get("/my-training-record/certificate")
@limited(pdf_limits)
def download_certificate():
    year = selected_year()
    totals, entries, evidence = _record(year)
    if not totals.progress.met:
        return render_template("record/certificate-not-yet.html", year=year, totals=totals), 403
    secret = current_app.config["SECRET_KEY"]
    issued = issue_certificate(db.session, current_user.id, year.label, totals.minutes, secret)
    code = formatted(issued.code)
    # From SERVICE_URL, like emailed links: the printed address must not depend on the Host a request sent.
    address = current_app.config["SERVICE_URL"].rstrip("/") + url_for("record.verify_code", code=code)
    sheet = record_sheet(
        current_user,
        year,
        totals,
        sheet_lines(entries, evidence, totals.counts_unconfirmed, counted_only=True),
        service_name=current_app.config["SERVICE_NAME"],
        made_on=uk_date(issued.certificate.issued_at),
        verification=Verification(code, address),
    )
    data = sheet_pdf(sheet)
    db.session.commit()
    return _pdf(data, f"data-day-certificate-{year.label}.pdf")
