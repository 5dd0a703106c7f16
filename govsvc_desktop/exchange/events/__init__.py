"""Event logs of electronic services: CSV in, IEEE XES out."""
