"""The department's OpenID provider through Authlib: registered once per app, so its discovery document, read on
first use, stays cached in the client for the app's life (Authlib keeps it in the client's server_metadata)."""

from pathlib import Path
from typing import Any

import requests
from authlib.integrations.base_client import MismatchingStateError, OAuthError
from authlib.integrations.flask_client import FlaskOAuth2App, OAuth
from authlib.oauth2.rfc7523 import PrivateKeyJWT, private_key_jwt_sign
from flask import Flask, abort, current_app
from joserfc.errors import JoseError

from webapp.identity.sso_client_key import ClientKey, load_client_key
from webapp.identity.sso_refusals import (
    ID_TOKEN_INVALID,
    PROVIDER_ERROR,
    PROVIDER_UNREACHABLE,
    STATE_MISMATCH,
    Refusal,
)

CLIENT = "department"
CLIENT_KEY = "sso_client_key"  # app.extensions entry: the private_key_jwt key, when there is one
REQUEST_TIMEOUT = 10  # seconds: a provider that hangs gets a problem page, not a hung worker
# Raised when the provider is down, slow, or answers with something that is not JSON.
UNREACHABLE = (requests.RequestException, ValueError)


class ShortLivedPrivateKeyJWT(PrivateKeyJWT):
    """Client assertions that expire in 5 minutes, as GOV.UK One Login recommends (Authlib's default is an hour)."""

    def sign(self, auth: Any, token_endpoint: str) -> str:
        return private_key_jwt_sign(
            auth.client_secret,
            client_id=auth.client_id,
            token_endpoint=token_endpoint,
            header=dict(self.headers or {}),
            alg=self.alg,
            expires_in=300,
        )


def discovery_url(issuer: str) -> str:
    # GOV.UK One Login's issuer ends in "/", Entra's does not.
    return issuer.rstrip("/") + "/.well-known/openid-configuration"


def init_app(app: Flask) -> None:
    config = app.config
    if not config.get("OIDC_ISSUER"):
        return
    scopes = config["OIDC_SCOPES"].split()
    client_kwargs: dict[str, Any] = {
        # Without "openid" there is no id_token, so no nonce to check: the callback would refuse everyone.
        "scope": " ".join(scopes if "openid" in scopes else ["openid", *scopes]),
        "code_challenge_method": "S256",
        "default_timeout": REQUEST_TIMEOUT,
    }
    secret: Any = config["OIDC_CLIENT_SECRET"]
    auth_methods = None
    if config.get("OIDC_PRIVATE_KEY_FILE"):
        client_key = load_client_key(Path(config["OIDC_PRIVATE_KEY_FILE"]).read_bytes())
        app.extensions[CLIENT_KEY] = client_key
        secret, client_kwargs["token_endpoint_auth_method"] = client_key.key, "private_key_jwt"
        auth_methods = [_assertion_signer(client_key)]
    oauth = OAuth(app)
    oauth.register(
        name=CLIENT,
        client_id=config["OIDC_CLIENT_ID"],
        client_secret=secret,
        server_metadata_url=discovery_url(config["OIDC_ISSUER"]),
        client_kwargs=client_kwargs,
        client_auth_methods=auth_methods,
    )


def _assertion_signer(client_key: ClientKey) -> ShortLivedPrivateKeyJWT:
    return ShortLivedPrivateKeyJWT(headers={"kid": client_key.kid}, alg=client_key.alg)


def department() -> FlaskOAuth2App:
    """The registered client; single sign-on pages do not exist (404) when no issuer is set."""
    oauth = current_app.extensions.get("authlib.integrations.flask_client")
    if oauth is None:
        abort(404)
    return oauth.create_client(CLIENT)


def client_key() -> ClientKey | None:
    return current_app.extensions.get(CLIENT_KEY)


def provider_claims(client: FlaskOAuth2App) -> dict[str, Any] | Refusal:
    """The callback's code exchanged for tokens (state, PKCE, id_token signature and nonce checked by Authlib),
    then the provider's userinfo: the id_token may carry nothing but "sub"."""
    try:
        token = client.authorize_access_token()
        # Authlib checks the id_token (and its nonce) only when there is one: with none, nothing proves the callback
        # belongs to the sign-in this browser started.
        id_claims = token.get("userinfo")
        if not id_claims:
            return ID_TOKEN_INVALID
        userinfo = client.userinfo(token=token)
    except MismatchingStateError:
        return STATE_MISMATCH
    except OAuthError:
        return PROVIDER_ERROR
    except JoseError:
        return ID_TOKEN_INVALID
    except UNREACHABLE:
        return PROVIDER_UNREACHABLE
    # OpenID Connect Core 5.3.2: userinfo's "sub" must be the id_token's, or the answer may be someone else's.
    if userinfo.get("sub") != id_claims["sub"]:
        return ID_TOKEN_INVALID
    return {**id_claims, **userinfo}
