"""Every kind of record this version exchanges, in the order a bundle writes and imports them:
adding a kind is one line here (its adapter lives in its own module)."""

from __future__ import annotations

from govsvc_desktop.services.bundles.agency import AGENCY_KINDS
from govsvc_desktop.services.bundles.attachments import ATTACHMENTS
from govsvc_desktop.services.bundles.kinds import PASSPORTS, RecordKindAdapter
from govsvc_desktop.services.bundles.plans import PLANS
from govsvc_desktop.services.bundles.proposals import PROPOSALS


def record_kinds() -> list[RecordKindAdapter]:
    """Every kind this version exchanges, in the order they are written and imported."""
    return [PASSPORTS, ATTACHMENTS, PLANS, PROPOSALS, *AGENCY_KINDS]
