"""Benchmark: a full-year dossier (≥ 600 entries) against reportlab's plain-text page rate.

Run: `btdesk bench dossier` or `python -m bench.dossier`. The portfolio is built with the
services (as a year of use would), then the dossier is built and timed; reportlab's own
rate is measured in the same run on a plain platypus document of Paragraphs with the same
page count, so the figure says what the dossier's layout costs over reportlab itself.
"""
from __future__ import annotations

import io
import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

AIM_S = 2.0


def build_year(home: Path, passphrase) -> tuple[object, int]:
    from btdesk.services import bt, entries
    from btdesk.services.demo import ACTIONS, COURSES, SEMINARS, TOPICS
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
    delmal = [f"BT{i}" for i in range(1, 19)]
    instruments = ["mini_cex", "dops", "cbd", "medsittning"]
    n = 0
    for pl in pls:
        kind = p.programme.kind(pl.kind)
        d = pl.start
        while d <= pl.end:
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
                f = home.parent / f"intyg-{d.isoformat()}.txt"
                f.write_text(f"Intyg {d.isoformat()}: deltagit i regional utbildningsdag.", "utf-8")
                entries.add_document(p, f, title=f"Intyg utbildningsdag {d.isoformat()}", date=d,
                                     delmal=rng.sample(delmal, 1), placement=pl.id)
                n += 1
            if d.weekday() == 2:
                entries.save_activity(p, type="teaching", title="Undervisningseftermiddag", date=d, hours=3,
                                      delmal=rng.sample(delmal, 2), placement=pl.id)
                n += 1
            if (d - pl.start).days % kind.supervision_interval_days == kind.supervision_interval_days - 1:
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


def plain_rate(pages: int) -> tuple[float, int]:
    """reportlab alone: Paragraphs of plain text filling `pages` pages, same font."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from btdesk.reports.styles import styles

    st = styles()
    text = ("Bastjänstgöringen omfattar placeringar inom akut sjukvård, primärvård, geriatrik och psykiatri. "
            "Läkaren dokumenterar lärandeaktiviteter, bedömningar och handledningssamtal. ") * 3
    probe = SimpleDocTemplate(io.BytesIO(), initialFontName=st.font)
    probe.build([Paragraph(text, st.body) for _ in range(60)])
    per_page = 60 / probe.page  # how many of these paragraphs fill a page
    flow = [Paragraph(text, st.body) for _ in range(int(pages * per_page) - 1)]
    t = time.perf_counter()
    doc = SimpleDocTemplate(io.BytesIO(), initialFontName=st.font)
    doc.build(flow)
    return time.perf_counter() - t, doc.page


def run(out=print) -> dict:
    from btdesk.reports.dossier import render
    from btdesk.services.dossier import gather

    pw = os.environ.get("BTDESK_PASSPHRASE") or "benchmark passphrase"
    with tempfile.TemporaryDirectory(prefix="btdesk-bench-") as tmp:
        t = time.perf_counter()
        p, entries_n = build_year(Path(tmp) / "home", lambda _: pw)
        setup = time.perf_counter() - t
        try:
            render_start = time.perf_counter()
            data = gather(p, date(2028, 1, 15))
            t_gather = time.perf_counter() - render_start
            buf = io.BytesIO()
            pages = render(data, buf)
            total = time.perf_counter() - render_start
        finally:
            p.close()
    base_s, base_pages = plain_rate(pages)
    res = {"entries": entries_n, "pages": pages, "seconds": total, "gather_s": t_gather,
           "pages_per_s": pages / total, "plain_pages": base_pages, "plain_s": base_s,
           "plain_pages_per_s": base_pages / base_s, "bytes": len(buf.getvalue()), "setup_s": setup}
    out(f"portfolio: {entries_n} entries (built in {setup:.1f} s)")
    out(f"dossier:   {pages} pages in {total:.2f} s (gather {t_gather:.2f} s) = {res['pages_per_s']:.0f} pages/s, "
        f"{res['bytes'] / 1e6:.1f} MB")
    out(f"reportlab: {base_pages} plain-text pages in {base_s:.2f} s = {res['plain_pages_per_s']:.0f} pages/s")
    out(f"ratio:     {res['pages_per_s'] / res['plain_pages_per_s']:.2f} of reportlab's plain rate; "
        f"aim < {AIM_S:.0f} s: {'met' if total < AIM_S else 'NOT met'}")
    return res


if __name__ == "__main__":
    run()
