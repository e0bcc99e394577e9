"""Render the app icon's SVG to the PNG sizes desktops look for (hicolor NxN/apps).

Run at bundle build time with the venv's Python (Qt's own SVG renderer, offscreen), so the
machine that installs the bundle needs neither Qt tools nor rsvg-convert:

    python packaging/render_icons.py SRC.svg OUT_DIR   ->  OUT_DIR/<N>x<N>/apps/soloservice.png
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256)
ICON_NAME = "soloservice"


def render(svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    written: list[Path] = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"render_icons: cannot write {target}")
        written.append(target)
    del app
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: render_icons.py SRC.svg OUT_DIR")
    for path in render(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
