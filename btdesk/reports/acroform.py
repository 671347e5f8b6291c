"""Fill Socialstyrelsen's own fillable PDF by its AcroForm field names (pypdf).

pypdf: pure Python (nothing native to ship in the frozen app, unlike pikepdf's qpdf), well
kept, and it both writes appearance streams for the values and sets NeedAppearances, so the
filled fields show in every viewer and in pdftotext.

The form is a file the user picked: read as hostile input, with a size limit, and refused
in one sentence when it is not the form asked for.
"""
from __future__ import annotations

import io
import logging

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.reports import official_forms as of
from btdesk.reports.certificate import finish
from btdesk.reports.data import CertificateData

MAX_FORM_BYTES = 20 * 1024 * 1024  # Socialstyrelsen's forms are about 100 kB


def _unreadable(n: int) -> BtdeskError:
    return BtdeskError(_("Filen går inte att läsa som Socialstyrelsens blankett för Bilaga {n}.").format(n=n))


# pypdf warns on stderr of what it repairs in a damaged file ("EOF marker not found"); the
# user is owed one sentence, which the refusal above gives
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def form_fields(form: bytes, kind: str) -> set[str]:
    """The form's field names, after checking it is the fillable form for this Bilaga."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    n = of.NUMBERS[kind]
    if len(form) > MAX_FORM_BYTES:
        raise BtdeskError(_("Filen är för stor för att vara blanketten för Bilaga {n}.").format(n=n))
    try:
        reader = PdfReader(io.BytesIO(form))
        if reader.is_encrypted:
            raise _unreadable(n)
        names = set(reader.get_fields() or {})
    # a damaged or hostile file fails in pypdf's parser in these ways; each means "not the form"
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise _unreadable(n) from None
    if of.SIGNATURE_FIELDS[kind] not in names:
        raise BtdeskError(_("Filen är inte Socialstyrelsens ifyllbara blankett för Bilaga {n}.").format(n=n))
    return names


def fill(form: bytes, data: CertificateData) -> bytes:
    """The official form with every value in its field; refuses a form that lacks a field in use."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    names = form_fields(form, data.kind)
    missing = sorted(k for k, v in data.values.items() if v and k not in names)
    if missing:
        raise BtdeskError(_("Blanketten saknar fältet ”{missing}”; hämta den senaste från Socialstyrelsen.").format(
                              missing=missing[0]))
    try:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(form)))
        values = {k: v for k, v in data.values.items() if k in names}
        writer.update_page_form_field_values(None, values, auto_regenerate=True)
        writer.set_need_appearances_writer(True)  # viewers redraw the fields with their own fonts too
        out = io.BytesIO()
        writer.write(out)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise _unreadable(of.NUMBERS[data.kind]) from None
    return finish(out.getvalue(), data)
