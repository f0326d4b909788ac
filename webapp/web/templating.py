"""Templates: GOV.UK Frontend macros beside our own, plus the helpers every page uses."""

from collections.abc import MutableMapping
from typing import Any

from flask import Flask, current_app, request, url_for
from flask.templating import Environment
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

from webapp.training.requirement import format_minutes
from webapp.web import labels, page_chrome
from webapp.web.content_pages import item_link
from webapp.web.form_fields import error_list
from webapp.web.navigation import navigation_items
from webapp.web.permissions import TEMPLATE_GLOBALS


class TemplateEnvironment(Environment):
    """Flask's Jinja environment, with each template's globals in a plain dict.

    Jinja keeps them as a ChainMap over the environment's globals, and every `{% from ... import %}` (a GOV.UK
    page runs about 20) subtracts its keys from the page's in pure Python: half the time of rendering the page
    chrome. A dict does that in C. The cost is the one Jinja documents anyway: globals added after a template
    is loaded are not seen by it, and ours are all added as the app is made.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


def init_app(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            app.jinja_loader,
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters["duration"] = format_minutes
    app.jinja_env.globals["form_errors"] = error_list
    app.jinja_env.globals["item_url"] = item_url
    app.jinja_env.globals.update(TEMPLATE_GLOBALS, navigation_items=navigation_items)
    app.jinja_env.globals.update(
        entry_kinds=labels.ENTRY_KINDS,
        review_labels=labels.REVIEW_LABELS,
        review_tags=labels.REVIEW_TAGS,
    )
    app.jinja_env.filters["long_date"] = labels.long_date
    app.jinja_env.filters["date_time"] = labels.date_time
    app.jinja_env.globals["file_label"] = labels.file_label
    app.context_processor(_page_context)
    page_chrome.init_app(app)


def _page_context() -> dict:
    return {
        # Talisman makes one nonce per request; GOV.UK's template reads it as cspNonce.
        "cspNonce": getattr(request, "csp_nonce", None),
        "service_name": current_app.config["SERVICE_NAME"],
        "required_minutes": current_app.config["REQUIRED_MINUTES"],
    }


def item_url(item) -> str:
    """A course item's address (see content_pages.item_link)."""
    endpoint, args = item_link(item)
    return url_for(endpoint, **args)
