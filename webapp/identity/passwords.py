"""Passwords: argon2id hashes (a hash never reveals the password, and checks take the same time)."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

hasher = PasswordHasher()
_dummy_hash = hasher.hash("not-a-real-password")


def use_hasher(new: PasswordHasher) -> None:
    """Swap the hasher (tests use the smallest argon2id cost so hundreds of sign-ins stay quick)."""
    global hasher, _dummy_hash
    hasher, _dummy_hash = new, new.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return hasher.hash(password)


def password_matches(password_hash: str | None, password: str) -> bool:
    """Exactly one argon2 check whatever the account (no password yet: a dummy hash), so the time a sign-in
    takes does not tell anyone which accounts exist or have a password."""
    try:
        return hasher.verify(password_hash or _dummy_hash, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False
