"""Refreshes translations/govsvc_fa.ts from the source strings of govsvc_desktop/ui.

Existing translations are kept; new strings appear unfinished until someone translates them
(the test suite fails while any string is unfinished). Run: .venv/bin/python scripts/update_translations.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "translations" / "govsvc_fa.ts"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "govsvc_desktop" / "ui").rglob("*.py"))


def main() -> int:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    return subprocess.run([str(lupdate), *sources(), "-ts", str(TS.relative_to(ROOT)),
                           "-no-obsolete", "-locations", "none"], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
