"""Fills unfinished messages of translations/govsvc_fa.ts from a table of Persian texts.

Usage: .venv/bin/python scripts/fill_translations.py [TABLE.py ...]
Each table defines FA = {english: persian}; without arguments every table under translations/fa/
is read. Only unfinished messages are touched; a finished translation is never overwritten.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "translations" / "govsvc_fa.ts"


TABLES = TS.parent / "fa"


def main(*table_paths: str) -> int:
    table: dict[str, str] = {}
    for path in table_paths or sorted(map(str, TABLES.glob("*.py"))):
        table.update(runpy.run_path(path)["FA"])
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") != "unfinished" and (translation.text or "").strip():
            continue
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    text = TS.read_text("utf-8").replace("<?xml version='1.0' encoding='utf-8'?>",
                                        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
    TS.write_text(text, "utf-8")
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
