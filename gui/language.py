"""View › Language: switch between Spanish and English without losing anything.

Qt re-translates a window only if every widget re-sets its texts on ``LanguageChange``.
Neurona instead builds the window again in the new language around the *same* objects:

* the :class:`~gui.document.Document` (network, weights, settings, data, positions) and
  the :class:`QUndoStack` with its whole history move to the new window;
* the file (path, title, what was read from it, modified state, autosave), the epoch
  count and the loss history shown, the canvas view, the dock layout and geometry, the
  open classroom panels and presentation mode carry over.

Training is paused by the switch (the new window's worker starts from the document's
weights; the optimizer's running state — e.g. Adam's moments — starts afresh).
"""

from __future__ import annotations

import copy
import warnings

from PySide6.QtGui import QActionGroup

from .i18n import LANGUAGES, current_language, install_language, save_language, translate

_DOCUMENT_SIGNALS = ("structure_changed", "weights_changed", "positions_changed", "training_changed",
                     "data_changed", "meta_changed")
_STACK_SIGNALS = ("cleanChanged", "indexChanged", "canUndoChanged", "canRedoChanged", "undoTextChanged",
                  "redoTextChanged")

#: the main windows made by a switch (Python must hold a top-level window to keep it open)
_windows: list = []


class LanguageMenu:
    """View › Language › English / Español (each name in its own language)."""

    def __init__(self, window, ws):
        self.window, self.ws = window, ws
        self.menu = window.view_menu.addMenu(translate("LanguageMenu", "&Language"))
        self.menu.setObjectName("languageMenu")
        self.group = QActionGroup(self.menu)
        self.actions = {}
        for code, name in LANGUAGES.items():
            action = self.menu.addAction(name)
            action.setObjectName(f"action_language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.actions[code] = action

    def choose(self, code: str):
        """Switch to ``code`` (remembered for the next start); returns the new (window, ws)."""
        if code == current_language():
            return self.window, self.ws
        save_language(code)
        return switch_language(self.window, self.ws, code)


def _detach(obj, names) -> None:
    """Disconnect everything from these signals of ``obj`` (the old window's listeners)."""
    with warnings.catch_warnings():  # PySide warns about a signal with nothing connected
        warnings.simplefilter("ignore", RuntimeWarning)
        for name in names:
            try:
                getattr(obj, name).disconnect()
            except (RuntimeError, TypeError):
                pass


def switch_language(window, ws, code: str):
    """Rebuild ``window`` in language ``code``; returns the new ``(window, ws)``."""
    from .main_window import MainWindow
    from .workspace import build_workspace

    presenting = ws.presentation.active if getattr(ws, "presentation", None) else False
    if presenting:
        ws.presentation.leave()
    ws.controller.pause()
    snap = ws.controller.last_snapshot
    epochs = int(snap.epoch) if snap is not None else 0
    history = copy.deepcopy(ws.controller.history)
    view = ws.files.view_dict()
    geometry, state = window.saveGeometry(), window.saveState()
    shown = (window.isVisible(), window.isFullScreen(), window.isMaximized())
    doc, stack = ws.doc, window.undo_stack

    # the old window lets go of the document and the history, quietly: no prompt, no
    # autosave removed (the new window takes the autosave file over)
    ws.controller.shutdown()
    ws.files.autosave_timer.stop()
    window.removeEventFilter(ws.files)
    _detach(doc, _DOCUMENT_SIGNALS)
    _detach(stack, _STACK_SIGNALS)
    doc.setParent(None)
    stack.setParent(None)

    install_language(code)
    new = MainWindow(persist_settings=window._persist, undo_stack=stack)
    doc.setParent(new)
    new_ws = build_workspace(new, doc)
    new_ws.files.take_over(ws.files, epochs)
    if len(history):
        new_ws.controller.history = history
        h = history
        new_ws.output_panel.set_history(h["epoch"], h["train_loss"], h["test_loss"], h["train_acc"], h["test_acc"])
    new.restoreGeometry(geometry)
    new._layout_restored = new.restoreState(state)
    new_ws.files.apply_view(view)
    for attr in ("WA_DontShowOnScreen",):
        from PySide6.QtCore import Qt

        flag = getattr(Qt.WidgetAttribute, attr)
        new.setAttribute(flag, window.testAttribute(flag))

    if window in _windows:
        _windows.remove(window)
    _windows.append(new)
    window.hide()
    window.deleteLater()
    visible, full_screen, maximized = shown
    if visible:
        new.showFullScreen() if full_screen else new.showMaximized() if maximized else new.show()
    if presenting:
        new_ws.presentation.enter(full_screen=full_screen)
    return new, new_ws
