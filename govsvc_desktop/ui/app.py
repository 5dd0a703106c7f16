"""Starting the window: Persian locale and right-to-left layout, Vazirmatn, the translation,
the error hook, the database, and demo data on the very first start."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build, login_needed
from govsvc_desktop.config import font_dir
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.ui.errors import install_excepthook
from govsvc_desktop.ui.login_dialog import LoginDialog
from govsvc_desktop.ui.main_window import MainWindow

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
FIRST_START_DEMO = 300
_keep: list[object] = []  # translators must outlive the call that installed them


def load_fonts() -> str:
    """Registers Vazirmatn; returns its family name (raises GovsvcError when missing)."""
    family = ""
    for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(font_dir() / name))
        if font_id < 0:
            raise GovsvcError(f"قلم «{name}» در «{font_dir()}» یافت نشد یا خراب است؛ برنامه را دوباره نصب کنید.")
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def install_language(qapp: QApplication, language: str) -> None:
    """Locale, direction and translations (ours and Qt's own dialogs') for ``language``; the
    display name titles every dialog that has no title of its own (progress, file dialogs)."""
    for old in [t for t in _keep if isinstance(t, QTranslator)]:
        qapp.removeTranslator(old)
        _keep.remove(old)
    if language != "fa":
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        qapp.setApplicationDisplayName(QCoreApplication.translate("App", "Service passports"))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    ours = QTranslator(qapp)
    if ours.load(str(TRANSLATIONS / "govsvc_fa.qm")):
        qapp.installTranslator(ours)
        _keep.append(ours)
    qt = QTranslator(qapp)
    if qt.load("qtbase_fa", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        qapp.installTranslator(qt)
        _keep.append(qt)
    qapp.setApplicationDisplayName(QCoreApplication.translate("App", "Service passports"))


def start(qapp: QApplication, db: str | None, demo_on_first_start: bool) -> MainWindow | None:
    """Everything but the event loop (tests call this); None when the person cancels logging in."""
    settings = config.load_settings()
    install_language(qapp, settings.language)
    qapp.setFont(QFont(load_fonts(), 10))
    db = db or config.default_db()
    if login_needed(db)[2]:
        dialog = LoginDialog(db, settings)
        if not dialog.exec() or dialog.app is None:
            return None
        application = dialog.app
    else:
        application = build(db, settings)
    window = MainWindow(application)
    window.show()
    if application.notice:
        QMessageBox.warning(window, "govsvc-desktop", application.notice)
    application.start_background_checks()
    if demo_on_first_start and application.passports.count() == 0:
        window.fill_demo_data(lambda progress: demo.populate_all(
            application, FIRST_START_DEMO, 1, progress))
    else:
        window.offer_drafts()
    return window


def run_gui(db: str | None = None, demo_on_first_start: bool = True) -> int:
    qapp = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("govsvc-desktop")
    install_excepthook()
    try:
        window = start(qapp, db, demo_on_first_start)
    except GovsvcError as exc:
        QMessageBox.critical(None, qapp.applicationDisplayName(), exc.message_fa)
        return 2
    if window is None:
        return 1
    _keep.append(window)
    return qapp.exec()


def main() -> None:
    from govsvc_desktop.logsetup import setup_logging

    setup_logging()
    sys.exit(run_gui(None))
