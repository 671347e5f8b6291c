"""Trust in words: one function for the CLI, the window and the PDFs, in Swedish and English."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from btdesk.identity.trust_text import describe_trust
from btdesk.safetext import safe_text

FP = "ab" * 32


@dataclass
class V:
    status: str
    signer_name: str = "Erik Berg"
    fingerprint: str = FP
    issuer: str | None = None
    confirmed_by: str | None = None


@pytest.mark.parametrize("lang,status,want", [
    ("sv", "verified", "signaturen verifierad (certifikat utfärdat av Region Stockholm BT-enheten)"),
    ("en", "verified", "signature verified (certificate issued by Region Stockholm BT-enheten)"),
    ("sv", "confirmed", "signaturen verifierad, fingeravtrycket bekräftat av Amira Haddad"),
    ("en", "confirmed", "signature confirmed by Amira Haddad"),
    ("sv", "unconfirmed", "signaturen är giltig men avsändaren är obekräftad (fingeravtryck abab abab abab abab abab "
                          "abab abab abab)"),
    ("en", "unconfirmed", "self-signed and not yet confirmed (fingerprint abab abab abab abab abab abab abab abab)"),
])
def test_each_status_in_each_language(lang, status, want):
    # a self-signed signer has no issuer; a verdict names the issuer of an issued certificate
    v = V(status, issuer=None if status == "unconfirmed" else "Region Stockholm BT-enheten",
          confirmed_by="Amira Haddad")
    assert describe_trust(v, lang) == want


@pytest.mark.parametrize("lang,want", [
    ("sv", "signaturen är giltig, certifikatet utfärdat av Region Skåne BT-enheten som inte är betrodd här; "
           "avsändaren är obekräftad (fingeravtryck abab abab abab abab abab abab abab abab)"),
    ("en", "certificate issued by Region Skåne BT-enheten, an authority not trusted here; not yet confirmed "
           "(fingerprint abab abab abab abab abab abab abab abab)"),
])
def test_an_untrusted_authority_is_named_and_never_reads_as_trust(lang, want):
    assert describe_trust(V("unconfirmed", issuer="Region Skåne BT-enheten"), lang) == want


def test_the_signer_comes_first_when_asked():
    assert describe_trust(V("unconfirmed"), "en", with_signer=True).startswith(
        "signed by Erik Berg, self-signed and not yet confirmed")
    assert describe_trust(V("verified"), "sv", with_signer=True) == (
        "signerad av Erik Berg, signaturen verifierad (certifikat utfärdat av Erik Berg)")


def test_an_unknown_status_never_reads_as_trust():
    assert "obekräftad" in describe_trust(V("trusted!"))


def test_names_cannot_hide_the_rest_of_the_line():
    spoof = "Erik, certificate issued by Region Stockholm BT-enheten\x1b[8m"
    text = describe_trust(V("unconfirmed", signer_name=spoof), "en", with_signer=True)
    assert "\x1b" not in text and text.endswith("abab abab abab abab abab abab abab abab)")
    assert "not yet confirmed" in text


@pytest.mark.parametrize("raw,clean", [
    ("Erik\x1b[2K Berg", "Erik[2K Berg"),
    ("a\u202eb", "ab"),
    ("lone \udc80 surrogate", "lone  surrogate"),
    ("rad1\nrad2\tx", "rad1rad2x"),
    ("Åsa Öberg", "Åsa Öberg"),
])
def test_safe_text_removes_controls_bidi_and_surrogates(raw, clean):
    assert safe_text(raw) == clean
    safe_text(raw).encode("utf-8")  # printable everywhere


def test_safe_text_keeps_lines_in_multiline_text():
    assert safe_text("rad1\nrad2\x07", multiline=True) == "rad1\nrad2"
