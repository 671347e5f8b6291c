"""Socialstyrelsen's certificates as the user gets them from the command line: every official
text in the look-alike, the official form filled by its field names, and only true statements."""
from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from acroform_fixture import build_form, field_values
from conftest import run_cli

# Verbatim from Socialstyrelsen's forms (shared/reference/official-forms.md), in print order.
# Kept here, apart from the code's own copy, so a drifting text in btdesk fails this test.
PRINTED = {
    "bilaga1": ["ANSÖKAN", "om intyg om godkänd bastjänstgöring", "Till", "Socialstyrelsen", "106 30 Stockholm",
                "Personuppgifter som lämnas i ansökan registreras av Socialstyrelsen i ett ärendehanteringssystem "
                "som uppdateras med vissa folkbokföringsuppgifter. Mer information om Socialstyrelsens behandling "
                "av personuppgifter finns på socialstyrelsen.se",
                "Sökande", "Efternamn", "Förnamn", "Personnummer", "Utdelningsadress", "Postnummer", "Postort",
                "Telefon privat (inkl. riktnummer)", "E-postadress", "Arbetsplats",
                "Telefon arbetet (inkl. riktnummer)", "Utbildning", "Läkarexamen", "Land", "Datum (ååmmdd)",
                "Legitimation/motsvarande bevis om behörighet", "Förteckning över bifogade intyg",
                "Delmål i bastjänstgöringen", "Bilagor nr", "Fullgjord bastjänstgöring", "Bilaga nr",
                "Uppnådd baskompetens", "Tjänstgöring före legitimation", "Bilaga/-or nr", "Utländsk tjänstgöring",
                "Sökandens underskrift", "Namnteckning", "Ort och datum", "HSLF-FS 2021:8 - Bilaga 1"],
    "bilaga2": ["Bilaga nr:", "INTYG", "om delmål i bastjänstgöringen", "Sökande", "Efternamn", "Förnamn",
                "Personnummer", "Delmål som intyget avser (t.ex. BT1, BT2)",
                "Utbildningsaktiviteter som sökanden genomfört för att uppnå delmål (t.ex. kliniska tjänstgöringar "
                "under handledning, kurser eller tidigare tjänstgöring). Om intyget avser flera delmål, beskriv "
                "vilka utbildningsaktiviteter som avser vilka delmål.",
                "Hur det kontrollerats att sökanden uppnått delmål (t.ex. bedömningar av kliniskt omhändertagande "
                "eller kursexaminationer). Om intyget avser flera delmål, beskriv vilka kontroller som avser vilka "
                "delmål.",
                "Intygsutfärdande handledare bedömer att sökanden har uppnått delmålet/-n.",
                "Namnteckning", "Ort och datum", "Namnförtydligande", "Personnummer", "Specialitet", "Tjänsteställe",
                "HSLF-FS 2021:8 - Bilaga 2"],
    "bilaga3": ["Bilaga nr:", "INTYG", "om fullgjord bastjänstgöring", "Sökande", "Efternamn", "Förnamn",
                "Personnummer", "Tjänsteförteckning", "Redovisning av bastjänstgöring",
                "Tjänstgöringsställe (sjukhus, klinik, enhet eller annan specificering)", "Period (ååmmdd-ååmmdd)",
                "Tjänstgöringens omfattning i procent av heltid",
                "Tjänstgöringens omfattning omräknad till månader på heltid", "Summa",
                "Del av tjänstgöringen inom primärvård",
                "Redogör för vilken eller vilka delar av tjänstgöringen som genomförts inom primärvård.",
                "Del av tjänstgöringen inom akut sjukvård",
                "Redogör för vilken eller vilka delar av tjänstgöringen som genomförts inom akut sjukvård.",
                "Intygsutfärdande huvudansvarig verksamhetschef/motsvarande intygar att sökanden har fullgjort "
                "bastjänstgöring enligt tjänsteförteckningen.",
                "Namnteckning", "Ort och datum", "Namnförtydligande", "Tjänsteställe", "HSLF-FS 2021:8 - Bilaga 3"],
    "bilaga4": ["Bilaga nr:", "INTYG", "om uppnådd baskompetens", "Sökande", "Efternamn", "Förnamn", "Personnummer",
                "Intygsutfärdande huvudansvarig handledare bedömer att sökanden har uppnått samtliga delmål i "
                "målbeskrivningen för bastjänstgöringen.",
                "Namnteckning", "Ort och datum", "Namnförtydligande", "Personnummer", "Specialitet", "Tjänsteställe",
                "Intygsutfärdande extern bedömare bedömer att sökanden har uppnått samtliga delmål i "
                "målbeskrivningen för bastjänstgöringen.",
                "Namnteckning", "Ort och datum", "Namnförtydligande", "Personnummer", "Specialitet", "Tjänsteställe",
                "HSLF-FS 2021:8 - Bilaga 4"],
}
PNR = "19900101-0017"  # a valid check digit; no one's


def text_of(pdf: Path) -> str:
    """In content order (-raw), so a draft's diagonal watermark does not cut through the lines."""
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                         check=True)
    return " ".join(out.stdout.split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five-month demo doctor, made once; each test uses the CLI on it."""
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    from btdesk.services.demo import create_demo

    home = tmp_path_factory.mktemp("demo") / "home"
    create_demo(home).close()
    return home


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, home=home, env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})


@pytest.mark.parametrize("kind", sorted(PRINTED))
def test_lookalike_prints_every_official_text_in_order(demo: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    extra = ["--delmal", "BT1"] if kind == "bilaga2" else []
    r = cli(demo, "certificate", kind, "--out", str(out), "--draft", *extra)
    assert r.returncode == 0, r.stderr
    text, at = text_of(out), 0
    for s in PRINTED[kind]:
        found = text.find(s, at)
        assert found >= 0, f"{kind}: {s!r} missing or out of order"
        at = found + len(s) if s not in ("Personnummer", "Namnteckning") else found  # labels repeat in blocks


def test_bilaga3_has_18_rows_and_lists_served_time_only(demo: Path, tmp_path: Path) -> None:
    """Five months in: refused (its statement says the BT is completed); the draft has no period after
    today, no day of the demo's sick leave, and its sum is what has been served, nothing planned."""
    from btdesk.reports.official_forms import all_field_names
    from btdesk.services import bt, leave
    from btdesk.services.portfolio import Portfolio
    from btdesk.services.time_served import time_served
    from btdesk.timeutil import fte_months

    assert sum(1 for f in all_field_names("bilaga3") if f.startswith("Period ååmmddååmmddRow")) == 18
    form = build_form("bilaga3", tmp_path / "form3.pdf")
    out = tmp_path / "b3.pdf"
    r = cli(demo, "certificate", "bilaga3", "--form", str(form), "--out", str(out))
    assert r.returncode == 1 and not out.exists() and "Bilaga 3 kan inte utfärdas" in r.stderr, r.stderr
    r = cli(demo, "certificate", "bilaga3", "--form", str(form), "--out", str(out), "--draft")
    assert r.returncode == 0, r.stderr
    v = field_values(out)
    today = date.today()
    p = Portfolio.open(demo)
    pls, sick = bt.placements(p), leave.leave_periods(p)
    served = time_served(p, today).served  # the demo has a week of sick leave: not service
    p.close()
    begun = [pl for pl in pls if pl.start <= today]
    assert len(begun) < len(pls) and sick  # the demo has planned placements to leave out, and leave
    rows = [(v[f"Period ååmmddååmmddRow{n}"], v[f"Tjänstgöringens omfatt ning i procent av heltidRow{n}"],
             v[f"Tjänstgöringens omfatt ning omräknad till månader på heltidRow{n}"]) for n in range(1, 19)]
    rows = [r for r in rows if r[0]]

    def day(x: str) -> date:
        return date(2000 + int(x[:2]), int(x[2:4]), int(x[4:6]))

    periods = [(day(x[:6]), day(x[7:13])) for x, _, _ in rows]
    assert periods[0][0] == begun[0].start and periods[-1][1] == today
    assert all(any(pl.start <= a <= b <= pl.end for pl in begun) for a, b in periods)
    # a day of sick leave at full time is no day of service
    assert not any(a <= lv.start <= b for a, b in periods for lv in sick)
    # every row is its period's months times its percent, within a hundredth, in the form's format ("3,75")
    total = v["Tjänstgöringens omfatt ning omräknad till månader på heltidSumma"]
    assert all(re.fullmatch(r"\d+,\d\d", x) for x in [*(m for _, _, m in rows), total])
    number = [Fraction(m.replace(",", ".")) for _, _, m in rows]
    for (a, b), (_, pct, _), n in zip(periods, rows, number, strict=True):
        assert abs(n - fte_months(a, b, int(pct))) < Fraction(1, 100)
    # the rows add up to the sum on paper, and the sum is the time served cut to the hundredth, never more
    printed = Fraction(total.replace(",", "."))
    assert sum(number) == printed and printed <= served < printed + Fraction(1, 100)
    planned = [pl for pl in pls if pl.start > today]
    assert not any(pl.site in x for pl in planned for x in v.values())


def test_bilaga4_is_refused_then_printed_as_a_draft(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "b4.pdf"
    r = cli(demo, "certificate", "bilaga4", "--out", str(out))
    assert r.returncode == 1 and not out.exists()
    assert "Bilaga 4 kan inte utfärdas" in r.stderr and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    r = cli(demo, "certificate", "bilaga4", "--out", str(out), "--draft")
    assert r.returncode == 0, r.stderr
    assert "UTKAST" in text_of(out)


def test_bilaga2_for_bt1_lists_exactly_the_trusted_evidence_tagged_bt1(tmp_path: Path) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    from btdesk.services.demo import create_demo
    from btdesk.services.portfolio import Portfolio

    home = tmp_path / "home"
    create_demo(home).close()
    refused = cli(home, "certificate", "bilaga2", "--delmal", "BT2", "--out", str(tmp_path / "x.pdf"))
    assert refused.returncode == 1 and "Bilaga 2 kan inte utfärdas" in refused.stderr  # no assessment of BT2
    p = Portfolio.open(home)
    # the demo unit certified Dr Berg: verified; Sara Nilsson is self-signed and nobody confirmed her
    berg = [a for a in p.records("assessment") if a.author_name == "Erik Berg"]
    assert berg and not [a for a in p.records("assessment") if a.author_name == "Sara Nilsson"]
    assert [a for a in p.records("assessment", uncounted=True) if a.author_name == "Sara Nilsson"]
    today = date.today().isoformat()
    p.put("assessment", {"instrument": "dops", "date": today, "delmal": ["BT1"]})  # own note: never a check
    names = {i.id: i.name for i in p.programme.instruments}
    expected = sorted(f"{names.get(a.body['instrument'], '')}|{a.body['date']}" for a in berg
                      if "BT1" in a.body["delmal"] and a.body["date"] <= today)
    activities = [a for a in p.records("activity") if "BT1" in a.body.get("delmal", []) and a.body["date"] <= today]
    # clinical service under supervision, the form's first example: placements begun whose checklist names BT1
    aimed = {k.id for k in p.programme.placement_kinds if any("BT1" in it.delmal for it in k.checklist)}
    from btdesk.services import bt

    service = [(pl.kind_name, pl.start <= date.today()) for pl in bt.placements(p) if pl.kind in aimed]
    p.close()
    form = build_form("bilaga2", tmp_path / "form2.pdf")
    out = tmp_path / "b2.pdf"
    r = cli(home, "certificate", "bilaga2", "--delmal", "BT1", "--form", str(form), "--out", str(out))
    assert r.returncode == 0, r.stderr
    v = field_values(out)
    checks = v["Hur det kontrollerats att sökanden uppnått delmål tex bedömningar av kliniskt omhändertagande eller "
               "kursexaminationer Om intyget avser flera delmål beskriv vilka kontroller som avser vilka delmål"]
    lines = [x[2:] for x in checks.splitlines()]
    assert all(x.endswith(", bedömare Erik Berg") for x in lines)
    got = sorted(re.sub(r" (\d{4}-\d\d-\d\d), bedömare Erik Berg$", r"|\1", x) for x in lines)
    assert [g.split("|")[1] for g in got] == [e.split("|")[1] for e in expected]
    assert len(lines) == len(expected)  # the own DOPS note is not among them
    acts = v[next(k for k in v if k.startswith("Utbildningsaktiviteter"))]
    for a in activities:
        assert a.body["title"] in acts, a.body["title"]
    from collections import Counter

    repeated = [t for t, n in Counter(a.body["title"] for a in activities).items() if n > 1]
    for title in repeated:  # the weekly teaching afternoons (as many as the demo's day gave) are one line each
        assert sum(line.count(title) for line in acts.splitlines()) == 1 and "×" in acts, title
    assert any(begun for _, begun in service) and not all(begun for _, begun in service)
    for name, begun in service:
        assert (f"Klinisk tjänstgöring under handledning: {name}" in acts) == begun, name
    for word in ("portföljen", "Reflektion", "fingeravtryck", "Sara Nilsson"):
        assert word not in acts + checks
    assert v["Namnförtydligande"] == "Erik Berg" and v["Delmål som intyget avser tex BT1 BT2"] == "BT1"


def test_filled_form_holds_the_stored_applicant_and_signer_details(demo: Path, tmp_path: Path) -> None:
    r = cli(demo, "applicant", "set", "--surname", "Haddad", "--given-name", "Amira", "--personnummer", PNR,
            "--address", "Ringvägen 1", "--postcode", "118 60", "--city", "Stockholm", "--phone", "08-123 45",
            "--email", "amira@example.se", "--workplace", "Södersjukhuset", "--work-phone", "08-616 10 00",
            "--degree-country", "Sverige", "--degree-date", "2025-06-05", "--licence", "Sverige:2025-08-01",
            "--attachments-delmal", "1–3", "--attachments-fullgjord", "4")
    assert r.returncode == 0, r.stderr
    form = build_form("bilaga1", tmp_path / "form1.pdf")
    out = tmp_path / "b1.pdf"
    r = cli(demo, "certificate", "bilaga1", "--form", str(form), "--out", str(out))
    assert r.returncode == 0, r.stderr
    v = field_values(out)
    assert (v["Efternamn"], v["Förnamn"], v["Personnummer"]) == ("Haddad", "Amira", PNR)
    assert (v["Postnummer"], v["Epostadress"], v["Telefon arbetet inkl riktnummer"]) == \
        ("118 60", "amira@example.se", "08-616 10 00")
    assert (v["Land"], v["Datum ååmmdd"], v["Land_2"], v["Datum ååmmdd_2"]) == \
        ("Sverige", "250605", "Sverige", "250801")
    assert (v["Bilagor nr.0"], v["Bilagor nr.1"], v["Bilagor nr.2"]) == ("1–3", "4", "")
    assert "Ringvägen 1" in text_of(out)  # the appearance is drawn, not only the value stored
    r = cli(demo, "signer", "set", "Dr Karin Lind", "--specialty", "Allmänmedicin", "--workplace", "VC Gubbängen",
            "--role", "huvudhandledare")
    assert r.returncode == 0, r.stderr
    form4 = build_form("bilaga4", tmp_path / "form4.pdf")
    r = cli(demo, "certificate", "bilaga4", "--form", str(form4), "--out", str(tmp_path / "b4.pdf"), "--draft",
            "--external-name", "Dr Per Ström", "--bilaga-nr", "5")
    assert r.returncode == 0, r.stderr
    v = field_values(tmp_path / "b4.pdf")
    assert (v["Namnförtydligande"], v["Specialitet"], v["Tjänsteställe"]) == ("Dr Karin Lind", "Allmänmedicin",
                                                                             "VC Gubbängen")
    assert (v["Namnförtydligande_2"], v["Bilaga nr"], v["Personnummer"]) == ("Dr Per Ström", "5", PNR)
    assert "UTKAST" in text_of(tmp_path / "b4.pdf")


def test_a_wrong_form_or_a_flag_without_a_place_is_refused(demo: Path, tmp_path: Path) -> None:
    form = build_form("bilaga3", tmp_path / "form3.pdf")
    out = tmp_path / "x.pdf"
    for args in (["bilaga1", "--form", str(form)], ["bilaga1", "--delmal", "BT1"], ["bilaga3", "--specialty", "X"],
                 ["bilaga1", "--form", str(tmp_path / "missing.pdf")]):
        r = cli(demo, "certificate", *args, "--out", str(out))
        assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, (args, r.stderr)
        assert not out.exists()
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
    r = cli(demo, "certificate", "bilaga3", "--form", str(junk), "--out", str(out), "--draft")
    assert r.returncode == 1 and "blankett för Bilaga 3" in r.stderr and not out.exists()


def test_personnummer_is_checked_kept_here_and_never_in_a_bundle(demo: Path, tmp_path: Path) -> None:
    r = cli(demo, "applicant", "set", "--personnummer", "19900101-0018")  # wrong check digit
    assert r.returncode == 1 and "kontrollsiffra" in r.stderr
    r = cli(demo, "signer", "set", "Dr Per Ström", "--personnummer", "197001019876")
    assert r.returncode == 1
    assert cli(demo, "signer", "set", "Dr Per Ström", "--personnummer", "7001010003",
               "--role", "extern_bedomare").returncode == 0
    assert cli(demo, "applicant", "set", "--personnummer", PNR).returncode == 0
    bundle = tmp_path / "all.btbundle"
    r = cli(demo, "export", "--to", str(bundle), "--all")
    assert r.returncode == 0, r.stderr
    import zipfile

    with zipfile.ZipFile(bundle) as z:
        blob = b"".join(z.read(n) for n in z.namelist())
    for pnr in (PNR, "19700101-0003"):
        assert pnr.encode() not in blob and pnr.replace("-", "").encode() not in blob


def test_bilaga2_text_that_does_not_fit_continues_on_an_attachment_page(demo: Path, tmp_path: Path) -> None:
    lines = "\n".join(f"Kurs nummer {i}, 2026-01-{i:02d}" for i in range(1, 26))
    out = tmp_path / "b2.pdf"
    r = cli(demo, "certificate", "bilaga2", "--delmal", "BT2", "--draft", "--activities-text", lines,
            "--out", str(out))
    assert r.returncode == 0, r.stderr
    text = text_of(out)
    assert "Fortsättning på bilagd sida" in text and "Bilaga till intyget" in text
    for i in range(1, 26):
        assert f"Kurs nummer {i}," in text
