"""Every text of the interface has its Persian translation, and the one shipped is loaded."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from govsvc_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "translations" / "govsvc_fa.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def test_no_message_is_left_unfinished() -> None:
    unfinished = [key for key, m in _messages(TS).items()
                  if (t := m.find("translation")) is None or t.get("type") == "unfinished"
                  or not (t.text or "").strip()]
    assert unfinished == []


def test_every_text_in_the_code_is_in_the_translation_file(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *update_translations.sources(), "-ts", str(fresh),
                    "-no-obsolete", "-locations", "none", "-silent"], cwd=ROOT, check=True)
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert missing == set(), "run scripts/update_translations.py and translate the new texts"
    assert shutil.which(str(lupdate))


def test_main_window_speaks_persian(window: MainWindow) -> None:
    assert window.windowTitle().startswith("شناسنامه")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "ارسال" in titles and "دریافت" in titles
