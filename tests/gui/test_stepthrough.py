"""Train › Step Through Backpropagation (#7) in the assembled window.

The numbers on the canvas and in the details are checked against the engine's trace of
the live trainer, and "Apply this step" against an engine Trainer whose one batch is
exactly the traced points (with the live trainer's optimizer state) taking ``step(1)``.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from engine.datasets import from_points, generate
from engine.network import Network
from engine.trace import trace_step
from engine.training import Trainer, TrainingConfig
from gui.canvas.trace_overlay import TraceOverlay
from gui.inside import stepthrough_text as txt

TOL = dict(rtol=1e-15, atol=1e-15)


# ---------------------------------------------------------------------- helpers
def start(window, ws, qtbot, index: int = 0):
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    st = ws.stepthrough
    window.find_action("stepthrough").trigger()
    assert st.active and st.dock.isVisible()
    if index:
        st.choose_index(index)
    assert st.trace is not None, st.message
    return st


def overlays(ws) -> list:
    return [it for it in ws.canvas.scene.items() if isinstance(it, TraceOverlay)]


def details_text(st) -> str:
    return st.panel.details.toPlainText()


def twin_step(ws, indices, state=None) -> np.ndarray:
    """The weights an engine Trainer whose one batch is exactly ``indices`` reaches in
    step(1) from the document's weights and the live trainer's optimizer state."""
    doc = ws.doc
    ds = doc.dataset
    idx = list(indices)
    net = Network.from_dict(doc.network.to_dict())
    data = from_points(ds.x_train[idx], ds.y_train[idx], kind=ds.kind,
                       class_names=ds.class_names if ds.kind == "classification" else None)
    cfg = TrainingConfig.from_dict({**doc.training.to_dict(), "batch_size": len(idx), "shuffle": False})
    twin = Trainer(net, data, cfg)
    if state is None:
        state = ws.controller.with_trainer(lambda t: t.optimizer.state_dict())
    twin.optimizer.load_state_dict(state)
    twin.step(1)
    return net.params.copy()


def check_labels(st) -> int:
    """Every overlay label's values against the trace; returns how many were checked."""
    trace, phase, s = st.trace, st.current_phase(), st.shown
    labels = st.overlay.labels
    assert labels, phase
    for lab in labels:
        v = lab.values
        if phase[0] == "forward":
            lay = trace.layers[phase[1]]
            if lab.column == phase[1]:  # the values going in
                assert list(v.values())[0] == lay.inputs[s, lab.j]
            elif lab.kind == "unit":
                assert v["a"] == lay.a[s, lab.j]
                z = lay.z[s, lab.j, lay.winner[s, lab.j]] if lay.maxout else lay.z[s, lab.j]
                assert v["z"] == z
                assert lab.lines[-1] == f"a = {txt.num(v['a'])}"
            else:
                p = (lay.winner[s, lab.j],) if lay.maxout else ()
                assert v["wx"] == lay.products[(s, lab.i, lab.j) + p]
                assert lab.lines == [f"w·x = {txt.num(v['wx'])}"]
        elif phase[0] == "error":
            err = trace.error
            if lab.kind == "unit":
                assert v["o"] == err.outputs[s, lab.j] and v["t"] == err.targets[s, lab.j]
                assert lab.lines == [f"o = {txt.num(v['o'])}", f"t = {txt.num(v['t'])}"]
            else:
                assert v["E"] == err.value and v["E_point"] == err.terms[s]
        elif phase[0] == "backward":
            lay = trace.layers[phase[1]]
            if lab.kind == "unit":
                p = (lay.winner[s, lab.j],) if lay.maxout else ()
                assert v["delta"] == lay.delta[(s, lab.j) + p]
                assert lab.lines[0].startswith(f"δ = {txt.num(v['delta'])}")
                if trace.n > 1:
                    assert v["delta_mean"] == lay.delta_mean[(lab.j,) + p]
            else:
                p = (lay.winner[s, lab.j],) if lay.maxout else ()
                assert v["grad"] == lay.grad_w[(lab.i, lab.j) + p]  # the batch's: what the step uses
                assert lab.lines == [f"∂E/∂w = {txt.num(v['grad'])}"]
        else:
            up = trace.update.layers[lab.column - 1]
            p = (0,) if trace.layers[lab.column - 1].maxout else ()
            if lab.kind == "unit":
                assert v["before"] == up.b_before[(lab.j,) + p] and v["after"] == up.b_after[(lab.j,) + p]
            else:
                assert v["before"] == up.w_before[(lab.i, lab.j) + p]
                assert v["after"] == up.w_after[(lab.i, lab.j) + p]
                assert lab.lines[0].startswith(txt.change(v["before"], v["after"]))
                first, second = lab.lines[0].split(" ❄")[0].split(" → ")
                assert abs(float(first.replace("−", "-")) - v["before"]) <= 5e-3 * abs(v["before"]) + 1e-12
    return len(labels)


def check_details(st) -> None:
    """The details of the phase write the trace's numbers."""
    trace, phase, s = st.trace, st.current_phase(), st.shown
    text = details_text(st)
    shown = set(txt.numbers_in(text))
    if phase[0] == "forward":
        lay = trace.layers[phase[1]]
        for j in range(min(lay.n_out, txt.MAX_DETAIL_ROWS)):
            assert txt.num(lay.a[s, j]) in shown
            if not lay.maxout:
                assert txt.num(lay.z[s, j]) in shown
    elif phase[0] == "error":
        err = trace.error
        assert txt.num(err.value) in shown and txt.num(err.terms[s]) in shown
        assert txt.tr_engine(err.formula) in text
    elif phase[0] == "backward":
        lay = trace.layers[phase[1]]
        for j in range(min(lay.n_out, txt.MAX_DETAIL_ROWS)):
            p = (lay.winner[s, j],) if lay.maxout else ()
            assert txt.num(lay.delta[(s, j) + p]) in shown
        assert txt.num(lay.grad_w[(0, 0) + ((lay.winner[s, 0],) if lay.maxout else ())]) in shown
    else:
        up = trace.update
        first = up.layers[0]
        p = (0,) if trace.layers[0].maxout else ()
        assert txt.change(first.w_before[(0, 0) + p], first.w_after[(0, 0) + p]).split(" → ")[1] in shown
        assert txt.tr_engine(up.rule[-1]) in text


def walk_all_phases(st) -> None:
    for k in range(len(st.phases())):
        st.go_to(k)
        assert st.phase == k
        check_labels(st)
        check_details(st)


# ---------------------------------------------------------------------- tests
def test_numbers_shown_are_the_engines_and_apply_takes_exactly_that_step(assembled, qtbot):
    window, ws = assembled
    st = start(window, ws, qtbot, index=7)
    trace = st.trace
    np.testing.assert_array_equal(trace.indices, [7])
    np.testing.assert_array_equal(trace.points, ws.doc.dataset.x_train[[7]])
    # the same numbers as the engine's trace of the live trainer
    ref = ws.controller.with_trainer(lambda t: trace_step(t, [7]))
    for a, b in zip(trace.layers, ref.layers):
        np.testing.assert_array_equal(a.z, b.z)
        np.testing.assert_array_equal(a.delta, b.delta)
    np.testing.assert_array_equal(trace.update.params_after, ref.update.params_after)
    walk_all_phases(st)
    assert "Update" in st.panel.phase_label.text()

    before = ws.doc.params()
    expected = twin_step(ws, [7])
    assert st.apply()
    np.testing.assert_allclose(ws.doc.params(), expected, **TOL)
    live = ws.controller.with_trainer(lambda t: t.network.params.copy())
    np.testing.assert_array_equal(live, ws.doc.params())
    assert window.undo_stack.undoText().startswith("Backpropagation step")
    assert "went from" in st.panel.status.text()
    assert st.current_phase() == ("forward", 0)  # the same point again, from the start
    # undo: the weights come back, in the document and in the trainer
    window.undo_stack.undo()
    np.testing.assert_array_equal(ws.doc.params(), before)
    live = ws.controller.with_trainer(lambda t: t.network.params.copy())
    np.testing.assert_array_equal(live, before)
    qtbot.waitUntil(lambda: st.trace is not None and np.array_equal(st.trace.update.params_before, before))


def test_phases_forward_and_back_with_buttons_and_keys(assembled, qtbot):
    window, ws = assembled
    st = start(window, ws, qtbot)
    phases = st.phases()
    assert phases[0] == ("forward", 0) and phases[-1] == ("update",) and ("error",) in phases
    assert "1/" in st.panel.phase_label.text() and "Forward" in st.panel.phase_label.text()
    assert not st.panel.back_button.isEnabled()
    QTest.mouseClick(st.panel.forward_button, Qt.MouseButton.LeftButton)
    assert st.phase == 1
    QTest.mouseClick(st.panel.back_button, Qt.MouseButton.LeftButton)
    assert st.phase == 0
    view = ws.canvas.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    epoch = ws.controller.with_trainer(lambda t: t.epoch)
    for _ in range(3):
        QTest.keyClick(view, Qt.Key.Key_Right)
    assert st.phase == 3 and st.current_phase() == ("error",)
    assert "Error" in st.panel.phase_label.text()
    QTest.keyClick(view, Qt.Key.Key_PageUp)
    assert st.phase == 2
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert st.phase == 1
    # → stepped the phases, not an epoch
    assert ws.controller.with_trainer(lambda t: t.epoch) == epoch
    # and with the keyboard in the dock
    st.panel.details.setFocus()
    qtbot.waitUntil(st.panel.details.hasFocus)
    QTest.keyClick(st.panel.details, Qt.Key.Key_PageDown)
    assert st.phase == 2
    QTest.keyClick(st.panel.details, Qt.Key.Key_Left)
    assert st.phase == 1
    st.panel.chips[-1].click()
    assert st.current_phase() == ("update",) and not st.panel.forward_button.isEnabled()
    st.next()
    assert st.phase == len(phases) - 1  # stays at the end


def test_a_click_in_the_decision_region_picks_the_nearest_training_point(assembled, qtbot):
    window, ws = assembled
    st = start(window, ws, qtbot)
    window.output_dock.raise_()
    plot = ws.output_panel.plot
    qtbot.waitUntil(lambda: plot.isVisible() and plot.width() > 50)
    ds = ws.doc.dataset
    k = 42
    x, y = ds.x_train[k]
    scene_pos = plot.view.mapViewToScene(QPointF(x + 0.01, y - 0.01))
    pos = plot.mapFromScene(scene_pos)
    QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: st.start == k)
    np.testing.assert_array_equal(st.trace.indices, [k])
    xs, ys = st._rings.getData()
    np.testing.assert_allclose([xs[0], ys[0]], ds.x_train[k])  # the picked point is ringed
    assert st.panel.index_spin.value() == k


def test_leaving_removes_the_overlay_by_every_way_out(assembled, qtbot):
    window, ws = assembled
    st = start(window, ws, qtbot)
    scene = ws.canvas.scene
    assert len(overlays(ws)) == 1 and scene.tooltip_hook is not None
    assert ws.output_panel.plot.getPlotItem().items.count(st._rings) == 1
    # uncheck the menu entry
    window.find_action("stepthrough").trigger()
    assert not st.active and not overlays(ws) and scene.tooltip_hook is None
    assert not st.dock.isVisible() and st._rings is None
    # Escape on the canvas
    window.find_action("stepthrough").trigger()
    assert st.active and len(overlays(ws)) == 1
    ws.canvas.view.setFocus()
    qtbot.waitUntil(ws.canvas.view.hasFocus)
    QTest.keyClick(ws.canvas.view, Qt.Key.Key_Escape)
    assert not st.active and not overlays(ws)
    # closing the dock
    st.set_active(True)
    assert st.active and window.find_action("stepthrough").isChecked()
    st.dock.close()
    assert not st.active and not overlays(ws) and not window.find_action("stepthrough").isChecked()
    # and the View › Panels entry turns it on
    st.dock.toggleViewAction().trigger()
    assert st.active and len(overlays(ws)) == 1


def test_a_mini_batch_of_four_shows_each_point_and_the_mean(assembled, qtbot):
    window, ws = assembled
    st = start(window, ws, qtbot, index=10)
    assert st.panel.batch_spin.value() == ws.doc.training.batch_size  # the training's batch size
    st.set_batch_mode(True)
    st.set_batch_size(4)
    trace = st.trace
    assert trace.n == 4
    np.testing.assert_array_equal(trace.indices, [10, 11, 12, 13])
    st.show_point(2)
    assert st.overlay.point == 2 and st.panel.shown_combo.currentIndex() == 2
    walk_all_phases(st)
    st.go_to(st.phases().index(("backward", 0)))
    assert any("δ̄" in lab.lines[-1] for lab in st.overlay.labels if lab.kind == "unit")
    assert "mean over the 4 points" in details_text(st)
    st.go_to(st.phases().index(("error",)))
    assert "E = (" in details_text(st) and "/ 4" in details_text(st)
    # picking a point of the batch shows its numbers; the step stays the same
    x, y = ws.doc.dataset.x_train[12]
    st.pick_nearest(x, y)
    assert st.shown == 2 and list(st.trace.indices) == [10, 11, 12, 13]
    expected = twin_step(ws, [10, 11, 12, 13])
    assert st.apply()
    np.testing.assert_allclose(ws.doc.params(), expected, **TOL)


def test_a_maxout_network_shows_the_winning_piece(assembled, qtbot):
    window, ws = assembled
    doc = ws.doc
    assert ws.editor.set_layer(doc.column_ids[1], activation="maxout", pieces=2)
    st = start(window, ws, qtbot, index=3)
    lay = st.trace.layers[0]
    assert lay.maxout and lay.pieces == 2
    st.go_to(0)
    check_labels(st)
    for lab in st.overlay.labels:
        if lab.kind == "unit" and lab.column == 1:
            p = int(lay.winner[0, lab.j])
            assert lab.lines[0].startswith(f"z{txt.sub(p + 1)} = ") and "★" in lab.lines[0]
            assert lab.values["piece"] == p
    assert "wins" in details_text(st)
    walk_all_phases(st)
    expected = twin_step(ws, [3])
    assert st.apply()
    np.testing.assert_allclose(ws.doc.params(), expected, **TOL)


def test_softmax_and_cross_entropy_go_straight_to_delta(assembled, qtbot):
    window, ws = assembled
    assert ws.editor.set_data(generate("blobs", n_points=90, seed=1))  # three classes: softmax output
    assert ws.editor.set_training(loss="cce")
    assert ws.doc.network.output_activation == "softmax"
    st = start(window, ws, qtbot, index=5)
    trace = st.trace
    assert trace.error.fused and trace.layers[-1].da is None
    np.testing.assert_allclose(trace.layers[-1].delta, trace.error.outputs - trace.error.targets, **TOL)
    st.go_to(st.phases().index(("error",)))
    check_labels(st)
    assert "−log" in details_text(st)
    st.go_to(st.phases().index(("backward", len(trace.layers) - 1)))
    assert "softmax and cross-entropy together" in details_text(st)
    walk_all_phases(st)
    expected = twin_step(ws, [5])
    assert st.apply()
    np.testing.assert_allclose(ws.doc.params(), expected, **TOL)


def test_adam_after_a_few_epochs_uses_the_live_optimizer_state(assembled, qtbot):
    window, ws = assembled
    assert ws.editor.set_training(optimizer="adam", learning_rate=0.01)
    for epoch in (1, 2, 3):
        ws.controller.step_epoch()
        qtbot.waitUntil(lambda e=epoch: ws.controller.last_snapshot is not None
                        and ws.controller.last_snapshot.epoch == e, timeout=5000)
    state = ws.controller.with_trainer(lambda t: t.optimizer.state_dict())
    assert state["step"] > 1
    st = start(window, ws, qtbot, index=20)
    up = st.trace.update
    assert up.optimizer == "adam" and up.step == state["step"] + 1
    st.go_to(len(st.phases()) - 1)
    text = details_text(st)
    assert "m̂" in text and "v̂" in text and "β₁ = 0.9" in text
    check_labels(st)
    check_details(st)
    expected = twin_step(ws, [20], state)
    fresh = twin_step(ws, [20], Trainer(Network.from_dict(ws.doc.network.to_dict()),
                                        ws.doc.dataset, ws.doc.training).optimizer.state_dict())
    assert not np.allclose(expected, fresh)  # the moments matter
    assert st.apply()
    np.testing.assert_allclose(ws.doc.params(), expected, **TOL)
    assert ws.controller.with_trainer(lambda t: t.optimizer.t) == state["step"] + 1
    window.undo_stack.undo()  # weights back; the optimizer keeps its step (documented)
    assert ws.controller.with_trainer(lambda t: t.optimizer.t) == state["step"] + 1


def test_document_changes_retrace_the_same_points_and_phase(assembled, qtbot):
    window, ws = assembled
    st = start(window, ws, qtbot, index=9)
    st.go_to(st.phases().index(("update",)))
    assert ws.editor.set_training(learning_rate=0.25)
    qtbot.waitUntil(lambda: st.trace is not None and st.trace.update.learning_rate == 0.25)
    assert st.current_phase() == ("update",) and list(st.trace.indices) == [9]
    st.go_to(1)
    assert ws.editor.set_weight(1, 0, 0, 0.75)
    qtbot.waitUntil(lambda: st.trace.layers[0].weights[0, 0] == 0.75)
    assert st.phase == 1
    check_labels(st)
    # a structure change: a new hidden neuron
    assert ws.editor.add_neuron(1)
    qtbot.waitUntil(lambda: st.trace.layers[0].n_out == 5)
    check_labels(st)


def test_settings_that_do_not_fit_show_a_message_not_a_traceback(assembled, qtbot):
    window, ws = assembled
    st = start(window, ws, qtbot)
    assert ws.editor.set_training(loss="bce")  # needs a sigmoid output; the output is tanh
    qtbot.waitUntil(lambda: st.trace is None and st.message is not None)
    assert st.panel.message.isVisible() and "cannot be trained" in st.panel.message.text()
    assert not st.panel.apply_button.isEnabled() and not st.overlay.labels
    assert not st.apply()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: st.trace is not None)
    assert not st.panel.message.isVisible() and st.overlay.labels


def test_play_leaves_the_mode(assembled, qtbot):
    window, ws = assembled
    st = start(window, ws, qtbot)
    ws.controller.play()
    assert not st.active and not overlays(ws)
    assert "training is running" in window.statusBar().currentMessage()
    ws.controller.pause()


def test_hover_texts_give_exact_values(assembled, qtbot):
    window, ws = assembled
    st = start(window, ws, qtbot)
    st.go_to(0)
    window.grab()  # paint once, so the labels have places
    assert st.overlay.painted
    box, lab = st.overlay.painted[-1]
    scene_pos = st.overlay._device.inverted()[0].map(box.center())
    text = ws.canvas.scene.tooltip_at(scene_pos)
    assert text == lab.tooltip
    value = next(iter(lab.values.values()))
    assert txt.exact(value) in text
    # a neuron of the active layer without its label still tells its numbers
    item = ws.canvas.scene.order[ws.canvas.scene.sizes[0]]  # first neuron of the first hidden layer
    assert "z = " in st.overlay.unit_tips[(1, 0)]
    assert st.overlay.tooltip_at(item.pos() + QPointF(25, 25)) in (st.overlay.unit_tips[(1, 0)],) + tuple(
        lab.tooltip for _, lab in st.overlay.painted)


def test_a_change_shows_enough_digits_to_be_seen():
    assert txt.change(0.1, 0.0998) == "0.100 → 0.0998"
    assert txt.change(0.1, 0.09998) == "0.1000 → 0.09998"
    assert txt.change(0.25, 0.25) == "0.250 → 0.250"


@pytest.mark.parametrize("value, text", [(0.5, "0.500"), (-0.000123456, "−0.000123"), (1.0, "1"), (-1.0, "−1"),
                                          (12345.6, "1.23e4"), (2.5e-7, "2.50e−7"), (0.0, "0")])
def test_numbers_have_three_significant_digits(value, text):
    assert txt.num(value) == text


# ---------------------------------------------------------------------- every activation, loss and rule
HIDDEN = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "softplus", "silu", "gelu", "step",
          "sign", "maxout"]
OUTPUTS = [  # (loss, output layer, classes)
    ("mse", {"size": 1, "activation": "tanh"}, 2),
    ("mse", {"size": 1, "activation": "maxout", "pieces": 3}, 2),
    ("bce", {"size": 1, "activation": "sigmoid"}, 2),
    ("cce", {"size": 3, "activation": "softmax"}, 3),
    ("sparse_cce", {"size": 3, "activation": "softmax"}, 3),
    ("mse", {"size": 1, "activation": "step"}, 2),
]


def _all_phases_render(trace) -> None:
    overlay = TraceOverlay()
    for s in range(trace.n):
        for phase in trace.phases():
            html = txt.details_html(trace, phase, s)
            assert "<h3>" in html
            overlay.set_state(trace, phase, s)
            assert overlay.labels and all(lab.lines and lab.tooltip for lab in overlay.labels)
            check_labels(type("S", (), {"trace": trace, "current_phase": lambda self, p=phase: p, "shown": s,
                                        "overlay": overlay})())


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("loss, output, classes", OUTPUTS)
def test_every_activation_and_loss_reads_out(qapp, hidden, loss, output, classes):
    rng = np.random.default_rng(0)
    X = rng.uniform(-2, 2, (6, 2))
    data = from_points(X, np.arange(6) % classes, class_names=[str(c) for c in range(classes)])
    spec = {"size": 3, "activation": hidden, **({"pieces": 2} if hidden == "maxout" else {})}
    net = Network(["x1", "x2", "x1x2"], [spec, output], seed=2)
    net.remove_connection(0, 1, 1)
    net.freeze_weight(1, 0, 0)
    cfg = TrainingConfig(loss=loss, optimizer="nadam", l1=0.01, l2=0.02, max_norm=2.0, batch_size=3)
    trainer = Trainer(net, data, cfg)
    trainer.step(2)
    _all_phases_render(trace_step(trainer, [1, 4, 5]))


@pytest.mark.parametrize("output", ["step", "sign"])
def test_the_perceptron_rule_reads_out(qapp, output):
    rng = np.random.default_rng(1)
    X = rng.uniform(-2, 2, (5, 2))
    data = from_points(X, (X[:, 0] > 0).astype(int), class_names=["0", "1"])
    net = Network(["x1", "x2"], [{"size": 1, "activation": output}], seed=0)
    trainer = Trainer(net, data, TrainingConfig(rule="perceptron", learning_rate=0.5))
    trace = trace_step(trainer, [0, 1, 2])
    _all_phases_render(trace)
    html = txt.details_html(trace, ("backward", 0), 0)
    assert "δ = −(t − y) = y − t" in html and "sum over the batch" in html
    assert "sums over the 3 points" in txt.details_html(trace, ("backward", 0), 0)


def test_step_and_sign_say_that_nothing_flows_back(qapp):
    data = from_points(np.array([[0.5, 1.0], [-1.0, 0.2]]), [0, 1], class_names=["0", "1"])
    net = Network(["x1", "x2"], [{"size": 2, "activation": "step"}, {"size": 1, "activation": "tanh"}], seed=0)
    trace = trace_step(Trainer(net, data), [0])
    html = txt.details_html(trace, ("backward", 0), 0)
    assert "f′ = 0 almost everywhere" in html and "nothing flows back" in html


def test_engine_formulas_and_notes_are_translated(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    table = {
        "The gradient is the mean over the {n} points of the batch; each point's δ and ∂E/∂w are kept too.":
            "El gradiente es la media sobre los {n} puntos del lote.",
        "∂E/∂bⱼ = mean of δⱼ": "∂E/∂bⱼ = media de δⱼ",
        "(softmax and cross-entropy together)": "(softmax y entropía cruzada juntas)",
        "(before)": "(antes)",
    }

    class Spanish(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return table.get(source) if context == "StepTraceText" else None  # None: not translated

    tr = Spanish()
    QCoreApplication.installTranslator(tr)
    try:
        assert txt.tr_engine("The gradient is the mean over the 4 points of the batch; each point's δ and ∂E/∂w "
                             "are kept too.") == "El gradiente es la media sobre los 4 puntos del lote."
        assert txt.tr_engine("∂E/∂wᵢⱼ = mean over the batch of aᵢ·δⱼ,   ∂E/∂bⱼ = mean of δⱼ") == \
            "∂E/∂wᵢⱼ = mean over the batch of aᵢ·δⱼ,   ∂E/∂bⱼ = media de δⱼ"
        assert txt.tr_engine("∂E/∂z = (o − t)/n   (softmax and cross-entropy together)") == \
            "∂E/∂z = (o − t)/n   (softmax y entropía cruzada juntas)"
        assert txt.tr_engine("m (before)") == "m (antes)"
        assert txt.tr_engine("f(z) = tanh(z)") == "f(z) = tanh(z)"
    finally:
        QCoreApplication.removeTranslator(tr)
