"""Which fields each page of the passport editor shows, in the order of the paper form."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("identity", (
        "kind", "title", "service_id", "agency_name", "agency_national_id", "agency_postal_code",
        "parent_agency",
        "province", "county", "nature", "audiences", "scope", "description", "recipients",
        "stakeholders", "sub_services", "partner_agencies", "architecture_domain",
        "architecture_layer", "architecture_category", "linked_tasks", "org_units")),
    ("legal", ("legal_bases", "licences")),
    ("delivery", (
        "channels", "electronic_method", "electronic_scope", "stages_electronic", "smart_level",
        "electronic_target_date", "exemption_approved", "exemption_reference",
        "delegated_to_counters", "counter_actions", "counter_fee_rials", "in_person_reasons",
        "identity_verification", "needs_inter_agency", "tracking_code")),
    ("process", (
        "inquiries", "applicant_conditions", "documents", "forms", "providing_unit",
        "where_to_apply", "where_to_receive", "steps")),
    ("figures", (
        "recipients_count", "deliveries_per_year", "service_time", "service_time_unit",
        "direct_cost_rials", "cost_price_rials", "fees", "benefits", "obstacles")),
    ("lifecycle", (
        "status", "prepared_by", "preparer_national_id", "reviewed_by", "reviewed_on",
        "review_comment",
        "approved_by", "approved_on", "approval_signature", "sent_on", "centre_decision_on", "centre_comment",
        "edition", "revision", "uuid", "created_at", "updated_at")),
)



def section_title(key: str) -> str:
    """The page title, translated (literal calls so the strings are found for translation)."""
    return {
        "identity": QCoreApplication.translate("EditorSections", "Identity and classification"),
        "legal": QCoreApplication.translate("EditorSections", "Laws and licences"),
        "delivery": QCoreApplication.translate("EditorSections", "Delivery"),
        "process": QCoreApplication.translate("EditorSections", "Inquiries, documents and steps"),
        "figures": QCoreApplication.translate("EditorSections", "Figures and fees"),
        "lifecycle": QCoreApplication.translate("EditorSections", "Life cycle"),
    }[key]
