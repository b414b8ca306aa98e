"""Context menus for every canvas item: neuron, layer, connection and the empty canvas.

Each ``*_menu`` function builds a ``QMenu`` whose actions call the scene's
:class:`~gui.canvas.actions.CanvasActions`; tests trigger the actions directly instead of
running the menu. Actions carry object names (``menu_remove_connection`` …) for that.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from engine.activations import ACTIVATION_NAMES
from engine.features import FEATURE_NAMES
from gui.i18n import translate

from . import labels
from .items import LayerItem, NeuronItem, RoundButton


def _add(menu: QMenu, name: str, text: str, slot, enabled: bool = True, checked: bool | None = None) -> QAction:
    action = menu.addAction(text)
    action.setObjectName(f"menu_{name}")
    action.setEnabled(enabled)
    if checked is not None:
        action.setCheckable(True)
        action.setChecked(checked)
    action.triggered.connect(lambda _=False: slot())
    return action


def find_action(menu: QMenu, name: str) -> QAction:
    """The action ``menu_{name}`` anywhere in ``menu`` (submenus included)."""
    for action in menu.findChildren(QAction):
        if action.objectName() == f"menu_{name}":
            return action
    for sub in menu.findChildren(QMenu):
        for action in sub.actions():
            if action.objectName() == f"menu_{name}":
                return action
    raise KeyError(name)


def neuron_menu(scene, uid: int) -> QMenu:
    doc, act = scene.doc, scene.actions
    ref = doc.find_unit(uid)
    menu = QMenu()
    _add(menu, "inspect", translate("CanvasMenus", "Inspect…\tEnter"), lambda: scene.inspect_unit(uid))
    menu.addSeparator()
    if ref.column == 0:
        name = doc.network.features[ref.index]
        _add(menu, "switch_off_input",
             translate("CanvasMenus", "Switch off input {feature}").format(feature=labels.feature_label(name)),
             lambda: act.set_feature(name, False), enabled=len(doc.network.features) > 1)
        return menu
    frozen = bool(doc.network.frozen_b[ref.layer][ref.index])
    _add(menu, "unfreeze_bias" if frozen else "freeze_bias",
         translate("CanvasMenus", "Unfreeze bias") if frozen else translate("CanvasMenus", "Freeze bias"),
         lambda: act.set_bias_frozen(uid, not frozen))
    menu.addSeparator()
    selected = scene.selected_uids()
    uids = selected if uid in selected and len(selected) > 1 else [uid]
    text = translate("CanvasMenus", "Remove neuron\tDel") if len(uids) == 1 else \
        translate("CanvasMenus", "Remove {n} neurons\tDel").format(n=len(uids))
    _add(menu, "remove_neuron", text, lambda: scene.editor.remove_units(uids))
    return menu


def layer_menu(scene, cid: int) -> QMenu:
    doc, act = scene.doc, scene.actions
    column = doc.column_of(cid)
    n = doc.n_columns
    menu = QMenu()
    if column == 0:
        used = set(doc.network.features)
        sub = menu.addMenu(translate("CanvasMenus", "Inputs"))
        for name in FEATURE_NAMES:
            on = name in used
            _add(sub, f"feature_{name}", labels.feature_label(name),
                 (lambda nm=name, o=on: act.set_feature(nm, not o)), checked=on)
        return menu
    size = len(doc.unit_ids[column])
    spec = doc.layer_spec(column)
    _add(menu, "add_neuron", translate("CanvasMenus", "Add neuron"), lambda: act.plus(cid))
    _add(menu, "remove_last_neuron", translate("CanvasMenus", "Remove neuron"), lambda: act.minus(cid),
         enabled=size > 1)
    sub = menu.addMenu(translate("CanvasMenus", "Activation"))
    group = QActionGroup(sub)
    for name in ACTIVATION_NAMES:
        a = _add(sub, f"activation_{name}", labels.activation_label(name),
                 (lambda nm=name: act.set_activation(cid, nm)), checked=name == spec.activation)
        group.addAction(a)
    if column < n - 1:
        _add(menu, "dropout", translate("CanvasMenus", "Dropout… ({rate})").format(rate=f"{spec.dropout:g}"),
             lambda: scene.inspect_layer(cid))
    _add(menu, "inspect_layer", translate("CanvasMenus", "Layer settings…"), lambda: scene.inspect_layer(cid))
    menu.addSeparator()
    _add(menu, "insert_before", translate("CanvasMenus", "Insert layer before"),
         lambda: act.insert_layer_next_to(cid, after=False))
    if column < n - 1:
        _add(menu, "insert_after", translate("CanvasMenus", "Insert layer after"),
             lambda: act.insert_layer_next_to(cid, after=True))
        menu.addSeparator()
        _add(menu, "remove_layer", translate("CanvasMenus", "Remove layer"), lambda: act.remove_layer(cid))
    return menu


def edge_menu(scene, key: tuple[int, int, int]) -> QMenu:
    doc, act = scene.doc, scene.actions
    column, i, j = key
    net = doc.network
    removed = bool(net.removed[column - 1][i, j])
    frozen = bool(net.frozen_w[column - 1][i, j])
    menu = QMenu()
    if removed:
        _add(menu, "restore_connection", translate("CanvasMenus", "Restore connection"),
             lambda: act.set_edge_removed(key, False))
    else:
        _add(menu, "remove_connection", translate("CanvasMenus", "Remove connection"),
             lambda: act.set_edge_removed(key, True))
    if frozen:
        _add(menu, "unfreeze_weight", translate("CanvasMenus", "Unfreeze weight"),
             lambda: act.set_edge_frozen(key, False))
    else:
        _add(menu, "freeze_weight", translate("CanvasMenus", "Freeze weight"), lambda: act.set_edge_frozen(key, True))
    menu.addSeparator()
    _add(menu, "set_weight", translate("CanvasMenus", "Set weight…"), lambda: scene.inspect_edge(key))
    return menu


def canvas_menu(scene, pos: QPointF) -> QMenu:
    act = scene.actions
    menu = QMenu()
    _add(menu, "add_layer_here", translate("CanvasMenus", "Add layer here"), lambda: act.add_layer_at(pos.x(), 2))
    _add(menu, "add_input", translate("CanvasMenus", "Add input feature"), lambda: act.add_feature(),
         enabled=act.next_feature() is not None)
    menu.addSeparator()
    _add(menu, "auto_layout", translate("CanvasMenus", "Auto layout"), act.auto_layout)
    views = scene.views()
    if views and hasattr(views[0], "fit"):
        _add(menu, "fit", translate("CanvasMenus", "Fit to window\tCtrl+0"), views[0].fit)
    return menu


def menu_at(scene, pos: QPointF) -> QMenu | None:
    """The context menu for whatever is at ``pos`` (selecting it first, as users expect)."""
    item = scene.item_at(pos)
    if isinstance(item, NeuronItem):
        if not item.isSelected():
            scene.select_unit(item.uid)
        return neuron_menu(scene, item.uid)
    if isinstance(item, RoundButton):
        item = item.parentItem()
    if isinstance(item, LayerItem):
        scene.select_layer(item.cid)
        return layer_menu(scene, item.cid)
    k = scene.edge_at(pos)
    if k is not None:
        key = scene.edges.key(k)
        scene.select_edge(key)
        return edge_menu(scene, key)
    lane = scene.lane_at(pos)
    if lane is not None:
        scene.select_layer(lane.cid)
        return layer_menu(scene, lane.cid)
    return canvas_menu(scene, pos)
