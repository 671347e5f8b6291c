"""The PDFs as an external assessor meets them: text, fonts, outline, certificates, personnummer."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli


def text_of(pdf: Path, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(pdf), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", out.stdout)


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo portfolio with two assessments (one signed and chosen as evidence), its dossier and forms."""
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    from btdesk.identity import load_signer
    from btdesk.services import bt, entries
    from btdesk.services.certificates import Options, build_certificate
    from btdesk.services.demo import create_demo
    from btdesk.services.dossier import build_dossier

    root = tmp_path_factory.mktemp("demo")
    p = create_demo(root / "home")
    pl = bt.placements(p)[0]
    signer = load_signer(p.home, lambda _: os.environ["BTDESK_PASSPHRASE"])
    signed = p.put("assessment", {
        "instrument": "mini_cex", "placement": pl.id, "date": pl.start.isoformat(), "delmal": ["BT1", "BT2"],
        "ratings": {"anamnes": 7, "status": 6}, "setting": "Akutmottagningen",
        "text": {"went_well": "Strukturerad anamnes", "improve": "Sammanfatta för patienten",
                 "action": "Öva återkoppling"}}, sign=signer.sign)
    p.put("assessment", {"instrument": "okänt_instrument", "date": pl.start.isoformat(), "delmal": ["BT3"]})
    entries.choose_evidence(p, "BT2", [signed.id])
    pdf = root / "dossier.pdf"
    seen = []
    pages = build_dossier(p, pdf, progress=lambda done, total: seen.append((done, total)))
    forms = {}
    for kind in ("bilaga1", "bilaga2", "bilaga3", "bilaga4"):
        forms[kind] = root / f"{kind}.pdf"
        opts = Options(delmal=["BT1", "BT2"] if kind == "bilaga2" else [], draft=kind != "bilaga1")
        build_certificate(p, kind, forms[kind], opts)
    from btdesk.services.assessment_print import print_assessment

    print_assessment(p, signed.id, root / "assessment.pdf")
    data = {"p": p, "pdf": pdf, "pages": pages, "progress": seen, "forms": forms, "root": root,
            "assessment": root / "assessment.pdf"}
    yield data
    p.close()


def test_dossier_text_has_every_delmal_title_and_swedish_letters(demo):
    text = text_of(demo["pdf"])
    for d in demo["p"].programme.delmal:
        assert f"{d.id} – {d.title}" in text, d.id
    for word in ("Läkare", "Överenskommet", "Handledningssamtal hållna", "Kompetenskrav", "Sida 1 av"):
        assert word in text
    assert "å" in text and "ä" in text and "ö" in text and "\ufffd" not in text


def test_dossier_is_sound_pdf_with_embedded_fonts_only(demo):
    pdfs = [demo["pdf"], demo["assessment"], *demo["forms"].values()]
    for pdf in pdfs:
        assert subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True).returncode == 0, pdf
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
        assert fonts, pdf
        for line in fonts:
            assert "Helvetica" not in line and line.split()[-5] == "yes", (pdf, line)  # emb column


def test_outline_has_an_entry_per_delmal_and_page_numbers(demo):
    out = subprocess.run(["qpdf", "--json", "--json-key=outlines", str(demo["pdf"])], capture_output=True,
                         text=True, check=True).stdout
    outline = json.loads(out)["outlines"]

    def titles(nodes):
        for n in nodes:
            yield n["title"]
            yield from titles(n["kids"])
    found = list(titles(outline))
    for i in range(1, 19):
        assert any(t.startswith(f"BT{i} ") for t in found), f"BT{i}"
    assert demo["pages"] == pages_of(demo["pdf"]) > 18
    assert f"Sida {demo['pages']} av {demo['pages']}" in text_of(demo["pdf"])
    done, total = demo["progress"][-1]
    assert done == total and len(demo["progress"]) > 10


def test_assessments_show_signer_trust_and_feedback(demo):
    text = text_of(demo["pdf"])
    assert "Mini-CEX" in text and "Strukturerad anamnes" in text and "Öva återkoppling" in text
    assert "Signerad" in text and "Egen anteckning" in text
    assert "okänt_instrument" in text  # an unknown instrument is shown, not dropped
    assert "urval gjort av läkaren" in text  # BT2 is curated
    assert "Läkaren har inte valt ut underlag" in text
    one = demo["assessment"]
    assert pages_of(one) == 1
    t = text_of(one)
    assert "Mini-CEX" in t and "Sammanfatta för patienten" in t and "Signerad" in t


def test_cli_rejects_unknown_delmal_and_record(doctor, home, tmp_path):
    doctor.close()
    r = run_cli("certificate", "bilaga2", "--out", str(tmp_path / "x.pdf"), "--delmal", "BT99", home=home)
    assert r.returncode == 1 and "BT99" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("print", "no-such-id", "--out", str(tmp_path / "y.pdf"), home=home)
    assert r.returncode == 1 and "Traceback" not in r.stderr


def test_dossier_tells_how_each_signature_was_checked(tmp_path):
    """An assessor reads, per signed record, whether its signer is verified or only self-signed,
    and sees the doctor's later confirmation of the fingerprint."""
    import subprocess

    from btdesk.services.demo import create_demo
    from btdesk.services.dossier import build_dossier
    from btdesk.services.exchange_trust import confirm

    p = create_demo(tmp_path / "demo")
    try:
        out = tmp_path / "before.pdf"
        build_dossier(p, out)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "avsändaren är obekräftad (fingeravtryck" in " ".join(text.split()) and "Egen anteckning" in text
        signer = next(a for a in p.records("assessment", uncounted=True) if not a.counted)  # the unconfirmed one
        confirm(p, signer.author)
        build_dossier(p, tmp_path / "after.pdf")
        text = subprocess.run(["pdftotext", str(tmp_path / "after.pdf"), "-"], capture_output=True, text=True).stdout
        assert "bekräftat av Amira Haddad" in " ".join(text.split())
        assert "avsändaren är obekräftad (fingeravtryck" not in " ".join(text.split())
    finally:
        p.close()


def test_dossier_names_rating_domains_in_swedish(tmp_path):
    import subprocess

    from btdesk.services.demo import create_demo
    from btdesk.services.dossier import build_dossier

    p = create_demo(tmp_path / "demo")
    try:
        build_dossier(p, tmp_path / "d.pdf")
        text = " ".join(subprocess.run(["pdftotext", str(tmp_path / "d.pdf"), "-"], capture_output=True,
                                       text=True).stdout.split())
        assert "Kommunikation" in text
        assert "Communication:" not in text and "Interviewing:" not in text
    finally:
        p.close()


def test_dossier_embeds_the_attachments_and_prints_each_assessment_once(tmp_path):
    """pdfdetach lists the demo's course certificate, byte for byte; each signed assessment has one
    full entry with every signed field; planned placements say so; the certificate hash is the DER's."""
    import hashlib

    from cryptography.hazmat.primitives.serialization import Encoding

    from btdesk.identity import load_public
    from btdesk.services.demo import create_demo
    from btdesk.services.dossier import build_dossier

    p = create_demo(tmp_path / "demo")
    try:
        out = tmp_path / "d.pdf"
        build_dossier(p, out)
        docs = [d for d in p.records("document") if d.body.get("sha256")]
        signed = [a for a in p.records("assessment") if a.signed]
    finally:
        p.close()
    listing = subprocess.run(["pdfdetach", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert f"{len(docs)} embedded files" in listing and "Kursintyg-ALS.pdf" in listing
    subprocess.run(["pdfdetach", "-save", "1", "-o", str(tmp_path / "att.pdf"), str(out)], check=True)
    assert hashlib.sha256((tmp_path / "att.pdf").read_bytes()).hexdigest() == docs[0].body["sha256"]
    text = text_of(out)
    assessments = text[text.index("Varje signerad bedömning en gång"):text.index("Handledningssamtal hållna")]
    assert assessments.count("Signerad av Erik Berg") == len(signed)
    for label in ("Observerad tid (minuter)", "Tid för återkoppling (minuter)", "Fall (utan personuppgifter",
                  "Specialistläkare:"):
        assert label in assessments, label
    assert "(se Bedömningar)" in text and "Planerad" in text
    der = load_public(tmp_path / "demo").cert.public_bytes(Encoding.DER)
    assert f"SHA-256 av certifikatet (DER): {hashlib.sha256(der).hexdigest()}" in text.replace("- ", "-")


def test_trust_is_green_only_when_the_signature_is_trusted():
    """Unconfirmed evidence is shown in a neutral grey, never in the green of trusted evidence."""
    from btdesk.reports.data import EvidenceItem
    from btdesk.reports.dossier_evidence import trust_markup
    from btdesk.reports.styles import MUTED, OK

    def item(trusted: bool, trust: str) -> EvidenceItem:
        return EvidenceItem("r1", "assessment", "Bedömning", "2027-01-05", "Mini-CEX", [], [], "Erik Berg", trust,
                            True, "", trusted=trusted)

    green, grey = OK.hexval()[2:], MUTED.hexval()[2:]
    unconfirmed = trust_markup(item(False, "Signerad, ej bekräftad (fingeravtryck abc…)"))
    assert green not in unconfirmed and grey in unconfirmed and "ej bekräftad" in unconfirmed
    assert green in trust_markup(item(True, "Signerad, fingeravtryck bekräftat av Amira Haddad"))
