"""The core's plan warnings and phase reasons in the window's language.

The core (btdesk.programme.rules) writes its warnings in Swedish and gives each a stable code;
the core must not depend on Qt, so the English text lives here, keyed by that code. The figures
and names are read back out of the Swedish message. Should the core's wording change so that
a pattern no longer matches, the English UI shows a plainer sentence for the code rather than
Swedish.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

T = QCoreApplication

# code -> the core's Swedish sentence as a pattern; the groups fill %1, %2 … of the template
_PATTERNS = {
    "unknown_kind": r'Placeringen (.+) har typen "(.+)", som inte finns i programmet (.+) \(där finns: (.+)\)\.',
    "end_before_start": r"Placeringen (.+) slutar (\S+), före sin start (\S+)\.",
    "bad_percent": r"Placeringen (.+) har omfattningen (\S+) %; .*",
    "total_too_short": r"Planen motsvarar (.+) på heltid; .* minst (\d+) månader \((.+)\)\.",
    "akut_too_short": r"Planen har (.+) akut sjukvård; minst (\d+) krävs \((.+)\)\.",
    "primarvard_too_short": r"Planen har (.+) primärvård; minst (\d+) krävs \((.+)\)\.",
    "too_many_sites": r"Planen har (\d+) tjänstgöringsställen; högst (\d+) rekommenderas \((.+)\)\.",
    "overlap": r"Placeringarna (.+) och (.+) överlappar (\S+)–(\S+)\.",
    "kind_missing": r"Planen saknar placeringen (.+), som ingår i programmet (.+)\.",
    "order": r"Placeringen (.+) ligger efter (.+), men programmet (.+) har en fast ordning\.",
}


def _templates() -> dict[str, str]:
    # literal calls, so that pyside6-lupdate finds them
    return {
        "unknown_kind": T.translate("Warnings", "Placeringen %1 har typen \"%2\", som inte finns i programmet %3 "
                                      "(där finns: %4)."),
        "end_before_start": T.translate("Warnings", "Placeringen %1 slutar %2, före sin start %3."),
        "bad_percent": T.translate("Warnings", "Placeringen %1 har omfattningen %2 %; den ska vara mer än 0 och högst "
                                               "100 %."),
        "total_too_short": T.translate("Warnings", "Planen motsvarar %1 på heltid; bastjänstgöringen ska omfatta minst "
                                         "%2 månader (%3)."),
        "akut_too_short": T.translate("Warnings", "Planen har %1 akut sjukvård; minst %2 krävs (%3)."),
        "primarvard_too_short": T.translate("Warnings", "Planen har %1 primärvård; minst %2 krävs (%3)."),
        "too_many_sites": T.translate("Warnings", "Planen har %1 tjänstgöringsställen; högst %2 rekommenderas (%3)."),
        "overlap": T.translate("Warnings", "Placeringarna %1 och %2 överlappar %3–%4."),
        "kind_missing": T.translate("Warnings", "Planen saknar placeringen %1, som ingår i programmet %2."),
        "order": T.translate("Warnings", "Placeringen %1 ligger efter %2, men programmet %3 har en fast ordning."),
        "plan_shorter": T.translate("Warnings", "Planen motsvarar %1 månader på heltid; programmet %2 omfattar "
                                      "%3 månader."),
        "kind_shorter": T.translate("Warnings", "Placeringen %1 motsvarar %2 månader på heltid; programmet anger "
                                      "%3 månader."),
    }


def _plain() -> dict[str, str]:
    return {
        "unknown_kind": T.translate("Warnings", "En placering har en typ som inte finns i programmet."),
        "end_before_start": T.translate("Warnings", "En placering slutar före sin start."),
        "bad_percent": T.translate("Warnings", "En placering har en omfattning utanför 1–100 %."),
        "total_too_short": T.translate("Warnings", "Planen är kortare än bastjänstgöringens minsta längd."),
        "akut_too_short": T.translate("Warnings", "Planen har för lite akut sjukvård."),
        "primarvard_too_short": T.translate("Warnings", "Planen har för lite primärvård."),
        "too_many_sites": T.translate("Warnings", "Planen har fler tjänstgöringsställen än som rekommenderas."),
        "overlap": T.translate("Warnings", "Två placeringar överlappar."),
        "kind_missing": T.translate("Warnings", "Planen saknar en placering som ingår i programmet."),
        "order": T.translate("Warnings", "Placeringarna ligger i fel ordning för programmet."),
        "plan_shorter": T.translate("Warnings", "Planen är kortare än programmet."),
        "kind_shorter": T.translate("Warnings", "En placering är kortare än programmet anger."),
    }


def _months(text: str) -> str:
    """The core's "2,5 månader" / "1 månad" in the window's language."""
    m = re.fullmatch(r"(\d+)(?:,(\d))? (?:månad|månader)", text.strip())
    if not m:
        return text
    from ui.widgets.fmt import number_text

    value = float(m.group(1) + "." + (m.group(2) or "0"))
    return T.translate("Warnings", "%1 mån").replace("%1", number_text(value))


def _fill(template: str, groups) -> str:
    # highest number first, so %1 never eats the start of %10
    for i in sorted(range(len(groups)), reverse=True):
        template = template.replace(f"%{i + 1}", groups[i])
    return template


def _swedish() -> bool:
    from PySide6.QtCore import QLocale

    return QLocale().language() == QLocale.Language.Swedish


def plan_warning_text(warning) -> str:
    """A btdesk.programme.rules.PlanWarning (code, message) in the window's language."""
    if _swedish():
        return warning.message  # the core's own sentence is the Swedish text
    args = list(getattr(warning, "args", ()) or ())
    if args and warning.code in _templates():
        # the core hands over its figures: no need to read them out of the Swedish sentence
        if warning.code.endswith("_too_short"):
            from ui.widgets.fmt import number_text

            args[0] = T.translate("Warnings", "%1 mån").replace("%1", number_text(float(args[0])))
        return _fill(_templates()[warning.code], args)
    pattern = _PATTERNS.get(warning.code)
    m = re.fullmatch(pattern, warning.message) if pattern else None
    if m is None:
        return _plain().get(warning.code, warning.message)
    groups = [_months(g) if warning.code.endswith("_too_short") and i == 0 else g
              for i, g in enumerate(m.groups())]
    return _fill(_templates()[warning.code], groups)


_PHASE = (
    (r"Bedömningar (\d+) av (\d+) väntade vid det här laget \((.*)\)\.",
     lambda: T.translate("Warnings", "Bedömningar %1 av %2 väntade vid det här laget (%3).")),
    (r"Lärandeaktiviteter (\d+) av (\d+) väntade vid det här laget\.",
     lambda: T.translate("Warnings", "Lärandeaktiviteter %1 av %2 väntade vid det här laget.")),
)


def _figure(name: str, done: str, expected: str) -> str:
    if name == "aktiviteter":
        name = T.translate("Warnings", "aktiviteter")
    return T.translate("Warnings", "%1 %2 av %3 väntade").replace("%1", name).replace("%2", done) \
        .replace("%3", expected)


def phase_figures_text(figures: list) -> str:
    """btdesk.services.in_phase's figures per item ({name, done, expected}) in the window's language."""
    return "; ".join(_figure(str(f["name"]), str(f["done"]), str(f["expected"]))
                     for f in figures if f.get("expected") or f.get("done"))


def phase_reason_text(reason: str) -> str:
    """btdesk.services.in_phase's reasons carry no code: matched by their wording."""
    if _swedish():
        return reason
    for pattern, template in _PHASE:
        if m := re.fullmatch(pattern, reason):
            groups = list(m.groups())
            if len(groups) == 3:  # the figures per instrument inside the parentheses
                groups[2] = "; ".join(_figure(*f.groups()) for f in re.finditer(
                    r"(.+?) (\d+) av (\d+) väntade(?:; |$)", groups[2]))
            return _fill(template(), groups)
    return reason
