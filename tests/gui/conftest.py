"""Shared fixtures for tests of the assembled window."""

from __future__ import annotations

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
