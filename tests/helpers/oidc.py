"""A real OpenID provider for the single sign-on tests: panva's oidc-provider on Node (tests/peers/oidc), on
127.0.0.1, started once per test session (the `oidc_provider` fixture) and stopped by its process id.

Plain-HTTP tests drive the app with the Flask test client and the provider's login and consent pages with
requests (sso_callback); browser tests go through the same pages in Chromium.
"""

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask.testing import FlaskClient

from tests.helpers.html import parse
from tests.helpers.paths import PROJECT_ROOT
from tests.helpers.peers import HOST, PeerProcess
from webapp.identity.sso_client_key import load_client_key

PEER = PROJECT_ROOT / "tests" / "peers" / "oidc"
CLIENT_SECRET = "test-only-client-secret"
SECRET_CLIENT = "data-day"  # authenticates with client_secret_basic
KEY_CLIENT = "data-day-jwt"  # authenticates with private_key_jwt
# The Flask test client's host is "localhost"; the browser tests' live servers are on 127.0.0.1. Any port will do.
CALLBACKS = ("http://localhost/sign-in/sso/callback", f"http://{HOST}/sign-in/sso/callback")

# Who can sign in at the provider: login name (which is also their "sub") → the claims the provider vouches for.
HR_PERSON = "hr-person"
SAME_EMAIL_NEW_SUBJECT = "hr-person-again"  # the HR person's email address under a different subject
NEWCOMER = "newcomer"
UNVERIFIED = "unverified"
OUTSIDER = "outsider"
STAFF_MEMBER = "staff-member"
ACCOUNTS: dict[str, dict[str, Any]] = {
    HR_PERSON: {"email": "harriet.rowe@example.gov.uk", "email_verified": True, "name": "Harriet Rowe"},
    SAME_EMAIL_NEW_SUBJECT: {"email": "harriet.rowe@example.gov.uk", "email_verified": True, "name": "Harriet Rowe"},
    NEWCOMER: {
        "email": "nina.comer@example.gov.uk",
        "email_verified": True,
        "given_name": "Nina",
        "family_name": "Comer",
    },
    UNVERIFIED: {"email": "una.verity@example.gov.uk", "email_verified": False, "name": "Una Verity"},
    OUTSIDER: {"email": "otto.sider@example.com", "email_verified": True, "name": "Otto Sider"},
    # As Entra ID sends by default: an email address it has not verified, and (once set up) the staff number.
    STAFF_MEMBER: {
        "email": "s.member@example.gov.uk",
        "email_verified": False,
        "name": "Sam Member",
        "employee_id": "E12345",
    },
}


def email_of(login: str) -> str:
    return ACCOUNTS[login]["email"]


def write_private_key(path: Path) -> Path:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    path.write_bytes(pem)
    return path


class OidcPeer(PeerProcess):
    """The provider process, with the key pair its private_key_jwt client trusts."""

    name = "the OpenID provider"

    def __init__(self, directory: Path) -> None:
        super().__init__(directory / "provider.log")
        self.directory = directory
        self.issuer = f"http://{HOST}:{self.port}"
        self.key_file = write_private_key(directory / "client-key.pem")
        self.client_jwks = load_client_key(self.key_file.read_bytes()).public_jwks()

    def start(self, timeout: float = 15) -> None:
        env = {
            **os.environ,
            "OIDC_PORT": str(self.port),
            "OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_CLIENT_JWKS": json.dumps(self.client_jwks),
            "OIDC_REDIRECT_URIS": ",".join(CALLBACKS),
            "OIDC_ACCOUNTS": json.dumps(ACCOUNTS),
        }
        ready = self.issuer + "/.well-known/openid-configuration"
        self._run(["node", str(PEER / "provider.mjs")], ready, timeout, cwd=PEER, env=env)

    def settings(self, client: str = SECRET_CLIENT) -> dict[str, Any]:
        """The settings that make an app sign in here, as either client."""
        if client == KEY_CLIENT:
            return {
                "OIDC_ISSUER": self.issuer,
                "OIDC_CLIENT_ID": KEY_CLIENT,
                "OIDC_PRIVATE_KEY_FILE": str(self.key_file),
            }
        return {"OIDC_ISSUER": self.issuer, "OIDC_CLIENT_ID": SECRET_CLIENT, "OIDC_CLIENT_SECRET": CLIENT_SECRET}

    def requests_to(self, path: str) -> int:
        """How many requests the provider has had for `path` since it started."""
        return requests.get(self.issuer + "/test/requests", timeout=5).json().get(path, 0)


def through_provider(authorize_url: str, login: str) -> str:
    """Sign in on the provider's login and consent pages as `login` (any password does), as a browser would:
    the address the provider then sends the browser back to."""
    with requests.Session() as browser:
        response = browser.get(authorize_url, allow_redirects=False)
        for _ in range(12):
            if response.is_redirect:
                location = urljoin(response.url, response.headers["Location"])
                if location.startswith(CALLBACKS) or "/sign-in/sso/callback" in location:
                    return location
                response = browser.get(location, allow_redirects=False)
                continue
            assert response.status_code == 200, f"{response.url}: {response.status_code}\n{response.text[:2000]}"
            form = parse(response.text).element("form")  # the login form, then the consent form
            fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
            if "login" in fields:
                fields.update(login=login, password="any password")
            response = browser.post(urljoin(response.url, form["action"]), data=fields, allow_redirects=False)
    raise AssertionError(f"the provider never sent {login} back to the app")


def start_sso(client: FlaskClient, path: str = "/sign-in/sso") -> str:
    """The provider address the app sends the browser to."""
    response = client.get(path)
    assert response.status_code == 302, f"{path}: {response.status_code}"
    return response.location


def sso_callback(client: FlaskClient, login: str, path: str = "/sign-in/sso") -> str:
    """Start single sign-on in the app and sign in at the provider: the app's callback address, not yet visited."""
    return through_provider(start_sso(client, path), login)


def sign_in_through_provider(client: FlaskClient, login: str, path: str = "/sign-in/sso"):
    """The whole round trip: the app's answer to the provider's redirect back."""
    return client.get(sso_callback(client, login, path))
