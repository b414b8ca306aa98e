"""Legends under the OUTPUT plots, as plain Qt widgets.

Drawn by hand rather than as pyqtgraph ``LegendItem``s so that their text is as large as
the rest of the window, they never cover the data, and the line samples are long enough
to tell a dashed line from a solid one on a projector.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui import theme
from gui.i18n import translate

from . import plots
from .plots import AXIS_PEN, INK, LUT, make_pen


def _refresh_colors() -> None:
    """The plots' colours after a theme or palette change (gui.theme.on_change)."""
    global AXIS_PEN, INK, LUT
    AXIS_PEN, INK, LUT = plots.AXIS_PEN, plots.INK, plots.LUT


theme.on_change(_refresh_colors)


class ColorLegend(QWidget):
    """Under the decision region: class swatches with names, or a colour bar with values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._classes: list[tuple[QColor, str]] = []
        self._short: list[str] = []
        self._bar: tuple[float, float, str] | None = None
        self._test_marker = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._row_h = max(26, self.fontMetrics().height() + 10)
        self.setFixedHeight(self._row_h)

    # -- class swatches: "class 3" shortened to "3" and wrapped when space runs out -------
    def _entries(self, fm, width: int) -> tuple[list[tuple[QColor, str, float, int]], int]:
        """(colour, text, x, row) per class, and the number of rows."""
        marker = self._marker_width(fm) if self._test_marker else 0

        def place(names):
            out, x, row = [], 4.0, 0
            for (color, _), text in zip(self._classes, names):
                w = 16 + fm.horizontalAdvance(text) + 14
                limit = width - (marker if row == 0 else 0)
                if x + w - 14 > limit and x > 4:
                    x, row = 4.0, row + 1
                out.append((color, text, x, row))
                x += w
            return out, row + 1

        full = [name for _, name in self._classes]
        placed, rows = place(full)
        if rows > 1 and self._short:
            placed, rows = place(self._short)
        return placed, rows

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        rows = 1 if self._bar is not None else self._entries(self.fontMetrics(), self.width())[1]
        if self.height() != rows * self._row_h:
            self.setFixedHeight(rows * self._row_h)

    def set_classes(self, classes: list[tuple[QColor, str]], test_marker: bool = False,
                    short_names: list[str] | None = None) -> None:
        """Swatches with names ("class 3"); ``short_names`` ("3") are used when the full
        names would need more than one row."""
        self._short = list(short_names) if short_names else []
        self._set(list(classes), None, test_marker)

    def set_bar(self, lo: float, hi: float, caption: str, test_marker: bool = False) -> None:
        self._set([], (float(lo), float(hi), caption), test_marker)

    def _set(self, classes, bar, test_marker: bool) -> None:
        state = ([(c.name(), n) for c, n in classes], bar, test_marker)
        if state == getattr(self, "_state", None):
            return  # called every frame: repaint only on a change
        self._state = state
        self._classes, self._bar, self._test_marker = classes, bar, test_marker
        self._fit_height()
        self.update()

    def describe(self) -> str:
        if self._bar is not None:
            lo, hi, cap = self._bar
            return f"{cap}: {lo:g} … {hi:g}"
        return ", ".join(name for _, name in self._classes)

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        h = self.height()
        cy = h / 2
        x = 4.0
        ink = QColor(INK)
        if self._bar is not None:
            lo, hi, cap = self._bar
            p.setPen(ink)
            cap_w = fm.horizontalAdvance(cap) + 10
            p.drawText(QRectF(x, 0, cap_w, h), Qt.AlignmentFlag.AlignVCenter, cap)
            x += cap_w
            lo_t, hi_t = _num(lo), _num(hi)
            lo_w, hi_w = fm.horizontalAdvance(lo_t), fm.horizontalAdvance(hi_t)
            right_reserved = self._marker_width(fm) if self._test_marker else 0
            bar_w = max(40.0, self.width() - x - lo_w - hi_w - 20 - right_reserved)
            p.drawText(QRectF(x, 0, lo_w, h), Qt.AlignmentFlag.AlignVCenter, lo_t)
            x += lo_w + 6
            grad = QLinearGradient(x, 0, x + bar_w, 0)
            for i in range(0, 256, 32):
                r, g, b, _ = LUT[i]
                grad.setColorAt(i / 255, QColor(int(r), int(g), int(b)))
            r, g, b, _ = LUT[255]
            grad.setColorAt(1.0, QColor(int(r), int(g), int(b)))
            p.setPen(QPen(QColor(AXIS_PEN), 1))
            p.setBrush(QBrush(grad))
            p.drawRoundedRect(QRectF(x, cy - 7, bar_w, 14), 3, 3)
            if lo < 0 < hi:
                mx = x + bar_w * (-lo) / (hi - lo)
                p.setPen(QPen(ink, 1.2))
                p.drawLine(QLineF(mx, cy - 9, mx, cy + 9))
            x += bar_w + 6
            p.setPen(ink)
            p.drawText(QRectF(x, 0, hi_w + 2, h), Qt.AlignmentFlag.AlignVCenter, hi_t)
            x += hi_w + 14
        else:
            rh = self._row_h
            for color, text, x, row in self._entries(fm, self.width())[0]:
                cy_row = row * rh + rh / 2
                p.setPen(QPen(QColor(theme.COLORS.point_outline), 1.2))
                p.setBrush(color)
                p.drawEllipse(QPointF(x + 6, cy_row), 6, 6)
                p.setPen(ink)
                p.drawText(QRectF(x + 16, row * rh, fm.horizontalAdvance(text) + 2, rh),
                           Qt.AlignmentFlag.AlignVCenter, text)
            cy, h = rh / 2, rh
        if self._test_marker:
            self._draw_test_marker(p, fm, self.width() - self._marker_width(fm), cy, h)
        p.end()

    @staticmethod
    def _marker_width(fm) -> int:
        return fm.horizontalAdvance(translate("ColorLegend", "test")) + 26

    @staticmethod
    def _draw_test_marker(p: QPainter, fm, x: float, cy: float, h: float) -> None:
        s = 6.0
        text = translate("ColorLegend", "test")
        p.setPen(QPen(QColor(INK), 1.4))
        p.setBrush(QColor(theme.NEUTRAL))
        p.drawPolygon([QPointF(x + 6, cy - s), QPointF(x + 6 + s, cy), QPointF(x + 6, cy + s), QPointF(x + 6 - s, cy)])
        p.setPen(QColor(INK))
        p.drawText(QRectF(x + 16, 0, fm.horizontalAdvance(text) + 4, h), Qt.AlignmentFlag.AlignVCenter, text)


class LineLegend(QWidget):
    """Under the loss plot: a long line sample and a name per series."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._entries: list[tuple[dict, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 8)

    def set_entries(self, entries: list[tuple[dict, str]]) -> None:
        self._entries = list(entries)
        rows = 1 if self._fits_one_row() else 2
        self.setFixedHeight(rows * (self.fontMetrics().height() + 8))
        self.update()

    def _entry_width(self, fm, name: str) -> int:
        return 34 + 6 + fm.horizontalAdvance(name) + 16

    def _fits_one_row(self) -> bool:
        fm = self.fontMetrics()
        return 4 + sum(self._entry_width(fm, n) for _, n in self._entries) <= max(self.width(), 1)  # as painted

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        rows = 1 if self._fits_one_row() else 2
        height = rows * (self.fontMetrics().height() + 8)
        if height != self.height():
            self.setFixedHeight(height)

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        row_h = fm.height() + 8
        x, y = 4.0, 0.0
        for spec, name in self._entries:
            w = self._entry_width(fm, name)
            if x + w > self.width() and x > 4:
                x, y = 4.0, y + row_h
            cy = y + row_h / 2
            p.setPen(make_pen(spec))
            p.drawLine(QLineF(x, cy, x + 34, cy))
            p.setPen(QColor(INK))
            p.drawText(QRectF(x + 40, y, fm.horizontalAdvance(name) + 4, row_h), Qt.AlignmentFlag.AlignVCenter, name)
            x += w
        p.end()


def _num(v: float) -> str:
    return f"{v:.3g}".replace("-", "−")
