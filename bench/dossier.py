"""`btdesk bench dossier`: the final-assessment dossier against reportlab's page floor.

Two portfolios, built once with the services (as a year of use would) and kept on disk:
"year", a full BT year (~720 entries), and "large", the same year with 4,400 more activities.
Timed: `build_dossier` writing the PDF to a file (gather, lay out, finish, write it whole), the
function `btdesk dossier --out F` calls, on a copy of the cached portfolio (best of three for the
year). Baseline, in the same run: plain platypus Paragraphs in the dossier's two fonts filling
exactly as many pages — what reportlab itself needs for that many pages — so the ratio says
what the dossier costs over it.
"""
from __future__ import annotations

import functools
import gc
import io
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bench.cache import cached, scratch_dir

if TYPE_CHECKING:
    from btdesk.services.bt import Placement
    from btdesk.services.portfolio import Portfolio

VERSION = "dossier-1"
PASS = "benchmark passphrase"
TODAY = date(2028, 1, 15)
# (days of daily entries, extra activities beyond them): the year has ~720 entries
SIZES = {"year": (366, 0), "large": (366, 4_400), "quick": (10, 0)}
GOALS = {"year": 1.0, "large": 4.0, "quick": None}
GOAL_RATIO = 3.0

DELMAL = [f"BT{i}" for i in range(1, 19)]
INSTRUMENTS = ["mini_cex", "dops", "cbd", "medsittning"]


def _one_day(p: Portfolio, pl: Placement, interval: int, d: date, rng: random.Random, home: Path) -> int:
    """One day's entries of the benchmark year; returns how many were written."""
    from btdesk.services import entries
    from btdesk.services.demo import ACTIONS, TOPICS

    delmal, instruments, n = DELMAL, INSTRUMENTS, 0
    for _ in range(2 if d.weekday() < 5 else 0):  # clinical learning notes on working days
        entries.save_activity(p, type="clinical", title=f"Patientfall: {rng.choice(TOPICS).lower()}",
                              date=d, hours=1, delmal=rng.sample(delmal, 2), placement=pl.id,
                              notes="Handläggning diskuterad med handledaren; lärdom noterad.")
        n += 1
    if d.weekday() == 1:  # a weekly reflection
        entries.save_reflection(p, text="Veckans lärdom: " + rng.choice(TOPICS).lower() + ". Jag vill "
                                "fortsätta träna på strukturerad återkoppling.", date=d,
                                delmal=rng.sample(delmal, 1))
        n += 1
    if d.weekday() == 3 and d.day <= 7:  # a monthly course certificate or note as a document
        f = home.parent / f"intyg-{d.isoformat()}.pdf"  # attachments are PDF, PNG or JPEG by content
        f.write_bytes(b"%PDF-1.4\n" + f"Intyg {d.isoformat()}: deltagit i regional utbildningsdag.".encode())
        entries.add_document(p, f, title=f"Intyg utbildningsdag {d.isoformat()}", date=d,
                             delmal=rng.sample(delmal, 1), placement=pl.id)
        n += 1
    if d.weekday() == 2:
        entries.save_activity(p, type="teaching", title="Undervisningseftermiddag", date=d, hours=3,
                              delmal=rng.sample(delmal, 2), placement=pl.id)
        n += 1
    if (d - pl.start).days % interval == interval - 1:
        entries.save_talk(p, date=d, placement=pl.id, participants=[pl.supervisor],
                          topics=rng.sample(TOPICS, 2), notes="Genomgång av veckan.",
                          agreed_actions=rng.sample(ACTIONS, 1), delmal=rng.sample(delmal, 1))
        n += 1
    if d.weekday() == 4 and d.day % 2:
        p.put("assessment", {
            "instrument": rng.choice(instruments), "placement": pl.id, "date": d.isoformat(),
            "delmal": rng.sample(delmal, 2), "ratings": {"kommunikation": rng.randint(4, 9),
                                                         "klinisk bedömning": rng.randint(4, 9)},
            "text": {"went_well": "Tydlig struktur i mötet.", "improve": "Sammanfatta oftare.",
                     "action": "Ny bedömning om två veckor."}})
        n += 1
    return n


def build_year(home: Path, passphrase, days: int = 366) -> tuple[object, int]:
    """A BT year of entries; with fewer `days`, only the first days' daily entries (a smoke test)."""
    from btdesk.services import bt, entries
    from btdesk.services.demo import COURSES, SEMINARS
    from btdesk.services.portfolio import Portfolio
    from btdesk.timeutil import add_months

    rng = random.Random(2027)
    p = Portfolio.create(home, name="Amira Haddad", role="doctor", programme_id="stockholm", passphrase=passphrase)
    start = date(2027, 1, 1)
    bt.set_bt(p, start=start, huvudhandledare="Dr Karin Lind, Capio Sankt Görans sjukhus")
    plan = [("akut_sjukvard", "Södersjukhuset, akutmottagningen", "Dr Erik Berg", 4),
            ("allmanmedicin", "Vårdcentralen Gubbängen", "Dr Sara Nilsson", 4),
            ("geriatrik", "Dalens sjukhus, geriatriken", "Dr Olof Ek", 2),
            ("psykiatri", "Psykiatri Södra Stockholm", "Dr Maria Holm", 2)]
    pls, cur = [], start
    for kind, site, sup, months in plan:
        end = add_months(cur, months) - timedelta(days=1)
        pls.append(bt.add_placement(p, kind=kind, site=site, supervisor=sup, start=cur, end=end))
        cur = end + timedelta(days=1)
    delmal = DELMAL
    n = 0
    for pl in pls:
        kind = p.programme.kind(pl.kind)
        d = pl.start
        while d <= min(pl.end, start + timedelta(days=days)):
            n += _one_day(p, pl, kind.supervision_interval_days, d, rng, home)
            d += timedelta(days=1)
        entries.save_talk(p, date=pl.end, type="handover", placement=pl.id,
                          participants=[pl.supervisor, "Dr Karin Lind"], topics=["Sammanfattande bedömning"])
        n += 1
    for i, (title, hours, dm) in enumerate(COURSES):
        entries.save_activity(p, type="course", title=title, date=start + timedelta(days=20 + 40 * i), hours=hours,
                              delmal=dm, placement=pls[i % len(pls)].id)
        n += 1
    for i, (title, dm) in enumerate(SEMINARS):
        entries.save_activity(p, type="seminar", title=title, date=start + timedelta(days=30 + 50 * i), hours=2,
                              delmal=dm, placement=pls[i % len(pls)].id)
        n += 1
    # the doctor curates half the delmål: the five most recent assessments each
    for dm in delmal[::2]:
        ids = [r.id for r in p.records("assessment") if dm in r.body.get("delmal", [])][-5:]
        if ids:
            entries.choose_evidence(p, dm, ids)
            n += 1
    return p, n


FLOOR_TEXT = ("Bastjänstgöringen omfattar placeringar inom akut sjukvård, primärvård, geriatrik och psykiatri. "
              "Läkaren dokumenterar lärandeaktiviteter, bedömningar och handledningssamtal. ") * 3


FLOOR_FONTS = ("BenchFloorSans", "BenchFloorSans-Bold")


@functools.cache
def _floor_styles() -> tuple[object, object]:
    """The dossier's body and heading styles in the dossier's font files, registered as reportlab's
    plain TTFonts (the dossier's own font objects remember the texts they split; the floor is
    reportlab as it comes)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from btdesk.reports.styles import styles
    from btdesk.resources import resource_path

    for name, file in zip(FLOOR_FONTS, ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), strict=True):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    st = styles()
    return (ParagraphStyle("floor_body", st.body, fontName=FLOOR_FONTS[0]),
            ParagraphStyle("floor_h2", st.h2, fontName=FLOOR_FONTS[1]))


def _floor_story(n: int) -> list:
    """`n` plain platypus Paragraphs in the dossier's two font files: body text in DejaVu Sans and,
    every eighth, a heading in DejaVu Sans Bold (both embedded as subsets, as in the dossier)."""
    from reportlab.platypus import Paragraph

    body, h2 = _floor_styles()
    return [Paragraph(f"Avsnitt {i // 8 + 1}", h2) if i % 8 == 0 else Paragraph(FLOOR_TEXT, body)
            for i in range(n)]


def _floor_count(pages: int) -> int:
    """How many of the floor's paragraphs end on its first `pages` pages (found untimed): that
    many fill exactly as many pages as the dossier has. A paragraph split over a page break is
    drawn as two parts, one after the other (each shorter than a page): it ends with its second."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    story = _floor_story(pages * 12 + 12)
    kept = list(story)  # the build empties `story`: kept alive, no id is given to a part
    whole = {id(f) for f in kept}
    ends: list[int] = []
    half = [False]

    class Probe(SimpleDocTemplate):
        def afterFlowable(self, flowable) -> None:
            if id(flowable) in whole:
                ends.append(self.page)
            elif isinstance(flowable, Paragraph):  # a part: the second of a pair ends its paragraph
                if half[0]:
                    ends.append(self.page)
                half[0] = not half[0]

    Probe(io.BytesIO(), initialFontName=FLOOR_FONTS[0]).build(story)
    del kept
    if ends[-1] <= pages:
        raise RuntimeError(f"the floor's probe filled only {ends[-1]} of {pages} pages")
    return sum(1 for page in ends if page <= pages)


def plain_rate(pages: int) -> tuple[float, float, int]:
    """reportlab alone: plain platypus Paragraphs in the dossier's fonts filling exactly `pages`
    pages of a SimpleDocTemplate; wall and CPU seconds and the pages made."""
    from reportlab.platypus import SimpleDocTemplate

    from btdesk.reports.layout import gc_paused

    flow = _floor_story(_floor_count(pages))
    gc.collect()  # no collection of what ran before falls into the timed build
    with gc_paused():  # as the dossier is built: neither pays for the collector
        t, c = time.perf_counter(), time.process_time()
        doc = SimpleDocTemplate(io.BytesIO(), initialFontName=FLOOR_FONTS[0])
        doc.build(flow)
        return time.perf_counter() - t, time.process_time() - c, doc.page


def _build(work: Path, days: int, extra_activities: int) -> None:
    """The year (and for the large size, many more activities) built in memory, then copied."""
    import shutil

    from btdesk.services import entries

    scratch = scratch_dir()
    try:
        p, n = build_year(scratch / "home", lambda _: PASS, days)
        try:
            pls = [r.id for r in p.records("placement")]
            for i in range(extra_activities):
                entries.save_activity(p, type="clinical", title=f"Patientfall {i}: handläggning i akuten",
                                      date=date(2027, 1, 1) + timedelta(days=i % 365), hours=1,
                                      delmal=[f"BT{1 + i % 18}", f"BT{1 + (i * 7) % 18}"], placement=pls[i % 4],
                                      notes="Diskuterat med handledaren." if i % 3 == 0 else "")
        finally:
            p.close()
        shutil.copytree(scratch / "home", work / "home")
        (work / "entries").write_text(str(n + extra_activities), encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def time_dossier(size: str, cache: Path | None, repeats: int, out) -> dict:
    """Open a copy of the cached portfolio; time build_dossier writing the PDF to a file, as
    `btdesk dossier --out F` does, and right after each the page floor for as many pages, so that
    both see the same load; the best of `repeats` of each. Wall and CPU seconds both: on a shared
    machine the CPU time's ratio moves much less. The first build is also told apart: it is
    the one a `btdesk dossier` process makes, with reportlab's and the PDF tools' first use."""
    import shutil

    from btdesk.services.dossier import build_dossier, gather
    from btdesk.services.portfolio import Portfolio

    root, built = cached(f"{VERSION}-{size}", lambda w: _build(w, *SIZES[size]), cache, out)
    runs, floors = [], []
    with tempfile.TemporaryDirectory(prefix="btdesk-bench-") as tmp:
        shutil.copytree(root / "home", Path(tmp) / "home")
        pdf = Path(tmp) / "dossier.pdf"
        p = Portfolio.open(Path(tmp) / "home")
        try:
            for _ in range(repeats):
                gc.collect()
                t, c = time.perf_counter(), time.process_time()
                pages = build_dossier(p, pdf, today=TODAY)  # what `btdesk dossier --out F` runs
                runs.append((time.perf_counter() - t, time.process_time() - c, pages, pdf.stat().st_size))
                floors.append(plain_rate(pages))
            t = time.perf_counter()
            gather(p, TODAY)  # its share, told apart
            t_gather = time.perf_counter() - t
        finally:
            p.close()
    first_s, first_cpu = runs[0][:2]
    total, _cpu, pages, size_bytes = min(runs)
    cpu = min(r[1] for r in runs)
    base_s, base_cpu = min(f[0] for f in floors), min(f[1] for f in floors)
    if {f[2] for f in floors} != {pages}:
        raise RuntimeError(f"the floor made {sorted({f[2] for f in floors})} pages, the dossier {pages}")
    return {"entries": int((root / "entries").read_text()), "pages": pages, "seconds": round(total, 3),
            "cpu_s": round(cpu, 3), "gather_s": round(t_gather, 3), "pages_per_s": round(pages / total, 1),
            "bytes": size_bytes, "first_s": round(first_s, 3), "first_cpu_s": round(first_cpu, 3),
            "baseline": {"what": f"plain platypus Paragraphs in the dossier's two fonts, as many pages "
                                 f"(best of {repeats})",
                         "pages": pages, "seconds": round(base_s, 3), "cpu_s": round(base_cpu, 3)},
            "ratio": round(total / base_s, 2), "cpu_ratio": round(cpu / base_cpu, 2),
            "goal_s": GOALS[size], "goal_ratio": GOAL_RATIO if size == "year" else None,
            "fixture_built_s": None if built is None else round(built, 1)}


def run(sizes: tuple[str, ...] = ("year", "large"), *, cache: Path | None = None, repeats: int = 5,
        out=print) -> dict:
    res = {}
    for size in sizes:
        r = res[size] = time_dossier(size, cache, repeats if size == "year" else 2, out)
        out(f"{size}: {r['entries']} entries → {r['pages']} pages in {r['seconds']:.2f} s "
            f"(gather {r['gather_s']:.2f} s), {r['pages_per_s']:.0f} pages/s, {r['bytes'] / 1e6:.1f} MB; "
            f"the first in this process {r['first_s']:.2f} s, CPU {r['first_cpu_s']:.2f} s")
        out(f"{size}: plain platypus, {r['baseline']['pages']} pages: {r['baseline']['seconds']:.2f} s → "
            f"the dossier takes {r['ratio']}× the page floor (CPU time: {r['cpu_s']:.2f} s against "
            f"{r['baseline']['cpu_s']:.2f} s, {r['cpu_ratio']}×)"
            + (f" (goal ≤ {r['goal_s']} s" if r["goal_s"] else "")
            + (f" and ≤ {GOAL_RATIO}× the floor)" if r["goal_ratio"] else ")" if r["goal_s"] else ""))
    return res


if __name__ == "__main__":
    run()
