"""Languages: choosing one, installing its translations, switching without losing anything."""

from __future__ import annotations

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings

from gui import i18n
from gui.i18n import install_language, normalize_language, preferred_language

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _dock_layout(window):
    from PySide6.QtWidgets import QDockWidget

    return {d.objectName(): (d.isVisible(), d.isFloating(), window.dockWidgetArea(d))
            for d in window.findChildren(QDockWidget)}


@pytest.fixture
def english_afterwards(qapp):
    yield
    install_language("en")
    QSettings().remove(i18n.SETTINGS_KEY)


@pytest.mark.parametrize("code, expected", [
    ("es", "es"), ("es_AR", "es"), ("es-419", "es"), ("ES", "es"), ("en_GB", "en"),
    ("fr", None), ("", None), (None, None), ("e", None),
])
def test_language_codes_are_normalised(code, expected):
    assert normalize_language(code) == expected


def test_preferred_language_order(qapp, monkeypatch, english_afterwards):
    monkeypatch.setattr(i18n, "system_language", lambda: "es")
    monkeypatch.delenv("NEURONA_LANGUAGE", raising=False)
    assert preferred_language() == "es"  # the system's
    i18n.save_language("en")
    assert preferred_language() == "en"  # the choice made in View › Language wins over it
    monkeypatch.setenv("NEURONA_LANGUAGE", "es_MX")
    assert preferred_language() == "es"  # the environment wins over the saved choice
    assert preferred_language("en") == "en"  # and --lang over everything
    monkeypatch.setenv("NEURONA_LANGUAGE", "klingon")
    assert preferred_language() == "en"  # an unknown one is skipped


def test_installing_spanish_translates_ours_and_qts_own(qapp, english_afterwards):
    assert install_language("es") == "es"
    assert i18n.current_language() == "es"
    assert QCoreApplication.translate("LanguageMenu", "&Language") == "&Idioma"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # Qt's dialogs too
    assert install_language("en") == "en"
    assert QCoreApplication.translate("LanguageMenu", "&Language") == "&Language"
    assert install_language("xx") == "en"


def test_a_missing_translation_file_falls_back_to_english(qapp, monkeypatch, tmp_path, capfd, english_afterwards):
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    assert install_language("es") == "en"
    assert "no translation file for Español" in capfd.readouterr().err


def test_switching_language_keeps_the_document_history_file_and_epochs(
        window_tools, qtbot, tmp_path, english_afterwards):
    open_window, close_window = window_tools
    window, ws = open_window()
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    path = tmp_path / "net.neurona"
    assert ws.files.save_as(str(path))
    ws.editor.add_neuron(1)
    ws.editor.set_training(learning_rate=0.125)
    ws.controller.step_epoch()
    ws.controller.step_epoch()
    qtbot.waitUntil(lambda: ws.controller.last_snapshot is not None and ws.controller.last_snapshot.epoch == 2)
    doc, stack = ws.doc, window.undo_stack
    params, count, index = doc.network.params.copy(), stack.count(), stack.index()
    modified = ws.files.is_modified()
    layout = _dock_layout(window)
    history = len(ws.controller.history)
    old_controller = ws.controller

    new, new_ws = ws.language.choose("es")
    try:
        assert new is not window and not window.isVisible()
        assert new_ws.doc is doc and new.undo_stack is stack and new_ws.editor.stack is stack
        assert np.array_equal(doc.network.params, params)
        assert (stack.count(), stack.index()) == (count, index)
        assert new_ws.files.path == path and new_ws.files.is_modified() == modified
        assert new.isWindowModified() == modified and "net.neurona" in new.windowTitle()
        assert new_ws.files._base_epoch == 2
        assert len(new_ws.controller.history) == history
        assert not old_controller.thread.isRunning()
        qtbot.wait(50)  # the restored layout settles
        # (sizes may differ: Spanish words make some panels' minimum widths larger)
        assert _dock_layout(new) == layout
        assert new.file_menu.title() == "&Archivo"
        assert new_ws.language.actions["es"].isChecked()
        assert QSettings().value(i18n.SETTINGS_KEY) == "es"

        # the history still works, and edits made now undo in the new window
        units = len(doc.unit_ids[1])
        new.undo_action.trigger()
        assert len(doc.unit_ids[1]) == units  # undid the learning rate, not the neuron
        new.undo_action.trigger()
        assert len(doc.unit_ids[1]) == units - 1
        new.redo_action.trigger()
        assert len(doc.unit_ids[1]) == units

        back, back_ws = new_ws.language.choose("en")
        assert back.file_menu.title() == "&File" and back_ws.doc is doc
        assert back_ws.files._base_epoch == 2
        qtbot.waitUntil(lambda: not shiboken6.isValid(window))  # the old windows are deleted
    finally:
        last = back if "back" in locals() else new
        last_ws = back_ws if "back_ws" in locals() else new_ws
        close_window(last, last_ws)


def test_numbers_keep_the_decimal_point_in_spanish(qapp, english_afterwards):
    from PySide6.QtWidgets import QDoubleSpinBox

    install_language("es")
    box = QDoubleSpinBox()
    box.setDecimals(3)
    box.setValue(0.03)
    assert box.text() == "0.030"


def test_thousands_are_grouped_as_each_language_writes_them(qapp, english_afterwards):
    from gui.formatting import format_count

    assert format_count(1234567) == "1,234,567" and format_count(12, 7) == "000,012"
    install_language("es")
    # "1,000" reads as one in Spanish: a narrow no-break space groups the digits instead
    assert format_count(1234567) == "1\u202f234\u202f567" and format_count(12, 7) == "000\u202f012"
    assert format_count(999) == "999" and format_count(2.6) == "3"
    assert format_count(1000) == "1000" and format_count(12345) == "12\u202f345"


def _accelerators(menu) -> list[tuple[str, str]]:
    """(letter, text) of every entry of ``menu`` with an & accelerator."""
    import re

    out = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        match = re.search(r"&([^&\s])", action.text().replace("&&", ""))
        if match:
            out.append((match.group(1).lower(), action.text()))
    return out


@pytest.mark.parametrize("language", ["en", "es"])
def test_menu_accelerators_are_unique_in_each_language(window_tools, qtbot, language, english_afterwards):
    from collections import Counter

    install_language(language)
    open_window, close_window = window_tools
    window, ws = open_window()
    try:
        menus = [window.menuBar()]
        problems = []
        while menus:
            menu = menus.pop()
            entries = _accelerators(menu)
            clashes = [letter for letter, n in Counter(letter for letter, _ in entries).items() if n > 1]
            for letter in clashes:
                problems.append(f"{menu.title() or 'menu bar'}: &{letter} in "
                                + ", ".join(t for le, t in entries if le == letter))
            menus += [a.menu() for a in menu.actions() if a.menu() is not None]
        assert not problems, "\n".join(problems)
    finally:
        close_window(window, ws)


def test_numbers_are_grouped_only_through_format_count():
    """``f"{n:,}"`` writes 1,000 in Spanish too, where it reads as one."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "gui"
    found = [f"{p.relative_to(root.parent)}:{i}: {line.strip()}"
             for p in sorted(root.rglob("*.py")) if p.name != "formatting.py"
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\{[^{}]*:0?\d*,(\.\d+f)?\}", line)]
    assert not found, "\n".join(found)


def test_spanish_writes_the_sine_sen_wherever_a_feature_is_named(window_tools, qtbot, english_afterwards):
    """Spanish textbooks write sen x; the engine's (and the files') name stays sin_x1."""
    from gui.canvas.labels import feature_label

    assert feature_label("sin_x1") == "sin x₁" and feature_label("x1") == "x₁"
    install_language("es")
    assert (feature_label("sin_x1"), feature_label("sin_x2")) == ("sen x₁", "sen x₂")
    open_window, close_window = window_tools
    window, ws = open_window()
    try:
        assert ws.features_panel.toggles["sin_x1"].text() == "sen x₁"
        assert ws.features_panel.toggles["sin_x2"].text() == "sen x₂"
    finally:
        close_window(window, ws)
