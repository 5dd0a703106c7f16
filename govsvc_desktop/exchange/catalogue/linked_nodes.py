"""The nodes many services share in the catalogue's linked data — agencies, places, laws,
the services of other agencies and the code-list concepts — each built and written once, with
stable IRIs made from what names them."""

from __future__ import annotations

import functools
import json
import uuid as uuid_mod
from typing import Any

from govsvc_desktop.domain.agency.catalogue import Dependency
from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.passport.model import ServicePassport

GSV = "https://w3id.org/govsvc-desktop/ns#"
EU = "http://publications.europa.eu/resource/authority/"
COUNTRY = EU + "country/IRN"
CURRENCY = EU + "currency/IRR"
LANGUAGE = EU + "language/FAS"
NAMES = uuid_mod.UUID("7b0c6f52-54a4-4f7e-9a5e-2f1d8c3b9e10")  # UUIDv5 namespace of shared nodes

CONTEXT: dict[str, Any] = {
    "@language": "fa",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "locn": "http://www.w3.org/ns/locn#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "gsv": GSV,
}

Node = dict[str, Any]


def plain(text: str) -> Node:
    """A string without a language (identifiers, codes, account numbers)."""
    return {"@value": text}


def typed(value: object, datatype: str) -> Node:
    return {"@value": str(value).lower() if isinstance(value, bool) else str(value),
            "@type": datatype}


def ref(iri: str) -> Node:
    return {"@id": iri}


@functools.lru_cache(maxsize=65_536)
def named(kind: str, *parts: str) -> str:
    """A stable IRI for a shared node (an agency, a place, a law) from what names it."""
    return f"urn:uuid:{uuid_mod.uuid5(NAMES, chr(31).join((kind, *parts)))}"


def dumps(node: Node) -> str:
    return json.dumps(node, ensure_ascii=False, separators=(",", ":"))


class SharedNodes:
    """Every node shared by services (agencies, places, laws, concepts), built and written as
    JSON once per export; what each one points to is kept so a page can carry it too."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.points_to: dict[str, tuple[str, ...]] = {}


class Graph:
    """The shared nodes one service points to (for its page), drawn from ``SharedNodes``."""

    def __init__(self, nodes: SharedNodes | None = None) -> None:
        self.nodes = nodes or SharedNodes()
        self.used: dict[str, None] = {}

    def _use(self, iri: str) -> Node:
        if iri not in self.used:
            self.used[iri] = None
            for inner in self.nodes.points_to.get(iri, ()):
                self._use(inner)
        return ref(iri)

    def _known(self, iri: str) -> bool:
        return iri in self.nodes.texts

    def _add(self, node: Node, points_to: tuple[str, ...] = ()) -> Node:
        iri = node["@id"]
        if iri not in self.nodes.texts:
            self.nodes.texts[iri] = dumps(node)
            self.nodes.points_to[iri] = points_to
        return self._use(iri)

    def concept(self, scheme: str, code: str, label: str) -> Node:
        iri = f"{GSV}{scheme}-{code}"
        if self._known(iri):
            return self._use(iri)
        return self._add({"@id": iri, "@type": "skos:Concept", "skos:prefLabel": label,
                          "skos:notation": plain(code), "skos:inScheme": ref(f"{GSV}{scheme}")})

    def choice(self, scheme: str, member: Choice) -> Node:
        return self.concept(scheme, member.value, member.label_fa)

    def eu_concept(self, iri: str, label: str, kind: str = "skos:Concept") -> Node:
        if self._known(iri):
            return self._use(iri)
        return self._add({"@id": iri, "@type": kind, "skos:prefLabel": label})

    def place(self, name: str, within: str = "") -> Node:
        if not name:
            return self.eu_concept(COUNTRY, "ایران", "dct:Location")
        iri = named("place", within, name)
        if self._known(iri):
            return self._use(iri)
        node: Node = {"@id": iri, "@type": "dct:Location", "locn:geographicName": name,
                      "skos:prefLabel": name}
        if within:
            node["dct:isPartOf"] = self.place(within)
        return self._add(node, (node["dct:isPartOf"]["@id"],) if within else ())

    def organisation(self, name: str, national_id: str = "", province: str = "",
                     parent: str = "") -> Node:
        iri = named("agency", name, national_id)
        if self._known(iri):
            return self._use(iri)
        node: Node = {
            "@id": iri, "@type": ["cv:PublicOrganisation", "org:Organization", "foaf:Agent"],
            "skos:prefLabel": name, "dct:title": name,
            "dct:identifier": plain(national_id or iri.removeprefix("urn:uuid:")),
            "dct:spatial": self.place(province),
        }
        points = [node["dct:spatial"]["@id"]]
        if parent and parent != name:
            node["org:subOrganizationOf"] = self.organisation(parent)
            points.append(node["org:subOrganizationOf"]["@id"])
        return self._add(node, tuple(points))

    def law(self, p: ServicePassport, index: int) -> Node:
        law = p.legal_bases[index]
        iri = named("law", law.title, law.number, law.date or "")
        if self._known(iri):
            return self._use(iri)
        node: Node = {"@id": iri, "@type": "eli:LegalResource", "dct:title": law.title,
                      "dct:type": self.choice("law-kind", law.kind)}
        if law.number:
            node["eli:id_local"] = plain(law.number)
        if law.date:
            node["eli:date_document"] = typed(law.date, "xsd:date")
        return self._add(node, (node["dct:type"]["@id"],))

    def external_service(self, d: Dependency) -> Node:
        iri = named("service", d.agency, d.service_id or d.title, d.via, d.inquiry_kind,
                    str(d.electronic))  # one text per IRI, whichever page writes it
        if self._known(iri):
            return self._use(iri)
        how = "استعلام" if d.via == "inquiry" else "خدمت پیشین در زنجیرهٔ خدمات"
        node: Node = {
            "@id": iri, "@type": "cpsv:PublicService", "dct:title": d.title,
            "dct:identifier": plain(d.service_id or iri.removeprefix("urn:uuid:")),
            "dct:description": f"{d.title} از {d.agency} ({how})",
            "cv:hasCompetentAuthority": self.organisation(d.agency),
        }
        points = [node["cv:hasCompetentAuthority"]["@id"]]
        if d.inquiry_kind:
            node["gsv:inquiryKind"] = self.concept("inquiry-kind", d.inquiry_kind,
                                                   "آنی" if d.inquiry_kind == "instant" else "فرآیندی")
            points.append(node["gsv:inquiryKind"]["@id"])
        if d.electronic is not None:
            node["gsv:electronicInquiry"] = typed(d.electronic, "xsd:boolean")
        return self._add(node, tuple(points))
