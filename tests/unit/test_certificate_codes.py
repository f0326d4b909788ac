"""Verification codes: 50 bits from an alphabet that reads unambiguously on paper, and whatever anyone types."""

import math

from hypothesis import given
from hypothesis import strategies as st

from webapp.certificates.codes import ALPHABET, LENGTH, code_for, formatted, new_salt, normalised
from webapp.identity.tokens import token_digest


def test_a_code_is_ten_unambiguous_characters_carrying_at_least_50_bits():
    assert len(set(ALPHABET)) == len(ALPHABET) == 32
    assert not set("IO01") & set(ALPHABET)
    assert LENGTH * math.log2(len(ALPHABET)) >= 50
    codes = {code_for("secret", new_salt()) for _ in range(2_000)}
    assert len(codes) == 2_000
    assert all(len(code) == LENGTH and set(code) <= set(ALPHABET) for code in codes)
    # Every character of the alphabet turns up in every position: no position is stuck.
    assert all({code[i] for code in codes} == set(ALPHABET) for i in range(LENGTH))


def test_the_same_salt_and_key_make_the_same_code_and_another_key_does_not():
    salt = new_salt()
    assert code_for("key one", salt) == code_for("key one", salt)
    assert code_for("key two", salt) != code_for("key one", salt)


def test_codes_print_in_groups_and_read_back_however_they_are_typed():
    assert formatted("ABCDEFGHJK") == "ABCD-EFGH-JK"
    for typed in ["ABCD-EFGH-JK", "abcd efgh jk", " abcdefghjk ", "ABCD-EFGH-\tJK"]:
        assert normalised(typed) == "ABCDEFGHJK"
    for wrong in ["", "ABCD-EFGH", "ABCD-EFGH-JKL", "ABCD-EFGH-J1", "ABCD-EFGH-JO", "ABCD/EFGH/JK"]:
        assert normalised(wrong) is None


def test_the_digest_is_what_is_stored_and_does_not_contain_the_code():
    assert len(token_digest("ABCDEFGHJK")) == 64 and "ABCDEFGHJK" not in token_digest("ABCDEFGHJK")


@given(st.text())
def test_anything_typed_is_a_code_or_none_never_an_error(typed):
    code = normalised(typed)
    assert code is None or (len(code) == LENGTH and set(code) <= set(ALPHABET))
