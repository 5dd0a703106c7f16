"""Workbooks: the passport template and its import, the published lists, problem reports."""
