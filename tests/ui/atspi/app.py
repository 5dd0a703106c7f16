"""The application as the AT-SPI test shows it: demo data, the main window, a passport editor
and a plan editor open. Run with the project's Python; it stops by itself after ``seconds``.

Usage: python -m tests.ui.atspi.app DB_PATH [SECONDS]
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.ui.app import install_language, load_fonts
from govsvc_desktop.ui.main_window import MainWindow


def main(db: str, seconds: float) -> int:
    qapp = QApplication(sys.argv)
    qapp.setApplicationName("govsvc-desktop")
    install_language(qapp, "fa")
    qapp.setFont(QFont(load_fonts(), 10))
    app = build(db, config.Settings(user_name="کاربر آزمون"))
    demo.populate_all(app, 20, seed=5)
    window = MainWindow(app)
    window.show()
    window.apply_filter()
    window.new_passport().setObjectName("passport_editor")
    plans = window.page("plans")
    plan = next(iter(app.plans.find()))
    plan_editor = plans.open_plan(plan.uuid)  # type: ignore[attr-defined]
    plan_editor.setObjectName("plan_editor")
    QTimer.singleShot(int(seconds * 1000), qapp.quit)
    code = qapp.exec()
    app.close()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 120))
