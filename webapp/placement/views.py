"""Where should I start? The placement check, its result, its data file, and choosing a pathway."""

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from webapp.db.clock import uk_date, uk_today
from webapp.exercises.pages import answer_errors, question_fields
from webapp.extensions import db
from webapp.placement import bp
from webapp.placement.pages import mark_placement, offers, score_rows
from webapp.queries.placement import choose_pathway, placement_item, record_placement, results_in_year
from webapp.training.placement import next_take_on, score_placement
from webapp.web.content_pages import content_library
from webapp.web.form_fields import posted_answers
from webapp.web.placement import latest_score, placement_or_404, retake_days, your_pathway
from webapp.web.xapi import xapi_settings
from webapp.web.years import current_training_year


def _next_take_on():
    taken = [uk_date(r.taken_at) for r in results_in_year(db.session, current_user.id, current_training_year())]
    return next_take_on(taken, retake_days())


def _may_take() -> bool:
    allowed_from = _next_take_on()
    return allowed_from is None or uk_today() >= allowed_from


@bp.get("/where-should-i-start")
def start():
    placement = placement_or_404()
    return render_template(
        "placement/start.html",
        placement=placement,
        may_take=_may_take(),
        next_take_on=_next_take_on(),
        taken=latest_score(placement) is not None,
    )


@bp.route("/where-should-i-start/questions", methods=["GET", "POST"])
def check():
    placement = placement_or_404()
    if not _may_take():
        flash("You have taken the placement check recently. Your latest result is below.", "info")
        return redirect(url_for("placement.result"))
    item = placement_item(db.session)
    questions, answers, marking = placement.marked, {}, None
    if request.method == "POST":
        if item is None:
            abort(404)
        answers = posted_answers(questions)
        marking = mark_placement(questions, answers)
        if not marking.unreadable:
            return _record(placement, item, marking)
        marking = type(marking)([], marking.unreadable)  # say only what cannot be read: nothing of right or wrong
    return render_template(
        "placement/check.html",
        placement=placement,
        fields=question_fields(questions, marking, answers),
        errors=answer_errors(questions, marking),
        can_take=item is not None,
    )


def _record(placement, item, marking):
    year = current_training_year()
    score = score_placement(placement.questions, {m.question.id: m.verdict.correct for m in marking.marked})
    _result, counted = record_placement(db.session, current_user.id, item, marking, score, year, xapi_settings())
    db.session.commit()
    if counted:
        flash(f"Placement check done: {item.minutes} minutes added to your training record", "success")
    return redirect(url_for("placement.result"))


@bp.get("/where-should-i-start/result")
def result():
    placement = placement_or_404()
    score = latest_score(placement)
    if score is None:
        return redirect(url_for("placement.start"))
    library = content_library()
    offered = offers(library)
    recommended = next((offer for offer in offered if offer.pathway.level == score.recommended), None)
    chosen, is_chosen = your_pathway(score.recommended)
    levels, topics = score_rows(score)
    return render_template(
        "placement/result.html",
        placement=placement,
        score=score,
        level_rows=levels,
        topic_rows=topics,
        recommended=recommended,
        chosen=chosen if is_chosen else None,
        others=[offer for offer in offered if offer is not recommended],
        tested_out=[item for ref in sorted(score.tested_out) if (item := library.find_item(ref)) is not None],
        next_take_on=_next_take_on(),
    )


@bp.get("/where-should-i-start/download/<path:filename>")
def download(filename: str):
    path = placement_or_404().data_file(filename)
    if path is None:
        abort(404)
    return send_file(path, as_attachment=True, download_name=filename)


@bp.get("/pathways")
def pathways():
    score = latest_score(content_library().placement)
    chosen, is_chosen = your_pathway()
    return render_template(
        "placement/pathways.html",
        offers=offers(content_library()),
        chosen_level=chosen.level if chosen and is_chosen else None,
        recommended_level=score.recommended if score else None,
    )


@bp.post("/pathways/choose")
def choose():
    level = request.form.get("level", "")
    offer = next((offer for offer in offers(content_library()) if str(offer.pathway.level) == level), None)
    if offer is None:
        flash("Choose one of the pathways below", "error")
        return redirect(url_for("placement.pathways"))
    choose_pathway(db.session, current_user.id, current_training_year(), offer.pathway.level)
    db.session.commit()
    flash(f"Your pathway is now {offer.pathway.title}", "success")
    return redirect(url_for("learn.catalogue"))
