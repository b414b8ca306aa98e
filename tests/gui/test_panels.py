"""The DATA, FEATURES and OUTPUT panels: every change through the undo stack, the
document mirrored back, CSV import, drawing, and the live plots."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from engine.datasets import generate
from engine.network import Network
from engine.training import TrainingConfig
from gui import theme
from gui.app import create_application
from gui.document import Document
from gui.editor import DocumentEditor
from gui.maps import NeuronMaps
from gui.panels import DataPanel, FeaturesPanel, OutputPanel
from gui.panels import data_panel as data_panel_module
from gui.panels.csv_dialog import CsvPreviewDialog
from gui.panels.plots import class_rgba, region_rgb, value_levels

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


class Env:
    def __init__(self, qtbot):
        self.doc = Document()
        self.stack = QUndoStack()
        self.editor = DocumentEditor(self.doc, self.stack)
        self.maps = NeuronMaps(self.doc, resolution=32)
        self.data = DataPanel(self.doc, self.editor)
        self.features = FeaturesPanel(self.doc, self.editor)
        self.output = OutputPanel(self.doc, self.maps)
        self.data.attach_output(self.output)
        for w in (self.data, self.features, self.output):
            qtbot.addWidget(w)
        self.data.resize(320, 900)
        self.output.resize(420, 900)


@pytest.fixture(scope="module")
def themed_app(qapp):
    return create_application()  # once: re-applying the style sheet repolishes every widget


@pytest.fixture
def env(themed_app, qtbot):
    return Env(qtbot)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# ---------------------------------------------------------------- DATA: tiles


def test_panels_start_in_sync_with_the_document(env):
    assert env.data.current_key() == "circle"
    assert env.data.tiles["circle"].isChecked()
    assert sum(t.isChecked() for t in env.data.tiles.values()) == 1
    assert env.data.noise.value() == 0
    assert env.data.ratio.value() == 50
    assert env.stack.count() == 0


def test_clicking_a_tile_changes_the_data_through_the_undo_stack(env, qtbot):
    click(qtbot, env.data.tiles["spiral"])
    assert env.doc.dataset.params["generator"] == "spiral"
    assert env.doc.dataset.kind == "classification"
    assert env.data.tiles["spiral"].isChecked() and not env.data.tiles["circle"].isChecked()
    assert env.stack.count() == 1

    click(qtbot, env.data.tiles["reg_plane"])
    assert env.doc.dataset.kind == "regression"
    assert env.doc.dataset.n_train + env.doc.dataset.n_test == 1200  # Playground's default

    env.stack.undo()
    assert env.doc.dataset.params["generator"] == "spiral"
    assert env.data.tiles["spiral"].isChecked()
    env.stack.undo()
    assert env.doc.dataset.params["generator"] == "circle"
    assert env.data.tiles["circle"].isChecked()
    assert env.stack.count() == 2  # undo itself pushed nothing


def test_clicking_the_selected_tile_again_pushes_nothing(env, qtbot):
    click(qtbot, env.data.tiles["circle"])
    assert env.stack.count() == 0
    assert env.data.tiles["circle"].isChecked()


def test_gates_table_and_noisy_cloud(env, qtbot):
    click(qtbot, env.data.tiles["xor_gate"])
    ds = env.doc.dataset
    assert ds.params["variant"] == "table" and ds.n_train == 4
    assert ds.y_train.tolist() == [0, 1, 1, 0]
    # a truth table has no noise, size or split
    assert not env.data.noise.isEnabled() and not env.data.points.isEnabled()
    assert not env.data.ratio.isEnabled() and not env.data.regenerate.isEnabled()

    click(qtbot, env.data.variant_switch.buttons[1])
    ds = env.doc.dataset
    assert ds.params["variant"] == "cloud" and ds.n_train + ds.n_test > 4
    assert env.data.noise.isEnabled() and env.data.points.isEnabled()
    assert env.stack.count() == 2
    env.stack.undo()
    assert env.doc.dataset.params["variant"] == "table"
    assert env.data.variant_switch.index() == 0


def test_multi_class_tiles_use_the_class_count(env, qtbot):
    env.data.classes_spin.setValue(5)
    assert env.stack.count() == 0  # circle does not care
    click(qtbot, env.data.tiles["blobs"])
    assert env.doc.dataset.n_classes == 5
    env.data.classes_spin.setValue(6)
    env.data.settle()
    assert env.doc.dataset.n_classes == 6
    assert env.stack.count() == 2


# ---------------------------------------------------------------- DATA: settings


def test_slider_changes_settle_into_one_undo_step(env, qtbot):
    for v in (5, 10, 15, 20, 25):
        env.data.noise.slider.setValue(v)  # keyboard / wheel: no drag
    assert env.stack.count() == 0  # still settling
    qtbot.waitUntil(lambda: env.stack.count() == 1, timeout=2000)
    assert env.doc.dataset.params["noise"] == 25
    qtbot.wait(data_panel_module.SETTLE_MS + 100)
    assert env.stack.count() == 1


def test_dragging_a_slider_applies_once_on_release(env, qtbot):
    slider = env.data.noise.slider
    slider.setSliderDown(True)
    for v in range(0, 51, 2):
        slider.setValue(v)
    qtbot.wait(data_panel_module.SETTLE_MS + 100)
    assert env.stack.count() == 0  # nothing while the mouse holds the slider
    slider.setSliderDown(False)  # emits sliderReleased
    assert env.stack.count() == 1
    assert env.doc.dataset.params["noise"] == 50


@pytest.mark.parametrize(
    ("row", "value", "key", "expected"),
    [("ratio", 70, "train_ratio", 0.7), ("points", 300, "n_points", 300), ("noise", 30, "noise", 30.0)],
)
def test_settings_regenerate_the_data(env, qtbot, row, value, key, expected):
    getattr(env.data, row).set_value(value)
    getattr(env.data, row).value_changed.emit(value)
    env.data.settle()
    assert env.doc.dataset.params[key] == expected
    assert env.stack.count() == 1
    if key == "train_ratio":
        assert env.doc.dataset.n_train == 350
    if key == "n_points":
        assert env.doc.dataset.n_train + env.doc.dataset.n_test == 300


def test_seed_and_regenerate(env, qtbot):
    before = env.doc.dataset.x_train.copy()
    env.data.seed.setValue(7)
    env.data.settle()
    assert env.doc.dataset.params["seed"] == 7
    assert not np.array_equal(env.doc.dataset.x_train, before)
    click(qtbot, env.data.regenerate)
    assert env.doc.dataset.params["seed"] not in (0, 7)
    assert env.data.seed.value() == env.doc.dataset.params["seed"]
    assert env.stack.count() == 2
    assert env.stack.text(1) == "New random data"


def test_undo_updates_the_sliders_without_pushing(env, qtbot):
    env.data.noise.slider.setValue(35)
    env.data.settle()
    env.data.ratio.slider.setValue(8)
    env.data.settle()
    assert env.stack.count() == 2
    env.stack.undo()
    assert env.data.ratio.value() == 50 and env.data.noise.value() == 35
    env.stack.undo()
    assert env.data.noise.value() == 0
    qtbot.wait(data_panel_module.SETTLE_MS + 100)
    assert env.stack.count() == 2 and env.stack.index() == 0


def test_a_change_from_elsewhere_is_mirrored(env):
    env.editor.set_data(generate("gauss", noise=20, train_ratio=0.3, seed=4), "Scripted")
    assert env.data.current_key() == "gauss"
    assert env.data.tiles["gauss"].isChecked()
    assert (env.data.noise.value(), env.data.ratio.value(), env.data.seed.value()) == (20, 30, 4)
    assert env.stack.count() == 1


def test_only_the_moved_control_changes_the_data(env):
    # a data set from a file may hold settings the sliders cannot show (no test data)
    env.editor.set_data(generate("circle", noise=5, train_ratio=1.0, seed=123), "From a file")
    assert env.data.ratio.value() == 90  # shown clamped
    env.data.noise.slider.setValue(10)
    env.data.settle()
    params = env.doc.dataset.params
    assert params["noise"] == 10 and params["train_ratio"] == 1.0 and params["seed"] == 123


def test_gate_cloud_gets_its_own_number_of_points(env, qtbot):
    click(qtbot, env.data.tiles["and"])
    click(qtbot, env.data.variant_switch.buttons[1])
    ds = env.doc.dataset
    assert ds.n_train + ds.n_test == 200
    assert env.output.plot.extent == ds.extent  # the plot follows the plane


# ---------------------------------------------------------------- DATA: CSV


@pytest.fixture
def warnings_shown(monkeypatch):
    shown = []

    def record(_parent, title, text, *args, **kwargs):
        shown.append(f"{title}\n{text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(record))
    return shown


def choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_csv_import_names_the_bad_line_and_loads_nothing(env, qtbot, tmp_path, monkeypatch, warnings_shown):
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n1,2,0\n3,abc,1\n4,5,1\n", encoding="utf-8")
    choose_file(monkeypatch, bad)
    opened = []
    monkeypatch.setattr(CsvPreviewDialog, "exec", lambda self: opened.append(self) or 1)
    before = env.doc.dataset
    click(qtbot, env.data.tiles["csv"])
    assert len(warnings_shown) == 1
    assert "line 3" in warnings_shown[0]
    assert "abc" in warnings_shown[0]
    assert env.doc.dataset is before
    assert env.stack.count() == 0 and not opened
    assert env.data.tiles["circle"].isChecked() and not env.data.tiles["csv"].isChecked()


def test_csv_import_of_a_valid_file_after_the_preview(env, qtbot, tmp_path, monkeypatch, warnings_shown):
    good = tmp_path / "moons.csv"
    rows = ["x1,x2,label"] + [f"{i / 10},{(i % 7) / 3},{1 if i % 3 else -1}" for i in range(40)]
    good.write_text("\n".join(rows) + "\n", encoding="utf-8")
    choose_file(monkeypatch, good)
    seen = []

    def accept(dialog):
        seen.append(dialog)
        dialog.ratio.set_value(80)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CsvPreviewDialog, "exec", accept)
    click(qtbot, env.data.tiles["csv"])
    assert not warnings_shown and len(seen) == 1
    assert seen[0].table.rowCount() == 8  # a preview of the first rows
    ds = env.doc.dataset
    assert ds.name == "moons" and ds.kind == "classification"
    assert ds.class_names == ("-1", "1")
    assert (ds.n_train, ds.n_test) == (32, 8)
    assert env.data.current_key() == "csv" and env.data.tiles["csv"].isChecked()
    assert env.stack.count() == 1
    # the split of imported data can change, as one undo step
    env.data.ratio.slider.setValue(5)
    env.data.settle()
    assert (env.doc.dataset.n_train, env.doc.dataset.n_test) == (20, 20)
    assert not env.data.noise.isEnabled()
    env.stack.undo()
    env.stack.undo()
    assert env.doc.dataset.params["generator"] == "circle"


def test_csv_preview_cancelled_loads_nothing(env, qtbot, tmp_path, monkeypatch):
    good = tmp_path / "reg.csv"
    good.write_text("\n".join(f"{i},{i % 5},{i * 0.37}" for i in range(30)), encoding="utf-8")
    choose_file(monkeypatch, good)
    monkeypatch.setattr(CsvPreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    before = env.doc.dataset
    assert env.data.import_csv() is False
    assert env.doc.dataset is before and env.stack.count() == 0


def test_csv_preview_describes_the_file(themed_app):
    ds = generate("blobs", n_points=90, train_ratio=1.0, n_classes=3)
    dialog = CsvPreviewDialog(ds, "blobs.csv", ratio_percent=50)
    assert dialog.table.rowCount() == 8
    assert "45 points train" in dialog.split_label.text()
    assert dialog.dataset().n_train == 45
    dialog.deleteLater()


# ---------------------------------------------------------------- DATA: drawing


def test_drawing_adds_and_deletes_points_as_undo_steps(env, qtbot):
    click(qtbot, env.data.tiles["draw"])
    ds = env.doc.dataset
    assert env.data.current_key() == "draw" and ds.name == "drawn"
    assert ds.n_train == 2 and ds.n_test == 0
    assert env.output.is_draw_mode()
    assert env.data.draw_controls.isVisible() or not env.data.isVisible()

    env.data.set_draw_class(0)
    env.output.plot.clicked.emit(1.5, -2.0, Qt.MouseButton.LeftButton)
    env.data.set_draw_class(1)
    env.output.plot.clicked.emit(-3.0, 4.0, Qt.MouseButton.LeftButton)
    ds = env.doc.dataset
    assert ds.n_train == 4
    assert ds.x_train[-2].tolist() == [1.5, -2.0] and ds.y_train[-2] == 0
    assert ds.x_train[-1].tolist() == [-3.0, 4.0] and ds.y_train[-1] == 1
    assert env.stack.text(env.stack.count() - 1) == "Add point"

    # right click removes the nearest point
    env.output.plot.clicked.emit(1.6, -2.1, Qt.MouseButton.RightButton)
    ds = env.doc.dataset
    assert ds.n_train == 3
    assert [1.5, -2.0] not in ds.x_train.tolist()
    # nothing near: nothing removed
    env.output.plot.clicked.emit(5.5, -5.5, Qt.MouseButton.RightButton)
    assert env.doc.dataset.n_train == 3

    env.stack.undo()
    assert env.doc.dataset.n_train == 4
    env.stack.undo()
    env.stack.undo()
    assert env.doc.dataset.n_train == 2


def test_drawing_more_classes_and_clear(env, qtbot):
    click(qtbot, env.data.tiles["draw"])
    click(qtbot, env.data.draw_controls.add_class)
    assert env.doc.dataset.n_classes == 3
    assert env.data.draw_class() == 2  # a new class is ready to draw
    env.output.plot.clicked.emit(0.0, 0.0, Qt.MouseButton.LeftButton)
    assert env.doc.dataset.y_train[-1] == 2
    assert not env.data.draw_controls.remove_class.isEnabled()  # class 2 has a point
    click(qtbot, env.data.draw_controls.clear)
    ds = env.doc.dataset
    assert ds.n_train == 2 and ds.n_classes == 3
    click(qtbot, env.data.draw_controls.remove_class)
    assert env.doc.dataset.n_classes == 2


def test_clicks_outside_draw_mode_are_ignored(env):
    before = env.doc.dataset
    env.output.plot.clicked.emit(1.0, 1.0, Qt.MouseButton.LeftButton)
    assert env.doc.dataset is before and not env.output.is_draw_mode()


def test_the_last_drawn_point_stays(env, qtbot):
    click(qtbot, env.data.tiles["draw"])
    env.output.plot.clicked.emit(-2.5, -2.5, Qt.MouseButton.RightButton)
    assert env.doc.dataset.n_train == 1
    env.output.plot.clicked.emit(2.5, 2.5, Qt.MouseButton.RightButton)
    assert env.doc.dataset.n_train == 1
    assert "at least one" in env.data.draw_controls.message.text()


def test_a_real_mouse_click_on_the_plot_adds_a_point_there(env, qtbot):
    click(qtbot, env.data.tiles["draw"])
    env.output.show()
    qtbot.waitExposed(env.output)
    plot = env.output.plot
    widget_pos = plot.mapFromScene(plot.view.mapViewToScene(QPointF(1.0, 2.0)))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos)
    ds = env.doc.dataset
    assert ds.n_train == 3
    assert np.allclose(ds.x_train[-1], [1.0, 2.0], atol=0.2)
    assert ds.y_train[-1] == env.data.draw_class()


# ---------------------------------------------------------------- FEATURES


def test_feature_toggles_add_and_remove_inputs(env, qtbot):
    f = env.features
    assert f.used() == ("x1", "x2")
    click(qtbot, f.toggles["x1_sq"])
    assert env.doc.network.features == ("x1", "x2", "x1_sq")
    assert f.toggles["x1_sq"].isChecked()
    click(qtbot, f.toggles["x1"])
    assert env.doc.network.features == ("x2", "x1_sq")
    env.stack.undo()
    assert env.doc.network.features == ("x1", "x2", "x1_sq")
    assert f.toggles["x1"].isChecked()
    env.stack.undo()
    assert env.doc.network.features == ("x1", "x2")
    assert not f.toggles["x1_sq"].isChecked()


def test_the_last_feature_cannot_be_switched_off(env, qtbot):
    f = env.features
    click(qtbot, f.toggles["x1"])
    assert env.doc.network.features == ("x2",)
    assert "only input" in f.toggles["x2"].toolTip()
    with qtbot.waitSignal(env.editor.error, timeout=1000):
        click(qtbot, f.toggles["x2"])
    assert env.doc.network.features == ("x2",)
    assert f.toggles["x2"].isChecked()
    assert env.stack.count() == 1


# ---------------------------------------------------------------- OUTPUT


def test_set_history_with_10000_points_is_fast_and_kept_by_reference(env):
    n = 10_000
    epochs = np.arange(1, n + 1, dtype=float)
    train = np.exp(-epochs / 2000)
    test = train * 1.1
    acc = 1 - train / 2
    env.output.show_accuracy.setChecked(True)
    env.output.set_history(epochs, train, test, acc, acc)  # warm-up
    start = time.perf_counter()
    for _ in range(5):
        env.output.set_history(epochs, train, test, acc, acc)
    per_call = (time.perf_counter() - start) / 5
    assert per_call < 0.05, f"set_history took {per_call * 1000:.1f} ms"
    plot = env.output.loss_plot
    assert len(plot.train_loss.xData) == n and plot.train_loss.yData[-1] == train[-1]
    assert len(plot.test_loss.yData) == n and len(plot.test_acc.yData) == n
    assert plot.train_loss.opts["downsampleMethod"] == "peak"
    assert plot.train_loss.opts["clipToView"]
    env.output.clear_history()
    assert plot.train_loss.xData is None or len(plot.train_loss.xData) == 0


def test_loss_curves_differ_in_style_and_log_scale_toggles(env):
    plot = env.output.loss_plot
    train_pen, test_pen = plot.train_loss.opts["pen"], plot.test_loss.opts["pen"]
    assert train_pen.style() != test_pen.style()
    assert train_pen.color() != test_pen.color()
    env.output.log_scale.setChecked(True)
    assert plot.getPlotItem().ctrl.logYCheck.isChecked() or plot.train_loss.opts["logMode"][1]


def test_set_metrics_shows_big_numbers(env):
    env.output.set_metrics(1234, 0.01234567, float("nan"), 0.875, None, eps=612.4)
    m = env.output.metrics
    assert m.epoch.text() == "1,234"
    assert m.train_loss.text() == "0.0123"
    assert m.test_loss.text() == "—"
    assert m.train_acc.text() == "87.5 %"
    assert m.test_acc.text() == "—"
    assert m.speed.text() == "612"
    assert m.epoch.value.font().pointSizeF() >= 12


def test_decision_region_shows_the_output_map(env):
    out = env.maps.columns[-1][0]
    image = env.output.plot.image
    assert image.image.dtype == np.float32 and image.image.flags.c_contiguous
    assert np.array_equal(image.image, out)
    assert tuple(image.levels) == (-1.0, 1.0)  # tanh output
    assert image.lut is not None and len(image.lut) == 256


def test_show_unit_switches_to_that_neurons_map(env):
    env.output.show_unit(1, 2)
    image = env.output.plot.image.image
    assert np.array_equal(image, env.maps.unit_map(1, 2))
    assert "Neuron 3" in env.output.title.text()
    env.output.show_output()
    assert np.array_equal(env.output.plot.image.image, env.maps.columns[-1][0])
    # a unit that vanished falls back to the output
    env.output.show_unit(5, 0)
    assert np.array_equal(env.output.plot.image.image, env.maps.columns[-1][0])


def test_discretize_thresholds_at_the_middle_of_the_range(env):
    env.output.discretize.setChecked(True)
    values = np.unique(env.output.plot.image.image)
    assert set(values.tolist()) <= {-1.0, 1.0}
    env.output.discretize.setChecked(False)
    assert len(np.unique(env.output.plot.image.image)) > 2


def test_multi_class_output_is_an_rgba_picture_in_class_colours(env):
    net = Network(["x1", "x2"], [6, {"size": 3, "activation": "softmax"}], seed=3)
    data = generate("blobs", n_classes=3, seed=1)
    env.doc.replace(net, TrainingConfig(loss="cce"), data)
    env.maps.recompute()
    image = env.output.plot.image.image
    assert image.shape == (32, 32, 4) and image.dtype == np.uint8
    env.output.discretize.setChecked(True)
    image = env.output.plot.image.image
    colours = {tuple(c) for c in image[..., :3].reshape(-1, 3).tolist()}
    expected = {region_rgb(c) for c in theme.CLASS_COLORS[:3]}
    assert colours == expected  # every class wins somewhere, each in its own colour
    assert "class 2" in env.output.legend.describe()


def test_class_rgba_is_pale_where_unsure():
    k, n = 3, 4
    out = np.full((k, n, n), 1 / 3, np.float32)
    out[2, 0, 0] = 0.98
    out[:2, 0, 0] = 0.01
    rgba = class_rgba(out, probabilities=True, discretize=False)
    assert tuple(rgba[1, 1, :3]) == region_rgb(theme.NEUTRAL)
    green = region_rgb(theme.CLASS_COLORS[2])
    assert np.abs(rgba[0, 0, :3].astype(int) - green).max() <= 10  # nearly full colour
    assert rgba[0, 0, 3] == 255


def test_regression_output_uses_the_target_range_and_a_colour_bar(env):
    env.editor.set_data(generate("reg_plane", seed=1), "Plane")
    env.maps.recompute()
    lo, hi = env.output.plot.levels
    assert lo == -hi and 1.0 < hi < 1.3
    assert "Target" in env.output.legend.describe()
    assert value_levels(np.array([2.0, 5.0])) == (2.0, 5.0)


def test_hover_reads_the_value_under_the_cursor(env):
    env.output.plot.hovered.emit(0.0, 0.0, True)
    text = env.output.readout.full_text()
    assert "x₁ 0.00" in text and "output" in text and "class" in text
    env.output.plot.hovered.emit(float("nan"), float("nan"), False)
    assert "Hover" in env.output.readout.full_text()


def test_test_points_toggle(env, qtbot):
    plot = env.output.plot
    assert not plot.test_points.isVisible()
    env.output.show_test.setChecked(True)
    assert plot.test_points.isVisible()
    assert len(plot.test_points.data) == env.doc.dataset.n_test
    assert len(plot.train_points.data) == env.doc.dataset.n_train


def test_point_sizes_and_fonts_are_readable_from_afar(env):
    plot = env.output.plot
    assert plot.train_points.opts["size"] >= 6 and plot.test_points.opts["size"] >= 6
    tick_font = plot.getPlotItem().getAxis("bottom").style["tickFont"]
    assert tick_font.pointSizeF() >= 9
    for widget in (env.output.show_test, env.output.readout, env.data.tiles["circle"],
                   env.features.toggles["x1"]):
        assert widget.font().pointSizeF() >= 10 or widget.font().pixelSize() >= 13


def test_history_views_without_test_data_in_log_scale(env, qtbot):
    from engine.training import History

    history = History(capacity=64)
    for e in range(1, 200):  # more than the capacity: the history thins itself
        history.append(e, 1.0 / e, float("nan"), 0.5, float("nan"))
    env.output.log_scale.setChecked(True)
    env.output.show_accuracy.setChecked(True)
    env.output.show()
    env.output.set_history(history["epoch"], history["train_loss"], history["test_loss"],
                           history["train_acc"], history["test_acc"])
    qtbot.wait(20)  # painted without errors or Qt warnings
    assert len(env.output.loss_plot.train_loss.xData) == len(history)


def test_tiles_take_fewer_columns_when_the_text_is_larger(qtbot):
    """Presentation mode's larger text needs wider cells: the gates go to two columns
    rather than cutting "NAND" and "XNOR" off."""
    from PySide6.QtGui import QFont, QUndoStack

    from gui.document import Document
    from gui.editor import DocumentEditor
    from gui.panels import DataPanel
    from gui.panels.tiles import TileGrid

    doc = Document()
    panel = DataPanel(doc, DocumentEditor(doc, QUndoStack()))
    qtbot.addWidget(panel)
    grid = panel.findChild(TileGrid)
    panel.resize(300, 700)
    panel.show()
    qtbot.waitUntil(lambda: grid.gate_columns == 3, timeout=2000)
    big = QFont(grid.font())
    big.setPointSizeF(big.pointSizeF() * 1.6)
    grid.setFont(big)
    panel.resize(301, 700)
    qtbot.waitUntil(lambda: grid.gate_columns == 2, timeout=2000)
