"""Secret tokens for cookies and emailed links: random, and stored only as a SHA-256 digest."""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    # surrogatepass: whatever a hostile request sends still makes a digest rather than an error.
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
