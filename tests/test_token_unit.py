"""The parts of card signing that need no card: PIN sentences from the token's flags, the
module table, choosing the signing certificate, and reading the HSA-id."""
from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from pkcs11 import TokenFlag

from btdesk.identity import token_modules
from btdesk.identity.hsa import hsa_id
from btdesk.identity.token import TokenCert, TokenError, choose, pin_problem
from softhsm import _root, issue


@pytest.mark.parametrize("flags,words", [
    (0, "Fel PIN-kod; ingenting sparades."),
    (int(TokenFlag.USER_PIN_COUNT_LOW), "har få kvar"),
    (int(TokenFlag.USER_PIN_COUNT_LOW | TokenFlag.USER_PIN_FINAL_TRY), "Ett försök återstår innan kortet låses"),
    (int(TokenFlag.USER_PIN_LOCKED), "PIN-koden är låst"),
])
def test_pin_sentences_say_the_tries_left(flags, words):
    msg = str(pin_problem(flags, wrong=True))
    assert words in msg and "(" not in msg and msg.endswith(".")  # Swedish only, by default


def test_pin_sentences_in_english(english):
    assert str(pin_problem(0, wrong=True)) == "Wrong PIN; nothing was saved."


def test_module_table_finds_the_first_installed(monkeypatch, tmp_path):
    netid, opensc = tmp_path / "libiidp11.so", tmp_path / "opensc-pkcs11.so"
    opensc.write_bytes(b"")
    monkeypatch.delenv("BTDESK_PKCS11_MODULE", raising=False)
    monkeypatch.setitem(token_modules.KNOWN_MODULES, "linux", [("Net iD", str(netid)), ("OpenSC", str(opensc))])
    assert token_modules.find_module("linux") == ("OpenSC", str(opensc))
    netid.write_bytes(b"")
    assert token_modules.find_module("linux") == ("Net iD", str(netid))
    assert token_modules.find_module("sunos") is None
    for platform in ("win32", "darwin", "linux"):  # Net iD and OpenSC are both listed everywhere
        assert {name for name, _ in token_modules.candidates(platform)} == {"Net iD", "OpenSC"}


def test_signing_certificate_preferred_over_authentication():
    key, root = _root()
    pub = ec.generate_private_key(ec.SECP256R1()).public_key()
    auth = TokenCert("m", 1, "card", "s", "auth", "01",
                     issue(key, root, pub, "A", "SE2321000016-1", non_repudiation=False))
    sign = TokenCert("m", 1, "card", "s", "sign", "02", issue(key, root, pub, "A", "SE2321000016-1"))
    assert choose([auth, sign]) is sign and choose([auth]) is auth
    with pytest.raises(TokenError, match="Inget kort"):
        choose([])


def test_hsa_id_from_serial_number_or_alt_name():
    key, root = _root()
    pub = ec.generate_private_key(ec.SECP256R1()).public_key()
    assert hsa_id(issue(key, root, pub, "Erik Berg", "SE2321000016-1001")) == "SE2321000016-1001"
    assert hsa_id(issue(key, root, pub, "Erik Berg", "TEST-123")) is None  # not an HSA-id: not shown
    assert hsa_id(root) is None
    assert isinstance(root, x509.Certificate)
