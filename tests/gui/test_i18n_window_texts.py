"""The main window, the top bar, the status bar, the file and export commands and the
undo texts show every string through Qt's translator.

A pseudo-translator wraps every Neurona string in ⟦…⟧ (Qt's own contexts are left alone);
a visible text of these parts without the brackets was never translated.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QMenu

from gui.toolbar import ShortFaceComboBox, speed_label, speed_short_label, speed_tip
from gui.training.worker import FASTEST, SPEEDS

OPEN, CLOSE = "⟦", "⟧"


class PseudoTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 (Qt override)
        if not source or context.startswith("Q"):
            return ""  # no translation: Qt's own texts stay as they are
        return OPEN + source + CLOSE

    def isEmpty(self):  # noqa: N802 (Qt override)
        return False


@pytest.fixture
def pseudo(qapp):
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def pseudo_window(pseudo, window_tools):
    open_window, close_window = window_tools
    window, ws = open_window()
    yield window, ws
    close_window(window, ws)


def translated(text: str) -> bool:
    return OPEN in text and CLOSE in text


#: the window's own actions (object names without "action_"); other modules add theirs
OWN_ACTIONS = [
    "new", "open", "save", "save_as", "export_window_png", "quit", "undo", "redo", "delete",
    "zoom_in", "zoom_out", "fit", "restore_layout", "play", "step", "step_batch", "reset",
    "reset_new_seed", "shortcuts", "about", "export_network", "export_region", "export_loss",
    "export_code_numpy", "export_code_keras", "export_code_pytorch",
    *(f"speed_{level}" for level in range(len(SPEEDS))),
    "toggle_dataDock", "toggle_featuresDock", "toggle_outputDock",
]


def test_menus_and_actions_are_translated(pseudo_window):
    window, ws = pseudo_window
    untranslated = []
    for name in OWN_ACTIONS:
        action = window.find_action(name)
        texts = [action.text()]
        if action.statusTip():
            texts.append(action.statusTip())
        untranslated += [(name, t) for t in texts if not translated(t)]
    menus = [*window.menus(), window.export_menu, window.panels_menu, window.speed_menu,
             ws.files.recent_menu, ws.files.examples_menu, window.findChild(QMenu, "menu_export_code")]
    untranslated += [("menu", m.title()) for m in menus if not translated(m.title())]
    ws.files._fill_recent_menu()
    clear = next(a for a in ws.files.recent_menu.actions() if a.objectName() == "action_clear_recent")
    untranslated += [("recent", clear.text())] if not translated(clear.text()) else []
    assert not untranslated
    # the speed table is translated where it is shown, in the menu as in the top bar
    assert window.find_action("speed_0").text() == OPEN + SPEEDS[0][0] + CLOSE


def test_top_bar_is_translated(pseudo_window):
    window, _ws = pseudo_window
    tb = window.toolbar
    untranslated = []
    for box in [tb._epoch_box, *tb._controls, tb._speed_box]:
        caption = box.caption.text()
        if not translated(caption):
            untranslated.append(caption)
        tip = box.widget.toolTip()
        if tip and not translated(tip):
            untranslated.append(tip)
    for combo in (tb.optimizer_combo, tb.loss_combo, tb.regularization_combo, tb.speed_combo):
        for i in range(combo.count()):
            for text in (combo.itemText(i), combo.itemData(i, Qt.ItemDataRole.ToolTipRole)):
                if not translated(text):
                    untranslated.append(text)
    for i in range(tb.speed_combo.count()):
        short = tb.speed_combo.itemData(i, ShortFaceComboBox.SHORT_ROLE)
        if not translated(short):
            untranslated.append(short)
    for button in (tb.reset_button, tb.play_button, tb.step_button, tb.step_batch_button):
        for text in (button.toolTip(), button.accessibleName()):
            if not translated(text):
                untranslated.append(text)
    assert not untranslated
    # a bad rate: the message in the field's tooltip is translated too
    combo = tb.learning_rate_combo
    combo.setEditText("abc")
    combo._commit_text()
    assert combo.error() and translated(combo.error()) and translated(combo.toolTip())


def test_status_bar_title_docks_and_undo_texts_are_translated(pseudo_window):
    window, ws = pseudo_window
    assert translated(window.metrics_label.text())
    assert translated(window.windowTitle())  # "Untitled"
    for dock in (window.data_dock, window.features_dock, window.output_dock):
        assert translated(dock.windowTitle())
    bar = ws.stop_after
    bar.check.setChecked(True)
    bar.show_progress(5, 10)
    assert translated(bar.check.text()) and translated(bar.spin.suffix()) and translated(bar.progress.format())
    bar.run_stopped("stop_after")
    assert translated(bar.progress.format())

    errors = []
    ws.editor.error.connect(errors.append)
    assert ws.editor.add_layer()
    assert translated(window.undo_stack.undoText())  # Edit › Undo "Add layer"
    assert not ws.editor.remove_layer(ws.doc.column_ids[-1])  # the output layer stays
    assert errors and translated(errors[-1])


def test_speed_texts_in_english():
    assert [speed_label(level) for level in range(len(SPEEDS))] == [label for label, _ in SPEEDS]
    assert speed_short_label(0) == "1/frame" and speed_short_label(FASTEST) == "Fastest"
    assert "watch every step" in speed_tip(0)
    assert speed_tip(2).startswith("Train 10 epochs,") and "machine allows" in speed_tip(FASTEST)
