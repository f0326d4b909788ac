"""Verification codes: short enough to type from paper, too many to guess.

A code is 10 characters from 32 that cannot be confused on paper (no I, O, 0 or 1): 50 bits. Wrong codes are
rate limited per address, so guessing any of even millions of issued codes would take lifetimes.
The database keeps only the code's SHA-256 (identity.tokens.token_digest, as for every secret token); the code
itself is an HMAC of a per-certificate salt under the app's secret key, so the same certificate can be printed
again without the code being stored anywhere.
"""

import hashlib
import hmac
import re
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 10
BITS_PER_CHARACTER = 5  # len(ALPHABET) == 32
GROUPS = (4, 4, 2)  # ABCD-EFGH-JK
_NOT_CODE = re.compile(r"[\s\-]")


def new_salt() -> str:
    return secrets.token_hex(16)


def code_for(secret_key: str, salt: str) -> str:
    digest = hmac.new(secret_key.encode(), b"certificate-code:" + salt.encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest, "big")
    return "".join(ALPHABET[(number >> (BITS_PER_CHARACTER * i)) & 31] for i in range(LENGTH))


def formatted(code: str) -> str:
    parts, start = [], 0
    for size in GROUPS:
        parts.append(code[start : start + size])
        start += size
    return "-".join(parts)


def normalised(typed: str) -> str | None:
    """The code as stored, from what someone typed ('abcd efgh-jk' too); None if it cannot be a code."""
    code = _NOT_CODE.sub("", typed).upper()
    if len(code) != LENGTH or not set(code) <= set(ALPHABET):
        return None
    return code
