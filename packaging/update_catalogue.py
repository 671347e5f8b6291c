"""Bring resources/locale/en/LC_MESSAGES/btdesk.po up to date with the core's `_("…")` sentences.

Run after adding or changing a sentence: new sentences get an empty English (which
tests/test_i18n.py then refuses until it is written); translations already written are kept.
Usage: .venv/bin/python packaging/update_catalogue.py
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "btdesk.po"


def written() -> dict[str, str]:
    if not PO.exists():
        return {}
    with PO.open("rb") as f:
        return {str(m.id): str(m.string) for m in read_po(f) if m.id and m.string}


def form_texts() -> set[str]:
    """The assessment forms' own texts (resources/forms/*.toml), shown through btdesk.i18n.data_text."""
    import tomllib

    out: set[str] = set()
    for path in sorted((ROOT / "resources" / "forms").glob("*.toml")):
        form = tomllib.loads(path.read_text(encoding="utf-8"))
        out |= {form.get("title", ""), form.get("intro", "")}
        for f in form.get("fields", []):
            out |= {f.get("label", ""), f.get("section", ""), f.get("help", ""), *f.get("options", [])}
            out |= {c.get("label", "") for c in f.get("categories", [])}
    return out - {""}


def sentences() -> list[str]:
    found = extract_from_dir(str(ROOT / "btdesk"), method_map=[("**.py", "python")], keywords={"_": None, "N_": None})
    return sorted({str(m[2][0] if isinstance(m[2], tuple) else m[2]) for m in found} | form_texts())


def _created() -> datetime | None:
    """The header's date as it was: a run that adds nothing changes nothing (and merges stay clean)."""
    if not PO.exists():
        return None
    with PO.open("rb") as f:
        return read_po(f).creation_date


def main() -> None:
    old = written()
    catalogue = Catalog(locale="en", domain="btdesk", project="btdesk", creation_date=_created())
    for s in sentences():
        catalogue.add(s, old.get(s, ""))
    for s, english in old.items():  # sentences passed to _() through a variable stay
        if s not in catalogue:
            catalogue.add(s, english)
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as f:
        write_po(f, catalogue, width=100, no_location=True, sort_output=True)
    missing = [str(m.id) for m in catalogue if m.id and not m.string]
    print(f"{len(catalogue)} sentences; without English: {len(missing)}")
    for s in missing:
        print("  " + s)


if __name__ == "__main__":
    main()
