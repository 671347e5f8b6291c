"""An in-memory keyring backend for tests (select with keyring.set_keyring(MemoryKeyring()))."""
from __future__ import annotations

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # viable, but never chosen over a real keyring unless set explicitly
    store: dict[tuple[str, str], str] = {}  # class-level: shared like an OS keyring

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        try:
            del self.store[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


@pytest.fixture
def memory_keyring():
    from btdesk.identity import forget_session

    previous = keyring.get_keyring()
    MemoryKeyring.store.clear()
    keyring.set_keyring(MemoryKeyring())
    forget_session()
    yield MemoryKeyring.store
    forget_session()
    MemoryKeyring.store.clear()
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    from btdesk.identity import forget_session

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    forget_session()
    yield
    forget_session()
    keyring.set_keyring(previous)
