"""Renders the application icon from its SVG: PNGs for Linux, an .ico for Windows.

The SVG in ``packaging/icons/`` is the only drawn source; every raster is made from it here,
at build time, so the sizes never drift from the drawing. Usage::

    python packaging/make_icons.py [OUT_DIR]      # default: build/icons
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256)
HERE = Path(__file__).resolve().parent
SVG = HERE / "icons" / "govsvc-desktop.svg"
NAME = "govsvc-desktop"


def render(out_dir: Path) -> list[Path]:
    """Writes ``NAME-SIZE.png`` for every size and ``NAME.ico``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        target = out_dir / f"{NAME}-{size}.png"
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    del app
    written.append(_ico(out_dir, written))
    return written


def _ico(out_dir: Path, pngs: list[Path]) -> Path:
    """One .ico holding every size (Windows picks the one it needs)."""
    from PIL import Image

    images = [Image.open(p).convert("RGBA") for p in pngs]
    target = out_dir / f"{NAME}.ico"
    images[-1].save(target, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    return target


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else HERE.parent / "build" / "icons"
    for path in render(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
