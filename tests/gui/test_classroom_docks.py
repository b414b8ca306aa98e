"""The LESSONS and ACTIVATION FUNCTIONS docks in the assembled window."""

from __future__ import annotations




def test_lesson_steps_load_their_networks_without_asking(assembled, monkeypatch):
    window, ws = assembled
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    lessons = ws.classroom.lessons
    lessons.set_lesson("02-and-gate", 0)
    lessons.enter_step(reload=True)
    assert ws.doc.network.layers[-1].name == "step"
    ws.editor.set_weight(1, 0, 0, 3.0)  # the class plays with it
    lessons.set_lesson("06-combining-neurons-xor", 0)
    lessons.enter_step(reload=True)
    assert ws.doc.network.sizes == [2, 2, 1]
    assert asked == []


def test_lesson_settings_are_undoable(assembled):
    window, ws = assembled
    lessons = ws.classroom.lessons
    lessons.apply_settings.emit({"batch_size": 1})
    assert ws.doc.training.batch_size == 1
    window.undo_stack.undo()
    assert ws.doc.training.batch_size == 10


def test_choosing_an_activation_applies_it_to_the_selected_layer(assembled):
    window, ws = assembled
    viewer = ws.classroom.viewer
    viewer.activation_chosen.emit("relu")  # nothing selected: only a hint
    assert ws.doc.network.layers[0].name == "tanh"
    item = next(i for i in ws.canvas.scene.items() if getattr(i, "uid", None) == ws.doc.unit_ids[1][0])
    item.setSelected(True)
    viewer.activation_chosen.emit("relu")
    assert ws.doc.network.layers[0].name == "relu"


def test_docks_are_in_the_view_menu(assembled):
    window, ws = assembled
    texts = [a.text() for a in window.panels_menu.actions()]
    assert "LESSONS" in texts and "ACTIVATION FUNCTIONS" in texts
    assert not ws.classroom.lessons_dock.isVisible()
