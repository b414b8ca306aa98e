"""The application shell: theme, icons, top bar, main window, settings and the launcher."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QDockWidget, QGraphicsView, QMessageBox, QToolBar

from gui import theme
from gui.app import create_application, main
from gui.icons import app_icon, available_icons, icon
from gui.main_window import CanvasPlaceholder, MainWindow, ShortcutsDialog, format_loss
from gui.toolbar import (
    DEFAULT_SETTINGS,
    LOSSES,
    OPTIMIZERS,
    TrainingToolbar,
    format_epoch,
    format_rate,
)

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def app(qapp):
    return create_application()


@pytest.fixture
def window(app, qtbot):
    w = MainWindow(persist_settings=False)
    qtbot.addWidget(w)
    return w


@pytest.fixture
def toolbar(app, qtbot):
    bar = TrainingToolbar()
    qtbot.addWidget(bar)
    bar.resize(1400, bar.sizeHint().height())
    return bar


def native(seq) -> str:
    return QKeySequence(seq).toString(QKeySequence.SequenceFormat.PortableText)


# --- theme and icons -------------------------------------------------------------------


def test_diverging_lut_runs_orange_neutral_blue():
    lut = theme.diverging_lut()
    assert lut.shape == (256, 4) and lut.dtype == np.uint8
    assert tuple(lut[0, :3]) == (0xF5, 0x93, 0x22)
    assert tuple(lut[-1, :3]) == (0x08, 0x77, 0xBD)
    assert np.all(lut[:, 3] == 255)
    mid = lut[127:129, :3].astype(int)
    assert np.all(np.abs(mid - [0xE8, 0xEA, 0xEB]) <= 2)
    assert theme.value_color(-1).name() == theme.ORANGE
    assert theme.value_color(5).name() == theme.BLUE
    assert theme.value_color(0).name() == theme.NEUTRAL


def test_class_colours_start_with_playground_pair_and_are_distinct():
    assert theme.CLASS_COLORS[:2] == (theme.ORANGE, theme.BLUE)
    assert len(theme.CLASS_COLORS) == 8 == len(set(theme.CLASS_COLORS))
    assert theme.class_color(9).name() == theme.BLUE


def test_accent_is_not_a_data_colour():
    assert theme.COLORS.accent not in (theme.ORANGE, theme.BLUE, *theme.CLASS_COLORS)


def test_type_scale_is_readable(app):
    assert app.font().pointSizeF() >= 10
    heading = theme.heading_font()
    assert 9 <= heading.pointSizeF() <= 10 and heading.bold()
    assert heading.capitalization() == heading.Capitalization.AllUppercase
    assert theme.big_number_font().pointSizeF() > 2 * theme.label_font().pointSizeF()


def test_every_icon_loads(app):
    required = {
        "play", "pause", "step", "step-batch", "reset", "reset-seed", "new", "open", "save",
        "undo", "redo", "zoom-in", "zoom-out", "fit", "layout", "neuron", "layer", "feature",
        "output", "delete", "export", "presentation", "help",
    }
    assert required <= set(available_icons())
    for name in available_icons():
        assert not icon(name).pixmap(24, 24).isNull(), name
    white = icon("play", "#ffffff").pixmap(48, 48).toImage()
    assert white.pixelColor(24, 24).name() == "#ffffff"
    assert not app_icon().pixmap(16, 16).isNull()
    with pytest.raises(FileNotFoundError):
        icon("no-such-icon")


def test_app_identity(app):
    assert app.applicationName() == "Neurona"
    assert app.organizationName() == "Neurona"
    assert app.palette().color(app.palette().ColorRole.Highlight).name() == theme.COLORS.accent
    assert not app.windowIcon().isNull()


# --- top bar ----------------------------------------------------------------------------


def test_toolbar_defaults(toolbar):
    assert toolbar.settings() == DEFAULT_SETTINGS
    assert toolbar.learning_rate_combo.currentText() == "0.03"
    assert toolbar.optimizer_combo.count() == len(OPTIMIZERS) == 10
    assert [toolbar.loss_combo.itemData(i) for i in range(4)] == [k for k, _, _ in LOSSES]
    assert toolbar.batch_size_spin.minimum() == 1 and toolbar.batch_size_spin.maximum() == 1000
    assert toolbar.epoch_label.text() == "000,000"
    assert not toolbar.regularization_rate_combo.isEnabled()  # no regularization chosen
    for widget in (toolbar.play_button, toolbar.step_button, toolbar.reset_button,
                   toolbar.learning_rate_combo, toolbar.optimizer_combo, toolbar.loss_combo,
                   toolbar.batch_size_spin, toolbar.regularization_combo):
        assert widget.toolTip(), widget.objectName()


def test_transport_buttons_emit(toolbar, qtbot):
    with qtbot.waitSignal(toolbar.play_toggled) as blocker:
        qtbot.mouseClick(toolbar.play_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True] and toolbar.is_playing()
    assert "Pause" in toolbar.play_button.toolTip()
    with qtbot.waitSignal(toolbar.play_toggled) as blocker:
        toolbar.toggle_play()
    assert blocker.args == [False]
    with qtbot.waitSignal(toolbar.step_requested):
        qtbot.mouseClick(toolbar.step_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(toolbar.step_batch_requested):
        qtbot.mouseClick(toolbar.step_batch_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(toolbar.reset_requested):
        qtbot.mouseClick(toolbar.reset_button, Qt.MouseButton.LeftButton)


def test_user_choices_emit_setting_changed(toolbar, qtbot):
    combo = toolbar.optimizer_combo
    with qtbot.waitSignal(toolbar.setting_changed) as blocker:
        combo.activated.emit(combo.findData("adam"))
    assert blocker.args == ["optimizer", "adam"]
    with qtbot.waitSignal(toolbar.setting_changed) as blocker:
        toolbar.batch_size_spin.setValue(32)
    assert blocker.args == ["batch_size", 32]
    combo = toolbar.regularization_combo
    with qtbot.waitSignal(toolbar.setting_changed) as blocker:
        combo.activated.emit(combo.findData("l2"))
    assert blocker.args == ["regularization", "l2"]
    assert toolbar.regularization_rate_combo.isEnabled()
    lr = toolbar.learning_rate_combo
    with qtbot.waitSignal(toolbar.setting_changed) as blocker:
        lr.activated.emit(lr.findData(0.3))
    assert blocker.args == ["learning_rate", 0.3]
    assert toolbar.settings()["learning_rate"] == 0.3


def test_setters_do_not_emit(toolbar, qtbot):
    with qtbot.assertNotEmitted(toolbar.setting_changed), qtbot.assertNotEmitted(toolbar.play_toggled):
        toolbar.set_setting("optimizer", "nadam")
        toolbar.set_setting("loss", "sparse_cce")
        toolbar.set_setting("batch_size", 64)
        toolbar.set_setting("learning_rate", 0.00001)
        toolbar.set_setting("regularization", "l1")
        toolbar.set_setting("regularization_rate", 0.003)
        toolbar.set_playing(True)
        toolbar.set_epoch(123)
        toolbar.set_epochs_per_second(251.6)
    assert toolbar.optimizer_combo.currentData() == "nadam"
    assert toolbar.loss_combo.currentText() == "Sparse categorical cross-entropy"
    assert toolbar.batch_size_spin.value() == 64
    assert toolbar.learning_rate_combo.currentText() == "0.00001"
    assert toolbar.regularization_rate_combo.currentText() == "0.003"
    assert toolbar.is_playing() and toolbar.play_button.isChecked()
    assert toolbar.epoch_label.text() == "000,123"
    assert toolbar.speed_label.text() == "252"
    toolbar.set_epochs_per_second(None)
    assert toolbar.speed_label.text() == "—"


@pytest.mark.parametrize(
    "key, value",
    [("optimizer", "adamax"), ("loss", "hinge"), ("batch_size", 0), ("batch_size", 1001),
     ("batch_size", 2.5), ("learning_rate", 0), ("learning_rate", float("nan")),
     ("regularization_rate", -0.1)],
)
def test_set_setting_rejects_bad_values(toolbar, key, value):
    before = toolbar.settings()
    with pytest.raises(ValueError):
        toolbar.set_setting(key, value)
    assert toolbar.settings() == before


def test_set_setting_rejects_unknown_key(toolbar):
    with pytest.raises(KeyError):
        toolbar.set_setting("momentum", 0.9)


def _type_into(qtbot, combo, text):
    line = combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    "typed, problem",
    [("abc", "not a number"), ("-1", "greater than 0"), ("0", "greater than 0"), ("inf", "finite")],
)
def test_invalid_learning_rate_turns_red_and_keeps_old_value(toolbar, qtbot, typed, problem):
    combo = toolbar.learning_rate_combo
    with qtbot.assertNotEmitted(toolbar.setting_changed):
        _type_into(qtbot, combo, typed)
    assert combo.property("invalid") is True
    assert combo.lineEdit().property("invalid") is True
    assert problem in combo.toolTip() and problem in combo.error()
    assert "0.03" in combo.toolTip()  # says which value is still in use
    assert toolbar.settings()["learning_rate"] == 0.03
    # Escape brings the value in use back and clears the error.
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Escape)
    assert combo.currentText() == "0.03" and not combo.property("invalid")


def test_typed_learning_rate_is_accepted(toolbar, qtbot):
    combo = toolbar.learning_rate_combo
    _type_into(qtbot, combo, "abc")
    with qtbot.waitSignal(toolbar.setting_changed) as blocker:
        _type_into(qtbot, combo, "0,05")  # a decimal comma is fine
    assert blocker.args == ["learning_rate", 0.05]
    assert not combo.property("invalid") and combo.error() is None
    assert combo.currentText() == "0.05"


def test_regularization_rate_accepts_zero_rejects_negative(toolbar, qtbot):
    toolbar.set_setting("regularization", "l2")
    toolbar.set_setting("regularization_rate", 0.1)
    combo = toolbar.regularization_rate_combo
    with qtbot.waitSignal(toolbar.setting_changed) as blocker:
        _type_into(qtbot, combo, "0")
    assert blocker.args == ["regularization_rate", 0.0]
    _type_into(qtbot, combo, "-2")
    assert combo.property("invalid") and "0 or more" in combo.toolTip()
    assert toolbar.settings()["regularization_rate"] == 0.0


def test_formatting_helpers():
    assert format_rate(0.00001) == "0.00001"
    assert format_rate(3.0) == "3"
    assert format_rate(0.0) == "0"
    assert format_epoch(0) == "000,000"
    assert format_epoch(1_234_567) == "1,234,567"
    assert format_loss(None) == "—"
    assert format_loss(0.123456) == "0.1235"
    assert "diverged" in format_loss(float("nan"))


# --- main window ------------------------------------------------------------------------


def test_window_layout(window):
    assert window.windowTitle() == "Neurona"
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    assert {d.windowTitle() for d in docks.values()} == {"DATA", "FEATURES", "OUTPUT"}
    area = window.dockWidgetArea
    assert area(window.data_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert area(window.features_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert area(window.output_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    for dock in docks.values():
        assert dock.titleBarWidget().label.font().capitalization() == theme.heading_font().capitalization()
    assert isinstance(window.central_canvas, CanvasPlaceholder)
    bar = window.findChild(QToolBar, "trainingToolBar")
    assert bar is window.top_bar and not bar.isMovable()
    assert window.toolbar.parent() is bar
    assert window.metrics_label.text() == "Epoch 0  ·  Train loss —  ·  Test loss —"
    assert window.size().width() == 1600 and window.size().height() == 1000


def _menu_shortcuts(window) -> dict[str, set[str]]:
    from gui.main_window import _walk_actions

    found = {}
    for menu in window.menus():
        for action in _walk_actions(menu):
            found[action.objectName()] = {native(k) for k in action.shortcuts()}
    return found


EXPECTED_SHORTCUTS = {
    "action_new": {"Ctrl+N"},
    "action_open": {"Ctrl+O"},
    "action_save": {"Ctrl+S"},
    "action_save_as": {"Ctrl+Shift+S"},
    "action_quit": {"Ctrl+Q"},
    "action_undo": {"Ctrl+Z"},
    "action_redo": {"Ctrl+Shift+Z", "Ctrl+Y"},
    "action_delete": {"Del"},
    "action_zoom_in": {"Ctrl++", "Ctrl+="},
    "action_zoom_out": {"Ctrl+-"},
    "action_fit": {"Ctrl+0"},
    "action_play": {"Space"},
    "action_step": {"Right"},
    "action_step_batch": {"Shift+Right"},
    "action_reset": {"R"},
    "action_shortcuts": {"F1"},
}


def test_menus_hold_the_listed_shortcuts(window):
    assert [m.title() for m in window.menus()] == ["&File", "&Edit", "&View", "&Train", "&Help"]
    found = _menu_shortcuts(window)
    for name, keys in EXPECTED_SHORTCUTS.items():
        assert name in found, name
        assert keys <= found[name], (name, found[name])
    assert "action_about" in found and "action_export_window_png" in found
    # Every shortcut is unique, or Qt would report it as ambiguous and run neither action.
    all_keys = [k for keys in found.values() for k in keys]
    assert len(all_keys) == len(set(all_keys))
    for menu in window.menus():
        for action in menu.actions():
            if action.shortcuts():
                assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut


def test_view_menu_toggles_docks(window, qtbot):
    with qtbot.waitExposed(window):
        window.show()
    toggles = {a.text() for a in window.panels_menu.actions()}
    assert toggles == {"Data", "Features", "Output"}
    window.output_dock.toggleViewAction().trigger()
    assert window.output_dock.isHidden()
    window.restore_layout_action.trigger()
    assert not window.output_dock.isHidden()
    assert window.dockWidgetArea(window.output_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_undo_redo_are_wired_to_the_stack(window):
    from PySide6.QtGui import QUndoCommand

    log = []

    class Note(QUndoCommand):
        def redo(self):
            log.append("redo")

        def undo(self):
            log.append("undo")

    assert not window.undo_action.isEnabled()
    window.undo_stack.push(Note("add neuron"))
    assert window.undo_action.isEnabled() and "add neuron" in window.undo_action.text()
    window.undo_action.trigger()
    window.redo_action.trigger()
    assert log == ["redo", "undo", "redo"]


def test_train_actions_drive_the_toolbar_signals(window, qtbot):
    tb = window.toolbar
    with qtbot.waitSignal(tb.play_toggled) as blocker:
        window.play_action.trigger()
    assert blocker.args == [True]
    with qtbot.waitSignal(tb.step_requested):
        window.step_action.trigger()
    with qtbot.waitSignal(tb.step_batch_requested):
        window.step_batch_action.trigger()
    with qtbot.waitSignal(tb.reset_requested):
        window.reset_action.trigger()


def test_space_plays_but_not_inside_a_text_field(window, qtbot):
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    tb = window.toolbar
    window.central_canvas.setFocus()
    with qtbot.waitSignal(tb.play_toggled, timeout=1000) as blocker:
        qtbot.keyClick(window.central_canvas, Qt.Key.Key_Space)
    assert blocker.args == [True]
    line = tb.learning_rate_combo.lineEdit()
    line.setFocus()
    with qtbot.assertNotEmitted(tb.play_toggled), qtbot.assertNotEmitted(tb.reset_requested):
        qtbot.keyClick(line, Qt.Key.Key_Space)
        qtbot.keyClick(line, Qt.Key.Key_R)
    assert tb.is_playing()


def test_file_actions_wait_for_a_handler(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    assert not window.open_action.isEnabled()
    window.set_file_actions_enabled(True)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("/tmp/x.neurona", ""))
    with qtbot.waitSignal(window.open_requested) as blocker:
        window.open_action.trigger()
    assert blocker.args == ["/tmp/x.neurona"]
    with qtbot.waitSignal(window.new_requested):
        window.new_action.trigger()


def test_export_window_image(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "shot"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_window_action.trigger()
    assert QImage(str(target) + ".png").width() == window.width()


def test_central_canvas_can_be_replaced_and_zoomed(window):
    placeholder = window.central_canvas
    window.zoom_in_action.trigger()
    assert placeholder.transform().m11() == pytest.approx(1.25)
    window.fit_action.trigger()
    assert placeholder.transform().m11() == pytest.approx(1.0)
    assert not window.delete_action.isEnabled()

    calls = []

    class Canvas(QGraphicsView):
        def zoom_in(self):
            calls.append("in")

        def zoom_out(self):
            calls.append("out")

        def fit(self):
            calls.append("fit")

        def delete_selected(self):
            calls.append("delete")

    canvas = Canvas()
    old = window.set_central_canvas(canvas)
    assert old is placeholder and window.central_canvas is canvas
    assert window.delete_action.isEnabled()
    for action in (window.zoom_in_action, window.zoom_out_action, window.fit_action, window.delete_action):
        action.trigger()
    assert calls == ["in", "out", "fit", "delete"]


def test_set_panel(window):
    from PySide6.QtWidgets import QLabel

    panel = QLabel("datasets")
    window.set_panel("data", panel)
    assert window.data_dock.widget() is panel
    with pytest.raises(KeyError):
        window.set_panel("inspector", QLabel())


def test_show_metrics(window):
    window.show_metrics(1234, 0.123456, None)
    assert window.metrics_label.text() == "Epoch 1,234  ·  Train loss 0.1235  ·  Test loss —"


def test_help_dialogs(window, monkeypatch):
    shown = {}
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.setdefault("rows", self.shortcut_count))
    window.shortcuts_action.trigger()
    assert shown["rows"] >= len(EXPECTED_SHORTCUTS)
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.update(about=(title, text)))
    window.about_action.trigger()
    assert shown["about"][0] == "About Neurona" and "Neurona" in shown["about"][1]


def test_toolbar_fits_a_1024_window(window, qtbot):
    window.resize(1024, 768)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.wait(20)
    assert window.width() == 1024
    assert window.toolbar.is_compact()
    tb = window.toolbar
    for widget in (tb.play_button, tb.learning_rate_combo, tb.regularization_rate_combo, tb.speed_label):
        right = widget.mapTo(window, widget.rect().topRight()).x()
        assert right <= window.width(), widget.objectName()
    window.resize(1600, 1000)
    qtbot.wait(20)
    assert not window.toolbar.is_compact() and tb.step_batch_button.isVisible()


def test_geometry_and_docks_are_saved_and_restored(app, qtbot, isolated_qsettings):
    first = MainWindow()
    qtbot.addWidget(first)
    with qtbot.waitExposed(first):
        first.show()
    first.resize(1200, 800)
    first.output_dock.hide()
    qtbot.wait(20)
    first.close()

    settings = QSettings("Neurona", "Neurona")
    assert Path(settings.fileName()).is_relative_to(isolated_qsettings)
    assert not settings.value("window/geometry").isEmpty()

    second = MainWindow()
    qtbot.addWidget(second)
    with qtbot.waitExposed(second):
        second.show()
    assert (second.width(), second.height()) == (1200, 800)
    assert second.output_dock.isHidden() and not second.data_dock.isHidden()
    second.restore_default_layout()
    assert not second.output_dock.isHidden()
    settings.clear()


# --- launcher ---------------------------------------------------------------------------


def test_main_rejects_a_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "nope.neurona")]) == 2
    err = capsys.readouterr().err
    assert "nope.neurona" in err and "does not exist" in err


def test_main_version_and_bad_size(capsys):
    assert main(["--version"]) == 0
    assert "neurona" in capsys.readouterr().out
    assert main(["--screenshot", "x.png", "--size", "huge"]) == 2
    assert "1600x1000" in capsys.readouterr().err


def _screenshot(tmp_path, *extra) -> QImage:
    out = tmp_path / "s.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, "main.py", "--screenshot", str(out), *extra],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""  # no Qt warnings
    return QImage(str(out))


def _distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_a_plain_launch_paints_its_window_without_loading_what_it_does_not_show(tmp_path):
    """``python main.py`` as tools/bench_startup.py starts it: the window paints (the probe
    prints "painted" and quits), and what only opening, saving or exporting needs was not
    imported for it (docs/performance.md, "Start-up")."""
    code = (
        "import runpy, sys\n"
        "sys.argv = ['main.py']\n"
        "try:\n"
        "    runpy.run_path('main.py', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m in ('json', 'engine.io', 'csv', 'html', 'uuid',"
        " 'engine.export', 'gui.panels.csv_dialog'))) or '-')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEURONA_STARTUP_PROBE="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert lines[0] == "painted"
    assert lines[1:] == ["-"]  # none of them


def _launch(monkeypatch, tmp_path, argv):
    """main(argv) as a double-click runs it, up to the event loop: returns the window and
    its workspace (closed by the caller's ``close_assembled``)."""
    from PySide6.QtWidgets import QApplication

    from gui import files as files_module
    from gui import workspace as workspace_module

    monkeypatch.setattr(files_module, "autosave_dir", lambda: tmp_path / "autosave")
    built = {}
    real_build = workspace_module.build_workspace

    def build(window, doc=None):
        built["window"], built["ws"] = window, real_build(window, doc)
        return built["ws"]

    monkeypatch.setattr(workspace_module, "build_workspace", build)
    monkeypatch.setattr(QApplication, "exec", lambda _app: 0)
    assert main(argv) == 0
    return built["window"], built["ws"]


def test_a_file_named_at_launch_is_the_first_document_built(monkeypatch, tmp_path, qapp):
    """``neurona FILE`` builds the workspace once, around the file's network (not around
    Playground's default and then again), and the window has the file open."""
    from engine.io import load_experiment
    from gui import document

    from .conftest import close_assembled

    path = REPO / "resources" / "examples" / "09-spiral-deep.neurona"
    expected = load_experiment(path)

    def no_default():
        raise AssertionError("the default network was built")

    monkeypatch.setattr(document, "playground_default", no_default)
    window, ws = _launch(monkeypatch, tmp_path, [str(path)])
    try:
        assert ws.doc.network.sizes == expected.network.sizes
        assert np.array_equal(ws.doc.network.get_weights()[0][0], expected.network.get_weights()[0][0])
        assert ws.doc.layout_dict() == document.Document(None, (expected.network, expected.training, expected.data,
                                                                expected.canvas)).layout_dict()
        assert ws.files.path == path.resolve() and not ws.files.is_modified()
        assert "09-spiral-deep" in window.windowTitle()
        assert ws.doc.title  # the example's title, shown above the canvas
        assert ws.files.recent_files()[0] == str(path.resolve())
        assert window.undo_stack.count() == 0
    finally:
        close_assembled(window, ws)


def test_a_bad_file_named_at_launch_is_reported_by_the_window(monkeypatch, tmp_path, qapp, qtbot):
    """A file that cannot be read: the window starts with the default network and then
    says what is wrong with the file, as File › Open does."""
    from PySide6.QtWidgets import QMessageBox

    from .conftest import close_assembled

    bad = tmp_path / "broken.neurona"
    bad.write_text('{"format_version": 1, "network": ', encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _parent, title, text, *a: shown.append(text)))
    window, ws = _launch(monkeypatch, tmp_path, [str(bad)])
    try:
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
        assert "broken.neurona" in " ".join(shown)
        assert ws.doc.network.sizes == [2, 4, 2, 1] and ws.files.path is None
    finally:
        close_assembled(window, ws)


def test_screenshot_renders_the_window(tmp_path, qapp):
    image = _screenshot(tmp_path)
    assert (image.width(), image.height()) == (1600, 1000)
    assert _distinct_colours(image) > 20


def test_screenshot_at_projector_size(tmp_path, qapp):
    image = _screenshot(tmp_path, "--size", "1024x768")
    assert (image.width(), image.height()) == (1024, 768)
    assert _distinct_colours(image) > 20


@pytest.mark.parametrize("size", ["1920x1080", "1024x768"])
def test_presentation_screenshot_in_spanish(tmp_path, qapp, size):
    """``--presentation --lang es --screenshot``, as issue #6 asks to look at it."""
    image = _screenshot(tmp_path, "--presentation", "--lang", "es", "--size", size)
    assert f"{image.width()}x{image.height()}" == size
    assert _distinct_colours(image) > 20


def test_an_unknown_language_is_refused(capsys):
    assert main(["--lang", "fr", "--screenshot", "x.png"]) == 2
    assert "--lang" in capsys.readouterr().err
