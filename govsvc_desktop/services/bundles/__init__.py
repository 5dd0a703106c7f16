"""Signed bundles as use cases: the service, its explicit context, and one module per step and record kind."""
