"""Who a record is about (its subject): the one rule, for every way a record comes in.

A record is filed under another person only when a signature covers it and names that
person in its signed body: an assessment, a talk sign-off, a supervisor's talk or a final
judgement, signed by its own author, about the doctor in `doctor_fingerprint`. Everything
else is about whoever vouches for it: the author of a record signed by its sender, or the
sender of an unsigned one (the reader only takes unsigned lines from the sender). A record
signed by a third person that names nobody is refused. So nobody can file records about
someone else, and a stranger's records never become "mine". docs/bundle-format.md states it.
"""
from __future__ import annotations

import re
from typing import Any

from btdesk.errors import BtdeskError
from btdesk.i18n import _
from btdesk.safetext import safe_text

# the record kinds whose signed body may name the doctor they are about
NAMING_KINDS = frozenset({"assessment", "signoff", "talk", "final_judgement"})
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")


class SubjectRefused(BtdeskError):
    """A record that is about nobody its carrier may speak for."""


def named_doctor(record: dict[str, Any]) -> str | None:
    """The doctor a record's body names, if its kind may name one."""
    body = record.get("body")
    doc = body.get("doctor_fingerprint") if isinstance(body, dict) else None
    if record.get("kind") in NAMING_KINDS and isinstance(doc, str) and _FINGERPRINT.fullmatch(doc):
        return doc
    return None


def subject_of(record: dict[str, Any], *, signed: bool, sender: str, me: str, n: int = 0) -> str | None:
    """The fingerprint of the doctor `record` is about, or None when that is `me`.

    `signed`: the record carries its own signature, already checked to be its author's;
    `sender`: who vouches for the records that do not (the bundle's signer); `n`: the
    record's place in its bundle, for the refusal."""
    author = record["author"]
    if signed:
        subject = named_doctor(record) or (author if author == sender else None)
        if subject is None:
            raise SubjectRefused(
                _("Post {n} ({kind} av {author_name}) är signerad av någon annan än avsändaren och anger "
                  "ingen läkare som den gäller, så paketet avvisades.").format(
                    n=n,
                    kind=safe_text(record.get('kind'))[:40],
                    author_name=safe_text(record.get('author_name'))[:80]))
    else:
        subject = sender
    return None if subject == me else subject
