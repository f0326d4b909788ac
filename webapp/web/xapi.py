"""The xAPI settings for queries that queue statements about what a request changed (None-safe: off by default)."""

from flask import current_app

from webapp.xapi.settings import XapiSettings


def xapi_settings() -> XapiSettings:
    return XapiSettings.from_config(current_app.config)
