"""Train › Optimizer Race…: the menu entry and the one race window it opens.

At start-up :func:`install` adds only a ``QAction``; the window (pyqtgraph, the engine's
race, a training thread) is imported and built the first time it is opened
(:mod:`gui.inside.race_view`). There is one window per main window: opening it again
raises it. Closing it stops its thread; it remembers the lanes, source and speed for the
next opening. Closing the main window closes it too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from gui.i18n import translate


class RaceLauncher(QObject):
    """Owns the Train › Optimizer Race… action and the race window (``window``, or None)."""

    def __init__(self, main_window, ws):
        super().__init__(main_window)
        self.main_window = main_window
        self.ws = ws
        self.window = None
        self.settings: dict = {}
        self.action = QAction(translate("RaceLauncher", "&Optimizer Race…"), main_window)
        self.action.setObjectName("action_optimizer_race")
        tip = translate("RaceLauncher", "Train copies of this network with 2–4 optimizers side by side, from the "
                                        "same start, and watch their paths on the loss surface")
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.action.triggered.connect(self.open)
        menu = main_window.train_menu
        menu.addSeparator()
        menu.addAction(self.action)
        main_window.about_to_close.connect(self.shutdown)

    def open(self):
        """Show the race window (building it the first time), raised and active."""
        if self.window is None:
            from .race_view import RaceWindow

            self.window = RaceWindow(self.ws, self.settings, self.main_window)
            self.window.closed.connect(self._closed)
            self._place(self.window)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def _place(self, window) -> None:
        """As large as fits (up to 1280×800) on the main window's screen, centred over it."""
        screen = self.main_window.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        w, h = min(1280, area.width() - 40), min(800, area.height() - 60)
        window.resize(max(900, w), max(640, h))
        centre = self.main_window.frameGeometry().center() if self.main_window.isVisible() else area.center()
        x = max(area.left(), min(centre.x() - window.width() // 2, area.right() - window.width()))
        y = max(area.top(), min(centre.y() - window.height() // 2, area.bottom() - window.height()))
        window.move(x, y)

    def _closed(self) -> None:
        self.window = None

    def shutdown(self) -> None:
        """Close the window and stop its thread (the main window is closing)."""
        if self.window is not None:
            window, self.window = self.window, None
            window.close()


def install(window, ws) -> RaceLauncher:
    return RaceLauncher(window, ws)
