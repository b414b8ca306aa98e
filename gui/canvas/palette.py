"""The palette above the canvas: neuron, layer of n neurons, input feature, output neuron.

Each entry is a drag source whose ``QDrag`` carries only a type id (b"neuron",
b"layer:4", b"feature", b"output") under :data:`MIME_TYPE`; the view's drop handler
decides what it means where it lands. A plain click adds the item where it usually goes,
so everything also works without dragging (keyboard, touchpad, a teacher in a hurry).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QToolButton

from gui import theme
from gui.i18n import translate
from gui.icons import icon

from . import style

MIME_TYPE = "application/x-neurona-item"


def mime_data(type_id: bytes) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, type_id)
    return mime


class PaletteButton(QToolButton):
    """An icon and a label; drag it onto the canvas, or click it."""

    activated = Signal(bytes)

    def __init__(self, type_id: bytes, icon_name: str, text: str, tooltip: str, parent=None):
        super().__init__(parent)
        self._type_id = type_id
        self.setObjectName(f"palette_{type_id.decode().split(':')[0]}")
        self.setIcon(icon(icon_name))
        self.setIconSize(QSize(22, 22))
        self.setText(text)
        self.setToolTip(tooltip)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setProperty("role", "palette")
        self._press: QPoint | None = None
        self._dragged = False

    def type_id(self) -> bytes:
        return self._type_id

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):  # noqa: N802
        if self._press is not None and not self._dragged and \
                (event.position().toPoint() - self._press).manhattanLength() >= QApplication.startDragDistance():
            self._dragged = True
            self.setDown(False)
            self._start_drag()
            self._press = None
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802
        dragged = self._dragged
        self._press, self._dragged = None, False
        super().mouseReleaseEvent(event)
        if not dragged and event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.activated.emit(self.type_id())

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.type_id())
            return
        super().keyPressEvent(event)

    def _start_drag(self) -> None:
        drag = QDrag(self)
        drag.setMimeData(mime_data(self.type_id()))
        pixmap = self.icon().pixmap(QSize(32, 32))
        ghost = QPixmap(40, 40)
        ghost.fill(Qt.GlobalColor.transparent)
        p = QPainter(ghost)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(style.ACCENT_SOFT)
        p.setPen(style.pen(theme.COLORS.accent, 1.5))
        p.drawRoundedRect(1, 1, 38, 38, 8, 8)
        p.drawPixmap(4, 4, pixmap)
        p.end()
        drag.setPixmap(ghost)
        drag.setHotSpot(QPoint(20, 20))
        drag.exec(Qt.DropAction.CopyAction)


class LayerPaletteButton(PaletteButton):
    """"Layer of [n]": the spin box sets how many neurons the new layer gets."""

    def __init__(self, parent=None):
        super().__init__(b"layer:4", "layer", translate("Palette", "Layer"),
                         translate("Palette", "Drag a new hidden layer onto the canvas (or click "
                                   "to add one before the output)"), parent)
        self.size_spin = QSpinBox()
        self.size_spin.setObjectName("paletteLayerSize")
        self.size_spin.setRange(1, style.MAX_NEURONS_PER_COLUMN)
        self.size_spin.setValue(4)
        self.size_spin.setSuffix(translate("Palette", " neurons"))
        self.size_spin.setToolTip(translate("Palette", "How many neurons a new layer gets"))
        self.size_spin.setAccelerated(True)

    def type_id(self) -> bytes:
        return f"layer:{self.size_spin.value()}".encode()


class Palette(QFrame):
    """The strip of palette items plus the canvas's view buttons (layout, zoom, fit)."""

    def restyle(self) -> None:
        """Colours from the live theme (called again when it changes)."""
        c = theme.COLORS
        self.setStyleSheet(
            f"""
            QFrame#canvasPalette {{ background: {c.surface}; border-bottom: 1px solid {c.border}; }}
            QToolButton[role="palette"] {{
                border: 1px solid {c.border}; border-radius: 8px; padding: 4px 10px 4px 6px;
                background: {c.button};
            }}
            QToolButton[role="palette"]:hover {{ background: {c.accent_soft};
                border-color: {c.accent}; }}
            QToolButton[role="palette"]:pressed {{ background: {c.accent_soft_pressed}; }}
            QToolButton[role="view"] {{ border: 1px solid transparent; border-radius: 6px; padding: 3px; }}
            QToolButton[role="view"]:hover {{ background: {c.accent_soft}; }}
            """
        )
        pal = self.palette()  # after the style sheet, whose polish would put back the old one
        pal.setColor(pal.ColorRole.Window, QColor(c.surface))
        self.setPalette(pal)

    #: a palette item was clicked (not dragged): add it where it usually goes
    item_activated = Signal(bytes)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("canvasPalette")
        self.setAutoFillBackground(True)
        self.restyle()
        theme.on_change(self.restyle)
        self.neuron = PaletteButton(b"neuron", "neuron", translate("Palette", "Neuron"),
                                    translate("Palette", "Drag a neuron into a layer, or between layers for a new "
                                              "one-neuron layer (click: add to the last hidden layer)"))
        self.layer = LayerPaletteButton()
        self.feature = PaletteButton(b"feature", "feature", translate("Palette", "Input"),
                                     translate("Palette", "Switch on the next input feature (x₁, x₂, x₁², …)"))
        self.output = PaletteButton(b"output", "output", translate("Palette", "Output"),
                                    translate("Palette", "Add an output neuron (one per class for multi-class data)"))
        heading = self.heading = QLabel(translate("Palette", "NETWORK"))
        heading.setFont(theme.heading_font())
        theme.set_role(heading, "heading")
        hint = QLabel(translate("Palette", "drag onto the canvas · right-click anything for more"))
        theme.set_role(hint, "control-label")
        hint.setObjectName("paletteHint")
        self.hint = hint
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 7, 10, 7)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(self.neuron)
        layout.addWidget(self.layer)
        layout.addWidget(self.layer.size_spin)
        layout.addWidget(self.feature)
        layout.addWidget(self.output)
        layout.addSpacing(6)
        layout.addWidget(hint, 1)
        self.view_buttons: dict[str, QToolButton] = {}
        for name, icon_name, tip in (
            ("auto_layout", "layout", translate("Palette", "Auto layout: line the layers and neurons up again")),
            ("zoom_out", "zoom-out", translate("Palette", "Zoom out (Ctrl+−, or Ctrl+wheel)")),
            ("zoom_in", "zoom-in", translate("Palette", "Zoom in (Ctrl++, or Ctrl+wheel)")),
            ("fit", "fit", translate("Palette", "Fit the network to the window (Ctrl+0)")),
        ):
            button = QToolButton()
            button.setObjectName(f"canvas_{name}")
            button.setIcon(icon(icon_name))
            button.setIconSize(QSize(20, 20))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.setProperty("role", "view")
            layout.addWidget(button)
            self.view_buttons[name] = button
        for button in (self.neuron, self.layer, self.feature, self.output):
            button.activated.connect(self.item_activated)
        # fit_width() sheds labels on narrow canvases; the layout must not hold them wide
        self.setMinimumWidth(320)

    def buttons(self) -> list[PaletteButton]:
        return [self.neuron, self.layer, self.feature, self.output]

    def fit_width(self, width: int) -> None:
        """Narrow canvases (a 1024 × 768 projector): drop the hint, then the labels; every
        control stays."""
        # larger text (presentation mode's UI scale) needs proportionally more room
        width = int(width / max(1.0, self.fontMetrics().height() / 15.0))
        labelled = width >= 860
        style_ = Qt.ToolButtonStyle.ToolButtonTextBesideIcon if labelled else Qt.ToolButtonStyle.ToolButtonIconOnly
        for button in self.buttons():
            button.setToolButtonStyle(style_)
        self.layer.size_spin.setSuffix(translate("Palette", " neurons") if labelled else "")
        self.layer.size_spin.setMaximumWidth(120 if labelled else 64)
        self.heading.setVisible(width >= 560)
        self.hint.setVisible(width >= 1200)

