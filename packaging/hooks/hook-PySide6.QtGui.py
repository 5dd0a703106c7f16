"""PyInstaller's own QtGui hook, minus plugins that would drag in libraries this application
never uses: the virtual keyboard (QtQuick, QtQml), the GTK theme (GTK, Pango and Cairo from
the build machine, which clash with the desktop's own) and the PDF image reader (QtPdf).

Dropping them here, before dependency analysis, keeps their libraries out of the bundle. A
module the application does import (QtPdf, say) is still collected by its own hook.
"""

import re

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED = re.compile(
    r"(qtvirtualkeyboardplugin|qgtk3|imageformats[/\\]\w*qpdf|qvnc|qeglfs|qlinuxfb|qminimalegl"
    r"|qvkkhrdisplay)[^/\\]*$"
)

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if not UNUSED.search(src)]
