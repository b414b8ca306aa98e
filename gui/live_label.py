"""A label for a value that changes many times a second: epoch, loss, epochs per second.

``QLabel.setText`` asks the layouts above the label to think again, every time: the label's
layout, its parent's, and so on up to the main window's. While training runs, nine such
labels (the top bar's epoch and speed, the OUTPUT panel's six numbers, the status bar)
changed about 30 times a second, and re-laying out the window cost the GUI thread 4–5 ms
a frame — more than a third of its whole frame on the default task.

:class:`LiveLabel` takes its size from a *sample* of the widest text it will show, not from
the text on show, so a new value only repaints the label. It is still a ``QLabel`` (fonts,
style sheets, alignment, margins, ``text()``/``setText()`` from Python), for plain text.
A text wider than the label is elided.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QWidget


class LiveLabel(QLabel):
    def __init__(self, text: str = "", sample: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._text = str(text)
        self._sample = sample or self._text

    # -- the text (Python callers only: Qt itself never sets a label's text) --------------
    def setText(self, text: str) -> None:  # noqa: N802 (QLabel API)
        text = str(text)
        if text != self._text:
            self._text = text
            self.update()

    def text(self) -> str:
        return self._text

    def set_sample(self, sample: str) -> None:
        """The widest text to make room for (a new layout, once)."""
        if sample != self._sample:
            self._sample = sample
            self.updateGeometry()

    # -- size: from the sample, so that new text never moves anything ---------------------
    def _indent(self) -> int:
        """QLabel's own rule: a framed label without an indent gets half an "x"."""
        indent = self.indent()
        if indent < 0 and self.frameWidth():
            indent = self.fontMetrics().horizontalAdvance("x") // 2
        return max(indent, 0)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        fm = self.fontMetrics()
        m = self.contentsMargins()
        pad = 2 * self.margin() + self._indent()
        return QSize(fm.horizontalAdvance(self._sample) + m.left() + m.right() + pad + 2,
                     max(fm.height(), fm.lineSpacing()) + m.top() + m.bottom() + 2 * self.margin())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        margin = self.margin()
        rect = self.contentsRect().adjusted(margin, margin, -margin, -margin)
        indent, align = self._indent(), self.alignment()
        if indent:
            if align & Qt.AlignmentFlag.AlignLeft:
                rect.setLeft(rect.left() + indent)
            if align & Qt.AlignmentFlag.AlignRight:
                rect.setRight(rect.right() - indent)
        text = self._text
        fm = self.fontMetrics()
        if fm.horizontalAdvance(text) > rect.width():
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.style().drawItemText(painter, rect, int(self.alignment().value), self.palette(), self.isEnabled(),
                                  text, self.foregroundRole())
