"""The classroom panels in the window: LESSONS and ACTIVATION FUNCTIONS docks.

``add_classroom_docks(window, ws)`` docks the guided lessons (left, with DATA) and the
activation function viewer (right, with OUTPUT), both hidden until asked for from the
View menu, and wires them:

* a lesson step opens its prepared network (as an untitled example copy, without asking
  to save the previous lesson network each time), applies its training settings through
  the editor (undoable), shows an activation in the viewer, or brings a part of the
  window forward;
* choosing an activation in the viewer applies it to the layer selected on the canvas
  (or says how to pick one).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget

from gui.i18n import translate


class ClassroomDocks:
    """The two docks; their panels are built the first time they are needed.

    Building them at start-up would cost a noticeable part of the start-up time budget,
    and most sessions never open them.
    """

    def __init__(self, window, ws):
        self.window, self.ws = window, ws
        self._lessons = None
        self._viewer = None
        self.lessons_dock = _dock(window, translate("ClassroomDocks", "LESSONS"),
                                  translate("ClassroomDocks", "Show or hide the lessons panel ({keys})"),
                                  "lessonsDock", Qt.DockWidgetArea.LeftDockWidgetArea, window.data_dock)
        self.viewer_dock = _dock(window, translate("ClassroomDocks", "ACTIVATION FUNCTIONS"),
                                 translate("ClassroomDocks", "Show or hide the activation functions panel ({keys})"),
                                 "activationsDock", Qt.DockWidgetArea.RightDockWidgetArea, window.output_dock)
        self.lessons_dock.visibilityChanged.connect(lambda on: on and self.lessons)
        self.viewer_dock.visibilityChanged.connect(lambda on: on and self.viewer)

    @property
    def viewer(self):
        """The ActivationViewer (built on first use)."""
        if self._viewer is None:
            from .activation_viewer import ActivationViewer

            self._viewer = ActivationViewer()
            self.viewer_dock.setWidget(self._viewer)
            self._viewer.activation_chosen.connect(self._apply_activation)
        return self._viewer

    @property
    def lessons(self):
        """The LessonPanel (built on first use)."""
        if self._lessons is None:
            self._lessons = _wire_lessons(self)
            self.lessons_dock.setWidget(self._lessons)
        return self._lessons

    def show_activation(self, name: str) -> None:
        self.viewer.set_activation(name)
        self.viewer_dock.show()
        self.viewer_dock.raise_()

    def _apply_activation(self, name: str) -> None:
        cid = _selected_layer(self.ws)
        if cid is None:
            self.window.statusBar().showMessage(translate(
                "ClassroomDocks", "Select a neuron or a layer on the canvas to give its layer this activation."), 6000
            )
            return
        self.ws.editor.set_activation(cid, name)


def _dock(window, title: str, tooltip: str, name: str, area, tab_with) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
    dock.hide()  # hidden before it joins the layout, so its size never widens the window
    window.addDockWidget(area, dock)
    dock.visibilityChanged.connect(lambda visible: _join_tabs(window, dock, tab_with, visible))
    keys = {"lessonsDock": "Ctrl+L", "activationsDock": "Ctrl+Shift+A"}[name]
    action = dock.toggleViewAction()
    action.setShortcut(QKeySequence(keys))
    action.setToolTip(tooltip.format(keys=QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)))
    window.panels_menu.addAction(action)
    return dock


def _join_tabs(window, dock, tab_with, visible: bool) -> None:
    """Shown for the first time: share the place of ``tab_with`` as a tab."""
    if visible and not dock.property("joined") and not dock.isFloating() and tab_with.isVisible():
        dock.setProperty("joined", True)
        window.tabifyDockWidget(tab_with, dock)
        dock.raise_()


def _selected_layer(ws) -> int | None:
    """The column id of the layer selected on the canvas (a neuron selects its layer)."""
    for item in ws.canvas.scene.selectedItems():
        cid = getattr(item, "cid", None)
        if cid is not None:
            return cid
        uid = getattr(item, "uid", None)
        if uid is not None:
            column = ws.doc.find_unit(uid).column
            if column > 0:
                return ws.doc.column_ids[column]
    return None


def _wire_lessons(docks: ClassroomDocks):
    from engine.examples import list_examples

    from .lessons import LessonPanel

    window, ws = docks.window, docks.ws
    files = ws.files
    lessons = LessonPanel(language=files.language, show_heading=False)
    examples = {str(e.path.resolve()): e for e in list_examples()}
    own_load = {"active": False}

    def load(path: str) -> None:
        info = examples.get(path)
        own_load["active"] = True
        try:
            ok = files.open_example(info, ask=False) if info else files.open_path(path)
        finally:
            own_load["active"] = False
        lessons.note_loaded(path if ok else None)

    def loaded_elsewhere(path: str) -> None:
        if not own_load["active"]:
            lessons.note_loaded(path or None)

    def focus(where: str) -> None:
        if where in ("output", "both"):
            window.output_dock.show()
            window.output_dock.raise_()
        if where in ("canvas", "both"):
            ws.canvas.setFocus()

    lessons.load_example.connect(load)
    files.document_loaded.connect(loaded_elsewhere)
    lessons.apply_settings.connect(
        lambda s: ws.editor.set_training(translate("ClassroomDocks", "Lesson settings"), **s))
    lessons.show_activation.connect(docks.show_activation)
    lessons.focus_requested.connect(focus)
    position = QSettings().value("lessons/position")
    if isinstance(position, (list, tuple)) and len(position) == 2:
        try:
            lessons.set_position(str(position[0]), int(position[1]))
        except (ValueError, TypeError, KeyError):
            pass
    lessons.step_changed.connect(lambda lesson, step: QSettings().setValue("lessons/position", [lesson, step]))
    return lessons


def add_classroom_docks(window, ws) -> ClassroomDocks:
    return ClassroomDocks(window, ws)
