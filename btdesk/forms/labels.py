"""Swedish names of rating domains, for tables, print-outs and the dossier.

A body stores its ratings under the field ids of its template ("communication", "ice"):
stable keys, but English or cryptic to a reader. The template knows the Swedish name (its
`short` name, else its label), so every place that shows a rating asks here.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from btdesk.errors import BtdeskError

if TYPE_CHECKING:
    from .template import Template

# Ids seen in bodies written before the templates (or by other systems): a name rather than
# an English word in a Swedish dossier.
_FALLBACK = {
    "communication": "Kommunikation", "professionalism": "Professionellt förhållningssätt",
    "overall": "Sammantagen bedömning", "judgement": "Klinisk bedömning", "teamwork": "Samarbete i teamet",
    "clinical": "Klinisk kompetens", "entrustment": "Anförtrodd självständighet",
}


@lru_cache(maxsize=64)
def _labels(key: str, extra_forms: str) -> dict[str, str]:
    """domain id → Swedish name for the template with this id, or else the one for this instrument."""
    from .template import list_templates, load_template

    del extra_forms  # part of the cache key only: a BTDESK_FORMS folder may hold other templates
    t: Template | None
    try:
        t = load_template(key)
    except BtdeskError:
        t = next((x for x in _all(list_templates) if x.instrument == key), None)
    if t is None:
        return {}
    return {f.id: f.short or f.label for f in t.fields if f.type in ("rating", "entrustment")}


def _all(list_templates: Callable[[], list[Template]]) -> list[Template]:
    try:
        return list_templates()
    except BtdeskError:
        return []


def prettify(domain_id: str) -> str:
    text = str(domain_id).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def domain_label(instrument_id: str, domain_id: str, template_id: str | None = None) -> str:
    """The Swedish name of a rating domain: the template's short name or label; for an id no
    template knows, a known Swedish word, else the id made readable ("klinisk_bedömning" →
    "Klinisk bedömning"). Never raises: a dossier must print whatever arrived."""
    env = os.environ.get("BTDESK_FORMS", "")
    for key in (template_id, instrument_id):
        if key and (name := _labels(str(key), env).get(str(domain_id))):
            return name
    return _FALLBACK.get(str(domain_id), prettify(domain_id))


def domain_labels(instrument_id: str, template_id: str | None = None) -> dict[str, str]:
    """Every domain of a template, in the template's order: domain id → Swedish name."""
    env = os.environ.get("BTDESK_FORMS", "")
    for key in (template_id, instrument_id):
        if key and (names := _labels(str(key), env)):
            return dict(names)
    return {}
