"""Assembles the working parts of the window and wires them together.

    window = MainWindow()
    ws = build_workspace(window)      # document, editor, canvas, panels, training

One place shows how the rooms connect (DESIGN.md §1): views listen to the document and
change it only through the editor; the training controller owns the worker thread; the
window only frames them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QObject

from .canvas import NetworkCanvas
from .document import Document
from .editor import DocumentEditor
from .maps import NeuronMaps
from .panels import DataPanel, FeaturesPanel, OutputPanel
from .stop_after import StopAfterBar, connect_stop_after
from .training.controller import TrainingController, connect_toolbar


@dataclass
class Workspace:
    doc: Document
    editor: DocumentEditor
    maps: NeuronMaps
    canvas: NetworkCanvas
    data_panel: DataPanel
    features_panel: FeaturesPanel
    output_panel: OutputPanel
    controller: TrainingController
    stop_after: StopAfterBar | None = None  # "Stop after N epochs", in the status bar


def _number(value) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def build_workspace(window, doc: Document | None = None) -> Workspace:
    owner: QObject = window
    doc = doc or Document(owner)
    editor = DocumentEditor(doc, window.undo_stack, owner)
    maps = NeuronMaps(doc, parent=owner)
    canvas = NetworkCanvas(doc, editor, maps)
    window.set_central_canvas(canvas)
    data_panel = DataPanel(doc, editor)
    features_panel = FeaturesPanel(doc, editor)
    output_panel = OutputPanel(doc, maps)
    data_panel.attach_output(output_panel)
    window.set_panel("data", data_panel)
    window.set_panel("features", features_panel)
    window.set_panel("output", output_panel)

    controller = TrainingController(doc, maps, owner)
    connect_toolbar(controller, window.toolbar, editor)
    controller.watch_repaints(window)  # the worker stands aside until a frame is drawn
    ws = Workspace(doc, editor, maps, canvas, data_panel, features_panel, output_panel, controller)
    ws.stop_after = StopAfterBar()
    window.statusBar().addPermanentWidget(ws.stop_after)
    connect_stop_after(controller, ws.stop_after)

    canvas.unit_hovered.connect(output_panel.show_unit)
    canvas.hover_left.connect(output_panel.show_output)
    from .engine_text import engine_text

    controller.problem.connect(lambda text: window.show_problem(engine_text(text)))
    controller.problem_cleared.connect(window.clear_problem)

    def on_snapshot(snap) -> None:
        m = snap.metrics or {}
        train, test = _number(m.get("train_loss")), _number(m.get("test_loss"))
        output_panel.set_metrics(
            snap.epoch, train, test, _number(m.get("train_acc")), _number(m.get("test_acc")),
            snap.epochs_per_second if snap.playing else None,
        )
        h = controller.history
        if len(h):
            output_panel.set_history(h["epoch"], h["train_loss"], h["test_loss"], h["train_acc"], h["test_acc"])
        else:
            output_panel.clear_history()
        window.show_metrics(snap.epoch, train, test)

    controller.snapshot.connect(on_snapshot)
    window.about_to_close.connect(controller.shutdown)

    # --- files: New/Open/Save, recent files, examples, drops, autosave, export (gui/files.py)
    from .files import FileController

    ws.files = FileController(window, ws)

    # --- classroom: LESSONS and ACTIVATION FUNCTIONS docks (gui/classroom/docks.py)
    from .classroom.docks import add_classroom_docks

    ws.classroom = add_classroom_docks(window, ws)

    # --- File › Export › Code (gui/code_export.py)
    from .code_export import CodeExportActions

    ws.code_export = CodeExportActions(window, ws)

    # --- View › Presentation Mode (F5), UI Scale, Focus layouts, black screen (gui/presentation.py)
    from .presentation import PresentationMode

    ws.presentation = PresentationMode(window, ws)

    # --- Train › Step Through Backpropagation, Optimizer Race; the timeline (gui/inside/)
    from .inside import install as install_inside

    install_inside(window, ws)

    # --- View › Language (gui/language.py): rebuilds the window around the same document
    from .language import LanguageMenu

    ws.language = LanguageMenu(window, ws)
    return ws
