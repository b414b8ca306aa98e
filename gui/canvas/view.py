"""The canvas view: zoom, pan, palette drops, keyboard, and a toast for refused edits.

* Ctrl+wheel zooms around the cursor; the wheel scrolls (Shift+wheel sideways); the
  middle button, or Space held down while dragging, pans. A tap of Space still reaches
  the window's Play/Pause (the view hands it on when no drag happened).
* ``fit()`` shows the whole network; until the user zooms or pans, the view keeps fitting
  as the network grows, shrinks or the window is resized.
* Palette drops (``application/x-neurona-item``) are previewed while the drag moves (the
  target lane lights up, or a dashed slot shows where a new layer would go) and handed to
  :meth:`~gui.canvas.actions.CanvasActions.drop`.
* ``FullViewportUpdate`` was measured against Qt's default (minimal) update mode with
  ``python -m gui.canvas.bench``: during training nearly every item changes every frame
  and the edge item spans the network, so one full repaint skips the region bookkeeping
  and was faster (see docs/performance.md).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel

from gui import theme
from gui.theme import COLORS

from . import style
from .palette import MIME_TYPE

VIEWPORT_UPDATE_MODE = QGraphicsView.ViewportUpdateMode.FullViewportUpdate
_ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


class Toast(QLabel):
    """A short message at the bottom of the canvas (why an edit was refused)."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setObjectName("canvasToast")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.restyle()
        theme.on_change(self.restyle)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def restyle(self) -> None:
        self.setStyleSheet(
            f"QLabel#canvasToast {{ background: {COLORS.toast_bg}; color: {COLORS.toast_ink}; border-radius: 8px;"
            " padding: 8px 14px; }"
        )

    def show_message(self, text: str, ms: int = 4500) -> None:
        self.setText(text)
        self.reposition()
        self.show()
        self.raise_()
        self._timer.start(ms)

    def reposition(self) -> None:
        parent = self.parentWidget()
        width = min(560, parent.width() - 40)
        self.setFixedWidth(max(width, 120))
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, parent.height() - self.height() - 18)


class NetworkView(QGraphicsView):
    #: Enter on the canvas: inspect the selection
    enter_pressed = Signal()
    #: Escape on the canvas
    escape_pressed = Signal()
    #: the view was resized (overlays re-place themselves)
    resized = Signal()

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setObjectName("networkView")
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
            | QPainter.RenderHint.TextAntialiasing
        )
        self.setViewportUpdateMode(VIEWPORT_UPDATE_MODE)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        # every item's bounding rect includes its pen, so Qt need not pad them
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        #: keep fitting the network until the user zooms or pans
        self.auto_fit = True
        self._pan_from: QPointF | None = None
        self._space = False
        self._space_used = False
        self.toast = Toast(self)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._refit)
        self._structural = False
        scene.layout_changed.connect(self._on_layout)

    # ------------------------------------------------------------------ zoom and fit
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QGraphicsView.ViewportAnchor | None = None) -> None:
        current = self.zoom()
        target = min(max(current * factor, style.MIN_ZOOM), style.MAX_ZOOM)
        if abs(target - current) < 1e-9:
            return
        old = self.transformationAnchor()
        if anchor is not None:
            self.setTransformationAnchor(anchor)
        self.scale(target / current, target / current)
        self.setTransformationAnchor(old)
        self._transformed()

    def _transformed(self) -> None:
        scene = self.scene()
        scene.set_device_scale(self.zoom() * self.devicePixelRatioF())
        scene.set_text_scale(style.text_scale_for(self.zoom()))

    def zoom_in(self) -> None:
        self.auto_fit = False
        self.set_zoom(style.ZOOM_STEP, QGraphicsView.ViewportAnchor.AnchorViewCenter)

    def zoom_out(self) -> None:
        self.auto_fit = False
        self.set_zoom(1 / style.ZOOM_STEP, QGraphicsView.ViewportAnchor.AnchorViewCenter)

    def fit(self) -> None:
        """Show the whole network (never magnified beyond MAX_FIT_ZOOM)."""
        self.auto_fit = True
        scene = self.scene()
        vp = self.viewport().rect()
        for _ in range(3):  # headings grow as the zoom shrinks, which moves the fit a little
            rect = scene.network_rect()
            if rect.isEmpty():
                return
            m = style.FIT_MARGIN
            rect = rect.adjusted(-m, -m, m, m)
            scale = min(vp.width() / rect.width(), vp.height() / rect.height())
            scale = min(max(scale, style.MIN_ZOOM), style.MAX_FIT_ZOOM)
            if not scene.set_text_scale(style.text_scale_for(scale)):
                break
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())
        self._transformed()

    def _on_layout(self, structural: bool) -> None:
        self._structural |= structural
        if self.auto_fit:
            self._fit_timer.start()

    def _refit(self) -> None:
        structural, self._structural = self._structural, False
        if not self.auto_fit:
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if structural or not visible.contains(self.scene().network_rect()):
            self.fit()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()
        if self.toast.isVisible():
            self.toast.reposition()
        self.resized.emit()

    # ------------------------------------------------------------------ wheel and pan
    def wheelEvent(self, event):  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.auto_fit = False
                self.set_zoom(math.pow(style.ZOOM_STEP, steps), QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            event.accept()
            return
        self.auto_fit = False
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def _start_pan(self, pos: QPointF) -> None:
        self._pan_from = pos
        self.auto_fit = False
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton or (
                event.button() == Qt.MouseButton.LeftButton and self._space):
            self._space_used = True
            self._start_pan(event.position())
            event.accept()
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):  # noqa: N802
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - round(delta.x()))
            v.setValue(v.value() - round(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802
        if self._pan_from is not None:
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event):  # noqa: N802
        self.scene().leave()
        super().leaveEvent(event)

    # ------------------------------------------------------------------ keyboard
    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride:
            key = event.key()
            has_selection = bool(self.scene().selected_neurons()) or self.scene().current is not None
            if key == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                event.accept()  # tap: Play (handed on at release); hold and drag: pan
                return True
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter,
                       Qt.Key.Key_Escape) or (key in _ARROWS and has_selection and
                                              event.modifiers() == Qt.KeyboardModifier.NoModifier):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event):  # noqa: N802
        key = event.key()
        scene = self.scene()
        if key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self._space, self._space_used = True, False
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            scene.delete_selected()
        elif key in _ARROWS:
            scene.navigate(key)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
        elif key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            if self._pan_from is None:
                self.viewport().unsetCursor()
            if not self._space_used:
                self._hand_on_space()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _hand_on_space(self) -> None:
        """A tap of Space: trigger the window's action for Space (Play/Pause), if any."""
        window = self.window()
        space = QKeySequence(Qt.Key.Key_Space)
        for action in window.actions() if window is not None else []:
            if action.isEnabled() and any(k == space for k in action.shortcuts()):
                action.trigger()
                return

    # ------------------------------------------------------------------ palette drops
    @staticmethod
    def _type_id(event) -> bytes | None:
        mime = event.mimeData()
        if mime is None or not mime.hasFormat(MIME_TYPE):
            return None
        return bytes(mime.data(MIME_TYPE).data())

    def dragEnterEvent(self, event):  # noqa: N802
        if self._type_id(event) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self._preview(event)

    dragMoveEvent = dragEnterEvent  # the same test and preview while the drag moves

    def dragLeaveEvent(self, event):  # noqa: N802
        self._clear_preview()
        event.accept()

    def dropEvent(self, event):  # noqa: N802
        type_id = self._type_id(event)
        self._clear_preview()
        if type_id is None:
            event.ignore()
            return
        pos = self.mapToScene(event.position().toPoint())
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.scene().actions.drop(type_id, pos.x(), pos.y())
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _preview(self, event) -> None:
        from .actions import parse_type

        scene = self.scene()
        pos = self.mapToScene(event.position().toPoint())
        kind, _ = parse_type(self._type_id(event) or b"")
        target = scene.actions.drop_target(kind, pos.x())
        if target and target[0] == "column":
            scene.highlight_column(target[1])
            scene.indicator.setVisible(False)
        elif target and target[0] == "insert":
            scene.highlight_column(None)
            layer = scene.columns[0] if scene.columns else None
            top, bottom = (layer.top, layer.bottom) if layer else (pos.y() - 100, pos.y() + 100)
            x, squeezed = target[1]
            scene.indicator.show_at(x, top, bottom, narrow=squeezed)
        else:
            scene.highlight_column(scene.doc.n_columns - 1 if kind == "output" else None)
            scene.indicator.setVisible(False)

    def _clear_preview(self) -> None:
        self.scene().highlight_column(None)
        self.scene().indicator.setVisible(False)
