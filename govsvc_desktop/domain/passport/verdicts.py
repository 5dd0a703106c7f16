"""What the rules say about one passport, gathered for the printed form and other readers
that show a verdict rather than edit: the same functions the editor and the imports call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from govsvc_desktop.domain.choices import ServiceScope, Validity
from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.passport.regulations import inter_agency_by_definition
from govsvc_desktop.domain.passport.validation import approval_gaps, validate
from govsvc_desktop.domain.reference import ReferenceLists, reference_problems


@dataclass(frozen=True)
class FormVerdicts:
    """The verdicts a printed passport states: validity on the day, electronic and scope as the
    definitions judge them, and the problems left (blocking saving, approval, or warnings)."""

    validity: Validity
    valid_until: dt.date | None
    electronic: bool  # seed 000 def. 23
    smart: bool  # def. 24 holds and a maturity level is declared
    inter_agency: bool  # defs. 10-11: as declared, or as its inquiries and partners make it
    blocking: list[Problem] = field(default_factory=list)
    approval: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.blocking or self.approval)


def form_verdicts(p: ServicePassport, today: dt.date,
                  lists: ReferenceLists | None = None) -> FormVerdicts:
    problems = validate(p) + (reference_problems(p, lists) if lists is not None else [])
    smart_paths = {"smart_level", "documents", "inquiries"}
    smart = p.smart_level > 0 and p.is_electronic and not any(
        pr.field_path in smart_paths and "هوشمند" in pr.message_fa for pr in problems)
    return FormVerdicts(
        validity=p.validity(today), valid_until=p.valid_until, electronic=p.is_electronic,
        smart=smart,
        inter_agency=p.scope is ServiceScope.INTER_AGENCY or inter_agency_by_definition(p),
        blocking=[pr for pr in problems if pr.blocking],
        approval=approval_gaps(problems),
        warnings=[pr for pr in problems if pr.warning])
