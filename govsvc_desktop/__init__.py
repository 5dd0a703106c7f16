"""govsvc-desktop: service passports and improvement plans for executive agencies."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("govsvc-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
