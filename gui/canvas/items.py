"""The canvas items: a neuron with its heatmap thumbnail and bias marker, a layer's lane
with its header and +/− buttons, and the drop indicator.

Items only draw what the scene hands them (values, pixmap rows, text) and report mouse
gestures to their scene; they never read or change the document.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainterPath, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from engine.activations import MAXOUT, make_activation
from gui.i18n import translate

from . import style
from .sprites import BIAS_SPRITE_RECT, FRAME_RECT, bias_level

S = style.NEURON_SIZE
HALF = S / 2
#: from an input neuron's left edge to the right end of its label (x₁): clear of the lane,
#: whose edge is LANE_PAD away and drawn up to 3 px wide (high contrast, presentation)
LABEL_GAP = style.LANE_PAD + 6


class NeuronItem(QGraphicsItem):
    """One unit: a rounded square showing its activation over the input plane."""

    def __init__(self, uid: int):
        super().__init__()
        self.uid = uid
        self.column = 0
        self.index = 0
        self.kind = "hidden"  # "input", "hidden" or "output"
        #: global unit number: row of the thumbnail atlas, index into the scene's arrays
        self.row = 0
        self.bias = 0.0
        self.bias_frozen = False
        self.hovered = False
        self.label: QStaticText | None = None
        self._label_width = 0.0
        self.text_scale = 1.0
        self._rect = QRectF(-HALF, -HALF, S, S)
        self._path = QPainterPath()
        self._path.addRoundedRect(self._rect, style.NEURON_RADIUS, style.NEURON_RADIUS)
        self._bounds = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # The item draws only what changes with hover, selection and zoom (its frame and
        # label); the live parts — thumbnail and bias marker — are drawn for all neurons
        # at once by two UnitLayers. Cached, a training frame blits it without a call
        # into Python.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._update_bounds()

    # ------------------------------------------------------------------ state from the scene
    def set_ref(self, column: int, index: int, row: int, kind: str, label: str | None) -> None:
        self.column, self.index, self.row = column, index, row
        if kind != self.kind or (label or "") != (self.label.text() if self.label else ""):
            self.prepareGeometryChange()
            self.kind = kind
            if label:
                self.label = QStaticText(label)
                self.label.prepare(font=style.feature_font())
                self._label_width = QFontMetricsF(style.feature_font()).horizontalAdvance(label)
            else:
                self.label, self._label_width = None, 0.0
            self._update_bounds()
        self.update()

    def set_text_scale(self, f: float) -> None:
        if f != self.text_scale:
            self.prepareGeometryChange()
            self.text_scale = f
            self._update_bounds()

    def set_bias(self, value: float, frozen: bool) -> bool:
        """Store the bias (drawn by the bias UnitLayer); True if its marker changes."""
        changed = frozen != self.bias_frozen or bias_level(value) != bias_level(self.bias)
        self.bias, self.bias_frozen = value, frozen
        return changed

    def _update_bounds(self) -> None:
        pad = 5.0  # selection outline
        left = HALF + max(pad, style.BIAS_SIZE / 2 + 1)
        if self.label is not None:
            left = max(left, HALF + LABEL_GAP + self._label_width * self.text_scale)
        self._bounds = QRectF(-left, -HALF - pad, left + HALF + pad, S + 2 * pad)

    # ------------------------------------------------------------------ painting
    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._path

    def paint(self, painter, option, widget=None) -> None:
        # Every piece is a pixmap pre-rendered at the on-screen size (see sprites.py),
        # drawn without smoothing. The thumbnail under this and the bias marker over it
        # are the scene's UnitLayers.
        scene = self.scene()
        if scene is None:
            return
        sprites = scene.sprites
        painter.setRenderHint(painter.RenderHint.SmoothPixmapTransform, False)
        frame = sprites.frame("selected" if self.isSelected() else "hover" if self.hovered else "normal")
        painter.drawPixmap(FRAME_RECT, frame, QRectF(frame.rect()))
        if self.label is not None:
            f = self.text_scale
            painter.setFont(style.feature_font())
            painter.setPen(style.INK)
            size = self.label.size()
            painter.translate(-HALF - LABEL_GAP, 0)
            painter.scale(f, f)
            painter.drawStaticText(QPointF(-size.width(), -size.height() / 2), self.label)

    # ------------------------------------------------------------------ gestures → scene
    def hoverEnterEvent(self, event):  # noqa: N802
        self.hovered = True
        self.update()
        if self.scene() is not None:
            self.scene().neuron_hovered(self, True)

    def hoverLeaveEvent(self, event):  # noqa: N802
        self.hovered = False
        self.update()
        if self.scene() is not None:
            self.scene().neuron_hovered(self, False)

    def mousePressEvent(self, event):  # noqa: N802
        super().mousePressEvent(event)  # selection as Qt does it (Ctrl toggles)
        if event.button() == Qt.MouseButton.LeftButton:
            self.scene().drag.press(self, event)
            event.accept()

    def mouseMoveEvent(self, event):  # noqa: N802
        self.scene().drag.move(event)

    def mouseReleaseEvent(self, event):  # noqa: N802
        scene = self.scene()
        moved = scene.drag.release(event)
        if not moved and event.button() == Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            scene.unit_clicked(self.uid)

    def mouseDoubleClickEvent(self, event):  # noqa: N802
        self.scene().inspect_unit(self.uid)


class UnitLayer(QGraphicsItem):
    """The live part of every neuron, drawn in one call: ``"thumbnails"`` (under the
    neurons' frames) or ``"bias"`` (the markers, over them).

    One paint for all neurons instead of one per neuron: each call from Qt into Python
    costs tens of µs and, while training runs, a wait for the interpreter lock. Positions
    are the neuron items' own, read at paint time; the scene calls :meth:`update` when
    the maps, the biases or the positions change.
    """

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setZValue(9.5 if kind == "thumbnails" else 10.5)

    def set_rect(self, rect: QRectF) -> None:
        """Where neurons may be (the scene rect): all of it is repainted on update."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never picked: clicks and hovers go to the neurons

    def paint(self, painter, option, widget=None) -> None:
        scene = self.scene()
        if scene is None or not scene.order:
            return
        painter.setRenderHint(painter.RenderHint.SmoothPixmapTransform, False)
        draw, sprites = painter.drawPixmap, scene.sprites
        if self.kind == "bias":
            for it in scene.order:
                if it.kind != "input":
                    marker = sprites.bias(bias_level(it.bias), it.bias_frozen)
                    draw(BIAS_SPRITE_RECT.translated(it.pos()), marker, QRectF(marker.rect()))
        elif scene.thumbs is not None:
            pixmap, n = scene.thumbs
            for it in scene.order:
                draw(_NEURON_RECT.translated(it.pos()), pixmap, QRectF(0, it.row * n, n, n))
        else:
            empty = sprites.empty()
            source = QRectF(empty.rect())
            for it in scene.order:
                draw(FRAME_RECT.translated(it.pos()), empty, source)


_NEURON_RECT = QRectF(-HALF, -HALF, S, S)


class RoundButton(QGraphicsItem):
    """A small round "+" or "−" button in a layer header."""

    def __init__(self, sign: str, tooltip: str, on_click: Callable[[], None], parent: QGraphicsItem):
        super().__init__(parent)
        self.sign = sign
        self.on_click = on_click
        self.hovered = False
        self.enabled = True
        self.setToolTip(tooltip)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        r = style.BUTTON_SIZE / 2
        self._rect = QRectF(-r, -r, 2 * r, 2 * r)

    def set_enabled(self, on: bool) -> None:
        if on != self.enabled:
            self.enabled = on
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-1, -1, 1, 1)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(self._rect)
        return path

    def paint(self, painter, option, widget=None) -> None:
        fill = style.ACCENT_SOFT if (self.hovered and self.enabled) else style.BUTTON_FILL
        painter.setBrush(fill)
        painter.setPen(style.pen(style.COLORS.accent if self.hovered and self.enabled else style.COLORS.button_border, 1.2))
        painter.drawEllipse(self._rect)
        ink = style.INK if self.enabled else QColor(style.COLORS.disabled)
        painter.setPen(QPen(ink, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        a = style.BUTTON_SIZE * 0.25
        painter.drawLine(QPointF(-a, 0), QPointF(a, 0))
        if self.sign == "+":
            painter.drawLine(QPointF(0, -a), QPointF(0, a))

    def hoverEnterEvent(self, event):  # noqa: N802
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event):  # noqa: N802
        self.hovered = False
        self.update()

    def mousePressEvent(self, event):  # noqa: N802
        event.accept()

    def mouseReleaseEvent(self, event):  # noqa: N802
        if self.enabled and self.shape().contains(event.pos()):
            self.on_click()


@lru_cache(maxsize=None)
def activation_glyph(name: str, width: float = 20.0, height: float = 13.0) -> QPainterPath:
    """A tiny plot of f(z) for z in [−3, 3], fitted into width × height (y up)."""
    path = QPainterPath()
    zs = [-3 + 6 * k / 40 for k in range(41)]
    if name == MAXOUT:
        ys = [max(-0.6 * z, 0.9 * z - 0.4) for z in zs]
    else:
        try:
            f = make_activation(name)
            import numpy as np

            if name == "softmax":
                ys = [1 / (1 + math.exp(-z)) for z in zs]
            else:
                ys = [float(v) for v in f(np.array(zs)[:, None]).ravel()]
        except Exception:  # noqa: BLE001 (a glyph is decoration; never fail over it)
            ys = zs
    lo, hi = min(ys), max(ys)
    span = (hi - lo) or 1.0
    for k, (z, y) in enumerate(zip(zs, ys)):
        px = (z + 3) / 6 * width - width / 2
        py = height / 2 - (y - lo) / span * height
        if k == 0:
            path.moveTo(px, py)
        else:
            path.lineTo(px, py)
    return path


class LayerItem(QGraphicsItem):
    """A column: the lane behind its neurons, and a header with the layer's title, size,
    activation and +/− buttons. Dragging the header moves the column.

    The lane and header are painted by the scene's background (``paint_lane``), which the
    view caches: they change rarely, and during training the frames then blit one cached
    background instead of every lane. The item itself only takes the mouse; after a
    visual change it invalidates its part of the background.
    """

    def __init__(self, cid: int, on_add: Callable[[int], None], on_remove: Callable[[int], None]):
        super().__init__()
        self.cid = cid
        self.column = 0
        self.kind = "hidden"
        self.title = ""
        self.subtitle = ""
        self.activation = ""
        self.activation_text = ""
        self.selected = False
        self.drop_target = False
        self.hover_header = False
        self.top = 0.0
        self.bottom = 0.0
        self._text_width = style.LANE_WIDTH  # unscaled
        #: header text and buttons are drawn this much larger, so that a network zoomed
        #: out to fit still has readable headings (set by the scene from the zoom)
        self.text_scale = 1.0
        self._painted = QRectF()
        self.setZValue(-10)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.plus = RoundButton("+", translate("LayerItem", "Add a neuron to this layer"),
                                lambda: on_add(self.cid), self)
        self.minus = RoundButton("−", translate("LayerItem", "Remove this layer's last neuron"),
                                 lambda: on_remove(self.cid), self)

    def set_info(self, column: int, kind: str, title: str, subtitle: str, activation: str,
                 activation_text: str, can_add: bool, can_remove: bool) -> None:
        changed = (column, kind, title, subtitle, activation, activation_text) != (
            self.column, self.kind, self.title, self.subtitle, self.activation, self.activation_text)
        self.column = column
        if changed:
            self.prepareGeometryChange()
            self.kind, self.title, self.subtitle = kind, title, subtitle
            self.activation, self.activation_text = activation, activation_text
            fm_t, fm_c = QFontMetricsF(style.title_font()), QFontMetricsF(style.caption_font())
            widths = [fm_t.horizontalAdvance(title), fm_c.horizontalAdvance(subtitle),
                      fm_c.horizontalAdvance(activation_text) + 30]
            self._text_width = max(style.LANE_WIDTH, max(widths) + 10)
            self._repaint()
        buttons = kind != "input"
        self.plus.setVisible(buttons)
        self.minus.setVisible(buttons)
        self.plus.set_enabled(can_add)
        self.minus.set_enabled(can_remove)

    def set_span(self, top: float, bottom: float, text_scale: float = 1.0) -> None:
        """The lane from ``top`` (the header's top edge) down to ``bottom``, scene y."""
        if (top, bottom, text_scale) != (self.top, self.bottom, self.text_scale):
            self.prepareGeometryChange()
            self.top, self.bottom, self.text_scale = top, bottom, text_scale
            self._repaint()
            f = text_scale
            y = top + (style.HEADER_HEIGHT - style.BUTTON_SIZE / 2 - 6) * f
            for button, dx in ((self.minus, -1), (self.plus, 1)):
                button.setScale(f)
                button.setPos(dx * (style.BUTTON_SIZE / 2 + 5) * f, y)

    def _repaint(self) -> None:
        """Invalidate the background where the lane was and where it is now."""
        scene = self.scene()
        rect = self.sceneBoundingRect()
        if scene is not None:
            scene.invalidate(rect.united(self._painted), QGraphicsScene.SceneLayer.BackgroundLayer)
        self._painted = rect

    def itemChange(self, change, value):  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self._repaint()
        elif change == QGraphicsItem.GraphicsItemChange.ItemSceneChange and value is None and self.scene():
            self.scene().invalidate(self._painted, QGraphicsScene.SceneLayer.BackgroundLayer)
        return super().itemChange(change, value)

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self._repaint()

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self._repaint()

    def lane_rect(self) -> QRectF:
        w = style.LANE_WIDTH
        return QRectF(-w / 2, self.top, w, self.bottom - self.top)

    def header_rect(self) -> QRectF:
        f = self.text_scale
        w = max(style.LANE_WIDTH, self._text_width * f)
        return QRectF(-w / 2, self.top, w, (style.HEADER_HEIGHT - style.BUTTON_SIZE - 8) * f)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.lane_rect().united(self.header_rect()).adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        # Only the title area grabs the mouse: a click on the lane's empty body belongs to
        # the canvas (rubber-band selection), and edges crossing it stay clickable.
        path = QPainterPath()
        path.addRect(self.header_rect())
        return path

    def paint(self, painter, option, widget=None) -> None:
        pass  # ItemHasNoContents: the scene's background paints paint_lane()

    def paint_lane(self, painter) -> None:
        """The lane and header, in item coordinates (called by the scene's background)."""
        lane = self.lane_rect()
        if self.drop_target:
            painter.setBrush(style.LANE_DROP_FILL)
            painter.setPen(style.pen(style.COLORS.accent, 2.0, Qt.PenStyle.DashLine))
        elif self.selected:
            painter.setBrush(style.LANE_FILL)
            painter.setPen(style.pen(style.COLORS.accent, 2.5))
        else:
            painter.setBrush(style.LANE_FILL)
            painter.setPen(style.pen(style.LANE_BORDER.name(), 1.0))
        painter.drawRoundedRect(lane, style.LANE_RADIUS, style.LANE_RADIUS)
        painter.translate(0, self.top)
        painter.scale(self.text_scale, self.text_scale)
        w = self._text_width
        y = 8
        painter.setPen(style.ACCENT if (self.hover_header or self.selected) else style.INK)
        painter.setFont(style.title_font())
        painter.drawText(QRectF(-w / 2, y, w, 20), Qt.AlignmentFlag.AlignCenter, self.title)
        painter.setPen(style.MUTED)
        painter.setFont(style.caption_font())
        painter.drawText(QRectF(-w / 2, y + 21, w, 18), Qt.AlignmentFlag.AlignCenter, self.subtitle)
        if self.activation_text:
            fm = QFontMetricsF(style.caption_font())
            tw = fm.horizontalAdvance(self.activation_text)
            total = tw + 28
            x0 = -total / 2
            painter.translate(x0 + 10, y + 47)
            painter.setPen(style.pen(style.COLORS.ink, 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(activation_glyph(self.activation))
            painter.translate(-(x0 + 10), -(y + 47))
            painter.setPen(style.INK)
            painter.drawText(QRectF(x0 + 27, y + 38, tw + 2, 18), Qt.AlignmentFlag.AlignVCenter, self.activation_text)

    # ------------------------------------------------------------------ gestures → scene
    def hoverMoveEvent(self, event):  # noqa: N802
        inside = self.header_rect().contains(event.pos())
        if inside != self.hover_header:
            self.hover_header = inside
            self.setCursor(Qt.CursorShape.SizeHorCursor if inside else Qt.CursorShape.ArrowCursor)
            self._repaint()

    def hoverLeaveEvent(self, event):  # noqa: N802
        if self.hover_header:
            self.hover_header = False
            self.unsetCursor()
            self._repaint()

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.header_rect().contains(event.pos()):
            self.scene().drag.press_column(self, event)
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event):  # noqa: N802
        self.scene().drag.move(event)

    def mouseReleaseEvent(self, event):  # noqa: N802
        scene = self.scene()
        if not scene.drag.release(event):
            scene.inspect_layer(self.cid)

    def mouseDoubleClickEvent(self, event):  # noqa: N802
        self.scene().inspect_layer(self.cid)


class DropIndicator(QGraphicsItem):
    """Where a dropped layer would go: a dashed accent bar between two columns."""

    def __init__(self):
        super().__init__()
        self.setZValue(20)
        self.setVisible(False)
        self._rect = QRectF()

    def show_at(self, x: float, top: float, bottom: float, narrow: bool = False) -> None:
        """``narrow``: the layers will move apart to make room; show a slim slot."""
        self.prepareGeometryChange()
        w = style.LANE_WIDTH * (0.45 if narrow else 1.0)
        self._rect = QRectF(x - w / 2, top, w, bottom - top)
        self.setVisible(True)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter, option, widget=None) -> None:
        painter.setBrush(QColor(215, 239, 236, 140))
        painter.setPen(style.pen(style.COLORS.accent, 2.0, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(self._rect, style.LANE_RADIUS, style.LANE_RADIUS)
        painter.setPen(style.ACCENT)
        painter.setFont(style.button_font())
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, "+")
