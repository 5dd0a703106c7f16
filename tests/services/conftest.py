from tests.engines import app  # noqa: F401  (both engines for this suite)
