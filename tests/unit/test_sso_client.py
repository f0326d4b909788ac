"""How the app presents itself to the OpenID provider: where it finds the provider's settings, and its own key."""

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from webapp.identity.sso_client_key import load_client_key
from webapp.sso.provider import discovery_url


def pem(private_key) -> bytes:
    return private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@pytest.mark.parametrize(
    ("issuer", "url"),
    [
        (
            "https://oidc.integration.account.gov.uk/",
            "https://oidc.integration.account.gov.uk/.well-known/openid-configuration",
        ),
        (
            "https://login.microsoftonline.com/t/v2.0",
            "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration",
        ),
    ],
)
def test_the_discovery_document_is_found_whether_or_not_the_issuer_ends_in_a_slash(issuer, url):
    assert discovery_url(issuer) == url


def test_an_rsa_key_signs_with_rs256_and_publishes_only_its_public_half():
    key = load_client_key(pem(rsa.generate_private_key(public_exponent=65537, key_size=2048)))

    [public] = key.public_jwks()["keys"]
    assert key.alg == "RS256" and public["alg"] == "RS256" and public["use"] == "sig"
    assert public["kid"] == key.kid and public["kty"] == "RSA"
    assert not {"d", "p", "q", "dp", "dq", "qi"} & public.keys()


def test_a_p256_key_signs_with_es256():
    key = load_client_key(pem(ec.generate_private_key(ec.SECP256R1())))

    [public] = key.public_jwks()["keys"]
    assert key.alg == "ES256" and public["crv"] == "P-256" and "d" not in public


@pytest.mark.parametrize("private_key", [ec.generate_private_key(ec.SECP384R1()), ed25519.Ed25519PrivateKey.generate()])
def test_other_kinds_of_key_are_refused_at_start_up(private_key):
    with pytest.raises(ValueError, match="RSA or P-256"):
        load_client_key(pem(private_key))
