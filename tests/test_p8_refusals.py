"""A key file that does not unlock says why in one sentence: a wrong passphrase, or a damaged file.

A wrong passphrase decrypts the container to noise. About once in 256 tries that noise ends in
valid padding, and what fails is reading the key data: before, that case said "damaged" (CI saw
it once). Here it is made every time, by a container whose encrypted content is not a key."""
from __future__ import annotations

import pytest

from btdesk.i18n import set_language
from btdesk.identity import IdentityError, p8

PASS = "correct horse battery staple"


class _NotAKey:
    """What noise with valid padding looks like after decryption: bytes that are no key."""

    def private_bytes(self, *args: object) -> bytes:
        return b"\x30\x82\x01\x00" + bytes(range(200))


def _refusal(pem: bytes, passphrase: str) -> str:
    with pytest.raises(IdentityError) as e:
        p8.decrypt_key(pem, passphrase)
    return str(e.value)


def test_a_container_that_decrypts_to_no_key_is_a_wrong_passphrase_not_a_damaged_file():
    set_language("sv")
    pem = p8.encrypt_key(_NotAKey(), PASS)  # type: ignore[arg-type]
    assert _refusal(pem, PASS) == "Lösenfrasen är fel; nyckeln låstes inte upp."


def test_a_damaged_container_is_a_damaged_file():
    set_language("sv")
    pem = p8.encrypt_key(_NotAKey(), PASS)  # type: ignore[arg-type]
    lines = pem.decode().splitlines()
    cut = "\n".join(lines[:2] + lines[-1:]).encode()  # the middle of the file lost
    assert _refusal(cut, PASS) == "Nyckelfilen är skadad och kan inte läsas."
    assert _refusal(b"not a key file at all", PASS) == "Nyckelfilen är skadad och kan inte läsas."
