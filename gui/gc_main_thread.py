"""Python's cyclic garbage collector, run only in the GUI thread.

Left to itself, the collector runs in whichever thread happens to allocate when a
generation's threshold is crossed — often the training thread, which allocates the most.
If the garbage then holds Qt objects (the menus and actions of a window rebuilt by
View › Language, say), shiboken has them deleted in the GUI thread while the training
thread waits for the interpreter lock inside the collector; when the GUI thread's
destructor needs a lock the training thread holds, both wait for ever. CI caught exactly
this: ``~QMenu`` in ``runDeletionInMainThread`` against a training thread "waiting for the
GIL" in "garbage-collecting".

So the automatic collector is switched off and a timer in the GUI thread does its work,
generation by generation with the collector's own thresholds (the pattern calibre and
other PyQt programs use). Cycles live at most about a second longer; nothing else changes.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: how often the GUI thread looks at the collector's counts (ms)
INTERVAL_MS = 1000

_instance: MainThreadCollector | None = None


class MainThreadCollector(QObject):
    """Disables automatic collection; collects in this (the GUI) thread on a timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.collections = 0
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int | None:
        due = collect_due(self.threshold)
        if due is not None:
            self.collections += 1
        return due

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


def collect_due(threshold: tuple[int, int, int] | None = None) -> int | None:
    """Collect the oldest generation whose count passed its threshold, as the automatic
    collector would; returns that generation (None if none was due)."""
    threshold = threshold or gc.get_threshold()
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > threshold[generation]:
            gc.collect(generation)
            return generation
    return None


def install(app: QObject) -> MainThreadCollector:
    """Collect garbage only in the GUI thread from now on (once per application)."""
    global _instance
    if _instance is None or _instance.parent() is not app:
        _instance = MainThreadCollector(app)
    return _instance
