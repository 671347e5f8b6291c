"""Socialstyrelsen's certificates (Bilaga 1–4): what each may truthfully say, by the official
form's field names, then printed as btdesk's look-alike or into the user's own copy of the form.

A certificate states only what the portfolio shows by the date printed: Bilaga 3 lists served
time only and is refused until the BT is completed (its statement says it is); Bilaga 2 and 4
are refused while their delmål lack trusted evidence. Each refused one can be printed as a
draft, watermarked "UTKAST". Bilaga 1 makes no claim of its own.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from btdesk.errors import BtdeskError
from btdesk.i18n import _, months_shown
from btdesk.programme.model import MIN_AKUT_MONTHS, MIN_PRIMARVARD_MONTHS, MIN_TOTAL_MONTHS
from btdesk.reports import official_forms as of
from btdesk.reports.data import CertificateData, Continuation
from btdesk.reports.util import yymmdd
from btdesk.services import certificate_details as details
from btdesk.services import certificate_text as text
from btdesk.services.certificate_evidence import Evidence, gather_evidence
from btdesk.services.personnummer import normalize
from btdesk.services.portfolio import Portfolio
from btdesk.services.time_served import TimeServed

KINDS = ("bilaga1", "bilaga2", "bilaga3", "bilaga4")
# which options each certificate uses: an option given to a form that has no place for it is refused
USES = {
    "bilaga1": {"applicant_personnummer", "place_date"},
    "bilaga2": {"delmal", "activities", "checked", "signer_name", "specialty", "workplace", "personnummer",
                "applicant_personnummer", "bilaga_nr", "place_date"},
    "bilaga3": {"signer_name", "workplace", "applicant_personnummer", "bilaga_nr", "place_date"},
    "bilaga4": {"signer_name", "specialty", "workplace", "personnummer", "external_name", "external_specialty",
                "external_workplace", "external_personnummer", "applicant_personnummer", "bilaga_nr",
                "place_date"},
}


@dataclass
class Options:
    """What the user chose for this printing; None means "as stored in the portfolio"."""
    delmal: list[str] = field(default_factory=list)
    activities: str | None = None
    checked: str | None = None
    signer_name: str | None = None
    specialty: str | None = None
    workplace: str | None = None
    personnummer: str | None = None
    external_name: str | None = None
    external_specialty: str | None = None
    external_workplace: str | None = None
    external_personnummer: str | None = None
    applicant_personnummer: str | None = None
    bilaga_nr: str | None = None
    place_date: str | None = None
    draft: bool = False

    def given(self) -> set[str]:
        return {k for k, v in vars(self).items() if k != "draft" and v not in (None, [], "")}


class Refused(BtdeskError):
    """The portfolio does not show what this certificate would state."""


def _check_options(kind: str, o: Options) -> None:
    if kind not in KINDS:
        raise BtdeskError(_("Okänt intyg {kind}; välj {known}.").format(kind=kind, known=", ".join(KINDS)))
    extra = sorted(o.given() - USES[kind])
    if extra:
        flag = "--" + extra[0].replace("_", "-")
        n = of.NUMBERS[kind]
        raise BtdeskError(_("Bilaga {n} har ingen plats för {flag}.").format(n=n, flag=flag))


def _applicant(p: Portfolio, o: Options) -> dict[str, str]:
    a = details.load(p).applicant
    pnr = normalize(o.applicant_personnummer) if o.applicant_personnummer else a.personnummer
    return {of.SURNAME: a.surname, of.GIVEN_NAME: a.given_name, of.PERSONNUMMER: pnr}


def _signer(p: Portfolio, name: str, specialty: str | None, workplace: str | None,
            pnr: str | None) -> details.Signer:
    s = details.load(p).signer(name) if name else details.Signer("")
    return details.Signer(s.name, s.specialty if specialty is None else specialty,
                          s.workplace if workplace is None else workplace,
                          s.personnummer if pnr is None else normalize(pnr))


def _signer_values(s: details.Signer, names: tuple[str, str, str, str, str], place_date: str) -> dict[str, str]:
    return dict(zip(names, (place_date, s.name, s.personnummer, s.specialty, s.workplace), strict=True))


def bilaga1(p: Portfolio, o: Options) -> dict[str, str]:
    a = details.load(p).applicant
    v = dict(zip(of.B1_FIELDS, (a.surname, a.given_name, a.personnummer, a.address, a.postcode, a.city,
                                a.phone_private, a.email, a.workplace, a.phone_work), strict=True))
    if o.applicant_personnummer:
        v[of.PERSONNUMMER] = normalize(o.applicant_personnummer)
    v["Land"], v["Datum ååmmdd"] = a.degree_country, yymmdd(a.degree_date) if a.degree_date else ""
    for (land, datum), (country, day) in zip(of.B1_LICENCES, a.licences, strict=False):  # fewer licences than rows
        v[land], v[datum] = country, yymmdd(day) if day else ""
    v.update(zip(of.B1_ATTACHMENTS, a.attachment_numbers, strict=True))
    v[of.PLACE_DATE] = o.place_date or ""
    return v


def refusal(ev: Evidence, delmal: list[str], kind: str) -> str | None:
    """Why the certificate cannot be issued yet, in one sentence, or None."""
    missing = [d for d in delmal if not ev.evidenced(d)]
    if not missing:
        return None
    listed = ", ".join(missing) if len(missing) <= 6 else ", ".join(missing[:6]) + " …"
    return _("Bilaga {n} kan inte utfärdas: {missing} av {all} delmål ({listed}) har ännu inga bedömningar med "
             "betrodd signatur; skriv ut med --draft för ett utkast.").format(
        n=of.NUMBERS[kind], missing=len(missing), all=len(delmal), listed=listed)


def not_completed(ts: TimeServed) -> str | None:
    """Why Bilaga 3 cannot be issued yet, or None. Its statement says the BT *has been completed*
    ("har fullgjort bastjänstgöring"): true only once the programme's time and HSLF-FS 2021:8's
    minimums are served, by the certificate's date. The sentence names only what is missing
    (fourteen months served without primärvård is not "14,0 av 12,0 månader")."""
    if ts.completed_on and ts.minimums_on:
        return None
    short = []
    if not ts.completed_on:
        short.append(_("{served} av {of} månader tjänstgjorda").format(
            served=months_shown(ts.served), of=months_shown(ts.programme_months)))
    for name, got, least in ((_("primärvård"), ts.primarvard, MIN_PRIMARVARD_MONTHS),
                             (_("akut sjukvård"), ts.akut, MIN_AKUT_MONTHS)):
        if got < least:
            short.append(_("{name} {got} av minst {least} månader").format(
                name=name, got=months_shown(got), least=least))
    if not short and ts.served < MIN_TOTAL_MONTHS:
        short.append(_("{served} av minst {least} månader tjänstgjorda").format(
            served=months_shown(ts.served), least=MIN_TOTAL_MONTHS))
    return _("Bilaga 3 kan inte utfärdas: den intygar att bastjänstgöringen är fullgjord, men ännu inte ({short}); "
             "skriv ut med --draft för ett utkast.").format(short=", ".join(short))


def judged_not_achieved(p: Portfolio, ts: TimeServed) -> str | None:
    """Bilaga 4 has both assessors state that every delmål is achieved: not while the final
    assessment held in the portfolio says otherwise."""
    from btdesk.services.completion import completion

    if completion(p, ts).outcome != "ej_uppnatt":
        return None
    return _("Bilaga 4 kan inte utfärdas: slutbedömningen säger att sökanden ännu inte har uppnått samtliga "
             "delmål; skriv ut med --draft för ett utkast.")


def _wanted_delmal(p: Portfolio, o: Options) -> list[str]:
    known = [d.id for d in p.programme.delmal]
    wanted = list(dict.fromkeys(x.strip().upper() for x in o.delmal if x.strip()))
    bad = [x for x in wanted if x not in known]
    if bad:
        raise BtdeskError(_("Okänt delmål {bad}; använd {first}–{last}.").format(
            bad=", ".join(bad), first=known[0], last=known[-1]))
    if not wanted:
        raise BtdeskError(_("Ange vilka delmål intyget avser, t.ex. --delmal BT1."))
    return [d for d in known if d in wanted]  # the programme's order


def bilaga2(p: Portfolio, o: Options, ev: Evidence) -> tuple[dict[str, str], list[Continuation]]:
    wanted = _wanted_delmal(p, o)
    several = len(wanted) > 1
    done = [(d, text.service_lines(ev.placements_for(d)) + text.activity_lines(ev.activities(d))) for d in wanted]
    acts = text.fit(o.activities.splitlines() if o.activities is not None else text.per_delmal(done, several))
    checks = text.fit(o.checked.splitlines() if o.checked is not None else
                      text.per_delmal([(d, text.check_lines(ev.assessments(d))) for d in wanted], several))
    assessors = Counter(it.signer for d in wanted for it in ev.assessments(d))
    name = o.signer_name if o.signer_name is not None else (assessors.most_common(1)[0][0] if assessors else "")
    s = _signer(p, name, o.specialty, o.workplace, o.personnummer)
    v = {**_applicant(p, o), of.B2_DELMAL: ", ".join(wanted), of.B2_ACTIVITIES: acts.shown,
         of.B2_CHECKS: checks.shown, of.BILAGA_NR: o.bilaga_nr or "",
         **_signer_values(s, (of.PLACE_DATE, of.NAME_CLARIFIED, of.SIGNER_PNR, of.SPECIALTY, of.WORKPLACE),
                          o.place_date or "")}
    more = [Continuation("Utbildningsaktiviteter (fortsättning)", acts.rest)] if acts.rest else []
    more += [Continuation("Hur det kontrollerats (fortsättning)", checks.rest)] if checks.rest else []
    return v, more


def bilaga3(p: Portfolio, o: Options, ev: Evidence) -> tuple[dict[str, str], list[Continuation]]:
    rows = text.served_rows(ev.placements)
    v = {**_applicant(p, o), of.BILAGA_NR: o.bilaga_nr if o.bilaga_nr is not None
         else details.load(p).applicant.attachment_numbers[1]}
    # more periods than the form has rows: its last row says where the list goes on, as Bilaga 2's
    # fields do, so that nobody adds up the printed rows against the Summa of them all
    on_form = rows if len(rows) <= of.B3_ROWS else [*rows[:of.B3_ROWS - 1], (text.SEE_ATTACHMENT, "", "", "")]
    for n, row in enumerate(on_form, start=1):
        v.update(zip(of.b3_row(n), row, strict=True))
    more = [Continuation("Tjänsteförteckning (fortsättning)",
                         "\n".join(" · ".join(r) for r in rows[of.B3_ROWS - 1:]))] if len(rows) > of.B3_ROWS else []
    v[of.B3_SUM] = text.served_sum(ev.placements) if rows else ""
    v[of.B3_PRIMARVARD] = text.part_text(ev.placements, ev.counts_as, "primarvard")
    v[of.B3_AKUT] = text.part_text(ev.placements, ev.counts_as, "akut")
    s = _signer(p, o.signer_name if o.signer_name is not None else details.load(p).role("verksamhetschef"),
                None, o.workplace, None)
    v.update({of.PLACE_DATE: o.place_date or "", of.NAME_CLARIFIED: s.name, of.WORKPLACE: s.workplace})
    return v, more


def bilaga4(p: Portfolio, o: Options, ev: Evidence) -> dict[str, str]:
    d = details.load(p)
    hh = o.signer_name if o.signer_name is not None else (d.role("huvudhandledare") or ev.huvudhandledare)
    first = _signer(p, hh, o.specialty, o.workplace, o.personnummer)
    ext = o.external_name if o.external_name is not None else d.role("extern_bedomare")
    second = _signer(p, ext, o.external_specialty, o.external_workplace, o.external_personnummer)
    return {**_applicant(p, o), of.BILAGA_NR: o.bilaga_nr if o.bilaga_nr is not None
            else d.applicant.attachment_numbers[2],
            **_signer_values(first, (of.PLACE_DATE, of.NAME_CLARIFIED, of.SIGNER_PNR, of.SPECIALTY, of.WORKPLACE),
                             o.place_date or ""),
            **_signer_values(second, of.B4_SECOND, o.place_date or "")}


def prepare(p: Portfolio, kind: str, o: Options, today: date | None = None) -> CertificateData:
    """The certificate's content, or Refused when the portfolio does not show it and no draft is asked."""
    _check_options(kind, o)
    today = today or date.today()
    more: list[Continuation] = []
    if kind == "bilaga1":
        values = bilaga1(p, o)
    else:
        ev = gather_evidence(p, today)
        if kind == "bilaga2":
            values, more = bilaga2(p, o, ev)
            why = refusal(ev, values[of.B2_DELMAL].split(", "), kind)
        elif kind == "bilaga3":
            values, more, why = *bilaga3(p, o, ev), not_completed(ev.time)
        else:
            values = bilaga4(p, o, ev)
            why = judged_not_achieved(p, ev.time) or refusal(ev, [d.id for d in p.programme.delmal], kind)
        if why and not o.draft:
            raise Refused(why)
    return CertificateData(kind, values, p.profile.name, today.isoformat(), o.draft, more)


def build_certificate(p: Portfolio, kind: str, out: Path, options: Options, *, form: Path | None = None,
                      today: date | None = None) -> CertificateData:
    """Print one certificate to `out` (written whole or not at all); returns what was printed."""
    from btdesk.fileutil import atomic_write

    data = prepare(p, kind, options, today)
    pdf = render(data, form)
    atomic_write(Path(out), pdf)
    return data


def render(data: CertificateData, form: Path | None) -> bytes:
    if form is None:
        from btdesk.reports.certificate import lookalike

        return lookalike(data)
    from btdesk.reports.acroform import fill

    try:
        raw = Path(form).read_bytes()
    except OSError as e:  # in the run's language (the system's strerror is English)
        from btdesk.failures import explain

        raise explain(e) or BtdeskError(_("Blanketten {form} går inte att läsa.").format(form=form)) from None
    return fill(raw, data)
