"""The keyring fallback catches what it means: a locked keyring falls back to the passphrase
file; a bug in a backend is not turned into "no keyring"."""
from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors
import pytest

from btdesk.identity import create_identity, forget_session, load_signer


class Locked(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise keyring.errors.KeyringLocked("locked")

    def delete_password(self, service, username):
        raise keyring.errors.PasswordDeleteError(username)


class Broken(Locked):
    def get_password(self, service, username):
        raise TypeError("a bug in the backend")


@pytest.fixture
def backend():
    previous = keyring.get_keyring()
    forget_session()
    yield lambda b: keyring.set_keyring(b)
    keyring.set_keyring(previous)
    forget_session()


def test_a_locked_keyring_falls_back_to_the_passphrase_file(tmp_path, backend):
    backend(Locked())
    ident = create_identity(tmp_path, "Amira Haddad", "doctor", lambda _: "pass phrase 1")
    assert (tmp_path / "identity").exists()
    forget_session()
    assert load_signer(tmp_path, lambda _: "pass phrase 1").identity.fingerprint == ident.fingerprint


def test_a_bug_in_a_keyring_backend_is_not_hidden(tmp_path, backend):
    backend(Broken())
    with pytest.raises(TypeError):
        create_identity(tmp_path, "Amira Haddad", "doctor", lambda _: "pass phrase 1")
