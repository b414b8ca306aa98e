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

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget

from engine.examples import list_examples

from .activation_viewer import ActivationViewer
from .lessons import LessonPanel


@dataclass
class ClassroomDocks:
    lessons: LessonPanel
    lessons_dock: QDockWidget
    viewer: ActivationViewer
    viewer_dock: QDockWidget


def _dock(window, title: str, name: str, widget, area, tab_with) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
    dock.setWidget(widget)
    dock.hide()  # hidden before it joins the layout, so its size never widens the window
    window.addDockWidget(area, dock)
    dock.visibilityChanged.connect(lambda visible: _join_tabs(window, dock, tab_with, visible))
    return dock


def _join_tabs(window, dock, tab_with, visible: bool) -> None:
    """Shown for the first time: share the place of ``tab_with`` as a tab."""
    if visible and not dock.property("joined") and not dock.isFloating() and tab_with.isVisible():
        dock.setProperty("joined", True)
        window.tabifyDockWidget(tab_with, dock)
        dock.raise_()


def _selected_layer(ws) -> int | None:
    """The column id of the layer selected on the canvas (a neuron selects its layer)."""
    scene = ws.canvas.scene
    for item in scene.selectedItems():
        uid = getattr(item, "uid", None)
        cid = getattr(item, "cid", None)
        if cid is not None:
            return cid
        if uid is not None:
            column = ws.doc.find_unit(uid).column
            if column > 0:
                return ws.doc.column_ids[column]
    return None


def add_classroom_docks(window, ws) -> ClassroomDocks:
    files = ws.files
    lessons = LessonPanel(language=files.language, show_heading=False)
    viewer = ActivationViewer()
    lessons_dock = _dock(window, "LESSONS", "lessonsDock", lessons, Qt.DockWidgetArea.LeftDockWidgetArea,
                         window.data_dock)
    viewer_dock = _dock(window, "ACTIVATION FUNCTIONS", "activationsDock", viewer,
                        Qt.DockWidgetArea.RightDockWidgetArea, window.output_dock)

    for dock, keys in ((lessons_dock, "Ctrl+L"), (viewer_dock, "Ctrl+Shift+A")):
        action = dock.toggleViewAction()
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"Show or hide the {dock.windowTitle().lower()} panel ({keys})")
        window.panels_menu.addAction(action)

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

    def show_activation(name: str) -> None:
        viewer.set_activation(name)
        viewer_dock.show()
        viewer_dock.raise_()

    def focus(where: str) -> None:
        if where in ("output", "both"):
            window.output_dock.show()
            window.output_dock.raise_()
        if where in ("canvas", "both"):
            ws.canvas.setFocus()

    def apply_activation(name: str) -> None:
        cid = _selected_layer(ws)
        if cid is None:
            window.statusBar().showMessage(
                "Select a neuron or a layer on the canvas to give its layer this activation.", 6000
            )
            return
        ws.editor.set_activation(cid, name)

    lessons.load_example.connect(load)
    files.document_loaded.connect(loaded_elsewhere)
    lessons.apply_settings.connect(lambda s: ws.editor.set_training("Lesson settings", **s))
    lessons.show_activation.connect(show_activation)
    lessons.focus_requested.connect(focus)
    viewer.activation_chosen.connect(apply_activation)

    settings = QSettings()
    position = settings.value("lessons/position")
    if isinstance(position, (list, tuple)) and len(position) == 2:
        try:
            lessons.set_position(str(position[0]), int(position[1]))
        except (ValueError, TypeError, KeyError):
            pass
    lessons.step_changed.connect(lambda lesson, step: QSettings().setValue("lessons/position", [lesson, step]))
    return ClassroomDocks(lessons, lessons_dock, viewer, viewer_dock)
