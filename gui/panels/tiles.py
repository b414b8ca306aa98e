"""Data set tiles: a thumbnail with a short name, checkable, painted by hand; their grid.

A tile is a ``QAbstractButton``: it takes keyboard focus, clicks and tooltips like any
button, and paints a rounded card — the accent colour marks the chosen data set with a
thick frame and a tinted card, so the choice does not rest on colour alone.
:class:`TileGrid` arranges them in sections; :class:`SegmentedSwitch` is the "truth table
/ noisy cloud" switch of the logic gates.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import QT_TRANSLATE_NOOP, translate

from .widgets import FlowLayout, section_heading

#: Space between the card's edge and the thumbnail, and under the label.
PAD = 5
LABEL_GAP = 3
#: Thumbnail of a compact tile (thumbnail left, name right): the logic gates.
COMPACT_THUMB = 26

#: The tiles: (section, [(key, tile label)]). Keys are generator names, "draw" and "csv";
#: the words are translated (context "DataTiles") when shown.
SECTIONS: list[tuple[str, list[tuple[str, str]]]] = [
    (QT_TRANSLATE_NOOP("DataTiles", "Logic gates"),
     [("and", QT_TRANSLATE_NOOP("DataTiles", "AND")), ("or", QT_TRANSLATE_NOOP("DataTiles", "OR")),
      ("nand", QT_TRANSLATE_NOOP("DataTiles", "NAND")), ("nor", QT_TRANSLATE_NOOP("DataTiles", "NOR")),
      ("xor_gate", QT_TRANSLATE_NOOP("DataTiles", "XOR")), ("xnor", QT_TRANSLATE_NOOP("DataTiles", "XNOR"))]),
    (QT_TRANSLATE_NOOP("DataTiles", "Classification"),
     [("circle", QT_TRANSLATE_NOOP("DataTiles", "Circle")), ("xor", QT_TRANSLATE_NOOP("DataTiles", "XOR")),
      ("gauss", QT_TRANSLATE_NOOP("DataTiles", "Gauss")), ("spiral", QT_TRANSLATE_NOOP("DataTiles", "Spiral")),
      ("blobs", QT_TRANSLATE_NOOP("DataTiles", "Blobs")), ("spiral3", QT_TRANSLATE_NOOP("DataTiles", "Spirals"))]),
    (QT_TRANSLATE_NOOP("DataTiles", "Regression"),
     [("reg_plane", QT_TRANSLATE_NOOP("DataTiles", "Plane")), ("reg_gauss", QT_TRANSLATE_NOOP("DataTiles", "Bumps"))]),
    (QT_TRANSLATE_NOOP("DataTiles", "Your data"),
     [("draw", QT_TRANSLATE_NOOP("DataTiles", "Draw")), ("csv", QT_TRANSLATE_NOOP("DataTiles", "CSV…"))]),
]
GATES = ("and", "or", "nand", "nor", "xor_gate", "xnor")
MULTI_CLASS = ("blobs", "spiral3")


class DataTile(QAbstractButton):
    """One data set: ``key`` names it; ``image_for(size)`` draws its thumbnail."""

    def __init__(self, key: str, text: str, tooltip: str, image_for: Callable[[int], QImage],
                 compact: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.compact = compact
        self._image_for = image_for
        self._thumb = COMPACT_THUMB if compact else 48
        self._image: QImage | None = None
        self.setText(text)
        self.setToolTip(tooltip)
        self.setAccessibleName(text)
        self.setAccessibleDescription(tooltip)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self._update_height()

    # -- size --------------------------------------------------------------------------
    def thumb_size(self) -> int:
        return self._thumb

    def set_thumb_size(self, size: int) -> None:
        if self.compact:
            return
        if size != self._thumb:
            self._thumb = size
            self._image = None
            self._update_height()
            self.update()

    def refresh_image(self) -> None:
        """Draw the thumbnail again (e.g. the gates' variant or the class count changed)."""
        self._image = None
        self.update()

    def image(self) -> QImage:
        if self._image is None:
            self._image = self._image_for(self._thumb)
        return self._image

    def _label_height(self) -> int:
        return self.fontMetrics().height()

    def _update_height(self) -> None:
        if self.compact:
            self.setFixedHeight(max(self._thumb, self._label_height()) + 2 * PAD)
        else:
            self.setFixedHeight(PAD + self._thumb + LABEL_GAP + self._label_height() + PAD)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        if self.compact:
            return QSize(self._thumb + 3 * PAD + self.fontMetrics().horizontalAdvance(self.text()), self.height())
        return QSize(self._thumb + 2 * PAD, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(36, self.height())

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event):  # noqa: N802 (Qt override)
        c = theme.COLORS
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        checked, hovered = self.isChecked(), self.underMouse()
        theme.paint_tile_card(p, card, checked, hovered)

        thumb = self._thumb
        if self.compact:
            target = QRectF(PAD + 2, (self.height() - thumb) / 2, thumb, thumb)
        else:
            target = QRectF((self.width() - thumb) / 2, PAD, thumb, thumb)
        if not self.isEnabled():
            p.setOpacity(0.45)
        p.drawImage(target, self.image())
        p.setOpacity(1.0)
        p.setPen(QPen(QColor("#c9d2d7"), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(target.adjusted(0.5, 0.5, -0.5, -0.5))

        font = QFont(self.font())
        if checked:
            font.setWeight(QFont.Weight.Bold)
        # A name a little too long for the tile (a longer translation, a narrow dock) is set
        # a little smaller before it is shortened with "…".
        room = (self.width() - target.right() - 9) if self.compact else (self.width() - 4)
        smallest = 0.8 * font.pointSizeF()
        while room > 0 and font.pointSizeF() - 0.25 >= smallest and \
                QFontMetricsF(font).horizontalAdvance(self.text()) > room:
            font.setPointSizeF(font.pointSizeF() - 0.25)
        p.setFont(font)
        p.setPen(QColor(c.ink if self.isEnabled() else c.disabled))
        if self.compact:
            text_rect = QRectF(target.right() + 7, 0, self.width() - target.right() - 9, self.height())
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        else:
            text_rect = QRectF(2, PAD + thumb + LABEL_GAP, self.width() - 4, self._label_height())
            align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        text = p.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, int(text_rect.width()))
        p.drawText(text_rect, align, text)

        if self.hasFocus() and not checked:
            p.setPen(QPen(QColor(c.accent), 1.5, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(card.adjusted(2, 2, -2, -2), 5, 5)
        p.end()


class TileGrid(QWidget):
    """The tiles with section headings; thumbnails grow with the panel's width.

    The logic gates are compact (a small truth-table picture beside the name) with the
    "table / cloud" switch in their heading; the other tiles stand in four columns (three
    in a narrow dock, so that names are not cut), the number of classes next to the two
    multi-class tiles it affects.
    """

    SPACING = 6

    def _redraw_thumbnails(self) -> None:
        """The theme or the data palette changed."""
        for tile in self.tiles.values():
            tile.refresh_image()

    #: narrowest cell, in pixels, for a tile name of 10-pt text to fit
    MIN_CELL = 58
    MIN_GATE_CELL = 84

    def __init__(self, variant_switch: QWidget, classes_box: QWidget, tiles: dict[str, DataTile],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.tiles = tiles
        self.classes_box = classes_box
        self.headings = {name: section_heading(translate("DataTiles", name)) for name, _ in SECTIONS}
        gates_head = FlowLayout(h_spacing=12, v_spacing=4)
        heading = self.headings["Logic gates"]
        heading.setMinimumHeight(variant_switch.sizeHint().height())
        gates_head.addWidget(heading)
        gates_head.addWidget(variant_switch)
        self.gates = QGridLayout()
        self.gates.setSpacing(self.SPACING)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(self.SPACING)
        self.grid.setVerticalSpacing(self.SPACING)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.SPACING)
        layout.addLayout(gates_head)
        layout.addLayout(self.gates)
        layout.addSpacing(2)
        layout.addLayout(self.grid)
        self.columns = self.gate_columns = 0
        theme.on_change(self._redraw_thumbnails)
        self._arrange(4, 3)

    @staticmethod
    def _empty(grid: QGridLayout) -> None:
        while grid.count():
            grid.takeAt(0)
        for c in range(5):
            grid.setColumnStretch(c, 0)

    def _arrange(self, columns: int, gate_columns: int) -> None:
        if gate_columns != self.gate_columns:
            self.gate_columns = gate_columns
            self._empty(self.gates)
            for i, key in enumerate(GATES):
                self.gates.addWidget(self.tiles[key], i // gate_columns, i % gate_columns)
            for c in range(gate_columns):
                self.gates.setColumnStretch(c, 1)
        if columns == self.columns:
            return
        self.columns = columns
        t, h, g = self.tiles, self.headings, self.grid
        self._empty(g)
        if columns == 4:
            g.addWidget(h["Classification"], 0, 0, 1, 4)
            for col, key in enumerate(("circle", "xor", "gauss", "spiral")):
                g.addWidget(t[key], 1, col)
            g.addWidget(t["blobs"], 2, 0)
            g.addWidget(t["spiral3"], 2, 1)
            g.addWidget(self.classes_box, 2, 2, 1, 2)
            g.addWidget(h["Regression"], 3, 0, 1, 2)
            g.addWidget(h["Your data"], 3, 2, 1, 2)
            for col, key in enumerate(("reg_plane", "reg_gauss", "draw", "csv")):
                g.addWidget(t[key], 4, col)
        else:  # three columns in a narrow dock, two with large text (presentation mode)
            n = columns
            g.addWidget(h["Classification"], 0, 0, 1, n)
            for i, key in enumerate(("circle", "xor", "gauss", "spiral", "blobs", "spiral3")):
                g.addWidget(t[key], 1 + i // n, i % n)
            row = 1 + (6 + n - 1) // n
            g.addWidget(self.classes_box, row, 0, 1, n)
            g.addWidget(h["Regression"], row + 1, 0, 1, n)
            g.addWidget(t["reg_plane"], row + 2, 0)
            g.addWidget(t["reg_gauss"], row + 2, 1)
            g.addWidget(h["Your data"], row + 3, 0, 1, n)
            g.addWidget(t["draw"], row + 4, 0)
            g.addWidget(t["csv"], row + 4, 1)
        for col in range(4):
            g.setColumnStretch(col, 1 if col < columns else 0)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        width = event.size().width()

        def cell(n: int) -> float:
            return (width - (n - 1) * self.SPACING) / n

        # the thresholds are for 10-pt text: larger text (presentation mode) needs wider cells
        text = self.font()
        ten = QFont(text)
        ten.setPointSizeF(10.0)
        grow = max(1.0, QFontMetricsF(text).height() / QFontMetricsF(ten).height())
        least = self.MIN_CELL * grow
        columns = 4 if cell(4) >= least else 3 if cell(3) >= least or grow == 1.0 else 2
        self._arrange(columns, 3 if cell(3) >= self.MIN_GATE_CELL * grow else 2)
        thumb = int(max(32, min(72, cell(columns) - 2 * PAD - 8)) // 4 * 4)
        for tile in self.tiles.values():
            tile.set_thumb_size(thumb)


class SegmentedSwitch(QWidget):
    """Two or more mutually exclusive buttons joined into one control."""

    def __init__(self, labels: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QToolButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        for i, (text, tip) in enumerate(labels):
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.setCheckable(True)
            b.setMinimumHeight(26)
            first, last = i == 0, i == len(labels) - 1
            radius = ("border-top-left-radius: 5px; border-bottom-left-radius: 5px;" if first else "") + \
                     ("border-top-right-radius: 5px; border-bottom-right-radius: 5px;" if last else "")
            b.setProperty("segmentCorners", f"{radius} {'' if first else 'border-left: none;'}")
            self.group.addButton(b, i)
            self.buttons.append(b)
            row.addWidget(b)
        self.buttons[0].setChecked(True)
        self._restyle()
        theme.on_change(self._restyle)

    def _restyle(self) -> None:
        """The segments in the live theme's colours."""
        c = theme.COLORS
        for b in self.buttons:
            b.setStyleSheet(
                f"QToolButton {{ background: {c.surface}; color: {c.ink}; border: 1px solid {c.border};"
                f" padding: 2px 9px; {b.property('segmentCorners')} }}"
                f"QToolButton:hover {{ background: {c.accent_soft}; }}"
                f"QToolButton:checked {{ background: {c.accent}; color: {c.on_accent}; border-color: {c.accent}; }}"
                f"QToolButton:disabled {{ color: {c.disabled}; }}"
            )

    def index(self) -> int:
        return self.group.checkedId()

    def set_index(self, i: int) -> None:
        with QSignalBlocker(self.group):
            self.buttons[i].setChecked(True)
