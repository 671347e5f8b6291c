"""`btdesk demo`: a realistic doctor five months into BT (Region Stockholm's programme).

Dates are relative to today so the demo is always "five months in". The random generator is
seeded, so two demos made on the same day are the same.
"""
from __future__ import annotations

import os
import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from btdesk.services import bt, entries
from btdesk.services.bt import Placement
from btdesk.services.leave import add_leave
from btdesk.services.portfolio import PassphraseSource, Portfolio
from btdesk.timeutil import add_months

DEMO_PASSPHRASE = "btdesk-demo"  # documented in README; a demo holds no real data

COURSES = [
    ("ALS – avancerad hjärt-lungräddning", 8, ["BT1"]),
    ("Akut omhändertagande av traumapatient (ATLS-introduktion)", 6, ["BT1", "BT10"]),
    ("Läkemedelsgenomgångar hos äldre", 3, ["BT15", "BT1"]),
    ("Suicidriskbedömning i praktiken", 4, ["BT2"]),
    ("Kommunikation: svåra samtal", 4, ["BT9", "BT17"]),
    ("Intygsskrivning och lagstiftning", 3, ["BT16", "BT18", "BT3"]),
    ("Vårdhygien och antibiotikaanvändning", 2, ["BT13", "BT15"]),
    ("Patientsäkerhet och avvikelsehantering", 3, ["BT6"]),
]
SEMINARS = [
    ("Journalklubb: sepsis i akuten", ["BT1", "BT7"]),
    ("Fallseminarium: bröstsmärta", ["BT1"]),
    ("Etikseminarium: prioriteringar", ["BT8", "BT4"]),
    ("Seminarium: multisjuka äldre", ["BT15", "BT1"]),
    ("Seminarium: barn med feber", ["BT12"]),
    ("Ledarskap i vården", ["BT10"]),
]
TOPICS = [
    "Prioritering på akutmottagningen", "Egen arbetsbelastning", "Återkoppling på Mini-CEX",
    "Läkemedelsgenomgång", "Svåra samtal med anhöriga", "Journalföring", "Lärandemål för placeringen",
    "Handläggning av bröstsmärta", "Samverkan med sjuksköterskor",
]
ACTIONS = [
    "Göra två DOPS före nästa samtal", "Läsa SBU-rapport om sepsis", "Be om medsittning",
    "Skriva reflektion om svårt samtal", "Anmäla mig till ALS-kursen", "Boka CbD med handledaren",
]


def passphrase_for_demo() -> PassphraseSource:
    return lambda _prompt: os.environ.get("BTDESK_PASSPHRASE", DEMO_PASSPHRASE)


def create_demo(home: Path, role: str = "doctor", passphrase: PassphraseSource | None = None,
                today: date | None = None, progress: Callable[[int, int], None] | None = None) -> Portfolio:
    """`progress(done, total)` is told each step; it may raise (btdesk.errors.Cancelled) to stop,
    and then no portfolio is left behind (the creation is all-or-nothing)."""
    passphrase = passphrase_for_demo() if passphrase is None else passphrase
    today = today or date.today()
    step = progress or (lambda _done, _total: None)
    if role == "doctor":
        def fill(p: Portfolio) -> None:  # inside the creation: a half-filled demo never appears
            from btdesk.services.demo_assessments import add_demo_assessments

            step(1, 4)
            fill_doctor(p, today)
            step(2, 4)
            # Dr Erik Berg's real signed assessments, made through the real request/response path
            add_demo_assessments(p, Path(home).expanduser() / "demo-handledare", today=today)
            step(3, 4)

        step(0, 4)
        return Portfolio.create(home, name="Amira Haddad", role="doctor", programme_id="stockholm",
                                passphrase=passphrase, initial=fill)
    if role == "supervisor":
        from btdesk.services.demo_supervisor import supervisor_filler

        step(0, 4)
        return Portfolio.create(home, name="Erik Berg", role="supervisor", programme_id="stockholm",
                                passphrase=passphrase, initial=supervisor_filler(today, step))
    from btdesk.services.demo_unit import unit_filler

    step(0, 5)
    return Portfolio.create(home, name="Region Stockholm BT-enheten", role="unit", programme_id="stockholm",
                            passphrase=passphrase, initial=unit_filler(today, step))


def fill_doctor(p: Portfolio, today: date) -> None:
    rng = random.Random(today.toordinal())
    start = add_months(today.replace(day=1), -5)
    bt.set_bt(p, start=start, percent=100, huvudhandledare="Dr Karin Lind, Capio Sankt Görans sjukhus")
    plan = [
        ("akut_sjukvard", "Södersjukhuset, akutmottagningen", "Dr Erik Berg", 4),
        ("allmanmedicin", "Vårdcentralen Gubbängen", "Dr Sara Nilsson", 4),
        ("geriatrik", "Dalens sjukhus, geriatriken", "Dr Olof Ek", 2),
        ("psykiatri", "Psykiatri Södra Stockholm", "Dr Maria Holm", 2),
    ]
    kinds = {k.id for k in p.programme.placement_kinds}
    placements, cursor = [], start
    for kind, site, sup, months in plan:
        if kind not in kinds:
            continue
        end = add_months(cursor, months) - timedelta(days=1)
        placements.append(bt.add_placement(p, kind=kind, site=site, supervisor=sup, start=cursor, end=end))
        cursor = end + timedelta(days=1)
    # a week off sick in the second month: leave is not service, so the plan runs a week longer
    sick = add_months(start, 1) + timedelta(days=7)
    add_leave(p, type="sjukfranvaro", start=sick, end=sick + timedelta(days=6), percent=100)

    for pl in placements:
        if pl.start <= today:
            _fill_placement(p, pl, today, rng)
    served = [pl for pl in placements if pl.start <= today]
    for i, (title, hours, dm) in enumerate(COURSES[:6]):
        pl = served[i % len(served)]
        day = min(pl.start + timedelta(days=10 + 9 * i), today)
        entries.save_activity(p, type="course", title=title, date=day, hours=hours, delmal=dm, placement=pl.id)
    for i, (title, dm) in enumerate(SEMINARS):
        pl = served[i % len(served)]
        entries.save_activity(p, type="seminar", title=title, date=min(pl.start + timedelta(days=20 + 5 * i), today),
                              hours=2, delmal=dm, placement=pl.id)
    entries.save_activity(p, type="self_study", title="Läst Akut internmedicin, kapitel om bröstsmärta",
                          date=today - timedelta(days=30), hours=5, delmal=["BT1"], placement=served[-1].id)
    cert = _demo_certificate(p.home)
    doc, _ = entries.add_document(p, cert, title="Kursintyg ALS", date=start + timedelta(days=10),
                                  delmal=["BT1"], placement=placements[0].id)
    cert.unlink()
    entries.save_reflection(p, text="ALS-kursen gav mig struktur i hjärtstopp; jag vill träna mer på teamledning.",
                            date=start + timedelta(days=11), links=[doc.id], delmal=["BT1", "BT10"])


def _fill_placement(p: Portfolio, pl: Placement, today: date, rng: random.Random) -> None:
    """Talks at the programme's rhythm, a handover, teaching and ticked checklist items."""
    until = min(pl.end, today - timedelta(days=1))
    kind = p.programme.kind(pl.kind)
    # supervision talks at the programme's rhythm, a few skipped as in real life
    d = pl.start + timedelta(days=kind.supervision_interval_days - 1)
    while d <= until:
        if rng.random() > 0.15:
            entries.save_talk(p, date=d, placement=pl.id, participants=[pl.supervisor],
                              topics=rng.sample(TOPICS, 2), notes="Genomgång av veckan och lärandemål.",
                              agreed_actions=rng.sample(ACTIONS, 1))
        d += timedelta(days=kind.supervision_interval_days)
    if pl.end < today:
        entries.save_talk(p, date=pl.end, type="handover", placement=pl.id,
                          participants=[pl.supervisor, "Dr Karin Lind", "Dr Sara Nilsson"],
                          topics=["Sammanfattande bedömning", "Mål för nästa placering"],
                          notes="Överlämning inför nästa placering; checklistan gicks igenom.",
                          agreed_actions=["Fokusera på konsultationsteknik i primärvården"])
    # weekly teaching afternoons and clinical activities
    d = pl.start + timedelta(days=2)
    while d <= until:
        entries.save_activity(p, type="teaching", title="Undervisningseftermiddag", date=d, hours=3,
                              delmal=rng.sample([f"BT{i}" for i in range(1, 19)], 2), placement=pl.id)
        d += timedelta(days=7)
    for item in kind.checklist[: max(1, len(kind.checklist) * 2 // 3)]:
        if item.type != "assessment" and rng.random() < 0.8:
            r, _ = entries.save_activity(p, type="clinical", title=item.text[:120], date=until,
                                         delmal=item.delmal, placement=pl.id)
            entries.tick_checklist(p, placement=pl.id, item=item.id, date=until, evidence=[r.id])


def _demo_certificate(home: Path) -> Path:
    """A small real PDF so that the demo's document opens in a viewer."""
    from btdesk.reports.course_certificate import CourseCertificate, render

    path = home / "Kursintyg-ALS.pdf"
    render(CourseCertificate("Kursintyg – ALS, avancerad hjärt-lungräddning",
                             ("Amira Haddad har genomgått kursen med godkänt resultat (8 timmar).",
                              "Svenska HLR-rådet, kursledare: Dr Per Åström")), path)
    return path
