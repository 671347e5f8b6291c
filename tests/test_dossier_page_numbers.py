"""The dossier is laid out once and its page numbers filled in at the end: the table of
contents must still name the page each heading is on, and every footer its own page of the
true total."""
from __future__ import annotations

import re

import pypdf

from conftest import run_cli


def test_contents_and_footers_give_the_true_pages(doctor, home, tmp_path):
    from btdesk.services import entries

    pls = [r.id for r in doctor.records("placement")]
    for i in range(240):  # enough evidence for several pages per part of the dossier
        entries.save_activity(doctor, type="clinical", title=f"Patientfall {i}: bröstsmärta i akuten",
                              date=f"2027-0{1 + i % 9}-1{i % 10}", hours=1, placement=pls[i % 4],
                              delmal=[f"BT{1 + i % 18}"], notes="Handläggning diskuterad med handledaren. " * 3)
    doctor.close()
    out = tmp_path / "underlag.pdf"
    r = run_cli("dossier", "--out", str(out), home=home)
    assert r.returncode == 0, r.stderr
    pdf = pypdf.PdfReader(out)
    total = len(pdf.pages)
    assert total > 10
    for n, page in enumerate(pdf.pages, start=1):
        assert f"Sida {n} av {total}" in page.extract_text()
    outline = {o.title: pdf.get_destination_page_number(o) + 1 for o in _flat(pdf.outline)}
    # the contents write "BT1 – Akuta …" where the outline has "BT1 Akuta …"
    contents = [line.strip().replace(" – ", " ", 1) for line in pdf.pages[1].extract_text().splitlines()]
    checked = 0
    for title, page in outline.items():
        if title in contents and title != "Innehåll":  # the contents' own heading is not listed
            shown = contents[contents.index(title) + 1]
            assert re.fullmatch(r"\d+", shown) and int(shown) == page, (title, shown, page)
            checked += 1
    assert checked >= 20 and len(set(outline.values())) > 10  # the headings really are spread over pages


def _flat(items):
    for o in items:
        if isinstance(o, list):
            yield from _flat(o)
        else:
            yield o
