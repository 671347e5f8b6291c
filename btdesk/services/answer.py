"""Sign and answer: the one sequence by which a supervisor's filled form becomes a signed answer.

Validate and sign the form (the signed record is kept in the supervisor's own portfolio), write
the .btresponse file, then mark the doctor's request answered. The command line (`btdesk assess`)
and the form window both call `sign_and_answer`; only where the file goes differs: the caller's
`choose_path` gets the suggested file name once the answer is signed.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btdesk.errors import BtdeskError
from btdesk.i18n import _

if TYPE_CHECKING:
    from btdesk.forms.template import Template
    from btdesk.identity.keystore import PassphraseSource
    from btdesk.services.assessments import SignedResponse
    from btdesk.services.portfolio import Portfolio

# the suggested file name → where to save it; None: the home's responses/ folder
ChoosePath = Callable[[str], "Path | str | None"]


@dataclass(frozen=True)
class Answered:
    response: SignedResponse
    path: Path  # the .btresponse file written


def sign_and_answer(p: Portfolio, template: Template, values: dict[str, Any], *, doctor: dict[str, str],
                    request: dict[str, Any] | None = None, placement: str | None = None,
                    passphrase: PassphraseSource | None = None, choose_path: ChoosePath) -> Answered:
    """Nothing is signed when the form does not validate. Once signed, the record is kept even if
    the file cannot be written; the sentence then says so, and the request stays unanswered."""
    from btdesk.services import assessments, supervisor

    resp = assessments.build_response(p, template, values, doctor=doctor, request=request,
                                      placement=placement, passphrase=passphrase)
    name = assessments.response_file_name(resp)
    chosen = choose_path(name)
    path = Path(chosen) if chosen else p.home / "responses" / name
    try:
        written = assessments.write_response(resp, path)
    except OSError as e:
        raise BtdeskError(_("Det signerade svaret kunde inte sparas i {path} ({strerror}); det finns kvar "
                            "i din portfölj — välj en annan plats och signera igen.").format(
                              path=path, strerror=e.strerror or e)) from None
    supervisor.mark_answered(p, request["id"] if request else None)
    return Answered(resp, written)
