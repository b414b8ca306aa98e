"""Presentation mode (gui/presentation.py): scale, full screen, exact restore, focus layouts, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QCheckBox

from gui.main_window import ShortcutsDialog

TIMEOUT = 10_000


@pytest.fixture
def assembled(qapp, qtbot, window_tools):
    open_assembled, close_assembled = window_tools
    if not qapp.property("neuronaThemed"):  # as in the application (and after any test that created it)
        from gui import theme

        theme.apply_theme(qapp)
    window, ws = open_assembled()
    window.resize(1280, 800)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.waitUntil(lambda: ws.canvas.view.zoom() > 0, timeout=TIMEOUT)
    yield window, ws
    ws.presentation.leave()
    close_assembled(window, ws)


def _docks(window):
    return {d.objectName(): d.isVisible() for d in (window.data_dock, window.features_dock, window.output_dock)}


def _rects(window):
    from PySide6.QtWidgets import QDockWidget

    return [(d.objectName(), d.geometry().getRect(), d.isHidden()) for d in window.findChildren(QDockWidget)] + [
        window.geometry().getRect(), window.centralWidget().geometry().getRect()]


def _key(qtbot, window, key, widget=None):
    target = widget or window.central_canvas
    target.setFocus()
    qtbot.waitUntil(target.hasFocus, timeout=1000)
    qtbot.keyClick(target, key)


def test_on_scales_fonts_and_goes_full_screen_and_off_restores_exactly(assembled, qtbot):
    window, ws = assembled
    pm = ws.presentation
    window.features_dock.hide()  # a layout of the teacher's own
    ws.canvas.zoom_in()
    qtbot.wait(100)  # let the layout settle
    before = {
        "font": QFont(QApplication.font()),  # a copy
        "geometry": window.saveGeometry(),
        "state": window.saveState(),
        "rects": _rects(window),
        "docks": _docks(window),
        "zoom": ws.canvas.view.zoom(),
        "auto_fit": ws.canvas.view.auto_fit,
        "epoch_font": window.toolbar.epoch_label.font().pointSizeF(),
    }
    check = window.findChildren(QCheckBox)[0]
    check_size = check.font().pointSizeF()

    pm.enter()
    assert pm.active
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    assert QApplication.font().pointSizeF() == pytest.approx(before["font"].pointSizeF() * 1.5)
    assert check.font().pointSizeF() == pytest.approx(check_size * 1.5)  # through the style sheet too
    assert window.toolbar.epoch_label.font().pointSizeF() > before["epoch_font"]
    assert window.find_action("presentation").isChecked()
    assert not window.statusBar().isVisible()

    _key(qtbot, window, Qt.Key.Key_Escape)
    assert not pm.active and not window.isFullScreen()
    assert QApplication.font() == before["font"]
    assert check.font().pointSizeF() == check_size
    assert window.toolbar.epoch_label.font().pointSizeF() == before["epoch_font"]
    assert _docks(window) == before["docks"]
    # the layout settles over a few event-loop turns, as it does on a real screen
    qtbot.wait(100)
    assert _rects(window) == before["rects"]
    assert window.saveState() == before["state"]
    assert window.saveGeometry() == before["geometry"]
    assert ws.canvas.view.zoom() == pytest.approx(before["zoom"])
    assert ws.canvas.view.auto_fit == before["auto_fit"]
    assert not window.find_action("presentation").isChecked()
    assert window.statusBar().isVisible()


def test_f5_toggles(assembled, qtbot):
    window, ws = assembled
    _key(qtbot, window, Qt.Key.Key_F5)
    assert ws.presentation.active
    _key(qtbot, window, Qt.Key.Key_F5)
    assert not ws.presentation.active


def test_ui_scale_menu(assembled):
    window, ws = assembled
    base = QApplication.font().pointSizeF()
    ws.presentation.enter()
    window.find_action("ui_scale_200").trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base * 2)
    window.find_action("ui_scale_100").trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    ws.presentation.leave()
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    assert ws.presentation.scale_percent == 100


def test_focus_layouts(assembled, qtbot):
    window, ws = assembled
    pm = ws.presentation
    assert not window.find_action("focus_network").isEnabled()  # only while presenting
    pm.enter()
    window.find_action("focus_network").trigger()
    assert not window.data_dock.isVisible() and not window.features_dock.isVisible()
    assert window.output_dock.isVisible() and ws.canvas.isVisible()
    window.find_action("focus_region").trigger()
    assert window.output_dock.isVisible() and not ws.canvas.isVisible()
    assert not window.data_dock.isVisible()
    window.find_action("focus_everything").trigger()
    assert window.data_dock.isVisible() and window.features_dock.isVisible()
    assert window.output_dock.isVisible() and ws.canvas.isVisible()
    # F6 cycles: network → region → everything
    seen = []
    for _ in range(3):
        _key(qtbot, window, Qt.Key.Key_F6, window.output_dock.widget())
        seen.append(pm.focus)
    assert seen == ["network", "region", "everything"]
    pm.set_focus("region")
    pm.leave()
    assert ws.canvas.isVisible() and window.data_dock.isVisible() and window.output_dock.isVisible()


def test_b_shows_a_black_screen_that_any_key_or_click_removes(assembled, qtbot):
    window, ws = assembled
    pm = ws.presentation
    pm.enter()
    _key(qtbot, window, Qt.Key.Key_B)
    assert pm.black_screen.isVisible()
    assert pm.black_screen.geometry() == window.rect()
    qtbot.keyClick(pm.black_screen, Qt.Key.Key_PageDown)  # any key — and it does not step
    assert not pm.black_screen.isVisible()
    _key(qtbot, window, Qt.Key.Key_B)
    assert pm.black_screen.isVisible()
    qtbot.mouseClick(pm.black_screen, Qt.MouseButton.LeftButton)
    assert not pm.black_screen.isVisible()


def test_page_down_steps_one_epoch(assembled, qtbot):
    window, ws = assembled
    c = ws.controller

    def epoch():
        return c.last_snapshot.epoch if c.last_snapshot else 0

    start = epoch()
    _key(qtbot, window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: epoch() == start + 1, timeout=TIMEOUT)


def test_page_up_plays_and_pauses(assembled, qtbot):
    window, ws = assembled
    emitted = []
    window.toolbar.play_toggled.connect(emitted.append)
    _key(qtbot, window, Qt.Key.Key_PageUp)
    _key(qtbot, window, Qt.Key.Key_PageUp)
    assert emitted == [True, False]
    ws.controller.pause()


def test_keys_are_left_to_text_fields(assembled, qtbot):
    window, ws = assembled
    pm = ws.presentation
    pm.enter()
    steps, shown = [], []
    window.toolbar.step_requested.connect(lambda: steps.append(1))
    window.shortcuts_action.triggered.disconnect()
    window.shortcuts_action.triggered.connect(lambda: shown.append(1))
    field = window.toolbar.batch_size_spin
    for key in (Qt.Key.Key_B, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_Question):
        _key(qtbot, window, key, field)
    assert not pm.black_screen.isVisible() and steps == [] and shown == []
    _key(qtbot, window, Qt.Key.Key_Question)
    assert shown == [1]


def test_shortcuts_dialog_lists_the_new_keys(assembled):
    window, ws = assembled
    dialog = ShortcutsDialog(window.menus(), window)
    texts = [dialog.table.item(r, c).text() for r in range(dialog.table.rowCount()) for c in (0, 1)
             if dialog.table.item(r, c) is not None]
    joined = " | ".join(texts)
    for needle in ("Presentation Mode", "F5", "F6", "Black Screen", "PgDown", "PgUp", "?", "Esc"):
        assert needle in joined, needle
    dialog.deleteLater()


def test_region_and_loss_layout_puts_them_side_by_side_on_a_projector(assembled, qtbot):
    """At 1024×768 the "decision region and loss" layout gives the region real room."""
    window, ws = assembled
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = ws.output_panel
    assert not panel.is_wide()  # a dock: the region above the loss curve
    ws.presentation.enter(full_screen=False)
    ws.presentation.set_focus("region")
    qtbot.waitUntil(panel.is_wide, timeout=3000)
    qtbot.waitUntil(lambda: panel.plot.height() >= 250, timeout=3000)
    assert panel.loss_plot.height() >= 250
    # side by side: the loss curve to the right of the region, not below it
    assert panel.loss_plot.mapTo(panel, panel.loss_plot.rect().topLeft()).x() > panel.plot.mapTo(
        panel, panel.plot.rect().topRight()).x()
    ws.presentation.leave()
    qtbot.waitUntil(lambda: not panel.is_wide(), timeout=3000)


def test_network_and_region_layout_gives_the_loss_curves_room_to_the_region(assembled, qtbot):
    """"Only the canvas and the decision region" (issue #6): the loss curve steps aside."""
    window, ws = assembled
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = ws.output_panel
    ws.presentation.enter(full_screen=False)
    ws.presentation.set_focus("network")
    qtbot.waitUntil(lambda: panel.loss_section.isHidden(), timeout=3000)
    qtbot.waitUntil(lambda: panel.plot.height() >= 250, timeout=3000)
    ws.presentation.set_focus("region")
    assert not panel.loss_section.isHidden()
    ws.presentation.set_focus("network")
    ws.presentation.leave()
    assert not panel.loss_section.isHidden()


def test_everything_layout_does_not_cut_the_data_panel(assembled, qtbot):
    """At 1024×768 and 150 % the DATA panel's content (its seed row) is wider than the
    left panels used to get: the dock takes what the content needs."""
    from gui.presentation import _content_width

    window, ws = assembled
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    ws.presentation.set_scale(150)
    ws.presentation.enter(full_screen=False)
    ws.presentation.set_focus("everything")
    dock = window.data_dock
    qtbot.waitUntil(lambda: dock.isVisible() and dock.width() >= _content_width(dock), timeout=3000)


def test_plots_keep_room_for_their_top_tick_label(assembled, qtbot):
    """The top tick label is centred on its tick at the plot's top edge; its digits reach
    about half a line above it, and presentation mode's larger ticks must not be cut."""
    from PySide6.QtGui import QFontMetrics

    window, ws = assembled
    loss, region = ws.output_panel.loss_plot, ws.output_panel.plot

    def ink_above(plot) -> float:
        fm = QFontMetrics(plot.getPlotItem().getAxis("left").style["tickFont"])
        return fm.height() / 2 - (fm.ascent() - fm.capHeight())

    def rooms() -> tuple[float, float]:
        return (loss.getPlotItem().layout.getContentsMargins()[1],
                region.getPlotItem().getAxis("top").height())

    before, small_ink = rooms(), ink_above(loss)
    assert before[0] >= small_ink and before[1] >= ink_above(region)
    ws.presentation.enter()
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    assert ink_above(loss) > small_ink + 1  # larger ticks: more room than before
    assert rooms()[0] >= ink_above(loss) > before[0] - 1
    assert rooms()[1] >= ink_above(region)
    ws.presentation.leave()
    assert rooms() == before
