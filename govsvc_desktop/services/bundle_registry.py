"""Every kind of record this version exchanges, in the order a bundle writes and imports them:
adding a kind is one line here (its adapter lives in its own module)."""

from __future__ import annotations

from .bundle_agency import AGENCY_KINDS
from .bundle_attachments import ATTACHMENTS
from .bundle_kinds import PASSPORTS, RecordKindAdapter
from .bundle_plans import PLANS
from .bundle_proposals import PROPOSALS


def record_kinds() -> list[RecordKindAdapter]:
    """Every kind this version exchanges, in the order they are written and imported."""
    return [PASSPORTS, ATTACHMENTS, PLANS, PROPOSALS, *AGENCY_KINDS]
