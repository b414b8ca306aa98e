"""Languages in the panels, the canvas and the classroom docks: every word they show goes
through Qt's translator (a marking translator proves it), activation names and formulas
follow the engine's, and every problem the engine finds in a CSV file has a translatable
wording."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPointF, QTranslator
from PySide6.QtWidgets import QMenu

from engine.activations import ACTIVATION_NAMES, ACTIVATIONS
from engine.datasets import parse_csv
from engine.errors import DataError
from gui.canvas import labels, menus
from gui.panels.csv_dialog import CSV_PROBLEMS, problem_text

#: the contexts of the panels, the canvas and the classroom docks
CONTEXTS = {
    "Activations", "CanvasActions", "CanvasLabels", "CanvasMenus", "ClassroomDocks", "ColorLegend", "CsvImport",
    "CsvPreviewDialog", "DataPanel", "DataTiles", "DrawControls", "FeaturesPanel", "Inspector", "LayerItem",
    "LossPlot", "MetricsGrid", "NetworkScene", "OutputPanel", "Palette",
}


class MarkingTranslator(QTranslator):
    """Wraps every string of :data:`CONTEXTS` in «…», to show it went through translate()."""

    def isEmpty(self):  # noqa: N802 (Qt override: an empty translator is skipped)
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context in CONTEXTS else None


@pytest.fixture
def marked(qapp, window_tools):
    """The assembled window built while the marking translator is installed."""
    translator = MarkingTranslator()
    qapp.installTranslator(translator)
    open_window, close_window = window_tools
    window, ws = open_window()
    try:
        yield window, ws
    finally:
        close_window(window, ws)
        qapp.removeTranslator(translator)


def marked_text(text: str) -> bool:
    return "«" in text and "»" in text


def test_the_panels_show_only_translated_words(marked):
    window, ws = marked
    data = ws.data_panel
    for key, tile in data.tiles.items():
        assert marked_text(tile.text()) and marked_text(tile.toolTip()), key
    for heading in data.tile_grid.headings.values():
        assert marked_text(heading.text())
    for row in (data.noise, data.ratio, data.points):
        assert marked_text(row.label.text()) and marked_text(row.toolTip() or row.slider.toolTip())
    for widget in (data.regenerate, data.classes_spin, data.seed):
        assert marked_text(widget.toolTip())
    assert all(marked_text(b.text()) and marked_text(b.toolTip()) for b in data.variant_switch.buttons)
    assert marked_text(data.draw_controls.clear.text()) and marked_text(data.draw_controls.message.text())

    for name, toggle in ws.features_panel.toggles.items():
        assert marked_text(toggle.toolTip()), name

    out = ws.output_panel
    assert marked_text(out.title.text()) and marked_text(out.readout.text())
    for box in (out.show_test, out.discretize, out.log_scale, out.show_accuracy):
        assert marked_text(box.text()) and marked_text(box.toolTip())
    for readout in out.metrics.readouts:
        assert marked_text(readout.caption.text()) and marked_text(readout.toolTip())
    assert all(marked_text(name) for name in out.legend.describe().split(", "))
    assert all(marked_text(name) for _, name in out.loss_legend._entries)
    axis = out.loss_plot.getPlotItem().getAxis("bottom")
    assert marked_text(axis.labelText)


def test_the_canvas_shows_only_translated_words(marked):
    window, ws = marked
    canvas, doc = ws.canvas, ws.doc
    for button in canvas.palette.buttons():
        assert marked_text(button.text()) and marked_text(button.toolTip())
    assert marked_text(canvas.palette.heading.text()) and marked_text(canvas.palette.hint.text())
    assert all(marked_text(b.toolTip()) for b in canvas.palette.view_buttons.values())
    for layer in canvas.scene.layers.values():
        assert marked_text(layer.title) and marked_text(layer.subtitle)
        assert marked_text(layer.plus.toolTip()) and marked_text(layer.minus.toolTip())
    hidden = doc.unit_ids[1][0]
    assert marked_text(labels.neuron_tooltip(doc, 1, 0))
    assert marked_text(labels.neuron_tooltip(doc, 0, 0))
    assert marked_text(labels.edge_tooltip(doc, 1, 0, 0))
    assert marked_text(labels.activation_label(doc.layer_spec(1).activation))

    scene = canvas.scene
    built = [menus.neuron_menu(scene, hidden), menus.neuron_menu(scene, doc.unit_ids[0][0]),
             menus.layer_menu(scene, doc.column_ids[1]), menus.layer_menu(scene, doc.column_ids[0]),
             menus.edge_menu(scene, (1, 0, 0)), menus.canvas_menu(scene, QPointF(0, 0))]
    for menu in built:
        for action in menu.findChildren(type(menu.menuAction())):
            if action.text() and not action.isSeparator() and not action.objectName().startswith("menu_feature_"):
                assert marked_text(action.text()), action.text()
        for sub in menu.findChildren(QMenu):
            assert marked_text(sub.title())
        menu.deleteLater()

    canvas.inspect(("unit", hidden))
    assert marked_text(canvas.inspector.title.text()) and marked_text(canvas.inspector.subtitle.text())
    canvas.inspect(("layer", doc.column_ids[1]))
    assert marked_text(canvas.inspector.title.text()) and marked_text(canvas.inspector.subtitle.text())
    canvas.inspect(("edge", (1, 0, 0)))
    assert marked_text(canvas.inspector.title.text()) and marked_text(canvas.inspector.formula.text())


def test_refused_canvas_edits_are_translated(marked, qtbot):
    window, ws = marked
    said = []
    ws.editor.error.connect(said.append)
    ws.canvas.scene.actions.minus(ws.doc.column_ids[0])
    ws.canvas.scene.actions.remove_layer(ws.doc.column_ids[0])
    assert len(said) == 2 and all(marked_text(text) for text in said)


def test_the_classroom_docks_are_translated(marked):
    window, ws = marked
    classroom = ws.classroom
    for dock in (classroom.lessons_dock, classroom.viewer_dock):
        assert marked_text(dock.windowTitle()) and marked_text(dock.toggleViewAction().toolTip())


# ------------------------------------------------------------------ tables


def test_activation_names_and_formulas_follow_the_engine():
    """The translatable tables repeat the engine's English exactly, for every activation."""
    assert set(labels.ACTIVATION_LABELS) == set(ACTIVATION_NAMES)
    for name, cls in ACTIVATIONS.items():
        assert labels.ACTIVATION_LABELS[name] == cls.label, name
        assert labels.ACTIVATION_FORMULAS[name] == cls.formula, name
        assert labels.activation_label(name) == cls.label
        assert labels.activation_formula(name) == cls.formula
    assert labels.activation_formula("maxout", 3) == "f = max over 3 linear pieces zₖ"


CSV_CASES = [
    ("", "the file is empty"),
    ("x1,x2,label\n", "there are no data rows (only a header or comments)"),
    ("1,2\n", "expected 3 columns (x1, x2, label) but found 2"),
    ("1,abc,0\n", "“abc” in column x2 is not a number"),
    ("1,nan,0\n", "“nan” in column x2 is not a finite number (NaN and Inf are not allowed)"),
    ("1,2,1e300\n", None),  # too large: the limit is the engine's
    ("1,2,0\n3,4,0\n", "every row has the same label (0); at least two classes are needed"),
    ('1,"2,0\n', None),  # a row the csv module cannot read
]


@pytest.mark.parametrize("text, expected", CSV_CASES)
def test_every_csv_problem_has_a_translatable_wording(qapp, text, expected):
    with pytest.raises(DataError) as info:
        parse_csv(text)
    message = info.value.message
    matched = [template for pattern, template in CSV_PROBLEMS if pattern.fullmatch(message)]
    assert len(matched) == 1, message  # a new engine wording needs a line in CSV_PROBLEMS
    shown = problem_text(info.value)
    if expected is not None:
        assert shown == expected
    assert "{" not in shown


def test_csv_problem_templates_use_the_fields_their_patterns_capture():
    for pattern, template in CSV_PROBLEMS:
        assert set(re.findall(r"{(\w+)}", template)) == set(pattern.groupindex), template


def test_an_unknown_csv_problem_is_shown_as_the_engine_wrote_it():
    assert problem_text(DataError("something new went wrong", 3)) == "something new went wrong"
