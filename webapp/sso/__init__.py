from flask import Blueprint

bp = Blueprint("sso", __name__)

from webapp.sso import provider, views  # noqa: E402,F401  (registers the routes)

# The OpenID client is made once, with the app, so the provider's discovery document is fetched once per process.
bp.record_once(lambda state: provider.init_app(state.app))
