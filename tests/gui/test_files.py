"""File commands in the window: open/save round trips, prompts, title, recent files, drops,
autosave and recovery, examples (gui/files.py). Dialogs are monkeypatched."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from engine.datasets import dataset_to_dict, generate
from engine.examples import list_examples
from engine.io import load_experiment
from gui import files as files_module
from gui.app import create_application
from gui.main_window import MainWindow
from gui.workspace import build_workspace

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "resources" / "examples"
B = QMessageBox.StandardButton

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


class Dialogs:
    """Stands in for QMessageBox and QFileDialog: records every call, answers from queues."""

    def __init__(self, monkeypatch):
        self.calls: list[tuple[str, str, str]] = []
        self.answers: list = []
        self.open_paths: list[str] = []
        self.save_paths: list[str] = []
        for kind in ("question", "warning", "information", "critical"):
            monkeypatch.setattr(QMessageBox, kind, staticmethod(self._box(kind)))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._open))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._save))

    def _box(self, kind):
        def box(parent, title, text, *args, **kwargs):
            self.calls.append((kind, title, text))
            if kind == "question":
                assert self.answers, f"unexpected question: {title}: {text}"
                return self.answers.pop(0)
            return B.Ok

        return box

    def _open(self, *args, **kwargs):
        self.calls.append(("open-dialog", "", ""))
        return (self.open_paths.pop(0) if self.open_paths else ""), ""

    def _save(self, *args, **kwargs):
        self.calls.append(("save-dialog", "", ""))
        return (self.save_paths.pop(0) if self.save_paths else ""), ""

    def kinds(self) -> list[str]:
        return [c[0] for c in self.calls]


@pytest.fixture
def dialogs(monkeypatch):
    return Dialogs(monkeypatch)


@pytest.fixture
def autosave_folder(tmp_path, monkeypatch):
    folder = tmp_path / "autosave"
    monkeypatch.setattr(files_module, "autosave_dir", lambda: folder)
    return folder


@pytest.fixture
def win(qapp, qtbot, dialogs, autosave_folder):
    create_application()
    window = MainWindow(persist_settings=False)
    ws = build_workspace(window)
    ws.files.clear_recent_files()
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window, ws
    # nothing left to ask about when the test's window closes
    ws.controller.pause()
    ws.files._weights_dirty = ws.files._forced_dirty = False
    window.undo_stack.setClean()
    ws.files.shutdown()
    window.close()  # closed here, before pytest-qt's own clean-up, with nothing to ask
    window.deleteLater()


def settle(qtbot, ms: int = 30) -> None:
    qtbot.wait(ms)


def params(ws) -> np.ndarray:
    return ws.doc.network.copy_params()


# --- title and modified mark --------------------------------------------------------------


def test_title_shows_untitled_then_the_file_name_and_the_modified_mark(win, tmp_path, qtbot):
    window, ws = win
    assert window.windowTitle() == "Untitled[*] — Neurona"
    assert not window.isWindowModified()
    assert ws.editor.add_neuron(1)
    assert window.isWindowModified() and ws.files.is_modified()
    window.undo_stack.undo()
    assert not window.isWindowModified()
    ws.editor.add_neuron(1)
    assert ws.files.save_as(tmp_path / "lesson")  # no suffix: .neurona is added
    assert (tmp_path / "lesson.neurona").is_file()
    assert window.windowTitle() == "lesson.neurona[*] — Neurona"
    assert not window.isWindowModified()
    window.undo_stack.undo()  # undoing past the save point is a change again
    assert window.isWindowModified()


def test_training_and_reset_mark_the_document_modified(win, qtbot):
    window, ws = win
    ws.controller.step_epoch()
    qtbot.waitUntil(lambda: window.isWindowModified(), timeout=10000)
    ws.files._mark_clean()
    window.toolbar.reset_requested.emit()
    assert window.isWindowModified()


# --- save and open -------------------------------------------------------------------------


def test_open_save_round_trip_keeps_weights_settings_data_positions_and_view(win, dialogs, tmp_path, qtbot):
    window, ws = win
    doc, editor = ws.doc, ws.editor
    assert editor.add_neuron(1)
    assert editor.set_weight(1, 0, 2, 1.2345678901234)
    assert editor.set_bias(2, 1, -0.5)
    assert editor.set_training(learning_rate=0.1, batch_size=4)
    assert editor.set_data(generate("spiral", noise=0.1, seed=3))
    uid = doc.unit_ids[2][0]
    old = doc.positions()
    editor.move_items(old, ({doc.column_ids[2]: 444.0}, {uid: -77.0}))
    view = ws.canvas.view
    view.zoom_in()
    view.centerOn(QPointF(123.0, 45.0))
    settle(qtbot)
    saved_view = ws.files.view_dict()
    assert saved_view is not None

    before = {
        "params": params(ws), "training": doc.training.to_dict(), "data": dataset_to_dict(doc.dataset),
        "layout": doc.layout_dict(), "sizes": doc.network.sizes,
    }
    path = tmp_path / "round.neurona"
    dialogs.save_paths.append(str(path))
    window.save_as_action.trigger()
    assert path.is_file() and not window.isWindowModified()
    first_bytes = path.read_bytes()

    window.new_action.trigger()  # clean: no question
    assert doc.network.sizes != before["sizes"]
    assert ws.files.path is None and window.windowTitle().startswith("Untitled")

    dialogs.open_paths.append(str(path))
    window.open_action.trigger()
    settle(qtbot)
    assert ws.files.path == path.resolve()
    assert doc.network.sizes == before["sizes"]
    np.testing.assert_array_equal(params(ws), before["params"])
    assert doc.training.to_dict() == before["training"]
    assert dataset_to_dict(doc.dataset) == before["data"]
    assert doc.layout_dict() == before["layout"]
    assert ws.files.view_dict()["zoom"] == pytest.approx(saved_view["zoom"])
    assert ws.files.view_dict()["center"] == pytest.approx(saved_view["center"], abs=1.0)
    assert not window.isWindowModified() and window.undo_stack.count() == 0
    assert "question" not in dialogs.kinds() and "warning" not in dialogs.kinds()

    window.save_action.trigger()  # save again unchanged: the same bytes
    assert path.read_bytes() == first_bytes


def test_save_after_training_writes_the_trained_weights_and_epoch(win, tmp_path, qtbot):
    window, ws = win
    for _ in range(3):
        ws.controller.step_epoch()
    qtbot.waitUntil(lambda: ws.controller.last_snapshot is not None and ws.controller.last_snapshot.epoch == 3,
                    timeout=3000)
    ws.controller.play()
    qtbot.wait(100)
    path = tmp_path / "trained.neurona"
    assert ws.files.save_as(path)
    assert ws.controller.is_playing()  # training goes on after Save
    ws.controller.pause()
    exp = load_experiment(path)
    assert exp.state["epoch"] >= 3
    assert exp.state["train_loss"] is not None
    # the file holds weights the document had at the moment of saving: reload them
    doc_params = exp.network.copy_params()
    assert doc_params.shape == params(ws).shape and np.all(np.isfinite(doc_params))


def test_meta_keeps_other_languages_and_replaces_the_current_one(win, tmp_path):
    window, ws = win
    example = EXAMPLES / "07-xor-backprop.neurona"
    assert ws.files.open_path(example)
    ws.doc.set_meta(title="My XOR")
    out = tmp_path / "meta.neurona"
    assert ws.files.save_as(out)
    meta = json.loads(out.read_text())["meta"]
    original = json.loads(example.read_text())["meta"]
    assert meta["title"] == {**original["title"], "en": "My XOR"}
    assert meta["description"] == original["description"] and meta["lesson"] == original["lesson"]


def test_a_malformed_file_gives_one_message_and_changes_nothing(win, dialogs, tmp_path):
    window, ws = win
    ws.editor.add_neuron(1)
    before_params, before_sizes = params(ws), ws.doc.network.sizes
    bad = tmp_path / "broken.neurona"
    good = json.loads((EXAMPLES / "07-xor-backprop.neurona").read_text())
    good["network"]["weights"][0][0] = [1.0]  # the wrong shape
    for text in ("{not json", json.dumps(good)):
        bad.write_text(text)
        dialogs.calls.clear()
        assert not ws.files.open_path(bad)
        assert dialogs.kinds() == ["warning"]
        assert "broken.neurona" in dialogs.calls[0][2]
        assert ws.doc.network.sizes == before_sizes
        np.testing.assert_array_equal(params(ws), before_params)
        assert ws.files.path is None and window.isWindowModified() and window.undo_stack.count() == 1
    assert "weights" in dialogs.calls[0][2]  # names the place of the problem


def test_a_failed_save_says_why_and_keeps_the_document_modified(win, dialogs, tmp_path):
    window, ws = win
    ws.editor.add_neuron(1)
    target = tmp_path / "no-such-folder" / "x.neurona"
    assert not ws.files.save_as(target)
    assert dialogs.kinds() == ["warning"]
    assert "x.neurona" in dialogs.calls[0][2] and "No such file" in dialogs.calls[0][2]
    assert window.isWindowModified() and ws.files.path is None


def test_save_of_an_untitled_document_asks_for_a_name(win, dialogs, tmp_path):
    window, ws = win
    ws.editor.add_neuron(1)
    dialogs.save_paths.append("")  # Cancel in the dialog
    window.save_action.trigger()
    assert dialogs.kinds() == ["save-dialog"] and window.isWindowModified()
    dialogs.save_paths.append(str(tmp_path / "named.neurona"))
    window.save_action.trigger()
    assert (tmp_path / "named.neurona").is_file() and not window.isWindowModified()


# --- unsaved changes -------------------------------------------------------------------------


def test_new_asks_before_dropping_changes(win, dialogs, tmp_path):
    window, ws = win
    ws.editor.add_neuron(1)
    sizes = ws.doc.network.sizes
    dialogs.answers.append(B.Cancel)
    window.new_action.trigger()
    assert ws.doc.network.sizes == sizes and window.isWindowModified()
    dialogs.answers.append(B.Discard)
    window.new_action.trigger()
    assert ws.doc.network.sizes == [2, 4, 2, 1] and not window.isWindowModified()
    ws.editor.add_neuron(1)
    dialogs.answers.append(B.Save)
    dialogs.save_paths.append(str(tmp_path / "kept.neurona"))
    window.new_action.trigger()
    assert load_experiment(tmp_path / "kept.neurona").network.sizes == sizes
    assert ws.doc.network.sizes == [2, 4, 2, 1]
    assert dialogs.kinds() == ["question", "question", "question", "save-dialog"]


def test_open_asks_before_dropping_changes(win, dialogs):
    window, ws = win
    ws.editor.add_neuron(1)
    sizes = ws.doc.network.sizes
    example = EXAMPLES / "06-xor-by-hand.neurona"
    dialogs.answers.append(B.Cancel)
    assert not ws.files.open_path(example)
    assert ws.doc.network.sizes == sizes and window.isWindowModified()
    dialogs.answers.append(B.Discard)
    assert ws.files.open_path(example)
    assert ws.doc.network.sizes == [2, 2, 1] and not window.isWindowModified()


def test_close_asks_cancel_keeps_the_window_save_saves(win, dialogs, tmp_path, qtbot):
    window, ws = win
    ws.editor.add_neuron(1)
    dialogs.answers.append(B.Cancel)
    assert not window.close()
    assert window.isVisible() and window.isWindowModified()
    path = tmp_path / "on-close.neurona"
    dialogs.answers.append(B.Save)
    dialogs.save_paths.append(str(path))
    assert window.close()
    assert path.is_file() and not window.isVisible()


def test_close_discard_closes_without_saving(win, dialogs, autosave_folder):
    window, ws = win
    ws.editor.add_neuron(1)
    assert ws.files.autosave_now() is not None
    dialogs.answers.append(B.Discard)
    assert window.close()
    assert not list(autosave_folder.glob("*.neurona"))  # a deliberate discard leaves nothing


# --- recent files and drops ------------------------------------------------------------------


def test_recent_files_newest_first_at_most_eight_and_missing_ones_go(win, dialogs, tmp_path):
    window, ws = win
    files = ws.files
    paths = []
    for k in range(10):
        p = tmp_path / f"net{k}.neurona"
        assert files.save_as(p)
        paths.append(str(p.resolve()))
    assert files.recent_files() == paths[::-1][: files_module.MAX_RECENT]
    menu = files.recent_menu
    menu.aboutToShow.emit()
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert labels[0].endswith("net9.neurona") and labels[-1] == "&Clear Recent Files"
    Path(paths[8]).unlink()
    missing = next(a for a in menu.actions() if a.toolTip() == paths[8])
    missing.trigger()
    assert dialogs.kinds() == ["information"]
    assert paths[8] not in files.recent_files()
    next(a for a in menu.actions() if a.toolTip() == paths[5]).trigger()
    assert files.path == Path(paths[5]) and files.recent_files()[0] == paths[5]


def test_dropping_a_network_file_on_the_window_opens_it(win, qtbot):
    window, ws = win
    example = (EXAMPLES / "10-blobs-softmax.neurona").resolve()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(example))])
    pos = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: ws.files.path == example, timeout=2000)
    assert ws.doc.network.sizes[-1] == load_experiment(example).network.sizes[-1]
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(REPO / "README.md"))])
    refused = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, other, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    refused.ignore()
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()


def test_open_requested_from_the_command_line_opens_the_file(win, qtbot):
    window, ws = win
    example = EXAMPLES / "02-or.neurona"
    window.open_requested.emit(str(example))
    assert ws.files.path == example.resolve()
    assert window.windowTitle() == "02-or.neurona[*] — Neurona"


# --- autosave and recovery -------------------------------------------------------------------


def test_autosave_writes_while_modified_and_a_clean_save_removes_it(win, autosave_folder, tmp_path):
    window, ws = win
    files = ws.files
    assert files.autosave_timer.interval() == 60_000 and files.autosave_timer.isActive()
    assert files.autosave_now() is None  # nothing to save
    ws.editor.add_neuron(1)
    files.autosave_timer.timeout.emit()  # the timer's slot, without waiting a minute
    written = files.autosave_path()
    assert written.parent == autosave_folder and written.is_file()
    exp = load_experiment(written)
    assert exp.network.sizes == ws.doc.network.sizes
    assert exp.extra["autosave"]["original"] is None
    assert files.save_as(tmp_path / "clean.neurona")
    assert not written.exists()


def _crashed_autosave(folder: Path, original: str | None, sizes_from: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = json.loads(sizes_from.read_text())
    doc["autosave"] = {"original": original, "saved": "2026-01-02T03:04:05+00:00"}
    path = folder / "12345-deadbeef.neurona"
    path.write_text(json.dumps(doc))
    return path


def test_recovery_offers_an_autosave_of_a_crashed_session(win, dialogs, autosave_folder, tmp_path):
    window, ws = win
    original = tmp_path / "lesson.neurona"
    orphan = _crashed_autosave(autosave_folder, str(original), EXAMPLES / "09-spiral-deep.neurona")
    dialogs.answers.append(B.Yes)
    assert ws.files.offer_recovery()
    assert dialogs.kinds() == ["question"] and "lesson.neurona" in dialogs.calls[0][2]
    assert ws.doc.network.sizes == load_experiment(EXAMPLES / "09-spiral-deep.neurona").network.sizes
    assert window.isWindowModified() and ws.files.path == original
    assert window.windowTitle() == "lesson.neurona[*] — Neurona"
    assert not orphan.exists()
    assert "autosave" not in ws.files.experiment().extra  # not written into the user's file


def test_recovery_discard_deletes_and_ignore_keeps(win, dialogs, autosave_folder):
    window, ws = win
    orphan = _crashed_autosave(autosave_folder, None, EXAMPLES / "02-or.neurona")
    dialogs.answers.append(B.Ignore)
    assert not ws.files.offer_recovery()
    assert orphan.exists() and not window.isWindowModified()
    dialogs.answers.append(B.Discard)
    assert not ws.files.offer_recovery()
    assert not orphan.exists()
    assert not ws.files.offer_recovery()  # nothing left to offer: no question


def test_a_live_sessions_autosave_is_not_offered(win, dialogs, autosave_folder):
    window, ws = win
    ws.editor.add_neuron(1)
    assert ws.files.autosave_now() is not None  # this session holds its lock
    assert ws.files.orphaned_autosaves() == []


# --- examples --------------------------------------------------------------------------------


def test_every_example_opens_from_the_menu_untitled_with_its_description(win, dialogs, qtbot, tmp_path):
    window, ws = win
    examples = list_examples()
    actions = ws.files.example_actions()
    assert len(actions) == len(examples) >= 12
    assert all(a in ws.files.examples_menu.actions() for a in actions)
    for info, action in zip(examples, actions):
        assert info.title_in("en") in action.text()
        action.trigger()
        settle(qtbot, 10)
        exp = info.load()
        assert ws.doc.network.sizes == exp.network.sizes, info.file
        np.testing.assert_array_equal(params(ws), exp.network.copy_params())
        assert ws.files.path is None and not window.isWindowModified()
        assert window.windowTitle() == "Untitled[*] — Neurona"
        bar = window.description_bar
        assert bar.isVisible() and info.description_in("en").split()[0] in bar.text()
        assert ws.controller.problem_text is None, info.file  # ready to press Play
    dialogs.save_paths.append(str(tmp_path / "copy.neurona"))
    window.save_action.trigger()  # an example is a copy: Save asks for a name
    assert dialogs.kinds() == ["save-dialog"] and (tmp_path / "copy.neurona").is_file()


def test_new_clears_the_description(win):
    window, ws = win
    ws.files.example_actions()[0].trigger()
    assert window.description_bar.isVisible()
    window.new_action.trigger()
    assert not window.description_bar.isVisible() and ws.doc.title == ""


# --- the command line ------------------------------------------------------------------------


def test_screenshot_shows_the_file_named_on_the_command_line(tmp_path):
    out = tmp_path / "ex.png"
    result = subprocess.run(
        [sys.executable, "main.py", "--screenshot", str(out), "--size", "1200x800",
         str(EXAMPLES / "06-xor-by-hand.neurona")],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).size().width() == 1200
    bad = tmp_path / "bad.neurona"
    bad.write_text("[]")
    result = subprocess.run([sys.executable, "main.py", "--screenshot", str(out), str(bad)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "bad.neurona" in result.stderr
