"""Realistic, deterministic demo data made through the services: the same seed gives the same records."""
