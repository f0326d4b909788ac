"""Which new passwords we accept: long enough, and not easy to guess (zxcvbn, offline: nothing leaves the machine)."""

import re

from zxcvbn import zxcvbn

MIN_PASSWORD = 12
MAX_PASSWORD = 200
# zxcvbn's 0-4 score; 3 is "safely unguessable: moderate protection from offline slow-hash attacks".
MIN_SCORE = 3
# zxcvbn's time grows with length; what it cannot see in the first 100 characters does not make a password weaker.
ANALYSED_LENGTH = 100
# Words anyone guessing a Data Day password would try first.
SERVICE_WORDS = ["data", "day", "dataday", "civil", "service", "civilservice", "government", "gov", "training"]


def words_about(name: str, email: str) -> list[str]:
    """The person's own name and address, which a guesser knows."""
    return [word for word in re.split(r"[^\w]+", f"{name} {email}".lower()) if len(word) > 1] + [email.lower()]


def based_on(password: str, words: list[str]) -> bool:
    """Little is left once the person's own words, digits and symbols are taken out ('RaviShah2026!'):
    zxcvbn scores some of these as strong, but anyone who knows the person guesses them early."""
    rest = password.lower()
    for word in sorted(set(words), key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(re.sub(r"[\W\d_]", "", rest)) < 4


def password_problem(password: str, *, name: str = "", email: str = "") -> str | None:
    """What is wrong with a new password, in GOV.UK's words, or None when it will do."""
    if len(password) < MIN_PASSWORD:
        return f"Password must be {MIN_PASSWORD} characters or more"
    if len(password) > MAX_PASSWORD:
        return f"Password must be {MAX_PASSWORD} characters or fewer"
    if based_on(password, words_about(name, email)):
        return "Password is too easy to guess: do not base it on your name or email address"
    result = zxcvbn(password[:ANALYSED_LENGTH], user_inputs=words_about(name, email) + SERVICE_WORDS)
    if result["score"] < MIN_SCORE:
        return "Password is too easy to guess. Use 3 or more unrelated words, like 'kettle orbit meadow'"
    return None
