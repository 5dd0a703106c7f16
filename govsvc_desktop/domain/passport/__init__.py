"""The service passport: its fields and parts, life cycle, validation, the regulations' rules and their verdicts."""
