"""A signed dossier as a reader checks it: pdfsig (poppler) with the signer's certificate trusted
through an NSS database. pdfsig exits 0 even on a digest mismatch, so its words are read."""
from __future__ import annotations

import re
import subprocess

from conftest import run_cli


def pdfsig(pdf, nss) -> str:
    return subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True).stdout


def test_signed_dossier_is_valid_and_a_changed_byte_breaks_it(doctor, home, tmp_path):
    from btdesk.identity import load_public

    doctor.close()
    pdf = tmp_path / "dossier.pdf"
    r = run_cli("dossier", "--out", str(pdf), "--sign", home=home)
    assert r.returncode == 0, r.stderr
    assert "signerad" in r.stdout

    nss = tmp_path / "nss"
    nss.mkdir()
    cert = tmp_path / "cert.pem"
    cert.write_bytes(load_public(home).cert_pem)
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", "btdesk", "-t", "C,,", "-i", str(cert)],
                   check=True, capture_output=True)
    out = pdfsig(pdf, nss)
    assert "Signer Certificate Common Name: Amira Haddad" in out
    assert "Signature is Valid." in out and "Total document signed" in out
    assert subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True).returncode == 0

    data = bytearray(pdf.read_bytes())
    first_range_end = int(re.search(rb"/ByteRange\s*\[\s*0\s+(\d+)", bytes(data)).group(1))
    i = data.index(b"stream", 200) + 20  # a byte inside the first page's content, within the signed range
    assert i < first_range_end
    data[i] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    bad = pdfsig(tampered, nss)
    assert "Signature is Valid." not in bad
    assert "Digest Mismatch" in bad or "Invalid" in bad or "invalid" in bad


def test_signing_inside_an_event_loop_works(doctor):
    """pyHanko runs asyncio.run; a caller with a running loop (a Qt/async host) must still be able to sign."""
    import asyncio
    import io
    import os

    from btdesk.reports.pdfsign import sign_pdf_bytes
    from btdesk.services.dossier import build_dossier
    from btdesk.services.pdf_keys import signing_material

    buf = io.BytesIO()
    build_dossier(doctor, buf)
    key, cert, chain = signing_material(doctor.home, lambda _: os.environ["BTDESK_PASSPHRASE"])

    async def inside():
        return sign_pdf_bytes(buf.getvalue(), key, cert, chain)

    signed = asyncio.run(inside())
    assert signed.startswith(b"%PDF") and b"/ByteRange" in signed and len(signed) > len(buf.getvalue())


def test_pyhanko_finds_the_signed_dossier_valid_and_a_changed_byte_invalid(doctor, home, tmp_path):
    """The second reader: pyHanko with the doctor's certificate as the trust root. The header and the
    catalog name the same PDF version after signing (an archival PDF)."""
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext
    from pypdf import PdfReader

    from btdesk.identity import load_public

    doctor.close()
    pdf = tmp_path / "dossier.pdf"
    assert run_cli("dossier", "--out", str(pdf), "--sign", home=home).returncode == 0
    root = ax509.Certificate.load(load_public(home).cert.public_bytes(serialization.Encoding.DER))

    def status(path):
        with path.open("rb") as f:
            return validate_pdf_signature(PdfFileReader(f).embedded_signatures[0],
                                          ValidationContext(trust_roots=[root]))

    ok = status(pdf)
    assert ok.intact and ok.valid and ok.trusted, ok.pretty_print_details()
    r = PdfReader(str(pdf))
    catalog_version = r.trailer["/Root"].get("/Version")
    assert catalog_version is None or f"%PDF-{str(catalog_version).lstrip('/')}" == r.pdf_header
    assert r.xmp_metadata is not None and r.xmp_metadata.dc_creator == ["Amira Haddad"]

    data = bytearray(pdf.read_bytes())
    i = data.index(b"stream", 200) + 20
    data[i] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    bad = status(tampered)
    assert not (bad.intact and bad.valid)
