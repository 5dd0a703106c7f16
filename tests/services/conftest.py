"""Fixtures of the service tests: both engines, and for bundles the trusted test PKI and a
second office's database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build, certificate_service
from govsvc_desktop.services.certificates import CertificateService
from tests.approval_support import ALL_ROLES
from tests.bundle_support import Pki, install
from tests.engines import (
    app,  # noqa: F401  (both engines for this suite)
    migrated_sqlite,
)


@pytest.fixture
def certs(pki: Pki) -> CertificateService:
    """The agency's and the centre's identities kept here, both CAs trusted."""
    certs = certificate_service()
    install(certs, pki.agency)
    install(certs, pki.centre)
    return certs


@pytest.fixture
def other_app(tmp_path: Path, sqlite_template: Path) -> Iterator[App]:
    """Another office (or the centre): its own database, the same data folder and trust."""
    application = build(migrated_sqlite(sqlite_template, tmp_path, "other.sqlite3"),
                        settings=config.Settings(user_name="دفتر دیگر", roles=ALL_ROLES))
    yield application
    application.close()
