"""User-visible names for the core's ids, translatable (lupdate sees the literal strings)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def activity_types() -> dict[str, str]:
    return {"course": _t("Kurs"), "seminar": _t("Seminarium"), "self_study": _t("Självstudier"),
            "teaching": _t("Undervisningseftermiddag"), "clinical": _t("Klinisk aktivitet")}


def talk_types() -> dict[str, str]:
    return {"supervision": _t("Handledningssamtal"), "handover": _t("Överlämningssamtal")}


def delmal_status() -> dict[str, str]:
    return {"none": _t("Inget underlag"), "started": _t("Påbörjat"), "evidenced": _t("Underlag finns")}


def record_kinds() -> dict[str, str]:
    return {"activity": _t("Aktivitet"), "talk": _t("Samtal"), "document": _t("Dokument"),
            "reflection": _t("Reflektion"), "assessment": _t("Bedömning"), "placement": _t("Placering"),
            "checklist": _t("Checklistpunkt"), "evidence": _t("Urval"), "bt": _t("BT")}
