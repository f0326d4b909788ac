"""The key Data Day signs its token requests with (private_key_jwt), and its public half for the provider."""

from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from joserfc.jwk import ECKey, RSAKey


@dataclass(frozen=True)
class ClientKey:
    key: RSAKey | ECKey
    alg: str
    kid: str  # the key's RFC 7638 thumbprint: stable, so a provider reading the JWKS finds it again

    def public_jwks(self) -> dict[str, Any]:
        return {"keys": [self.key.as_dict(private=False, kid=self.kid, use="sig", alg=self.alg)]}


def load_client_key(pem: bytes) -> ClientKey:
    """An RSA key (RS256, as GOV.UK One Login's guide makes) or a P-256 EC key (ES256), unencrypted PEM."""
    private = serialization.load_pem_private_key(pem, password=None)
    key: RSAKey | ECKey
    if isinstance(private, rsa.RSAPrivateKey):
        key, alg = RSAKey.import_key(pem), "RS256"
    elif isinstance(private, ec.EllipticCurvePrivateKey) and isinstance(private.curve, ec.SECP256R1):
        key, alg = ECKey.import_key(pem), "ES256"
    else:
        raise ValueError("OIDC_PRIVATE_KEY_FILE must hold an RSA or P-256 EC private key")
    return ClientKey(key, alg, key.thumbprint())
