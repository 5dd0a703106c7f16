"""ASiC-E containers: written, read as hostile input, and verified."""
