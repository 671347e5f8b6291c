"""A stand-in for Socialstyrelsen's fillable forms: one text field per official field name, with
"Bilagor nr" a parent field whose kids are 0–4, as dotted names are in a real AcroForm.
The official files are not ours to ship; these carry the same names."""
from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject
from reportlab.pdfgen import canvas

from btdesk.reports.official_forms import all_field_names


def build_form(kind: str, path: Path) -> Path:
    names = all_field_names(kind)
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(40, 810, f"Fixture form {kind}")
    x, y = 40, 780
    for name in names:
        flat = name.replace("Bilagor nr.", "KID")  # made hierarchical below
        c.acroForm.textfield(name=flat, x=x, y=y, width=250, height=14, fontSize=7, borderWidth=0.5,
                             fieldFlags="multiline" if len(name) > 60 else "")
        y -= 16
        if y < 40:
            x, y = x + 270, 780
            if x > 400:
                c.showPage()
                x, y = 40, 780
    c.showPage()
    c.save()
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    _nest_kids(w)
    with open(path, "wb") as f:
        w.write(f)
    return path


def _nest_kids(w: PdfWriter) -> None:
    form = w._root_object["/AcroForm"]
    kids, top = ArrayObject(), ArrayObject()
    parent = DictionaryObject({NameObject("/T"): TextStringObject("Bilagor nr"), NameObject("/FT"): NameObject("/Tx")})
    ref = w._add_object(parent)
    for f in form["/Fields"]:
        o = f.get_object()
        if str(o["/T"]).startswith("KID"):
            o[NameObject("/T")] = TextStringObject(str(o["/T"])[3:])
            o[NameObject("/Parent")] = ref
            kids.append(f)
        else:
            top.append(f)
    if kids:
        parent[NameObject("/Kids")] = kids
        top.append(ref)
    form[NameObject("/Fields")] = top


def field_values(path: Path) -> dict[str, str]:
    return {k: str(v.get("/V") or "") for k, v in (PdfReader(str(path)).get_fields() or {}).items()}
