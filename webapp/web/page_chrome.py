"""The GOV.UK page chrome (skip link, header, service navigation, phase banner, footer), rendered once per
process and reused; so are marked questions' fields while they show nothing a learner gave
(components/question-field.html), and a course's task list for each point people reach in it.

Rendering these govuk-frontend-jinja macros took about 12 ms of a 27 ms lesson request. A macro's markup
depends only on its parameters (base.html imports the macros without context, so they cannot read the
request, the CSP nonce or config), so the markup is kept keyed on the exact parameters: what differs per
person or page (the navigation's links and active section, the service name from config, addresses from
url_for) is part of the key, and nothing goes stale. The one per-request value, the sign-out form's CSRF
token, is passed as CSRF_PLACEHOLDER and put in after the cache. Set PAGE_CHROME_CACHE = False to render
every time.
"""

import pickle
import threading
from collections import Counter
from typing import Any

from flask import Flask, current_app
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

CSRF_PLACEHOLDER = "__page-chrome-csrf-token__"
# The keys are parameters our own templates pass: the chrome's few, each marked question's field as first shown
# (about 250 questions, a few hint variants each), and course task lists as people's progress varies. At the cap
# the oldest entry goes (about 4 KB each: 16 MB a worker at most).
MOST_ENTRIES = 4096


class ChromeCache:
    def __init__(self) -> None:
        self.markup: dict[Any, Markup] = {}
        self.renders: Counter[str] = Counter()  # macro renders by macro name, for tests
        self.adding = threading.Lock()  # gthread workers: two threads must not drop the same oldest entry

    def add(self, key: Any, markup: Markup) -> None:
        with self.adding:
            if len(self.markup) >= MOST_ENTRIES:
                del self.markup[next(iter(self.markup))]  # the oldest: a dict keeps the order entries came in
            self.markup[key] = markup


def init_app(app: Flask) -> None:
    app.extensions["page_chrome"] = ChromeCache()
    app.jinja_env.globals.update(rendered_once=rendered_once, chrome_csrf_placeholder=CSRF_PLACEHOLDER)


def rendered_once(macro: Any, params: dict) -> Markup:
    """`macro(params)`'s markup, from the cache after the first time, with this request's CSRF token in it."""
    cache: ChromeCache = current_app.extensions["page_chrome"]
    use_cache = current_app.config.get("PAGE_CHROME_CACHE", True)
    key = (macro.name, _key(params))
    markup = cache.markup.get(key) if use_cache else None
    if markup is None:
        markup = Markup(macro(params))
        cache.renders[macro.name] += 1
        if use_cache:
            cache.add(key, markup)
    if CSRF_PLACEHOLDER in markup:
        return Markup(markup.replace(CSRF_PLACEHOLDER, escape(generate_csrf())))
    return markup


def _key(params: dict) -> bytes:
    """The parameters as pickle writes them: it keeps Markup and plain text apart (they render differently),
    and does so in C, several times faster than walking them. Equal parameters built differently (keys in
    another order) may get another key: another entry, never a wrong one."""
    return pickle.dumps(params, protocol=pickle.HIGHEST_PROTOCOL)
