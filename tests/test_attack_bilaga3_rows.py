"""More served periods than Bilaga 3's 18 rows (eleven months of single sick days cut the service into
26 periods): before, rows 1–18 were filled, the Summa counted all 26 periods, and nothing on the
form said that the list went on, so the rows a reader adds up fell short of the Summa. Now the
last row says "Fortsättning på bilagd sida", and the rows on the form and on the attached page
together add up to the Summa."""
from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

from acroform_fixture import build_form, field_values
from btdesk.reports import official_forms as of
from btdesk.services import bt, leave
from conftest import run_cli
from exchange_world import create

PLACEMENTS = [("akut_sjukvard", "Södersjukhuset", "2025-01-01", "2025-04-30"),
              ("allmanmedicin", "VC Gubbängen", "2025-05-01", "2025-08-31"),
              ("geriatrik", "Dalens sjukhus", "2025-09-01", "2025-10-31"),
              ("psykiatri", "Psykiatri Södra", "2025-11-01", "2026-02-28")]


def _hundredths(text: str) -> Fraction:
    whole, cents = text.split(",")
    return Fraction(int(whole) * 100 + int(cents), 100)


def test_periods_beyond_the_forms_rows_are_referred_to_and_add_up_to_the_summa(tmp_path: Path):
    p = create(tmp_path / "home", "Bo Ek", "doctor")
    bt.set_bt(p, start="2025-01-01")
    for kind, site, start, end in PLACEMENTS:
        bt.add_placement(p, kind=kind, site=site, start=start, end=end)
    for month in range(1, 12):  # two single days off a month: each cuts the service once more
        for day in (10, 20):
            leave.add_leave(p, type="sjukfranvaro", start=f"2025-{month:02d}-{day}", end=f"2025-{month:02d}-{day}")
    p.close()
    form, out = build_form("bilaga3", tmp_path / "form3.pdf"), tmp_path / "b3.pdf"
    r = run_cli("certificate", "bilaga3", "--form", str(form), "--out", str(out), home=tmp_path / "home")
    assert r.returncode == 0, r.stderr
    v = field_values(out)
    rows = [tuple(v.get(f, "") for f in of.b3_row(n)) for n in range(1, of.B3_ROWS + 1)]
    assert all(all(cells) for cells in rows[:-1])  # seventeen periods on the form
    assert rows[-1] == ("Fortsättning på bilagd sida (”Bilaga till intyget”).", "", "", "")
    attached = subprocess_text(out).split("Tjänsteförteckning (fortsättning)", 1)[1]
    more = re.findall(r"· (\d{6}-\d{6}) · \d+ · (\d+,\d\d)", attached)
    assert 17 + len(more) == len(PLACEMENTS) + 22  # each day off inside a placement splits it once
    printed = [_hundredths(cells[3]) for cells in rows[:-1]] + [_hundredths(m) for _, m in more]
    assert sum(printed) == _hundredths(v[of.B3_SUM])


def subprocess_text(pdf: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
