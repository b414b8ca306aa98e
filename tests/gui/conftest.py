"""Shared fixtures for tests of the assembled window."""

from __future__ import annotations

import gc

import pytest

from gui import files as files_module
from gui.main_window import MainWindow
from gui.workspace import build_workspace


def open_assembled(tmp_path, monkeypatch):
    """A MainWindow with its workspace; autosaves go to a temporary folder."""
    monkeypatch.setattr(files_module, "autosave_dir", lambda: tmp_path / "autosave")
    window = MainWindow(persist_settings=False)
    return window, build_workspace(window)


def close_assembled(window, ws) -> None:
    """Close with nothing left to ask about (no unsaved-changes prompt, no thread running)."""
    ws.controller.pause()
    window.undo_stack.setClean()
    ws.files._weights_dirty = ws.files._forced_dirty = False
    ws.files.shutdown()
    window.close()
    window.deleteLater()


@pytest.fixture
def assembled(qapp, tmp_path, monkeypatch):
    window, ws = open_assembled(tmp_path, monkeypatch)
    yield window, ws
    close_assembled(window, ws)


@pytest.fixture
def window_tools(tmp_path, monkeypatch):
    """(open, close) for tests that set up the assembled window their own way."""
    return (lambda: open_assembled(tmp_path, monkeypatch)), close_assembled


@pytest.fixture(scope="session", autouse=True)
def garbage_collected_in_the_main_thread():
    """As in the app (gui/gc_main_thread.py): no automatic collection, which could run in
    a training thread and deadlock with the GUI thread deleting a collected window's Qt
    objects; the main thread collects after every test instead."""
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test(garbage_collected_in_the_main_thread):
    yield
    from gui.gc_main_thread import collect_due

    collect_due()
