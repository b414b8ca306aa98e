"""Themes and data palettes (gui/theme.py, gui/appearance.py), and presentation mode on a
projector: live switching, contrast, colour-blind safety, a top bar that fits, canvas scale."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from gui import theme
from gui.canvas import style

TIMEOUT = 10_000


@pytest.fixture(autouse=True)
def default_look():
    """Every test starts and ends with the default theme and palette (module state)."""
    theme.set_theme(theme.DEFAULT_THEME)
    theme.set_palette(theme.DEFAULT_PALETTE)
    yield
    theme.set_theme(theme.DEFAULT_THEME)
    theme.set_palette(theme.DEFAULT_PALETTE)


@pytest.fixture
def shown(qapp, qtbot, window_tools):
    """The assembled window, shown (offscreen) at 1280 × 800 with the application style."""
    open_assembled, close_assembled = window_tools
    if not qapp.property("neuronaThemed"):
        theme.apply_theme(qapp)
    window, ws = open_assembled()
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: ws.canvas.view.zoom() > 0, timeout=TIMEOUT)
    yield window, ws
    ws.presentation.leave()
    close_assembled(window, ws)


def _looks(window, ws) -> dict:
    """What a theme or palette decides, read from the live widgets."""
    app_palette = QApplication.palette()
    plot = ws.output_panel.plot
    return {
        "window": app_palette.color(QPalette.ColorRole.Window).name(),
        "text": app_palette.color(QPalette.ColorRole.Text).name(),
        "canvas": style.CANVAS.name(),
        "lane": style.LANE_FILL.name(),
        "positive_edge": style.edge_pen(True, style.EDGE_LEVELS - 1, False).color().name(),
        "negative_edge": style.edge_pen(False, style.EDGE_LEVELS - 1, False).color().name(),
        "thumbnail_lut": style.LUT_ARGB32.copy(),
        "plot_background": plot.backgroundBrush().color().name(),
        "loss_background": ws.output_panel.loss_plot.backgroundBrush().color().name(),
        "axis": plot.getPlotItem().getAxis("bottom").pen().color().name(),
        "region_lut": None if plot.image.lut is None else np.array(plot.image.lut).copy(),
        "points": [b.color().name() for b in plot.train_points.data["brush"][:20]],
        "canvas_pixel": ws.canvas.view.grab().toImage().pixelColor(3, 3).name(),
    }


def _same(a: dict, b: dict) -> bool:
    return all(np.array_equal(a[k], b[k]) if isinstance(a[k], np.ndarray) else a[k] == b[k] for k in a)


def test_theme_switch_restyles_widgets_canvas_plots_and_region_and_back(shown, qtbot):
    window, ws = shown
    before = _looks(window, ws)
    ws.appearance.set_theme("dark")
    qtbot.wait(20)
    dark = _looks(window, ws)
    for key in ("window", "text", "canvas", "lane", "plot_background", "loss_background", "axis",
                "canvas_pixel"):
        assert dark[key] != before[key], key
    assert QColorLuminance(dark["canvas_pixel"]) < 0.1 < QColorLuminance(before["canvas_pixel"])
    assert not np.array_equal(dark["region_lut"], before["region_lut"])  # blended over dark
    assert not np.array_equal(dark["thumbnail_lut"], before["thumbnail_lut"])  # dark neutral
    assert window.find_action("theme_dark").isChecked()

    ws.appearance.set_theme("high_contrast")
    hc = _looks(window, ws)
    assert hc["text"] == "#000000" and hc["canvas"] == "#ffffff"
    assert style.pen("#000000", 1.0).widthF() > 1.0  # thicker outlines
    assert hc["positive_edge"] != before["positive_edge"]  # saturated data colours

    ws.appearance.set_theme("light")
    qtbot.wait(20)
    assert _same(_looks(window, ws), before)
    assert style.pen("#000000", 1.0).widthF() == 1.0


def test_roles_follow_the_theme_without_an_application_style_sheet(shown, qtbot):
    """Neurona's own looks (captions, headings, round buttons, the status bar) come from
    widget roles, not from an application-wide style sheet: with one, Qt styles every
    widget through its style-sheet style, and the window took about 0.1 s longer to build
    and paint (docs/performance.md, "Start-up")."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    window, ws = shown
    assert QApplication.instance().styleSheet() == ""
    caption = window.toolbar._epoch_box.caption
    epoch = window.toolbar.epoch_label
    title = window.data_dock.titleBarWidget()
    play = window.toolbar.play_button

    def looks():
        return (caption.palette().color(QPalette.ColorRole.WindowText).name(),
                epoch.palette().color(QPalette.ColorRole.WindowText).name(),
                title.palette().color(QPalette.ColorRole.Window).name(),
                play.styleSheet(), window.statusBar().styleSheet())

    light = theme.COLORS
    assert looks()[:3] == (light.muted, light.ink, light.surface)
    assert light.accent in looks()[3] and light.surface in looks()[4]
    ws.appearance.set_theme("dark")
    dark = theme.COLORS
    assert looks()[:3] == (dark.muted, dark.ink, dark.surface)
    assert dark.accent in looks()[3] and dark.surface in looks()[4]
    ws.appearance.set_theme("light")
    assert looks()[:3] == (theme.LIGHT.muted, theme.LIGHT.ink, theme.LIGHT.surface)
    assert QApplication.instance().styleSheet() == ""


def QColorLuminance(name: str) -> float:  # noqa: N802 (reads like the QColor it wraps)
    return theme.relative_luminance(name)


def test_palette_switch_recolours_weights_classes_and_region_and_back(shown, qtbot):
    window, ws = shown
    before = _looks(window, ws)
    ws.appearance.set_palette("tol")
    tol = _looks(window, ws)
    assert theme.ORANGE == "#ddaa33" and theme.BLUE == "#004488"
    assert theme.CLASS_COLORS[:2] == (theme.ORANGE, theme.BLUE)
    assert tol["positive_edge"] != before["positive_edge"] and tol["negative_edge"] != before["negative_edge"]
    assert not np.array_equal(tol["region_lut"], before["region_lut"])
    assert set(tol["points"]) <= {"#ddaa33", "#004488"} and set(before["points"]) <= {"#f59322", "#0877bd"}
    assert tol["window"] == before["window"]  # the interface keeps its theme
    assert window.find_action("palette_tol").isChecked()
    ws.appearance.set_palette("playground")
    assert _same(_looks(window, ws), before)


def test_choices_are_remembered(qapp, tmp_path, monkeypatch):
    from gui import files as files_module
    from gui.main_window import MainWindow
    from gui.workspace import build_workspace

    path = str(tmp_path / "neurona.ini")
    monkeypatch.setattr(MainWindow, "_settings", lambda self: QSettings(path, QSettings.Format.IniFormat))
    monkeypatch.setattr(files_module, "autosave_dir", lambda: tmp_path / "autosave")

    def session():
        window = MainWindow(persist_settings=True)
        return window, build_workspace(window)

    window, ws = session()
    assert ws.appearance.theme == "light"
    ws.appearance.set_theme("high_contrast")
    ws.appearance.set_palette("tol")
    ws.files.shutdown()
    window.deleteLater()
    theme.set_theme("light")
    theme.set_palette("playground")
    QSettings(path, QSettings.Format.IniFormat).setValue("appearance/unused", 1)

    window, ws = session()
    assert (theme.current_theme(), theme.current_palette()) == ("high_contrast", "tol")
    assert window.find_action("theme_high_contrast").isChecked()
    ws.files.shutdown()
    window.deleteLater()


@pytest.mark.parametrize("key", list(theme.THEMES))
def test_text_contrast_meets_wcag(key):
    """WCAG 2 contrast of the main text colours: AAA (7:1) in high contrast, AA (4.5:1) otherwise."""
    c = theme.THEMES[key].colors
    needed = 7.0 if key == "high_contrast" else 4.5
    pairs = [("ink", "surface"), ("ink", "window"), ("ink", "canvas"), ("ink", "lane_fill"),
             ("muted", "surface"), ("muted", "window"), ("muted", "canvas"), ("on_accent", "accent"),
             ("tooltip_ink", "tooltip_bg"), ("toast_ink", "toast_bg"), ("warning_ink", "warning_bg"),
             ("ink", "formula_bg"), ("ink", "note_bg"), ("accent", "surface")]
    for fg, bg in pairs:
        ratio = theme.contrast_ratio(getattr(c, fg), getattr(c, bg))
        assert ratio >= needed, f"{key}: {fg} on {bg} is {ratio:.2f}:1"


def test_contrast_ratio_matches_wcag_examples():
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# Machado, Oliveira & Fernandes (2009), full severity, applied in linear sRGB.
_CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def _linear(color: str) -> np.ndarray:
    c = np.array([int(color[i:i + 2], 16) for i in (1, 3, 5)]) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(lin: np.ndarray) -> np.ndarray:
    lin = np.clip(lin, 0.0, 1.0)
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ lin / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


@pytest.mark.parametrize("key", list(theme.PALETTES))
@pytest.mark.parametrize("strong", [False, True])
def test_data_pairs_stay_apart_for_colour_blind_viewers(key, strong):
    negative, positive = theme.PALETTES[key].pair(strong)
    a, b = _linear(negative), _linear(positive)
    for name, m in _CVD.items():
        m = np.array(m)
        delta = np.linalg.norm(_lab(m @ a) - _lab(m @ b))
        assert delta > 60, f"{key} under {name}: ΔE {delta:.0f}"


def test_second_palette_also_stays_apart_in_greyscale():
    tol = theme.PALETTES["tol"]
    for strong in (False, True):
        negative, positive = tol.pair(strong)
        assert theme.contrast_ratio(negative, positive) >= 4.5  # a lightness pair
    playground = theme.PALETTES["playground"]
    assert theme.contrast_ratio(*tol.pair()) > 2 * theme.contrast_ratio(*playground.pair())
    classes = (tol.negative, tol.positive, *tol.more_classes)
    assert len(set(classes)) == len(classes) == 8


def test_unknown_theme_or_palette_is_a_clear_error():
    with pytest.raises(KeyError, match="no theme named 'sepia'"):
        theme.set_theme("sepia")
    with pytest.raises(KeyError, match="no colour palette named 'rainbow'"):
        theme.set_palette("rainbow")


# -- presentation mode on a projector -------------------------------------------------------------


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text()
    return ""


def _problems_in_top_bar(window) -> list[str]:
    """Children outside their parent, labels and buttons narrower than their text."""
    tb = window.toolbar
    problems = []
    if tb.width() > window.top_bar.width() or tb.layout().minimumSize().width() > tb.width():
        problems.append(f"bar {tb.layout().minimumSize().width()} > {tb.width()}")
    for child in tb.findChildren(QWidget):
        if not child.isVisibleTo(tb):
            continue
        parent = child.parentWidget()
        if not parent.rect().contains(child.geometry()):
            problems.append(f"{child.objectName() or type(child).__name__} outside its parent")
        text = _text_of(child)
        if text and not isinstance(child, QComboBox):
            needed = QFontMetrics(child.font()).horizontalAdvance(text.replace("&", ""))
            if needed > child.contentsRect().width():
                problems.append(f"{text!r}: {needed} > {child.contentsRect().width()}")
    visible = [w for w in tb.findChildren(QWidget) if w.isVisibleTo(tb) and w.parentWidget() is tb]
    for i, a in enumerate(visible):
        for b in visible[i + 1:]:
            if a.geometry().intersects(b.geometry()):
                problems.append(f"{a.objectName() or type(a).__name__} overlaps {b.objectName() or type(b).__name__}")
    return problems


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
@pytest.mark.parametrize("percent", [100, 150, 200])
def test_top_bar_fits_the_projector(shown, qtbot, size, percent):
    window, ws = shown
    window.resize(*size)
    qtbot.wait(10)
    pm = ws.presentation
    pm.set_scale(percent)
    pm.enter(full_screen=False)
    # the bar fits itself in a queued pass once the layout has settled (slower on a busy machine)
    qtbot.waitUntil(lambda: not _problems_in_top_bar(window), timeout=3000)
    assert window.size().width() == size[0]
    assert window.toolbar.epoch_label.isVisible() and window.toolbar.learning_rate_combo.isVisible()
    if size[0] >= 1920:
        assert window.toolbar.loss_combo.isVisible() and window.toolbar.optimizer_combo.isVisible()
    # every focus layout keeps OUTPUT inside the window
    for focus in ("network", "region", "everything"):
        pm.set_focus(focus)
        qtbot.wait(10)
        dock = window.output_dock
        assert window.rect().contains(dock.geometry()), focus
        assert ws.output_panel.loss_plot.height() >= ws.output_panel.loss_plot.minimumHeight()
    pm.leave()


def test_presentation_keeps_theme_and_restores_scale_and_layout(shown, qtbot):
    window, ws = shown
    ws.appearance.set_theme("dark")
    qtbot.wait(50)
    before = {
        "font": QFont(QApplication.font()),
        "rects": [d.geometry().getRect() for d in (window.data_dock, window.output_dock)],
        "state": window.saveState(),
        "visible": {w: w.isVisible() for w in window.toolbar.findChildren(QWidget)},
        "edge": style.edge_width(style.EDGE_LEVELS - 1),
        "pen": style.pen("#123456", 1.0).widthF(),
        "zoom": ws.canvas.view.zoom(),
        "loss_min": ws.output_panel.loss_plot.minimumHeight(),
    }
    pm = ws.presentation
    pm.set_scale(200)
    pm.enter(full_screen=False)
    ws.appearance.set_theme("high_contrast")  # switching inside presentation mode works too
    ws.appearance.set_theme("dark")
    pm.set_scale(150)
    pm.leave()
    qtbot.wait(100)
    assert theme.current_theme() == "dark"
    assert QApplication.font() == before["font"]
    assert [d.geometry().getRect() for d in (window.data_dock, window.output_dock)] == before["rects"]
    assert window.saveState() == before["state"]
    assert {w: w.isVisible() for w in window.toolbar.findChildren(QWidget)} == before["visible"]
    assert style.UI_SCALE == 1.0
    assert style.edge_width(style.EDGE_LEVELS - 1) == before["edge"]
    assert style.pen("#123456", 1.0).widthF() == before["pen"]
    assert ws.canvas.view.zoom() == pytest.approx(before["zoom"])
    assert ws.output_panel.loss_plot.minimumHeight() == before["loss_min"]
    axis = ws.output_panel.loss_plot.getPlotItem().getAxis("bottom")
    assert axis.labelStyle["color"] == theme.COLORS.ink  # the restored label keeps the new theme


def test_canvas_lines_and_labels_grow_with_the_ui_scale(shown, qtbot):
    window, ws = shown
    pm = ws.presentation
    zoom = 0.7
    base = {
        "edge": style.edge_width(style.EDGE_LEVELS - 1),
        "outline": style.pen("#000000", 1.2).widthF(),
        "text": style.text_scale_for(zoom),
        "fit": style.MAX_FIT_ZOOM,
    }
    last = base
    for percent in (150, 250):
        pm.set_scale(percent)
        pm.enter(full_screen=False) if not pm.active else None
        now = {
            "edge": style.edge_width(style.EDGE_LEVELS - 1),
            "outline": style.pen("#000000", 1.2).widthF(),
            "text": style.text_scale_for(zoom),
            "fit": style.MAX_FIT_ZOOM,
        }
        for key in now:
            assert now[key] > last[key], (percent, key)
        assert ws.canvas.scene.edges._pens[-1].widthF() == pytest.approx(style.edge_width(style.EDGE_LEVELS - 1))
        last = now
    # plots: points and tick labels
    plot = ws.output_panel.plot
    assert plot.train_points.opts["size"] > 8
    pm.leave()
    assert style.edge_width(style.EDGE_LEVELS - 1) == base["edge"]
    assert style.text_scale_for(zoom) == base["text"]
    assert style.MAX_FIT_ZOOM == base["fit"]
    assert plot.train_points.opts["size"] == 8


def test_tooltips_keep_room_around_their_text(qapp):
    """The one look neither the palette nor a widget's style sheet can give: the padding
    of Qt's tooltip labels, from the application style (Fusion behind a proxy)."""
    from PySide6.QtWidgets import QStyle

    if not qapp.property("neuronaThemed"):
        theme.apply_theme(qapp)
    style = qapp.style()
    assert isinstance(style, theme.NeuronaStyle) and style.baseStyle().name().lower() == "fusion"
    assert style.pixelMetric(QStyle.PixelMetric.PM_ToolTipLabelFrameWidth) == theme.TOOLTIP_PADDING
    theme.apply_theme(qapp)  # again (a language switch does): the style is not wrapped twice
    assert qapp.style() is style
