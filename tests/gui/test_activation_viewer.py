"""The activation viewer: every activation on show, values that match the engine, the α
slider, the hover readout, the tile signal, translations and the projector scale."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTranslator

from engine.activations import ACTIVATION_NAMES, ACTIVATIONS, MAXOUT, make_activation
from engine.errors import ConfigError
from gui.app import create_application
from gui.classroom import activation_viewer as av
from gui.classroom.activation_viewer import ActivationViewer, breakpoints, curve, plot_curve

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

#: Sample points away from every kink (0 for the ReLU family, −2 … 1 for maxout's corners).
SAMPLES = np.array([-4.3, -2.6, -1.7, -0.45, 0.35, 1.6, 2.9, 4.4])


@pytest.fixture(scope="module")
def themed_app(qapp):
    return create_application()


@pytest.fixture
def viewer(themed_app, qtbot):
    widget = ActivationViewer()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


# ------------------------------------------------------------------ curve(): the numbers


@pytest.mark.parametrize("name", [n for n in ACTIVATIONS if n != "softmax"])
def test_curve_is_the_engines_function_and_derivative(name):
    f, df = curve(name, SAMPLES)
    act = make_activation(name)
    np.testing.assert_allclose(f, act(SAMPLES), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(df, act.derivative(SAMPLES), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_derivative_is_the_slope_of_f(name):
    """f′ drawn is the slope of f drawn (central differences, away from the kinks)."""
    h = 1e-5
    _, df = curve(name, SAMPLES)
    f_right, _ = curve(name, SAMPLES + h)
    f_left, _ = curve(name, SAMPLES - h)
    np.testing.assert_allclose(df, (f_right - f_left) / (2 * h), atol=1e-6)


def test_known_values():
    x = np.array([-2.0, 1.0])
    f, df = curve("sigmoid", x)
    np.testing.assert_allclose(df, f * (1 - f))
    f, df = curve("tanh", x)
    np.testing.assert_allclose(df, 1 - np.tanh(x) ** 2)
    f, df = curve("relu", x)
    np.testing.assert_array_equal(f, [0.0, 1.0])
    np.testing.assert_array_equal(df, [0.0, 1.0])
    f, df = curve("softplus", x)
    np.testing.assert_allclose(df, sigmoid(x))
    f, df = curve("step", np.array([-0.1, 0.0, 0.1]))
    np.testing.assert_array_equal(f, [0.0, 1.0, 1.0])
    np.testing.assert_array_equal(df, [0.0, 0.0, 0.0])


def test_softmax_is_shown_for_two_inputs_as_the_sigmoid():
    f, df = curve("softmax", SAMPLES)
    np.testing.assert_allclose(f, sigmoid(SAMPLES), rtol=1e-12)
    np.testing.assert_allclose(df, sigmoid(SAMPLES) * (1 - sigmoid(SAMPLES)), rtol=1e-12)
    # the engine's softmax over the pair (x, 0), first output
    pairs = np.stack([SAMPLES, np.zeros_like(SAMPLES)], axis=1)
    np.testing.assert_allclose(f, make_activation("softmax")(pairs)[:, 0])


def test_maxout_is_the_top_line_and_its_slope():
    x = np.array([-4.0, -1.5, -0.5, 0.5, 3.0])
    f2, df2 = curve(MAXOUT, x, k=2)  # the lines 0 and x: ReLU
    np.testing.assert_array_equal(f2, np.maximum(0, x))
    np.testing.assert_array_equal(df2, (x > 0).astype(float))
    f3, df3 = curve(MAXOUT, x, k=3)  # plus −0.5x − 1
    np.testing.assert_allclose(f3, [1.0, 0.0, 0.0, 0.5, 3.0])
    np.testing.assert_array_equal(df3, [-0.5, 0.0, 0.0, 1.0, 1.0])
    lines = av.MAXOUT_LINES[:4]
    f4, df4 = curve(MAXOUT, x, k=4)
    np.testing.assert_allclose(f4, np.max(x[:, None] * lines[:, 0] + lines[:, 1], axis=1))
    np.testing.assert_allclose(breakpoints(MAXOUT, k=4), [-2.0, -1.0, 1.0])
    with pytest.raises(ConfigError):
        curve(MAXOUT, x, k=7)


def test_curve_takes_parameters():
    f, df = curve("leaky_relu", np.array([-2.0, 2.0]), alpha=0.3)
    np.testing.assert_allclose(f, [-0.6, 2.0])
    np.testing.assert_allclose(df, [0.3, 1.0])
    f, _ = curve("elu", np.array([-50.0]), alpha=1.5)
    np.testing.assert_allclose(f, [-1.5])
    assert ActivationViewer.curve("tanh", np.array([0.5]))[0][0] == pytest.approx(math.tanh(0.5))


@pytest.mark.parametrize("name", ["step", "sign"])
def test_step_and_sign_are_drawn_with_a_vertical_jump(name):
    xs = np.linspace(-5, 5, 1001)
    x, f, df = plot_curve(name, xs)
    at_zero = np.flatnonzero(x == 0.0)
    assert len(at_zero) == 2  # the jump: the same x twice, no slanted segment
    low, high = f[at_zero]
    assert (low, high) == ((0.0, 1.0) if name == "step" else (-1.0, 1.0))
    assert np.all(np.diff(x) >= 0)
    assert np.all(df == 0.0)
    # everywhere else the drawn values are the function's
    others = x != 0.0
    np.testing.assert_array_equal(f[others], make_activation(name)(x[others]))


def test_relu_slope_jumps_vertically():
    x, f, df = plot_curve("relu", np.linspace(-5, 5, 101))
    at_zero = np.flatnonzero(x == 0.0)
    np.testing.assert_array_equal(df[at_zero], [0.0, 1.0])
    np.testing.assert_allclose(f[at_zero], [0.0, 0.0], atol=1e-8)  # f itself is continuous


# ------------------------------------------------------------------ texts


def test_every_activation_has_its_words():
    for name in ACTIVATION_NAMES:
        text = av.TEXTS[name]
        assert text.label and text.formula and text.derivative and text.output_range and text.use
    for name, cls in ACTIVATIONS.items():
        # the viewer writes the engine's formula with x for the input
        assert av.TEXTS[name].formula == cls.formula.replace("z", "x").replace("ᶻ", "ˣ")
    assert "perceptron rule" in av.TEXTS["step"].plot_note
    assert "σ(x)" in av.TEXTS["softmax"].plot_note


# ------------------------------------------------------------------ the widget


def test_every_activation_can_be_selected(viewer):
    for name in ACTIVATION_NAMES:
        viewer.set_activation(name)
        assert viewer.activation() == name
        assert viewer.tiles[name].isChecked()
        assert sum(t.isChecked() for t in viewer.tiles.values()) == 1
        assert viewer.title.text() == av.TEXTS[name].label
        assert viewer.formula_label.text() == av.TEXTS[name].formula
        assert viewer.derivative_label.text() == av.TEXTS[name].derivative
        x, f = viewer.f_item.getData()
        _, df = viewer.df_item.getData()
        assert len(x) >= 1001 and np.all(np.isfinite(f)) and np.all(np.isfinite(df))
        assert x.min() == -5.0 and x.max() == 5.0
        (_, _), (lo, hi) = viewer.view.viewRange()
        assert lo < min(f.min(), df.min(), 0.0) and hi > max(f.max(), df.max(), 1.0)
        assert viewer._param_row.isVisibleTo(viewer) == (name in av.PARAMETERS)
        assert viewer._note_box.isVisibleTo(viewer) == bool(av.TEXTS[name].plot_note)


def test_plot_shows_the_curve_function(viewer):
    viewer.set_activation("gelu")
    x, f = viewer.f_item.getData()
    _, df = viewer.df_item.getData()
    ref_f, ref_df = curve("gelu", x)
    np.testing.assert_array_equal(f, ref_f)
    np.testing.assert_array_equal(df, ref_df)


def test_step_has_dots_at_the_jump_and_the_note(viewer):
    viewer.set_activation("step")
    xs, ys = viewer.jump_dots.getData()
    assert list(xs) == [0.0, 0.0] and sorted(ys) == [0.0, 1.0]
    assert "not differentiable" in viewer.note_label.text().lower()
    viewer.set_activation("tanh")
    assert len(viewer.jump_dots.getData()[0]) == 0


def test_maxout_shows_its_example_lines(viewer):
    viewer.set_activation(MAXOUT)
    assert len(viewer.example_lines) == 3
    viewer.set_activation(MAXOUT, k=4)
    assert len(viewer.example_lines) == 4
    viewer.set_activation("relu")
    assert viewer.example_lines == []


def _f_at(viewer, x_value):
    x, f = viewer.f_item.getData()
    return f[np.argmin(np.abs(x - x_value))]


def test_alpha_slider_changes_the_curve_live(viewer, qtbot):
    viewer.set_activation("leaky_relu")
    assert viewer.parameters() == {"alpha": pytest.approx(0.1)}  # the course's default
    assert _f_at(viewer, -4.0) == pytest.approx(-0.4)
    spec = av.PARAMETERS["leaky_relu"]
    assert (spec.minimum, spec.maximum) == (0.0, 0.5)
    assert viewer.slider.value() == spec.to_tick(0.1)
    sparkline_before = viewer.tiles["leaky_relu"]._path[1].copy()

    viewer.slider.setValue(spec.to_tick(0.3))
    assert viewer.parameters()["alpha"] == pytest.approx(0.3)
    assert _f_at(viewer, -4.0) == pytest.approx(-1.2)
    _, df = viewer.df_item.getData()
    assert df[0] == pytest.approx(0.3)
    assert viewer.param_value.text() == "α = 0.30"
    assert not np.array_equal(viewer.tiles["leaky_relu"]._path[1], sparkline_before)

    # the keyboard moves it as well
    viewer.slider.setFocus()
    qtbot.keyClick(viewer.slider, Qt.Key.Key_Right)
    assert viewer.parameters()["alpha"] == pytest.approx(0.31)

    # the axes do not jump while the slider moves
    range_before = viewer.view.viewRange()[1]
    viewer.slider.setValue(spec.to_tick(0.0))
    assert viewer.view.viewRange()[1] == pytest.approx(range_before)
    assert _f_at(viewer, -4.0) == pytest.approx(0.0)


def test_elu_alpha_slider(viewer):
    viewer.set_activation("elu")
    spec = av.PARAMETERS["elu"]
    assert (spec.minimum, spec.maximum) == (0.1, 2.0)
    viewer.slider.setValue(viewer.slider.maximum())
    assert viewer.parameters()["alpha"] == pytest.approx(2.0)
    assert _f_at(viewer, -5.0) == pytest.approx(2.0 * math.expm1(-5.0))
    viewer.slider.setValue(viewer.slider.minimum())
    assert viewer.parameters()["alpha"] == pytest.approx(0.1)


def test_maxout_slider_sets_the_number_of_lines(viewer):
    viewer.set_activation(MAXOUT)
    viewer.slider.setValue(viewer.slider.minimum())
    assert viewer.parameters() == {"k": 2}
    assert len(viewer.example_lines) == 2
    assert _f_at(viewer, -4.0) == pytest.approx(0.0)  # 0 and x: ReLU


def test_set_activation_with_parameters(viewer):
    viewer.set_activation("leaky_relu", alpha=0.25)
    assert viewer.parameters() == {"alpha": 0.25}
    assert viewer.slider.value() == av.PARAMETERS["leaky_relu"].to_tick(0.25)
    viewer.set_activation("tanh")
    viewer.set_activation("leaky_relu")  # remembered
    assert viewer.parameters() == {"alpha": 0.25}
    viewer.set_activation("leaky_relu", alpha=0.8)  # valid for the engine, beyond the slider
    assert _f_at(viewer, -4.0) == pytest.approx(-3.2)
    assert viewer.param_value.text() == "α = 0.80"
    for bad in (lambda: viewer.set_activation("swish2"), lambda: viewer.set_activation("relu", alpha=0.2),
                lambda: viewer.set_activation("leaky_relu", alpha=1.5),
                lambda: viewer.set_activation(MAXOUT, k=9)):
        with pytest.raises(ConfigError):
            bad()
    assert viewer.activation() == "leaky_relu"


def test_hover_shows_crosshair_and_values(viewer, qtbot):
    viewer.set_activation("tanh")
    assert "f′(x)" in viewer.readout_text() and "=" not in viewer.readout_text()  # the hint
    scene_pos = viewer.view.mapViewToScene(QPointF(1.0, 0.3))
    viewer.plot.scene().sigMouseMoved.emit(scene_pos)
    text = viewer.readout_text()
    assert "x = 1.00" in text
    assert f"f(x) = {math.tanh(1.0):.3f}" in text
    assert f"f′(x) = {1 - math.tanh(1.0) ** 2:.3f}" in text
    assert viewer.cross_v.isVisible() and viewer.cross_v.value() == pytest.approx(1.0)
    assert viewer.cross_h.value() == pytest.approx(math.tanh(1.0))

    # negative numbers get a real minus sign
    viewer.show_values_at(-2.0)
    assert "x = −2.00" in viewer.readout_text() and f"f(x) = −{math.tanh(2.0):.3f}" in viewer.readout_text()

    # the slider redraws the readout for the same x
    viewer.set_activation("leaky_relu")
    viewer.slider.setValue(av.PARAMETERS["leaky_relu"].to_tick(0.2))
    assert "f(x) = −0.400" in viewer.readout_text() and "f′(x) = 0.200" in viewer.readout_text()

    # leaving the plot hides the crosshair
    viewer.plot.scene().sigMouseMoved.emit(QPointF(-50.0, -50.0))
    assert not viewer.cross_v.isVisible()
    assert "=" not in viewer.readout_text()


def test_hover_with_the_real_mouse(viewer, qtbot):
    viewer.set_activation("sigmoid")
    qtbot.wait(20)
    widget_pos = viewer.plot.mapFromScene(viewer.view.mapViewToScene(QPointF(-1.0, 0.5)))
    qtbot.mouseMove(viewer.plot.viewport(), widget_pos)
    qtbot.waitUntil(lambda: "x = " in viewer.readout_text(), timeout=1000)
    def shown(key):
        return float(viewer.readout_text().split(key)[1].split()[0].replace("−", "-"))

    x_shown = shown("x = ")
    assert x_shown == pytest.approx(-1.0, abs=0.05)
    assert shown("f(x) = ") == pytest.approx(sigmoid(x_shown), abs=2e-3)  # x is rounded


def test_tile_click_emits_activation_chosen(viewer, qtbot):
    with qtbot.waitSignal(viewer.activation_chosen, timeout=1000) as blocker:
        qtbot.mouseClick(viewer.tiles["relu"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["relu"]
    assert viewer.activation() == "relu" and viewer.title.text() == "ReLU"
    with qtbot.waitSignal(viewer.activation_chosen, timeout=1000) as blocker:
        viewer.tiles[MAXOUT].setFocus()
        qtbot.keyClick(viewer.tiles[MAXOUT], Qt.Key.Key_Space)
    assert blocker.args == [MAXOUT]
    with qtbot.assertNotEmitted(viewer.activation_chosen):
        viewer.set_activation("sigmoid")


def test_tiles_have_sparklines_and_tooltips(viewer):
    for name, tile in viewer.tiles.items():
        x, f = tile._path
        assert len(x) > 100 and np.all(np.isfinite(f))
        assert tile.text() == av.TEXTS[name].label
        assert av.TEXTS[name].formula in tile.toolTip()
        image = tile.grab().toImage()
        assert image.width() > 80 and image.height() > 40


def test_readable_sizes_and_ui_scale(viewer):
    tick_font = viewer.plot.getPlotItem().getAxis("bottom").style["tickFont"]
    assert tick_font.pointSizeF() >= 11
    for label in (viewer.formula_label, viewer.use_label, viewer.readout, viewer.param_caption):
        assert label.font().pointSizeF() >= 11
    assert all(tile.font().pointSizeF() >= 11 for tile in viewer.tiles.values())
    title, tile_height = viewer.title.font().pointSizeF(), viewer.tiles["step"].height()
    viewer.set_ui_scale(2.0)
    assert viewer.title.font().pointSizeF() == pytest.approx(2 * title)
    assert viewer.plot.getPlotItem().getAxis("bottom").style["tickFont"].pointSizeF() >= 22
    assert viewer.tiles["step"].height() > 1.6 * tile_height
    assert viewer.f_item.opts["pen"].widthF() == pytest.approx(2 * av.F_WIDTH)
    viewer.set_ui_scale(1.0)
    assert viewer.title.font().pointSizeF() == pytest.approx(title)


def test_fits_a_small_window(viewer):
    """1000×600 (and the minimum size hint below it): nothing forces the widget wider."""
    for name in ACTIVATION_NAMES:
        viewer.set_activation(name)
        hint = viewer.minimumSizeHint()
        assert hint.width() <= 1000 and hint.height() <= 600


class _MarkingTranslator(QTranslator):
    """Wraps every ActivationViewer string in «…» to show it went through translate()."""

    def isEmpty(self):  # noqa: N802 (Qt override)
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context == av.CONTEXT else None


def test_every_visible_string_is_translated_on_language_change(viewer, qtbot):
    viewer.set_activation("leaky_relu")
    translator = _MarkingTranslator()
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: viewer.title.text() == "«Leaky ReLU»", timeout=1000)
        assert viewer.heading.text() == "«Activation functions»"
        assert viewer.formula_label.text() == "«f(x) = max(αx, x)»"
        assert viewer.derivative_label.text().startswith("«")
        assert "«When to use:»" in viewer.use_label.text()
        assert viewer.range_label.text().startswith("«")
        assert viewer.param_caption.text() == "«Slope for x < 0»"
        assert viewer.readout_text().startswith("«")
        assert all(t.text().startswith("«") for t in viewer.tiles.values())
        viewer.set_activation("step")
        assert viewer.note_label.text().startswith("«")
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: viewer.title.text() == "Step", timeout=1000)
