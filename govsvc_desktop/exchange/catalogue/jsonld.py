"""The catalogue as CPSV-AP 3.2 linked data (JSON-LD), written with ``json`` alone.

Each published service becomes a ``cpsv:PublicService`` with its competent authority (a
``cv:PublicOrganisation`` whose spatial coverage is its province), legal resources, channels,
costs, requirements and evidence, processing time as ``xsd:duration``, outputs and the
services it depends on (``dct:requires``). Every concept, place and organisation the graph
points to is typed in the graph itself, so the profile's SHACL shapes can check it without
fetching anything. Passport fields the profile has no property for use the program's own
namespace ``gsv:`` (``docs/cpsv-ap.md`` lists each field and where it goes). The context is
written inline: the files are read offline.
"""

from __future__ import annotations

import json
import math
import uuid as uuid_mod
from dataclasses import dataclass
from typing import TextIO

from govsvc_desktop.domain.agency.catalogue import Catalogue, PublishedService
from govsvc_desktop.domain.choices import ElectronicMethod, TimeUnit
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.exchange.catalogue.linked_nodes import (
    CONTEXT,
    CURRENCY,
    LANGUAGE,
    NAMES,
    Graph,
    Node,
    SharedNodes,
    dumps,
    plain,
    ref,
    typed,
)


def xsd_duration(value: float, unit: TimeUnit) -> str:
    """A service time as ``xsd:duration``. Days, weeks and months are calendar spans (a week
    is seven days); a working day counts as a day, and its fraction as part of eight hours;
    ``gsv:processingTimeUnit`` says which unit the agency counted in."""
    if value <= 0:
        return "PT0S"
    if unit is TimeUnit.MONTH and float(value).is_integer():
        return f"P{int(value)}M"
    if unit in (TimeUnit.MINUTE, TimeUnit.HOUR):
        days, seconds = 0, value * (60 if unit is TimeUnit.MINUTE else 3600)
    else:
        span = value * {TimeUnit.WEEK: 7, TimeUnit.MONTH: 30}.get(unit, 1)
        days = math.floor(span)
        day_hours = 8 if unit is TimeUnit.WORKING_DAY else 24
        seconds = (span - days) * day_hours * 3600
    seconds = round(seconds, 3)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = "P" + (f"{days}D" if days else "")
    time = (f"{int(hours)}H" if hours else "") + (f"{int(minutes)}M" if minutes else "")
    if secs:
        time += f"{secs:.3f}".rstrip("0").rstrip(".") + "S"
    return text + ("T" + time if time else "") if (days or time) else "PT0S"


def service_iri(s: PublishedService) -> str:
    return f"urn:uuid:{s.passport.uuid}"


def service_nodes(s: PublishedService, g: Graph, base_url: str = "") -> list[Node]:
    """The service's own nodes; the shared ones it points to go into ``g``."""
    p = s.passport
    iri = service_iri(s)
    nodes: list[Node] = []
    authority = g.organisation(p.agency_name, p.agency_national_id, p.province, p.parent_agency)
    svc: Node = {
        "@id": iri, "@type": "cpsv:PublicService",
        "dct:identifier": plain(p.service_id or p.uuid),
        "dct:title": p.title,
        "dct:description": p.description or p.title,
        "dct:language": g.eu_concept(LANGUAGE, "فارسی", "dct:LinguisticSystem"),
        "cv:hasCompetentAuthority": authority,
        "dct:spatial": [g.place(p.province)] + ([g.place(p.county, p.province)] if p.county else []),
        "gsv:recordId": plain(p.uuid),
        "gsv:approvedOn": typed(p.approved_on, "xsd:date"),
        "gsv:validUntil": typed(s.valid_until.isoformat(), "xsd:date"),
        "gsv:edition": typed(p.edition, "xsd:integer"),
        "gsv:scope": g.choice("scope", p.scope),
    }
    if base_url:
        svc["foaf:page"] = ref(base_url.rstrip("/") + "/services/" + s.page)
    if p.audiences:
        svc["dct:audience"] = [g.choice("audience", a) for a in p.audiences]
    if p.nature is not None:
        svc["gsv:nature"] = g.choice("nature", p.nature)
    texts = {"gsv:recipients": p.recipients, "gsv:stakeholders": p.stakeholders,
             "gsv:subServices": p.sub_services, "gsv:architectureDomain": p.architecture_domain,
             "gsv:architectureLayer": p.architecture_layer,
             "gsv:architectureCategory": p.architecture_category,
             "gsv:inPersonReasons": p.in_person_reasons, "gsv:providingUnit": p.providing_unit,
             "gsv:whereToApply": p.where_to_apply, "gsv:whereToReceive": p.where_to_receive,
             "gsv:counterOfficeActions": p.counter_actions if p.delegated_to_counters else "",
             "gsv:exemptionReference": p.exemption_reference if p.exemption_approved else ""}
    svc.update({k: v for k, v in texts.items() if v.strip()})
    if p.legal_bases:
        svc["cv:hasLegalResource"] = [g.law(p, i) for i in range(len(p.legal_bases))]
    if p.service_time is not None:
        svc["cv:processingTime"] = typed(xsd_duration(p.service_time, p.service_time_unit),
                                         "xsd:duration")
        svc["gsv:processingTimeUnit"] = g.choice("time-unit", p.service_time_unit)
    _electronic(svc, p, g)
    for key, value in (("gsv:annualRecipients", p.recipients_count),
                       ("gsv:annualDeliveries", p.deliveries_per_year),
                       ("gsv:directCostToApplicant", p.direct_cost_rials)):
        if value is not None:
            svc[key] = typed(value, "xsd:integer")
    nodes += _channels(svc, p, g, iri, authority)
    nodes += _costs(svc, p, g, iri, authority)
    nodes += _requirements(svc, p, g, iri)
    nodes += _outputs(svc, p, g, iri)
    nodes += _steps_and_units(svc, p, g, iri)
    if p.partner_agencies:
        parts: list[Node] = []
        for i, partner in enumerate(p.partner_agencies, 1):
            parts.append({"@id": f"{iri}#partner-{i}", "@type": "cv:Participation",
                          "dct:identifier": plain(f"{p.service_id or p.uuid}-partner-{i}"),
                          "dct:description": partner.role or "دستگاه همکار",
                          "cv:role": g.concept("role", "partner", "دستگاه همکار"),
                          "cv:hasParticipant": g.organisation(partner.name)})
        svc["cv:hasParticipation"] = [ref(n["@id"]) for n in parts]
        nodes += parts
    if s.depends_on:
        svc["dct:requires"] = [g.external_service(d) for d in s.depends_on]
    if p.linked_tasks:
        svc["gsv:servesTask"] = [{"@type": "gsv:Task", "dct:identifier": plain(t.task_id),
                                  "dct:title": t.title} for t in p.linked_tasks]
    return [svc] + nodes


def _electronic(svc: Node, p: ServicePassport, g: Graph) -> None:
    if p.electronic_method is not None:
        svc["gsv:electronicMethod"] = g.choice("electronic-method", p.electronic_method)
        svc["gsv:electronic"] = typed(p.is_electronic, "xsd:boolean")
    if p.electronic_scope is not None:
        svc["gsv:electronicScope"] = g.choice("electronic-scope", p.electronic_scope)
    stages = [("start", "شروع", p.stages_electronic.start),
              ("production", "تولید", p.stages_electronic.production),
              ("delivery", "تحویل", p.stages_electronic.delivery)]
    if any(on for _, _, on in stages):
        svc["gsv:electronicStage"] = [g.concept("stage", c, label) for c, label, on in stages if on]
    if p.smart_level:
        svc["gsv:smartLevel"] = typed(p.smart_level, "xsd:integer")
    if not p.is_electronic:
        if p.exemption_approved:
            svc["gsv:exemptionApproved"] = typed(True, "xsd:boolean")
        elif p.electronic_target_date:
            svc["gsv:electronicTargetDate"] = typed(p.electronic_target_date, "xsd:date")
    svc["gsv:delegatedToCounterOffices"] = typed(p.delegated_to_counters, "xsd:boolean")


def _channels(svc: Node, p: ServicePassport, g: Graph, iri: str, owner: Node) -> list[Node]:
    nodes: list[Node] = []
    for i, ch in enumerate(p.channels, 1):
        node: Node = {"@id": f"{iri}#channel-{i}", "@type": "cv:Channel",
                      "dct:identifier": plain(f"{p.service_id or p.uuid}-channel-{i}"),
                      "dct:type": g.choice("channel", ch.kind), "cv:ownedBy": owner}
        if ch.description:
            node["dct:description"] = ch.description
        if ch.centre_count is not None:
            node["gsv:centreCount"] = typed(ch.centre_count, "xsd:integer")
        nodes.append(node)
    if p.electronic_method in (ElectronicMethod.ONLINE, ElectronicMethod.OFFLINE,
                               ElectronicMethod.INFO_WEB):
        method = p.electronic_method
        assert method is not None
        nodes.append({"@id": f"{iri}#channel-web", "@type": "cv:Channel",
                      "dct:identifier": plain(f"{p.service_id or p.uuid}-channel-web"),
                      "dct:type": g.concept("channel", "web", "درگاه اینترنتی"),
                      "dct:description": method.label_fa, "cv:ownedBy": owner})
    if nodes:
        svc["cv:hasChannel"] = [ref(n["@id"]) for n in nodes]
    return nodes


def _costs(svc: Node, p: ServicePassport, g: Graph, iri: str, owner: Node) -> list[Node]:
    nodes: list[Node] = []
    currency = g.eu_concept(CURRENCY, "ریال")
    for i, fee in enumerate(p.fees, 1):
        node: Node = {"@id": f"{iri}#cost-{i}", "@type": "cv:Cost",
                      "dct:identifier": plain(f"{p.service_id or p.uuid}-cost-{i}"),
                      "dct:description": fee.title or "تعرفه", "cv:currency": currency,
                      "cv:isDefinedBy": owner}
        if fee.amount_rials is not None:
            node["cv:hasValue"] = typed(float(fee.amount_rials), "xsd:double")
        extra = {"gsv:tariffLegalBasis": fee.legal_basis, "gsv:bank": fee.bank,
                 "gsv:accountNumber": fee.account_number, "gsv:sheba": fee.sheba}
        node.update({k: (v if k in ("gsv:tariffLegalBasis", "gsv:bank") else plain(v))
                     for k, v in extra.items() if v})
        nodes.append(node)
    if p.delegated_to_counters and p.counter_fee_rials is not None:
        counter = next((f"{iri}#channel-{i}" for i, ch in enumerate(p.channels, 1)
                        if ch.kind.value == "counter"), None)
        node = {"@id": f"{iri}#cost-counter", "@type": "cv:Cost",
                "dct:identifier": plain(f"{p.service_id or p.uuid}-cost-counter"),
                "dct:description": "تعرفهٔ دفاتر پیشخوان", "cv:currency": currency,
                "cv:hasValue": typed(float(p.counter_fee_rials), "xsd:double")}
        if counter:
            node["cv:ifAccessedThrough"] = ref(counter)
        nodes.append(node)
    if nodes:
        svc["cv:hasCost"] = [ref(n["@id"]) for n in nodes]
    return nodes


def _requirements(svc: Node, p: ServicePassport, g: Graph, iri: str) -> list[Node]:
    sid = p.service_id or p.uuid
    evidence: list[Node] = []
    for i, doc in enumerate(p.documents, 1):
        node: Node = {"@id": f"{iri}#evidence-{i}", "@type": "cv:Evidence",
                      "dct:identifier": plain(f"{sid}-evidence-{i}"), "dct:title": doc.title,
                      "dct:type": g.concept("evidence", "document", "مدرک"),
                      "gsv:originalRequired": typed(doc.original_required, "xsd:boolean"),
                      "cv:supportsRequirement": ref(f"{iri}#requirement-documents")}
        if doc.notes:
            node["dct:description"] = doc.notes
        evidence.append(node)
    forms: list[Node] = []
    for i, form in enumerate(p.forms, 1):
        node = {"@id": f"{iri}#form-{i}", "@type": "cv:Evidence",
                "dct:identifier": plain(f"{sid}-form-{i}"), "dct:title": form.title,
                "dct:type": g.concept("evidence", "form", "کاربرگ"),
                "gsv:electronicForm": typed(form.electronic, "xsd:boolean")}
        if form.data_items is not None:
            node["gsv:dataItems"] = typed(form.data_items, "xsd:integer")
        forms.append(node)
    requirements: list[Node] = []
    if p.applicant_conditions.strip():
        requirements.append({"@id": f"{iri}#requirement-conditions", "@type": "cv:Requirement",
                             "dct:identifier": plain(f"{sid}-requirement-conditions"),
                             "dct:title": "شرایط متقاضی", "dct:description": p.applicant_conditions,
                             "dct:type": g.concept("requirement", "conditions", "شرایط متقاضی")})
    if evidence:
        requirements.append({"@id": f"{iri}#requirement-documents", "@type": "cv:Requirement",
                             "dct:identifier": plain(f"{sid}-requirement-documents"),
                             "dct:title": "مدارک مورد نیاز",
                             "dct:type": g.concept("requirement", "documents", "مدارک مورد نیاز"),
                             "cv:hasSupportingEvidence": [ref(e["@id"]) for e in evidence]})
    if p.identity_verification.strip():
        requirements.append({"@id": f"{iri}#requirement-identity", "@type": "cv:Requirement",
                             "dct:identifier": plain(f"{sid}-requirement-identity"),
                             "dct:title": "احراز هویت", "dct:description": p.identity_verification,
                             "dct:type": g.concept("requirement", "identity", "احراز هویت")})
    if requirements:
        svc["cv:holdsRequirement"] = [ref(r["@id"]) for r in requirements]
    if evidence or forms:
        svc["cpsv:hasInput"] = [ref(e["@id"]) for e in evidence + forms]
    return requirements + evidence + forms


def _outputs(svc: Node, p: ServicePassport, g: Graph, iri: str) -> list[Node]:
    sid = p.service_id or p.uuid
    nodes: list[Node] = []
    for i, licence in enumerate(p.licences, 1):
        nodes.append({"@id": f"{iri}#output-{i}", "@type": "cv:Output",
                      "dct:identifier": plain(licence.code or f"{sid}-output-{i}"),
                      "dct:title": licence.title or licence.code,
                      "dct:description": "مجوز ثبت‌شده در درگاه ملی مجوزها",
                      "dct:type": g.concept("output", "licence", "مجوز")})
    answer: Node = {"@id": f"{iri}#output-answer", "@type": "cv:Output",
                    "dct:identifier": plain(f"{sid}-output-answer"),
                    "dct:title": f"نتیجهٔ «{p.title}»",
                    "dct:type": g.concept("output", "answer", "پاسخ درخواست")}
    if p.where_to_receive:
        answer["dct:description"] = f"محل دریافت پاسخ: {p.where_to_receive}"
    nodes.append(answer)
    svc["cpsv:produces"] = [ref(n["@id"]) for n in nodes]
    return nodes


def _steps_and_units(svc: Node, p: ServicePassport, g: Graph, iri: str) -> list[Node]:
    steps = []
    for step in sorted(p.steps, key=lambda s: s.order):
        node: Node = {"@type": "gsv:ProcessStep", "gsv:order": typed(step.order, "xsd:integer"),
                      "dct:title": step.title}
        if step.responsible_unit:
            node["gsv:responsibleUnit"] = step.responsible_unit
        if step.duration is not None:
            node["gsv:duration"] = typed(xsd_duration(step.duration, step.duration_unit),
                                         "xsd:duration")
        steps.append(node)
    if steps:
        svc["gsv:hasStep"] = steps
    units = [{"@type": "gsv:OrganisationalUnit", "dct:title": u.name,
              **({"dct:identifier": plain(u.unit_id)} if u.unit_id else {})}
             for u in p.org_units if u.name.strip()]
    if units:
        svc["gsv:organisationalUnit"] = units
    return []


@dataclass
class Description:
    """One service's own nodes as JSON text, and the shared nodes it points to."""

    own: list[str]
    shared: list[str]


def describe(s: PublishedService, nodes: SharedNodes, base_url: str = "") -> Description:
    g = Graph(nodes)
    own = [dumps(node) for node in service_nodes(s, g, base_url)]
    return Description(own, list(g.used))


def page_text(d: Description, nodes: SharedNodes) -> str:
    """The JSON-LD a service's page embeds: the service with every node it points to."""
    graph = ",".join(d.own + [nodes.texts[iri] for iri in sorted(d.shared)])
    return '{"@context":' + dumps(CONTEXT) + ',"@graph":[' + graph + "]}"


def page_document(s: PublishedService, base_url: str = "") -> Node:
    """The same as a JSON object, for one service on its own."""
    nodes = SharedNodes()
    result: Node = json.loads(page_text(describe(s, nodes, base_url), nodes))
    return result


def dataset_node(c: Catalogue, publisher: Node) -> Node:
    node: Node = {
        "@id": "urn:uuid:" + str(uuid_mod.uuid5(NAMES, "catalogue\x1f" + c.publisher)),
        "@type": "dcat:Dataset", "dct:title": c.title,
        "dct:description": f"شناسنامه خدمات منتشرشدهٔ {c.publisher}، تهیه‌شده در {c.made_on_jalali}",
        "dct:publisher": publisher, "dct:issued": typed(c.made_on.isoformat(), "xsd:date"),
        "dct:language": ref(LANGUAGE),
        "dct:hasPart": [ref(service_iri(s)) for s in c.services],
    }
    if c.base_url:
        node["dcat:landingPage"] = {"@id": c.base_url.rstrip("/") + "/index.html",
                                    "@type": "foaf:Document"}
    return node


class CatalogueWriter:
    """catalogue.jsonld written as the pages are: the dataset first, each service's nodes as
    its page is made, the shared nodes at the end (a large catalogue is never held whole)."""

    def __init__(self, c: Catalogue, out: TextIO) -> None:
        self.nodes = SharedNodes()
        self.out = out
        g = Graph(self.nodes)
        g.eu_concept(LANGUAGE, "فارسی", "dct:LinguisticSystem")
        publisher = g.organisation(c.publisher)
        out.write('{"@context":' + dumps(CONTEXT) + ',\n"@graph":[\n')
        out.write(dumps(dataset_node(c, publisher)))

    def add(self, s: PublishedService, base_url: str = "") -> Description:
        d = describe(s, self.nodes, base_url)
        for text in d.own:
            self.out.write(",\n" + text)
        return d

    def close(self) -> None:
        for text in self.nodes.texts.values():
            self.out.write(",\n" + text)
        self.out.write("\n]}\n")
