"""The head of the agency in tests: a real test certificate whose CA this computer trusts,
approving by signature as the application does, and records stored as an older database
holds them (for setting up states no write path may forge)."""

from __future__ import annotations

import copy
import functools
import tempfile
from pathlib import Path

from govsvc_desktop.bootstrap import App, certificate_service
from govsvc_desktop.domain.choices import Role, Status
from govsvc_desktop.domain.passport.lifecycle import Action
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.exchange.signing.demo_pki import TestCredentials, make_test_signer
from govsvc_desktop.store.uow import UnitOfWork

HEAD_NAME = "دکتر محمد صادقی"
PASSWORD = "گذرواژه-آزمایشی-۱۲۳"


@functools.cache
def head() -> TestCredentials:
    """One head-of-agency certificate for the whole test run (key generation is slow)."""
    folder = Path(tempfile.mkdtemp(prefix="govsvc-head-"))
    return make_test_signer(folder / "head.p12", PASSWORD, person_name=HEAD_NAME,
                            ca_name="مرجع آزمایشی رئیس دستگاه")


def trust_head() -> TestCredentials:
    """The head's CA trusted in the current data folder (each test has its own)."""
    creds = head()
    certificate_service().trust_certificates([creds.ca_certificate])
    return creds


def approve(app: App, uuid: str) -> ServicePassport:
    """Reviewed (if still a draft) and approved by the head's signature."""
    creds = trust_head()
    if app.passports.get(uuid).status is not Status.REVIEWED:
        app.passports.transition(uuid, Action.SUBMIT_REVIEW)
    return app.passports.approve(uuid, creds.identity)


def store_as_is(app: App, p: ServicePassport) -> ServicePassport:
    """Writes the record exactly as given, status and stamps included, below the services:
    what a database made by an earlier version may hold."""
    record = copy.deepcopy(p)
    record.revision = max(record.revision, 1)
    record.created_at = record.created_at or "2026-01-01T08:00:00.000000+00:00"
    record.updated_at = record.updated_at or record.created_at
    with UnitOfWork(app.engine) as uow:
        if uow.passports.get(record.uuid) is None:
            uow.passports.insert(record)
        else:
            uow.passports.update(record, uow.passports.get(record.uuid).revision)  # type: ignore[union-attr]
        uow.commit()
    return record

ALL_ROLES = [r.value for r in Role]  # a local-mode user who set every role in the settings
