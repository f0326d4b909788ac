"""Passwords: the policy, and argon2id hashes (a hash never reveals the password, and checks take the same time)."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PASSWORD = 12

hasher = PasswordHasher()
_dummy_hash = hasher.hash("not-a-real-password")


def use_hasher(new: PasswordHasher) -> None:
    """Swap the hasher (tests use the smallest argon2id cost so hundreds of sign-ins stay quick)."""
    global hasher, _dummy_hash
    hasher, _dummy_hash = new, new.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return hasher.hash(password)


def password_matches(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def verify_dummy_password(password: str) -> None:
    """Spend the same time as a real check, so response times do not reveal which emails exist."""
    try:
        hasher.verify(_dummy_hash, password)
    except VerificationError:
        pass
