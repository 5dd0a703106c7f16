"""Entry point of the frozen ``govsvc-desktop-gui`` program (``govsvc_desktop.ui.app:main``).

``--smoke-test`` (not shown to users) starts the application as usual and watches it: once
the main window has been on screen for a second it prints one line naming it and quits with
status 0; an error or warning dialog makes it print the dialog's text and exit 3; no window
within ``GOVSVC_SMOKE_SECONDS`` (default 60) exits 4. The packaging tests run it with
``QT_QPA_PLATFORM=offscreen``.
"""

import multiprocessing
import os
import sys

SMOKE_FLAG = "--smoke-test"


def _arm_smoke_test() -> None:
    """A watcher thread asks the GUI thread, five times a second, what is on screen.

    The check is posted to the application object, so it runs in any event loop the GUI
    thread is in, including a modal dialog shown before the main loop starts.
    """
    import threading
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

    limit = float(os.environ.get("GOVSVC_SMOKE_SECONDS", "60"))
    seen_at: list[float] = []

    def check() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for box in shown:
            if isinstance(box, QMessageBox) and box.icon() in (
                QMessageBox.Icon.Critical,
                QMessageBox.Icon.Warning,
            ):
                print(
                    f"smoke-test: error dialog: {box.text()}\n{box.detailedText()}",
                    file=sys.stderr,
                    flush=True,
                )
                os._exit(3)
        windows = [w for w in shown if isinstance(w, QMainWindow)]
        if not windows:
            return
        if not seen_at:
            seen_at.append(time.monotonic())
        elif time.monotonic() - seen_at[0] >= 1.0:
            from govsvc_desktop import __version__

            print(
                f"smoke-test: main window shown: {windows[0].windowTitle()} "
                f"(version {__version__})",
                flush=True,
            )
            QApplication.exit(0)

    def watch() -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            app = QApplication.instance()
            if app is not None:
                QTimer.singleShot(0, app, check)
            time.sleep(0.2)
        print(f"smoke-test: no main window after {limit:.0f} s", file=sys.stderr, flush=True)
        os._exit(4)

    threading.Thread(target=watch, name="smoke-test", daemon=True).start()


def main() -> int:
    # Migrations are read as .py files: leave the installed folder as it was shipped.
    sys.dont_write_bytecode = True
    # Demo data is made in "spawn" workers, which start this same program again.
    multiprocessing.freeze_support()
    if SMOKE_FLAG in sys.argv[1:]:
        sys.argv.remove(SMOKE_FLAG)
        _arm_smoke_test()
    from govsvc_desktop.ui.app import main as gui_main

    return int(gui_main() or 0)


if __name__ == "__main__":
    sys.exit(main())
