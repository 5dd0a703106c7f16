"""Screenshots of the published catalogue website for README, on demo data, in Chromium.

Run: .venv/bin/python scripts/catalogue_screenshots.py [OUT_DIR]   (needs chromium and
chromium-driver from scripts/system-deps.sh, and selenium from requirements-dev.lock)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govsvc_desktop import config  # noqa: E402
from govsvc_desktop.bootstrap import build  # noqa: E402
from govsvc_desktop.demo import generator as demo  # noqa: E402
from tests.browser import chromium  # noqa: E402


def full_height(driver: object) -> int:
    return int(driver.execute_script("return document.documentElement.scrollHeight"))  # type: ignore[attr-defined]


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["GOVSVC_HOME"] = str(Path(tmp) / "home")
        app = build(str(Path(tmp) / "site.sqlite3"),
                    config.Settings(user_name="زهرا کریمی", agency_name="اداره کل راه و شهرسازی استان اصفهان"))
        demo.populate_all(app, 400)
        site = Path(tmp) / "site"
        report = app.catalogue.export(site)
        app.close()
        print(report.summary_fa())
        with chromium(1280, 1100) as driver:
            driver.get((site / "index.html").as_uri())
            box = driver.find_element("id", "q")
            box.send_keys("مجوز كارگاه")  # typed with Arabic kaf, as an Arabic keyboard does
            driver.execute_script("document.getElementById('f-electronic').value = 'yes';"
                                  "document.getElementById('f-electronic').dispatchEvent(new Event('change'));")
            driver.save_screenshot(str(out / "catalogue-index.png"))
            first = driver.find_element("css selector", "#results h3 a").get_attribute("href")
            driver.get(first)
            driver.set_window_size(1280, min(full_height(driver) + 40, 3200))
            driver.save_screenshot(str(out / "catalogue-service.png"))
        with chromium(390, 844) as phone:
            phone.get(first)
            phone.save_screenshot(str(out / "catalogue-phone.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
