"""Database tables. A passport is kept whole as its JSON document, with the columns lists
filter and sort on projected beside it; repeated parts that other records are checked
against (licence codes) get their own index table.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

passports = Table(
    "passports",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("service_id", String(32), nullable=False, default=""),
    Column("title", Text, nullable=False),
    Column("agency_name", Text, nullable=False, default=""),
    Column("province", String(64), nullable=False, default=""),
    Column("nature", String(16)),
    Column("status", String(16), nullable=False),
    Column("electronic_method", String(16)),
    Column("is_electronic", Boolean, nullable=False, default=False),
    Column("edition", Integer, nullable=False, default=1),
    Column("revision", Integer, nullable=False, default=1),
    Column("approved_on", String(10)),
    Column("valid_until", String(10)),
    Column("electronic_target_date", String(10)),
    Column("exemption_approved", Boolean, nullable=False, default=False),
    Column("approval_gaps", Text, nullable=False, default=""),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("updated_by", Text, nullable=False, default=""),
    Column("title_key", Text, nullable=False, default=""),
    Column("search_text", Text, nullable=False, default=""),
    Column("data", Text, nullable=False),
    *(Index(f"ix_passports_{c}", c, "uuid") for c in (
        "service_id", "status", "province", "agency_name", "title_key", "valid_until", "updated_at")),
    # what the compliance dashboard reads, apart from the documents (SQLite only: migration 0005)
    Index("ix_passports_compliance", "kind", "status", "service_id", "created_at", "valid_until",
          "is_electronic", "electronic_target_date", "exemption_approved", "approval_gaps",
          "title", "uuid").ddl_if(dialect="sqlite"),
)

passport_editions = Table(
    "passport_editions",
    metadata,
    Column("uuid", String(36), ForeignKey("passports.uuid", ondelete="CASCADE"), primary_key=True),
    Column("edition", Integer, primary_key=True),
    Column("archived_at", String(32), nullable=False),
    Column("data", Text, nullable=False),
)

passport_licences = Table(
    "passport_licences",
    metadata,
    Column("passport_uuid", String(36), ForeignKey("passports.uuid", ondelete="CASCADE"),
           primary_key=True),
    Column("licence_key", String(128), primary_key=True),
    Index("ix_passport_licences_licence_key", "licence_key"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("actor", Text, nullable=False),
    Column("username", String(64), nullable=False, default=""),
    Column("record_type", String(32), nullable=False),
    Column("record_uuid", String(36), nullable=False),
    Column("revision", Integer, nullable=False, default=0),
    Column("action", String(32), nullable=False),
    Column("field_path", Text, nullable=False, default=""),
    Column("old_value", Text, nullable=False, default=""),
    Column("new_value", Text, nullable=False, default=""),
    # the transaction that wrote the row (PostgreSQL): a change without one gets a row of its own
    Column("txid", BigInteger),
    Index("ix_audit_log_record_uuid", "record_uuid"),
)

app_meta = Table(
    "app_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

plans = Table(
    "plans",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("passport_uuid", String(36), nullable=False, default=""),
    Column("service_id", String(32), nullable=False, default=""),
    Column("title", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("period_start", String(10)),
    Column("period_end", String(10)),
    Column("meets_target", Boolean, nullable=False, default=False),
    Column("justified", Boolean, nullable=False, default=False),
    Column("reported", Text, nullable=False, default=""),
    Column("revision", Integer, nullable=False, default=1),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("search_text", Text, nullable=False, default=""),
    Column("data", Text, nullable=False),
    # what the deadline calendar reads (migration 0007)
    Column("pilot_province", Text, nullable=False, default=""),
    Column("organisation_approved_on", String(10)),
    Column("slice_approved_on", String(10)),
    *(Index(f"ix_plans_{c}", c) for c in ("passport_uuid", "status", "updated_at")),
    Index("ix_plans_deadlines", "status", "uuid", "title", "created_at", "period_start",
          "period_end", "reported", "pilot_province", "organisation_approved_on",
          "slice_approved_on").ddl_if(dialect="sqlite"),
)

plan_actions = Table(
    "plan_actions",
    metadata,
    Column("plan_uuid", String(36), ForeignKey("plans.uuid", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("end_date", String(10)),
    Column("status", String(16), nullable=False),
    Index("ix_plan_actions_end_date", "end_date"),
)

plan_evidence = Table(
    "plan_evidence",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

requests128 = Table(
    "requests128",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("reference", String(64), nullable=False),
    Column("passport_uuid", String(36), nullable=False, default=""),
    Column("plan_uuid", String(36), nullable=False, default=""),
    Column("subject", Text, nullable=False, default=""),
    Column("received_on", String(10)),
    Column("deadline", String(10)),
    Column("status", String(16), nullable=False),
    Column("revision", Integer, nullable=False, default=1),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("data", Text, nullable=False),
    *(Index(f"ix_requests128_{c}", c) for c in ("deadline", "plan_uuid")),
    Index("ix_requests128_deadlines", "status", "uuid", "reference", "subject",
          "deadline").ddl_if(dialect="sqlite"),
)

# Files kept with a passport, by content (the bytes live in plan_evidence, by SHA-256);
# a removed one stays as a tombstone so the removal travels in bundles.
passport_attachments = Table(
    "passport_attachments",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("passport_uuid", String(36), ForeignKey("passports.uuid", ondelete="CASCADE"),
           nullable=False),
    Column("name", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(100), nullable=False),
    Column("removed", Boolean, nullable=False, default=False),
    Column("added_by", Text, nullable=False, default=""),
    Column("revision", Integer, nullable=False, default=1),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Index("ix_passport_attachments_passport_uuid", "passport_uuid"),
)

# Records of the agency as a whole (licences, proposals, the nine steps, reports, lessons,
# chains): few, each kept whole as its JSON document under its kind.
agency_records = Table(
    "agency_records",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("key", Text, nullable=False, default=""),
    Column("status", String(16), nullable=False, default=""),
    Column("revision", Integer, nullable=False, default=1),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_agency_records_kind", "kind"),
)

event_logs = Table(
    "event_logs",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("service_id", String(32), nullable=False),
    Column("file_name", Text, nullable=False, default=""),
    Column("sha256", String(64), nullable=False),
    Column("events", Integer, nullable=False),
    Column("cases", Integer, nullable=False),
    Column("imported_at", String(32), nullable=False),
    Column("imported_by", Text, nullable=False, default=""),
    Index("ix_event_logs_service_id", "service_id"),
)

service_events = Table(
    "service_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("log_uuid", String(36), ForeignKey("event_logs.uuid", ondelete="CASCADE"), nullable=False),
    Column("service_id", String(32), nullable=False),
    Column("case_id", Text, nullable=False),
    Column("activity", Text, nullable=False),
    Column("at_ms", BigInteger, nullable=False),
    Column("offset_minutes", Integer, nullable=False, default=0),
    Column("resource", Text, nullable=False, default=""),
    Index("ix_service_events_service_id", "service_id", "case_id", "at_ms"),
    Index("ix_service_events_log_uuid", "log_uuid"),
)
