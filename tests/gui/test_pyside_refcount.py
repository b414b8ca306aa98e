"""Regression test for the PySide6 6.12.0 reference-count bug (DESIGN.md §7).

On Python 3.10/3.11, PySide6 6.12.0 lowers the reference count of ``True`` on every
``Signal.emit`` and that of ``None`` in ``QGraphicsItem.setPen`` and
``QGraphicsPixmapItem.setPixmap``; after a few thousand live updates the interpreter
aborts with "Fatal Python error: bool_dealloc" (or ``none_dealloc``). Neurona makes
exactly these calls every frame while training, so the installed version must be clean.

On Python 3.12+ ``True`` and ``None`` are immortal and their counts never move, so the
checks pass trivially there; they are kept so the test guards every supported Python.
"""

from __future__ import annotations

import sys

import pytest
import PySide6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPixmapItem

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

CALLS = 10_000
#: Unrelated code (the garbage collector, caches) may move the counts a little; the bug
#: moves them by one per call, i.e. by thousands here.
NOISE = 50


class Emitter(QObject):
    flag = Signal(bool)
    value = Signal(object)


def _counts() -> tuple[int, int]:
    return sys.getrefcount(True), sys.getrefcount(None)


def _assert_not_fallen(before: tuple[int, int], what: str) -> None:
    true_after, none_after = _counts()
    assert true_after >= before[0] - NOISE, f"{what}: refcount of True fell by {before[0] - true_after}"
    assert none_after >= before[1] - NOISE, f"{what}: refcount of None fell by {before[1] - none_after}"


def test_pyside_version_is_not_the_broken_release():
    if sys.version_info < (3, 12):
        assert not PySide6.__version__.startswith("6.12.0"), (
            f"PySide6 {PySide6.__version__} aborts Python {sys.version.split()[0]} "
            "after a few thousand signal emits; install a version below 6.12"
        )


def test_signal_emit_keeps_true_and_none_alive(qapp):
    emitter = Emitter()
    received = []
    emitter.flag.connect(lambda v: received.append(v))
    emitter.value.connect(lambda v: None)
    before = _counts()
    for _ in range(CALLS):
        emitter.flag.emit(True)
        emitter.value.emit(None)
    _assert_not_fallen(before, "Signal.emit")
    assert len(received) == CALLS


def test_set_pen_keeps_none_alive(qapp):
    item = QGraphicsLineItem(0, 0, 10, 10)
    pens = [QPen(QColor("#0877bd"), 1.0 + i % 5) for i in range(5)]
    before = _counts()
    for i in range(CALLS):
        item.setPen(pens[i % 5])
    _assert_not_fallen(before, "QGraphicsLineItem.setPen")


def test_set_pixmap_keeps_none_alive(qapp):
    item = QGraphicsPixmapItem()
    pixmaps = []
    for color in ("#f59322", "#e8eaeb", "#0877bd"):
        pixmap = QPixmap(10, 10)
        pixmap.fill(QColor(color))
        pixmaps.append(pixmap)
    before = _counts()
    for i in range(CALLS):
        item.setPixmap(pixmaps[i % 3])
    _assert_not_fallen(before, "QGraphicsPixmapItem.setPixmap")
