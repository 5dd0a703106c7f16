"""A large catalogue's pages are made in worker processes: the site they write is the same,
page for page and triple for triple, as the one written in a single process."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from govsvc_desktop.exchange.catalogue import site as site_module
from tests.catalogue_support import catalogue_app


def test_workers_write_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = catalogue_app(tmp_path / "c.sqlite3", count=60, seed=6)
    try:
        catalogue = app.catalogue.build()
    finally:
        app.close()
    site_module.write_site(catalogue, tmp_path / "one", workers=1)
    monkeypatch.setattr(site_module, "PARALLEL_FROM", 0)
    monkeypatch.setattr(site_module, "CHUNK", 7)
    seen: list[tuple[int, int]] = []
    result = site_module.write_site(catalogue, tmp_path / "two", workers=2,
                                    progress=lambda done, total: seen.append((done, total)) or True)
    assert result.pages == len(catalogue.services) > 14
    assert seen[-1] == (len(catalogue.services),) * 2 and len(seen) == -(-len(catalogue.services) // 7)
    one = sorted((tmp_path / "one" / "services").iterdir())
    two = sorted((tmp_path / "two" / "services").iterdir())
    assert [p.name for p in one] == [p.name for p in two]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(one, two, strict=True))
    graphs = [Graph().parse(tmp_path / name / "catalogue.jsonld", format="json-ld")
              for name in ("one", "two")]
    assert len(graphs[0]) > 1000 and isomorphic(graphs[0], graphs[1])
