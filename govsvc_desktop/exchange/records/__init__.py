"""Record files that travel: the bundle layout, licence tables, file types and CSV limits."""
