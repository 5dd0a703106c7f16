"""The compliance dashboard as a use case: gathers the stored facts in one read transaction
and lets the pure rules of ``domain.compliance`` judge them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from govsvc_desktop.domain.agency.compliance import (
    ComplianceReport,
    ExpectedService,
    PassportFacts,
    StepFacts,
    build_compliance,
)
from govsvc_desktop.domain.agency.cycle import CycleStep, ServiceChain, StepStatus, default_steps
from govsvc_desktop.domain.agency.licences import (
    LicenceEntry,
    LicenceIssue,
    licence_claims,
    mapping_issues,
)
from govsvc_desktop.domain.agency.proposals import ProposalStatus, ServiceProposal
from govsvc_desktop.domain.choices import RecordKind
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.services.agency import CHAINS, LICENCES, PROPOSALS, STEPS
from govsvc_desktop.services.deadlines import gather
from govsvc_desktop.services.session import SessionBound


class ComplianceService(SessionBound):
    @property
    def agency_name(self) -> str:
        return self.session.agency_name

    def report(self, today: dt.date | None = None, calendar: bool = False) -> ComplianceReport:
        """The dashboard's items; with ``calendar`` the report also carries every deadline
        (otherwise only those that are items of their own: the agency's, plans')."""
        today = today or self.clock().astimezone().date()
        with self.uow_factory() as uow:
            facts = uow.passports.compliance_facts()
            licence_keys = uow.passports.licence_keys()
            licences = uow.agency.find(LICENCES.kind, LicenceEntry)
            proposals = uow.agency.find(PROPOSALS.kind, ServiceProposal)
            chains = uow.agency.find(CHAINS.kind, ServiceChain)
            stored_steps = {s.step: s for s in uow.agency.find(STEPS.kind, CycleStep)}
            plans = uow.plans.compliance_facts()
            deadlines = gather(uow, today, facts, own_only=not calendar)
        expected = self._expected(licences, proposals, chains)
        expected += [ExpectedService(p.service_id, "برنامهٔ بهبود", "plan", p.uuid)
                     for p in plans if p.service_id]
        steps = [stored_steps.get(d.step, d) for d in default_steps()]
        step_facts = [StepFacts(s.uuid, f"گام {to_persian_digits(s.step.value)}: {s.step.label_fa}", s.deadline,
                                s.status is StepStatus.APPROVED) for s in steps]
        return build_compliance(today, facts, expected, self._licence_issues(facts, licence_keys, licences), plans,
                                step_facts, deadlines)

    @staticmethod
    def _licence_issues(facts: list[PassportFacts], licence_keys: Sequence[tuple[str, str]],
                        licences: list[LicenceEntry]) -> list[LicenceIssue]:
        """Licences unmapped or mapped twice, counting what service passports list."""
        service = RecordKind.SERVICE.value
        services = {f.uuid: f for f in facts if f.kind == service}
        return mapping_issues(licences, licence_claims(
            (key, f.service_id, f.title) for uuid, key in licence_keys
            if (f := services.get(uuid)) is not None))

    def _expected(self, licences: list[LicenceEntry], proposals: list[ServiceProposal],
                  chains: list[ServiceChain]) -> list[ExpectedService]:
        found = [ExpectedService(e.service_id, f"مجوز {e.code}", "licence", e.uuid)
                 for e in licences if e.service_id]
        found += [ExpectedService(p.issued_service_id, "خدمت پیشنهادی با شناسهٔ صادرشده",
                                  "proposal", p.uuid)
                  for p in proposals if p.status is ProposalStatus.ISSUED and p.issued_service_id]
        own = self.agency_name.strip()
        for chain in chains:
            for link in chain.links:
                if link.service_id and own and link.agency.strip() == own:
                    found.append(ExpectedService(link.service_id, f"زنجیرهٔ «{chain.title}»",
                                                 "chain", chain.uuid))
        return found
