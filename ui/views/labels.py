"""User-visible names for the core's ids, translatable (lupdate needs the literal calls)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

T = QCoreApplication


def form_name(programme: object, template: object) -> str:
    """An assessment form's title; in English the programme's English name for its instrument
    (the form files are Swedish only, and the signed form itself stays Swedish)."""
    from btdesk.errors import BtdeskError
    from btdesk.i18n import language

    instrument = getattr(template, "instrument", None)
    if language() == "en" and instrument and programme is not None:
        try:
            return str(programme.instrument(instrument).name_in("en"))  # type: ignore[attr-defined]
        except BtdeskError:  # a form for an instrument this programme does not have
            pass
    return str(getattr(template, "title", ""))


def activity_types() -> dict[str, str]:
    return {
        "course": T.translate("Labels", "Kurs"),
        "seminar": T.translate("Labels", "Seminarium"),
        "self_study": T.translate("Labels", "Självstudier"),
        "teaching": T.translate("Labels", "Undervisningseftermiddag"),
        "clinical": T.translate("Labels", "Klinisk aktivitet"),
    }


def talk_types() -> dict[str, str]:
    return {
        "supervision": T.translate("Labels", "Handledningssamtal"),
        "handover": T.translate("Labels", "Överlämningssamtal"),
    }


def delmal_status() -> dict[str, str]:
    return {
        "none": T.translate("Labels", "Inget underlag"),
        "started": T.translate("Labels", "Påbörjat"),
        "evidenced": T.translate("Labels", "Underlag finns"),
    }


def record_kinds() -> dict[str, str]:
    return {
        "activity": T.translate("Labels", "Aktivitet"),
        "talk": T.translate("Labels", "Samtal"),
        "document": T.translate("Labels", "Dokument"),
        "reflection": T.translate("Labels", "Reflektion"),
        "assessment": T.translate("Labels", "Bedömning"),
        "placement": T.translate("Labels", "Placering"),
        "leave": T.translate("Labels", "Ledighet"),
        "checklist": T.translate("Labels", "Checklistpunkt"),
        "evidence": T.translate("Labels", "Urval"),
        "bt": T.translate("Labels", "BT"),
    }


def draft_kinds() -> dict[str, str]:
    """What a crash draft was, as the end of "btdesk stängdes innan … sparades"."""
    return {
        "activity": T.translate("Labels", "aktiviteten"),
        "talk": T.translate("Labels", "samtalet"),
        "placement": T.translate("Labels", "placeringen"),
    }


def role_names() -> dict[str, str]:
    """A profile's role in words, never its key."""
    return {
        "doctor": T.translate("Labels", "BT-läkare"),
        "supervisor": T.translate("Labels", "Handledare"),
        "unit": T.translate("Labels", "BT-enheten"),
    }
