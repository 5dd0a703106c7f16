"""Texts of Qt's own dialogs that Qt's Persian catalogue (qtbase_fa) lacks in this Qt version.

Qt looks a text up in every installed translator; these entries, compiled into the program's
own catalogue, fill the gaps so a file dialog has no English label left. The calls are literal
so that scripts/update_translations.py finds them; ``texts()`` returns them for the tests.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def texts() -> list[tuple[str, str, str]]:
    """(context, source, as shown now) of every text this module supplies."""
    return [
        ("QFileDialog", "&Look in:", QCoreApplication.translate("QFileDialog", "&Look in:")),
        ("QFileDialog", "Files of &type:", QCoreApplication.translate("QFileDialog", "Files of &type:")),
        ("QAbstractFileIconProvider", "Drive", QCoreApplication.translate("QAbstractFileIconProvider", "Drive")),
    ]
