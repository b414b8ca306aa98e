"""The network canvas: palette drops, selection, drags, menus, inspector, limits, sync."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent, QUndoStack
from PySide6.QtWidgets import QApplication

from engine.network import Network
from gui.canvas import NetworkCanvas, menus, style
from gui.canvas.items import LayerItem, NeuronItem
from gui.canvas.palette import mime_data
from gui.document import Document
from gui.editor import DocumentEditor
from gui.maps import NeuronMaps


@pytest.fixture
def setup(qtbot):
    doc = Document()
    stack = QUndoStack()
    editor = DocumentEditor(doc, stack)
    maps = NeuronMaps(doc, resolution=32)
    canvas = NetworkCanvas(doc, editor, maps)
    qtbot.addWidget(canvas)
    canvas.resize(1200, 800)
    canvas.show()
    qtbot.waitExposed(canvas)
    yield doc, stack, editor, maps, canvas
    stack.clear()


def scene_of(canvas):
    return canvas.scene


def assert_in_sync(doc, canvas):
    """Items mirror the document one to one, by id, with the engine's shapes."""
    scene = canvas.scene
    assert set(scene.neurons) == {u for ids in doc.unit_ids for u in ids}
    assert set(scene.layers) == set(doc.column_ids)
    assert [it.uid for it in scene.order] == [u for ids in doc.unit_ids for u in ids]
    sizes = doc.network.sizes
    assert scene.sizes == sizes
    assert len(scene.edges) == sum(a * b for a, b in zip(sizes, sizes[1:]))
    neurons = [it for it in scene.items() if isinstance(it, NeuronItem)]
    layers = [it for it in scene.items() if isinstance(it, LayerItem)]
    assert len(neurons) == sum(sizes) and len(layers) == len(sizes)
    for c, ids in enumerate(doc.unit_ids):
        for i, uid in enumerate(ids):
            item = scene.neurons[uid]
            assert (item.column, item.index) == (c, i)
            assert item.pos() == QPointF(doc.column_x[doc.column_ids[c]], doc.unit_y[uid])


def drop(canvas, type_id: bytes, scene_pos: QPointF) -> None:
    """A palette drop with synthetic drag events (QDrag.exec would block)."""
    view = canvas.view
    pos = view.mapFromScene(scene_pos)
    mime = mime_data(type_id)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    vp = view.viewport()
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(vp, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(vp, move)
    assert move.isAccepted()
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(vp, event)
    assert event.isAccepted()


def trigger(menu, name: str) -> None:
    """Run a context-menu command without showing the menu (keeps the menu alive)."""
    menus.find_action(menu, name).trigger()


def column_x(doc, c):
    return doc.column_x[doc.column_ids[c]]


def mouse(view, kind, scene_pos: QPointF, buttons=Qt.MouseButton.LeftButton, button=None, mods=None):
    pos = QPointF(view.mapFromScene(scene_pos))
    types = {"press": QMouseEvent.Type.MouseButtonPress, "move": QMouseEvent.Type.MouseMove,
             "release": QMouseEvent.Type.MouseButtonRelease}
    if button is None:
        button = Qt.MouseButton.NoButton if kind == "move" else Qt.MouseButton.LeftButton
    if kind == "release":
        buttons = Qt.MouseButton.NoButton
    event = QMouseEvent(types[kind], pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), button, buttons,
                        mods or Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def drag(view, points: list[QPointF], mods=None) -> None:
    mouse(view, "press", points[0], mods=mods)
    for p in points[1:]:
        mouse(view, "move", p, mods=mods)
    mouse(view, "release", points[-1], mods=mods)


# --- palette drops ---------------------------------------------------------------------


def test_canvas_mirrors_the_opening_network(setup):
    doc, stack, editor, maps, canvas = setup
    assert_in_sync(doc, canvas)
    assert doc.network.sizes == [2, 4, 2, 1]
    titles = [canvas.scene.layers[cid].title for cid in doc.column_ids]
    assert titles == ["Input", "Hidden 1", "Hidden 2", "Output"]
    assert not canvas.scene.columns[0].plus.isVisible()
    assert canvas.scene.columns[1].plus.isVisible()
    assert canvas.scene.thumbs is not None  # the maps fit the structure


def test_neuron_dropped_on_a_layer_joins_it(setup):
    doc, stack, editor, maps, canvas = setup
    ys = [doc.unit_y[u] for u in doc.unit_ids[1]]
    drop(canvas, b"neuron", QPointF(column_x(doc, 1) + 10, max(ys) + 120))
    assert doc.network.sizes == [2, 5, 2, 1]
    uid = doc.unit_ids[1][-1]  # below every other neuron: last in the layer
    assert uid in canvas.scene.neurons
    assert canvas.scene.thumbs is not None  # no frame of blank neurons after an edit
    assert canvas.scene.atlas.sizes == (2, 5, 2, 1)
    assert doc.unit_y[uid] == pytest.approx(max(ys) + 120, abs=3)  # via view pixels
    assert_in_sync(doc, canvas)
    # between two neurons: inserted there, in engine order too
    drop(canvas, b"neuron", QPointF(column_x(doc, 2), (doc.unit_y[doc.unit_ids[2][0]] + doc.unit_y[doc.unit_ids[2][1]]) / 2))
    assert doc.network.sizes == [2, 5, 3, 1]
    ys2 = [doc.unit_y[u] for u in doc.unit_ids[2]]
    assert ys2 == sorted(ys2)
    assert_in_sync(doc, canvas)


def test_drop_and_undo_redo(setup):
    doc, stack, editor, maps, canvas = setup
    before = doc.network.to_dict()
    drop(canvas, b"neuron", QPointF(column_x(doc, 1), 400))
    uid = doc.unit_ids[1][-1]
    assert stack.count() == 1
    stack.undo()
    assert doc.network.to_dict() == before
    assert uid not in canvas.scene.neurons
    assert_in_sync(doc, canvas)
    stack.redo()
    assert doc.unit_ids[1][-1] == uid and uid in canvas.scene.neurons
    assert_in_sync(doc, canvas)


def test_neuron_dropped_between_layers_makes_a_one_neuron_layer(setup):
    doc, stack, editor, maps, canvas = setup
    x = (column_x(doc, 1) + column_x(doc, 2)) / 2
    drop(canvas, b"neuron", QPointF(x, 0))
    assert doc.network.sizes == [2, 4, 1, 2, 1]
    assert_in_sync(doc, canvas)
    xs = [column_x(doc, c) for c in range(doc.n_columns)]
    assert xs == sorted(xs)


def test_layer_dropped_in_a_wide_gap_lands_at_the_drop_point(setup):
    doc, stack, editor, maps, canvas = setup
    # make room: move the output far right
    old = doc.positions()
    xs, ys = doc.positions()
    xs[doc.column_ids[3]] += 400
    editor.move_items(old, (xs, ys))
    x = column_x(doc, 2) + 200
    drop(canvas, b"layer:3", QPointF(x, 0))
    assert doc.network.sizes == [2, 4, 2, 3, 1]
    assert column_x(doc, 3) == pytest.approx(x, abs=3)
    assert doc.layer_spec(3).activation == "tanh"
    assert_in_sync(doc, canvas)


def test_layer_never_lands_after_the_output(setup):
    doc, stack, editor, maps, canvas = setup
    drop(canvas, b"layer:2", QPointF(column_x(doc, 3) + 300, 0))
    assert doc.network.sizes == [2, 4, 2, 2, 1]
    assert doc.network.layers[-1].n_out == 1  # the output stays last
    drop(canvas, b"layer:5", QPointF(column_x(doc, 0) - 300, 0))
    assert doc.network.sizes == [2, 5, 4, 2, 2, 1]
    assert_in_sync(doc, canvas)


def test_feature_and_output_drops(setup):
    doc, stack, editor, maps, canvas = setup
    drop(canvas, b"feature", QPointF(0, 0))
    assert doc.network.features == ("x1", "x2", "x1_sq")
    drop(canvas, b"output", QPointF(500, 500))
    assert doc.network.sizes == [3, 4, 2, 2]
    assert_in_sync(doc, canvas)


def test_neuron_drop_on_the_inputs_is_refused_with_a_message(setup, qtbot):
    doc, stack, editor, maps, canvas = setup
    with qtbot.waitSignal(editor.error) as blocker:
        drop(canvas, b"neuron", QPointF(column_x(doc, 0), 0))
    assert "FEATURES" in blocker.args[0]
    assert doc.network.sizes == [2, 4, 2, 1] and stack.count() == 0
    assert canvas.view.toast.isVisible()


def test_unknown_mime_payload_is_ignored(setup):
    doc, stack, editor, maps, canvas = setup
    assert canvas.scene.actions.drop(b"banana", 0, 0) is False
    assert stack.count() == 0


def test_palette_click_adds_without_dragging(setup, qtbot):
    doc, stack, editor, maps, canvas = setup
    qtbot.mouseClick(canvas.palette.neuron, Qt.MouseButton.LeftButton)
    assert doc.network.sizes == [2, 4, 3, 1]  # into the last hidden layer
    canvas.palette.layer.size_spin.setValue(3)
    qtbot.mouseClick(canvas.palette.layer, Qt.MouseButton.LeftButton)
    assert doc.network.sizes == [2, 4, 3, 3, 1]
    assert canvas.palette.layer.type_id() == b"layer:3"


# --- delete, drags and undo ------------------------------------------------------------------


def test_delete_removes_selected_neurons_and_their_connections(setup, qtbot):
    doc, stack, editor, maps, canvas = setup
    scene = canvas.scene
    uids = doc.unit_ids[1][:2]
    for uid in uids:
        scene.neurons[uid].setSelected(True)
    canvas.view.setFocus()
    qtbot.keyClick(canvas.view, Qt.Key.Key_Delete)
    assert doc.network.sizes == [2, 2, 2, 1]
    assert doc.network.layers[0].W.shape == (2, 2) and doc.network.layers[1].W.shape == (2, 2)
    assert stack.count() == 1
    assert_in_sync(doc, canvas)
    stack.undo()
    assert doc.network.sizes == [2, 4, 2, 1]
    assert_in_sync(doc, canvas)


def test_multi_neuron_drag_is_one_undo_step(setup):
    doc, stack, editor, maps, canvas = setup
    scene, view = canvas.scene, canvas.view
    a, b = doc.unit_ids[1][0], doc.unit_ids[1][1]
    scene.neurons[a].setSelected(True)
    scene.neurons[b].setSelected(True)
    ya, yb = doc.unit_y[a], doc.unit_y[b]
    x = column_x(doc, 1)
    start = QPointF(x, ya)
    drag(view, [start, QPointF(x + 3, ya + 10), QPointF(x + 5, ya + 25), QPointF(x + 5, ya + 30)])
    assert stack.count() == 1
    assert doc.unit_y[a] == pytest.approx(ya + 30, abs=3) and doc.unit_y[b] == pytest.approx(yb + 30, abs=3)
    assert doc.unit_y[b] - doc.unit_y[a] == pytest.approx(yb - ya)  # moved together
    assert column_x(doc, 1) == x  # neurons stay in their column
    assert_in_sync(doc, canvas)
    stack.undo()
    assert (doc.unit_y[a], doc.unit_y[b]) == (ya, yb)
    assert_in_sync(doc, canvas)


def test_dragging_a_neuron_past_another_reorders_the_layer(setup):
    doc, stack, editor, maps, canvas = setup
    view = canvas.view
    first = doc.unit_ids[1][0]
    w_before = doc.network.weight(0, 0, 0)
    x, y = column_x(doc, 1), doc.unit_y[first]
    drag(view, [QPointF(x, y), QPointF(x, y + 60), QPointF(x, y + 140)])
    assert doc.unit_ids[1].index(first) == 1  # now second from the top
    assert doc.network.weight(0, 0, 1) == w_before  # its weights moved with it
    assert stack.count() == 1
    stack.undo()
    assert doc.unit_ids[1][0] == first
    assert_in_sync(doc, canvas)


def test_dragging_a_neuron_onto_another_layer_moves_it_there(setup):
    doc, stack, editor, maps, canvas = setup
    view = canvas.view
    uid = doc.unit_ids[1][0]
    x, y = column_x(doc, 1), doc.unit_y[uid]
    target = column_x(doc, 2)
    drag(view, [QPointF(x, y), QPointF((x + target) / 2, y), QPointF(target, y)])
    assert doc.network.sizes == [2, 3, 3, 1]
    assert stack.count() == 1
    assert_in_sync(doc, canvas)
    stack.undo()
    assert doc.network.sizes == [2, 4, 2, 1]
    assert_in_sync(doc, canvas)


def test_dragging_a_layer_header_moves_the_column(setup):
    doc, stack, editor, maps, canvas = setup
    layer = canvas.scene.layers[doc.column_ids[2]]
    header = layer.mapToScene(layer.header_rect().center())
    x0 = column_x(doc, 2)
    drag(canvas.view, [header, header + QPointF(10, 0), header + QPointF(30, 5)])
    assert column_x(doc, 2) == pytest.approx(x0 + 30, abs=3)
    assert stack.count() == 1 and "Move layer" in stack.text(0)
    # a column cannot be dragged past its neighbour
    drag(canvas.view, [header + QPointF(30, 0), header + QPointF(200, 0), header + QPointF(900, 0)])
    assert column_x(doc, 2) < column_x(doc, 3)
    assert_in_sync(doc, canvas)


def test_items_stay_in_sync_through_structural_undo(setup):
    doc, stack, editor, maps, canvas = setup
    act = canvas.scene.actions
    act.add_layer(1, 3)
    act.add_feature()
    editor.remove_units(doc.unit_ids[2][:1])
    act.plus(doc.column_ids[3])
    editor.set_activation(doc.column_ids[1], "relu")
    editor.set_layer(doc.column_ids[1], "maxout", activation="maxout", pieces=3)
    editor.remove_layer(doc.column_ids[2])
    assert_in_sync(doc, canvas)
    while stack.canUndo():
        stack.undo()
        assert_in_sync(doc, canvas)
    assert doc.network.sizes == [2, 4, 2, 1]
    while stack.canRedo():
        stack.redo()
        assert_in_sync(doc, canvas)


def test_training_updates_do_not_rebuild_items(setup):
    doc, stack, editor, maps, canvas = setup
    scene = canvas.scene
    items = {uid: id(it) for uid, it in scene.neurons.items()}
    edges = scene.edges
    params = doc.params() * -2.0
    doc.set_params(params, "training")
    assert {uid: id(it) for uid, it in scene.neurons.items()} == items and scene.edges is edges
    assert edges.weights[0] == pytest.approx(doc.network.weight(0, 0, 0))
    out = scene.order[-1]
    assert out.bias == pytest.approx(doc.network.bias(2, 0))


# --- connections ---------------------------------------------------------------------------


def test_edge_menu_removes_restores_and_freezes_a_connection(setup):
    doc, stack, editor, maps, canvas = setup
    scene = canvas.scene
    key = (1, 0, 1)
    w = doc.network.weight(0, 0, 1)
    trigger(menus.edge_menu(scene, key), "remove_connection")
    net = doc.network
    assert net.removed[0][0, 1] and net.layers[0].W[0, 1] == 0.0
    k = scene.edges.index_of(*key)
    assert scene.edges.removed[k]
    trigger(menus.edge_menu(scene, key), "restore_connection")
    assert not doc.network.removed[0][0, 1] and doc.network.layers[0].W[0, 1] == w
    trigger(menus.edge_menu(scene, key), "freeze_weight")
    assert doc.network.frozen_w[0][0, 1] and scene.edges.frozen[k]
    trigger(menus.edge_menu(scene, key), "unfreeze_weight")
    assert not doc.network.frozen_w[0][0, 1]
    assert stack.count() == 4


def test_clicking_an_edge_selects_it_and_opens_the_inspector(setup):
    doc, stack, editor, maps, canvas = setup
    scene = canvas.scene
    k = scene.edges.index_of(2, 1, 0)
    e = scene.edges
    mid = QPointF(0.75 * e.x0[k] + 0.25 * e.x1[k], 0.75 * e.y0[k] + 0.25 * e.y1[k])  # clear of crossings
    assert scene.edge_at(mid) == k
    assert "w = " in scene.tooltip_at(mid)
    mouse(canvas.view, "press", mid)
    mouse(canvas.view, "release", mid)
    assert scene.current_edge_key() == (2, 1, 0)
    assert canvas.inspector.isVisible() and canvas.inspector.edge() == (2, 1, 0)
    # Delete on a selected connection removes it
    canvas.delete_selected()
    assert doc.network.removed[1][1, 0]


def test_hover_tooltip_and_signal_for_a_neuron(setup, qtbot):
    doc, stack, editor, maps, canvas = setup
    scene = canvas.scene
    item = scene.neurons[doc.unit_ids[1][2]]
    text = scene.tooltip_at(item.pos())
    assert "hidden 1·3" in text and "bias" in text and "Σ" in text and "x₁" in text
    with qtbot.waitSignal(canvas.unit_hovered) as blocker:
        scene.neuron_hovered(item, True)
    assert blocker.args == [1, 2]
    with qtbot.waitSignal(canvas.hover_left):
        scene.neuron_hovered(item, False)


# --- inspector -------------------------------------------------------------------------------


def test_inspector_edits_the_weight_the_engine_trains_with(setup):
    doc, stack, editor, maps, canvas = setup
    w0 = doc.network.weight(0, 1, 2)
    canvas.inspect(("edge", (1, 1, 2)))
    ins = canvas.inspector
    assert ins.isVisible() and ins.weight.value() == pytest.approx(w0, abs=1e-4)
    ins.weight.spin.setValue(0.4321)
    assert doc.network.weight(0, 1, 2) == pytest.approx(0.4321)
    assert doc.network.layers[0].W[1, 2] == pytest.approx(0.4321)
    assert stack.count() == 1
    for v in (10, 50, 120, -230):  # a slider drag: merged into the same undo step
        ins.weight.slider.setValue(v)
    assert doc.network.weight(0, 1, 2) == pytest.approx(-2.3)
    assert ins.weight.spin.value() == pytest.approx(-2.3)
    assert stack.count() == 1
    ins.weight_frozen.setChecked(True)
    assert doc.network.frozen_w[0][1, 2]
    ins.weight_removed.setChecked(True)
    assert doc.network.removed[0][1, 2] and doc.network.layers[0].W[1, 2] == 0.0
    assert stack.count() == 3
    # it follows the document: undo shows the values before
    stack.undo()
    stack.undo()
    assert not ins.weight_frozen.isChecked() and not ins.weight_removed.isChecked()
    stack.undo()
    assert ins.weight.value() == pytest.approx(w0, abs=1e-4)


def test_inspector_sets_bias_and_activation(setup):
    doc, stack, editor, maps, canvas = setup
    uid = doc.unit_ids[2][1]
    canvas.inspect(("unit", uid))
    ins = canvas.inspector
    ins.bias.spin.setValue(-1.25)
    assert doc.network.bias(1, 1) == pytest.approx(-1.25)
    ins.bias_frozen.setChecked(True)
    assert doc.network.frozen_b[1][1]
    combo = ins.activation
    combo.setCurrentIndex(combo.findData("relu"))
    combo.activated.emit(combo.currentIndex())
    assert doc.layer_spec(2).activation == "relu"
    assert canvas.scene.layers[doc.column_ids[2]].activation_text == "ReLU"
    assert ins.form.isRowVisible(ins.dropout)  # a hidden layer
    assert not ins.form.isRowVisible(ins.weight)
    combo.setCurrentIndex(combo.findData("leaky_relu"))
    combo.activated.emit(combo.currentIndex())
    assert ins.form.isRowVisible(ins.alpha)
    ins.alpha.setValue(0.2)
    assert doc.layer_spec(2).alpha == pytest.approx(0.2)
    ins.dropout.setValue(0.25)
    assert doc.layer_spec(2).dropout == pytest.approx(0.25)
    combo.setCurrentIndex(combo.findData("maxout"))
    combo.activated.emit(combo.currentIndex())
    assert ins.form.isRowVisible(ins.pieces)
    ins.pieces.setValue(4)
    assert doc.network.layers[1].k == 4


def test_inspector_refused_activation_shows_the_one_in_use(setup, qtbot):
    doc, stack, editor, maps, canvas = setup
    canvas.inspect(("layer", doc.column_ids[1]))
    combo = canvas.inspector.activation
    combo.setCurrentIndex(combo.findData("softmax"))
    with qtbot.waitSignal(editor.error):
        combo.activated.emit(combo.currentIndex())
    assert doc.layer_spec(1).activation == "tanh"
    assert combo.currentData() == "tanh"


def test_enter_opens_and_escape_closes_the_inspector(setup, qtbot):
    doc, stack, editor, maps, canvas = setup
    canvas.scene.select_unit(doc.unit_ids[1][0])
    canvas.view.setFocus()
    qtbot.keyClick(canvas.view, Qt.Key.Key_Return)
    assert canvas.inspector.isVisible()
    qtbot.keyClick(canvas.view, Qt.Key.Key_Escape)
    assert not canvas.inspector.isVisible()


def test_inspector_closes_when_its_neuron_goes(setup):
    doc, stack, editor, maps, canvas = setup
    uid = doc.unit_ids[1][0]
    canvas.inspect(("unit", uid))
    editor.remove_units([uid])
    assert not canvas.inspector.isVisible()


# --- menus, keyboard, layers ----------------------------------------------------------------


def test_layer_menu_and_plus_minus(setup):
    doc, stack, editor, maps, canvas = setup
    scene = canvas.scene
    cid = doc.column_ids[1]
    menu = menus.layer_menu(scene, cid)
    menus.find_action(menu, "activation_sigmoid").trigger()
    assert doc.layer_spec(1).activation == "sigmoid"
    n = stack.count()
    scene.layers[cid].plus.on_click()
    assert doc.network.sizes[1] == 5 and stack.count() == n + 1
    ys = sorted(doc.unit_y[u] for u in doc.unit_ids[1])
    assert ys[0] == pytest.approx(-ys[-1])  # still centred
    scene.layers[cid].minus.on_click()
    assert doc.network.sizes[1] == 4 and stack.count() == n + 2
    trigger(menus.layer_menu(scene, cid), "insert_after")
    assert doc.network.sizes == [2, 4, 2, 2, 1]
    trigger(menus.layer_menu(scene, doc.column_ids[2]), "remove_layer")
    assert doc.network.sizes == [2, 4, 2, 1]
    out = menus.layer_menu(scene, doc.column_ids[-1])
    with pytest.raises(KeyError):
        menus.find_action(out, "remove_layer")
    inputs = menus.layer_menu(scene, doc.column_ids[0])
    menus.find_action(inputs, "feature_sin_x1").trigger()
    assert "sin_x1" in doc.network.features


def test_neuron_and_canvas_menus(setup):
    doc, stack, editor, maps, canvas = setup
    scene = canvas.scene
    uid = doc.unit_ids[2][0]
    trigger(menus.neuron_menu(scene, uid), "freeze_bias")
    assert doc.network.frozen_b[1][0]
    assert scene.neurons[uid].bias_frozen
    trigger(menus.neuron_menu(scene, uid), "remove_neuron")
    assert doc.network.sizes == [2, 4, 1, 1]
    x1 = doc.unit_ids[0][0]
    trigger(menus.neuron_menu(scene, x1), "switch_off_input")
    assert doc.network.features == ("x2",)
    menu = menus.canvas_menu(scene, QPointF(column_x(doc, 2) + 95, 0))
    menus.find_action(menu, "add_layer_here").trigger()
    assert doc.network.sizes == [1, 4, 1, 2, 1]
    trigger(menus.canvas_menu(scene, QPointF(0, 0)), "auto_layout")
    assert doc.positions() == doc.auto_positions()
    assert_in_sync(doc, canvas)


def test_menu_at_picks_the_item_under_the_mouse(setup):
    doc, stack, editor, maps, canvas = setup
    scene = canvas.scene
    uid = doc.unit_ids[1][0]
    assert menus.find_action(menus.menu_at(scene, scene.neurons[uid].pos()), "remove_neuron")
    assert scene.selected_uids() == [uid]
    k = scene.edges.index_of(2, 0, 0)
    mid = QPointF((scene.edges.x0[k] + scene.edges.x1[k]) / 2, (scene.edges.y0[k] + scene.edges.y1[k]) / 2)
    assert menus.find_action(menus.menu_at(scene, mid), "remove_connection")
    assert scene.current_edge_key() == (2, 0, 0)
    far = QPointF(column_x(doc, 3) + 600, 900)
    assert menus.find_action(menus.menu_at(scene, far), "auto_layout")


def test_arrow_keys_move_the_selection(setup, qtbot):
    doc, stack, editor, maps, canvas = setup
    scene, view = canvas.scene, canvas.view
    view.setFocus()
    scene.select_unit(doc.unit_ids[0][0])
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert scene.selected_uids() == [doc.unit_ids[1][1]]  # x₁ (y −46) is nearest to 1·2 (y −46)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert scene.selected_uids() == [doc.unit_ids[1][2]]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # stops at the top
    assert scene.selected_uids() == [doc.unit_ids[1][0]]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert scene.selected_uids() == [doc.unit_ids[0][0]]


def test_zoom_and_fit(setup):
    doc, stack, editor, maps, canvas = setup
    view = canvas.view
    canvas.fit()
    z = view.zoom()
    canvas.zoom_in()
    assert view.zoom() == pytest.approx(z * style.ZOOM_STEP) and not view.auto_fit
    canvas.zoom_out()
    canvas.zoom_out()
    assert view.zoom() < z
    canvas.fit()
    assert view.zoom() == pytest.approx(z)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(canvas.scene.network_rect())


# --- limits ------------------------------------------------------------------------------------


def test_ten_layers_of_32_build_and_a_33rd_neuron_is_refused(setup, qtbot):
    doc, stack, editor, maps, canvas = setup
    net = Network(["x1", "x2"], [32] * 10 + [1], seed=2)
    doc.replace(net, doc.training, doc.dataset)
    maps.recompute()
    assert_in_sync(doc, canvas)
    assert len(canvas.scene.edges) == 2 * 32 + 9 * 32 * 32 + 32
    assert canvas.scene.thumbs is not None
    canvas.view.viewport().repaint()  # paints without error
    with qtbot.waitSignal(editor.error) as blocker:
        canvas.scene.actions.add_neuron(3)
    assert "at most 32" in blocker.args[0]
    with qtbot.waitSignal(editor.error) as blocker:
        drop(canvas, b"layer:2", QPointF(column_x(doc, 2) + 95, 0))
    assert "hidden layers" in blocker.args[0]
    assert not canvas.scene.layers[doc.column_ids[3]].plus.enabled
    assert doc.network.sizes == [2] + [32] * 10 + [1] and stack.count() == 0


def test_wide_networks_keep_fast_frames_while_training(setup):
    doc, stack, editor, maps, canvas = setup
    doc.replace(Network(["x1", "x2"], [32] * 10 + [1], seed=2), doc.training, doc.dataset)
    maps.set_training(True)
    maps.recompute()
    edges = canvas.scene.edges
    assert edges.live
    rng = np.random.default_rng(0)
    for _ in range(6):
        doc.set_params(rng.normal(size=doc.network.params.size), "training")
        canvas.view.viewport().repaint()
    maps.set_training(False)
    maps.recompute()
    assert not edges.live


# --- in the main window ------------------------------------------------------------------------


def test_in_the_main_window_space_plays_and_space_drag_pans(qtbot):
    from PySide6.QtGui import QWheelEvent

    from gui.main_window import MainWindow

    window = MainWindow(persist_settings=False)
    qtbot.addWidget(window)
    doc = Document()
    editor = DocumentEditor(doc, window.undo_stack)
    maps = NeuronMaps(doc, resolution=32)
    canvas = NetworkCanvas(doc, editor, maps)
    window.set_central_canvas(canvas)
    window.show()
    qtbot.waitExposed(window)
    view = canvas.view
    view.setFocus()
    # a tap of Space still reaches Play/Pause
    with qtbot.waitSignal(window.toolbar.play_toggled, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert blocker.args == [True]
    # holding Space and dragging pans instead (and does not toggle Play)
    with qtbot.assertNotEmitted(window.toolbar.play_toggled):
        qtbot.keyPress(view, Qt.Key.Key_Space)
        h0 = view.horizontalScrollBar().value()
        far = QPointF(column_x(doc, 3) + 500, 600)  # empty canvas
        drag(view, [far, far + QPointF(-40, 0), far + QPointF(-120, 0)])
        qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert view.horizontalScrollBar().value() != h0 and not view.auto_fit
    # the window's Delete reaches the canvas selection
    canvas.scene.select_unit(doc.unit_ids[1][0])
    window.delete_action.trigger()
    assert doc.network.sizes == [2, 3, 2, 1]
    # Ctrl+wheel zooms around the cursor
    z = view.zoom()
    pos = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(z * style.ZOOM_STEP)


def test_selection_changed_signal(setup, qtbot):
    doc, stack, editor, maps, canvas = setup
    with qtbot.waitSignal(canvas.selection_changed):
        canvas.scene.select_unit(doc.unit_ids[1][0])
    with qtbot.waitSignal(canvas.selection_changed):
        canvas.scene.select_edge((1, 0, 0))
    assert canvas.scene.selected_uids() == [] and canvas.scene.single_target() == ("edge", (1, 0, 0))
    with qtbot.waitSignal(canvas.selection_changed):
        canvas.scene.select_layer(doc.column_ids[2])
    assert canvas.scene.single_target() == ("layer", doc.column_ids[2])


def test_clicking_a_neuron_selects_it_and_opens_the_inspector(setup):
    doc, stack, editor, maps, canvas = setup
    uid = doc.unit_ids[2][1]
    pos = canvas.scene.neurons[uid].pos()
    mouse(canvas.view, "press", pos)
    mouse(canvas.view, "release", pos)
    assert canvas.scene.selected_uids() == [uid]
    assert canvas.inspector.isVisible() and canvas.inspector.title.text() == "Hidden 2·2"
    # a click on the empty canvas clears the selection and closes the card
    empty = QPointF(column_x(doc, 3) + 400, 800)
    mouse(canvas.view, "press", empty)
    mouse(canvas.view, "release", empty)
    assert canvas.scene.selected_uids() == [] and not canvas.inspector.isVisible()
    assert stack.count() == 0  # looking is not editing


def test_enlarged_headers_never_run_into_the_next_column(setup):
    """Zoomed far out (or in presentation mode) headers are drawn larger, but never so
    large that neighbouring titles touch ("2 características" beside "OCULTA 1")."""
    canvas = setup[-1]
    scene = scene_of(canvas)
    scene.set_text_scale(10.0)  # asks for far more than fits
    lanes = sorted(scene.columns, key=lambda layer: layer.pos().x())
    f = scene.text_scale
    assert f > 1.0
    for a, b in zip(lanes, lanes[1:]):
        assert (a._text_width + b._text_width) / 2 * f <= b.pos().x() - a.pos().x() - 12.0 + 1e-9


def test_input_labels_stay_clear_of_the_input_lane(setup):
    """x₁, x₂ end left of the INPUT lane's edge, also with the thick outlines of the high
    contrast theme in presentation mode (a lane's edge is drawn up to 3 px wide)."""
    from gui.canvas.items import HALF, LABEL_GAP

    doc, _stack, _editor, _maps, canvas = setup
    scene = canvas.scene
    lane = scene.layers[doc.column_ids[0]]
    lane_left = lane.mapToScene(lane.lane_rect().topLeft()).x()
    for neuron in scene.order[: doc.network.sizes[0]]:
        assert neuron.label is not None
        label_right = neuron.scenePos().x() - HALF - LABEL_GAP
        assert label_right <= lane_left - 3
        # and the item's bounds hold the whole (scaled) label, so its cache does not clip it
        left = neuron.mapToScene(neuron.boundingRect().topLeft()).x()
        assert left <= label_right - neuron._label_width * neuron.text_scale
