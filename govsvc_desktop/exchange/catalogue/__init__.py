"""The published service catalogue: a static website and its CPSV-AP linked data."""
