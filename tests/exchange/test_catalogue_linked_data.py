"""The catalogue's linked data, read with rdflib and checked by pySHACL against the CPSV-AP
3.2.0 shapes shipped in resources/standards: a full demo catalogue conforms, a record with a
required property removed does not, and the passport's values land where docs/cpsv-ap.md says."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import rdflib
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef

from govsvc_desktop.domain.choices import TimeUnit
from govsvc_desktop.exchange.catalogue.jsonld import xsd_duration
from tests.catalogue_support import FULL, catalogue_app

SHAPES = Path(__file__).parents[2] / "resources" / "standards" / "cpsv-ap-3.2.0" / "cpsv-ap-SHACL.ttl"
CV = Namespace("http://data.europa.eu/m8g/")
CPSV = Namespace("http://purl.org/vocab/cpsv#")
DCT = Namespace("http://purl.org/dc/terms/")
SH = Namespace("http://www.w3.org/ns/shacl#")
GSV = Namespace("https://w3id.org/govsvc-desktop/ns#")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("linked")
    app = catalogue_app(folder / "c.sqlite3", count=80, seed=5)
    try:
        app.catalogue.export(folder / "site", base_url="https://portal.example.ir/services-catalogue")
    finally:
        app.close()
    return folder / "site"


def conforms(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    ok, report, _text = validate(data, shacl_graph=shapes)
    return bool(ok), report


def page_graph(path: Path) -> Graph:
    html = path.read_text("utf-8")
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return Graph().parse(data=found[0], format="json-ld")


def test_the_whole_catalogue_conforms(site: Path, shapes: Graph) -> None:
    data = Graph().parse(site / "catalogue.jsonld", format="json-ld")
    services = set(data.subjects(rdflib.RDF.type, CPSV.PublicService))
    published = len(list((site / "services").iterdir()))
    assert len(services) > published > 20  # the services of other agencies it depends on, too
    ok, report = conforms(data, shapes)
    assert ok, report.serialize(format="turtle")[:3000]


def test_every_page_carries_its_own_conforming_description(site: Path, shapes: Graph) -> None:
    pages = sorted((site / "services").iterdir())
    merged = Graph()
    for path in pages[:12] + [site / "services" / "11031164001.html"]:
        merged += page_graph(path)
    ok, report = conforms(merged, shapes)
    assert ok, report.serialize(format="turtle")[:3000]


def _strip(document: dict[str, Any], prop: str) -> dict[str, Any]:
    for node in document["@graph"]:
        if node.get("gsv:recordId", {}).get("@value") == FULL:
            del node[prop]
            return document
    raise AssertionError(FULL)


@pytest.mark.parametrize("prop", ["dct:description", "cv:hasCompetentAuthority", "dct:title"])
def test_a_record_missing_a_required_property_fails(site: Path, shapes: Graph, prop: str) -> None:
    document = json.loads((site / "catalogue.jsonld").read_text("utf-8"))
    data = Graph().parse(data=json.dumps(_strip(document, prop)), format="json-ld")
    ok, report = conforms(data, shapes)
    assert not ok
    focus = URIRef(f"urn:uuid:{FULL}")
    paths = {report.value(r, SH.resultPath) for r in report.subjects(SH.focusNode, focus)}
    expanded = {"dct:description": DCT.description, "dct:title": DCT.title,
                "cv:hasCompetentAuthority": CV.hasCompetentAuthority}[prop]
    assert expanded in paths


def test_the_passport_lands_where_the_mapping_says(site: Path) -> None:
    g = page_graph(site / "services" / "11031164001.html")
    s = URIRef(f"urn:uuid:{FULL}")
    assert g.value(s, DCT.identifier) == Literal("11031164001")
    assert g.value(s, DCT.title) == Literal("صدور پروانه بهره‌برداری از چاه کشاورزی", lang="fa")
    assert g.value(s, CV.processingTime) == Literal("P15D", datatype=rdflib.XSD.duration)
    assert g.value(s, GSV.processingTimeUnit) == GSV["time-unit-working_day"]
    org = g.value(s, CV.hasCompetentAuthority)
    assert (org, rdflib.RDF.type, CV.PublicOrganisation) in g
    province = g.value(org, DCT.spatial)
    assert str(g.value(province, Namespace("http://www.w3.org/ns/locn#").geographicName)) == "فارس"
    costs = {float(g.value(c, CV.hasValue)) for c in g.objects(s, CV.hasCost)}
    assert costs == {2_500_000.0, 350_000.0}
    assert len(set(g.objects(s, CV.hasLegalResource))) == 2
    kinds = {str(g.value(g.value(c, DCT.type), Namespace("http://www.w3.org/2004/02/skos/core#").notation))
             for c in g.objects(s, CV.hasChannel)}
    assert kinds == {"in_person", "counter", "web"}
    evidence = {str(g.value(e, DCT.title)) for e in g.objects(s, CPSV.hasInput)}
    assert {"نقشه محل چاه", "سند مالکیت", "کاربرگ درخواست پروانه"} <= evidence
    required = {str(g.value(r, DCT.title)) for r in g.objects(s, DCT.requires)}
    assert required == {"استعلام کاربری زمین", "استعلام مالکیت"}
    outputs = {str(g.value(o, DCT.identifier)) for o in g.objects(s, CPSV.produces)}
    assert "1-02-345-678" in outputs
    assert str(g.value(s, Namespace("http://xmlns.com/foaf/0.1/").page)).endswith(
        "/services-catalogue/services/11031164001.html")
    requirements = {str(g.value(r, DCT.title)) for r in g.objects(s, CV.holdsRequirement)}
    assert requirements == {"شرایط متقاضی", "مدارک مورد نیاز", "احراز هویت"}


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (15, TimeUnit.WORKING_DAY, "P15D"), (2.5, TimeUnit.WORKING_DAY, "P2DT4H"),
    (2.5, TimeUnit.DAY, "P2DT12H"), (90, TimeUnit.MINUTE, "PT1H30M"), (1.5, TimeUnit.HOUR, "PT1H30M"),
    (2, TimeUnit.WEEK, "P14D"), (3, TimeUnit.MONTH, "P3M"), (0.5, TimeUnit.MONTH, "P15D"),
    (0, TimeUnit.DAY, "PT0S"), (0.25, TimeUnit.MINUTE, "PT15S"),
])
def test_durations_are_valid_xsd(value: float, unit: TimeUnit, expected: str) -> None:
    text = xsd_duration(float(value), unit)
    assert text == expected
    assert Literal(text, datatype=rdflib.XSD.duration).value is not None
