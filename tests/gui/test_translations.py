"""Every visible string has a Spanish translation (issue #6).

Two checks that together leave no string out:

* **static** — ``pyside6-lupdate`` run over ``gui/`` finds no text that the committed
  ``resources/translations/neurona_es.ts`` lacks or leaves unfinished, and the committed
  ``neurona_es.qm`` is what ``pyside6-lrelease`` makes of that ``.ts``;
* **pseudo-translation** — with a translator that wraps every translated text in ⟦ ⟧, the
  window, its menus, panels, the classroom docks, the windows of "seeing inside training",
  the canvas and its hover texts, and the dialogs are walked: a word outside ⟦ ⟧ was never
  passed to ``translate()`` (so lupdate cannot have found it either). Words that are the
  same in every language (names such as ReLU or Adam, file names) and texts that come
  translated from data files (the lessons, the examples' titles) are allowed.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QAbstractSpinBox,
    QTabBar,
    QWidget,
)

from gui import i18n

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _tools():
    spec = importlib.util.spec_from_file_location("neurona_translations_tool", ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ static
def test_every_text_in_the_code_has_a_finished_spanish_translation():
    problems = _tools().problems("es")
    assert not problems, "\n".join(problems[:60]) + f"\n… {len(problems)} in all"


def test_every_translated_literal_names_its_context_literally():
    """lupdate only finds ``translate("Context", "text")``: a context held in a variable
    hides the text from it (and so from the .ts), and the pseudo-translation walk below
    cannot tell, because its translator wraps texts of every context."""
    import ast

    hidden = []
    for path in sorted((ROOT / "gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in ("translate", "QT_TRANSLATE_NOOP"):
                continue
            literal_text = isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
            if literal_text and not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert not hidden, "\n".join(hidden)


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    tools = _tools()
    fresh = tmp_path / "fresh.qm"
    tools.run_lrelease(tools.ts_path("es"), fresh)
    assert fresh.read_bytes() == tools.qm_path("es").read_bytes(), (
        "resources/translations/neurona_es.qm is out of date: run python tools/translations.py release")


# ------------------------------------------------------------------ pseudo-translation
class Pseudo(QTranslator):
    """Translates every text into ⟦text⟧."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return f"⟦{source}⟧" if source else source

    def isEmpty(self):  # noqa: N802 (Qt override)
        return False


#: words outside ⟦ ⟧ that are right in every language
SAME_IN_EVERY_LANGUAGE = {
    # names
    "Neurona", "neurona", "Playground", "TensorFlow", "NumPy", "Keras", "PyTorch", "Python", "McCulloch", "Pitts",
    "Rosenblatt", "Okabe", "Ito",
    # activations and optimizers by their published names
    "ReLU", "ELU", "SELU", "GELU", "SiLU", "tanh", "Tanh", "Maxout", "maxout", "softmax", "Softmax", "softplus",
    "Softplus", "SGD", "GD", "Adam", "AdamW", "Adamax", "NAdam", "Nadam", "Adagrad", "AdaGrad", "AdaDelta",
    "Adadelta", "RMSprop", "Nesterov", "Momentum",
    # symbols and units
    "sin", "cos", "exp", "log", "ln", "max", "min", "sign", "lr", "px", "ms", "fps", "MSE", "BCE", "CCE",
    "XOR", "AND", "OR", "NAND", "NOR", "XNOR", "NOT", "L1", "L2", "PNG", "SVG", "CSV", "JSON", "UTF",
    # keys (Qt's own names, shown beside menu entries)
    "Ctrl", "Shift", "Alt", "Meta", "Esc", "Space", "PgUp", "PgDown", "Del", "Ins", "Home", "End", "Tab",
    "Return", "Enter", "Backspace", "Left", "Right", "Up", "Down",
    # each language by its own name (View › Language)
    "English", "Español",
}
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]{2,}")
INNER = re.compile(r"⟦[^⟦⟧]*⟧")
TAG = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")


def _data_texts() -> list[str]:
    """Texts that come translated from data files: the lessons and the examples."""
    texts = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("es", "en") and isinstance(item, str):
                    texts.append(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in [ROOT / "resources" / "examples" / "index.json",
                 *sorted((ROOT / "resources" / "lessons").glob("*.json"))]:
        walk(json.loads(path.read_text(encoding="utf-8")))
    return sorted({t.strip() for t in texts if t.strip()}, key=len, reverse=True)


def untranslated_words(text: str, data_texts=()) -> list[str]:
    t = TAG.sub(" ", text or "").replace("&&", "&").replace("&", "")
    for data in data_texts:
        if data in t:
            t = t.replace(data, " ")
    previous = None
    while previous != t:
        previous, t = t, INNER.sub(" ", t)
    t = t.replace("⟦", " ").replace("⟧", " ")
    return [w for w in WORD.findall(t) if w not in SAME_IN_EVERY_LANGUAGE]


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can see in ``root`` and its children."""
    found: list[tuple[str, str]] = []

    def add(where, text):
        if text:
            found.append((where, str(text)))

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}#{w.objectName()}"
        if w.isWindow():
            add(name + ".windowTitle", w.windowTitle())
        add(name + ".toolTip", w.toolTip())
        add(name + ".whatsThis", w.whatsThis())
        if isinstance(w, QLabel):
            add(name + ".text", w.text())
        elif isinstance(w, QAbstractButton):
            add(name + ".text", w.text())
        elif isinstance(w, QGroupBox):
            add(name + ".title", w.title())
        elif isinstance(w, QDockWidget):
            add(name + ".windowTitle", w.windowTitle())
        elif isinstance(w, QLineEdit):
            add(name + ".placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{name}[{i}]", w.itemText(i))
                add(f"{name}[{i}].toolTip", w.itemData(i, Qt.ItemDataRole.ToolTipRole))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(f"{name}.tab[{i}]", w.tabText(i))
                add(f"{name}.tab[{i}].toolTip", w.tabToolTip(i))
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                add(f"{name}[{i}]", w.item(i).text())
                add(f"{name}[{i}].toolTip", w.item(i).toolTip())
        elif isinstance(w, QAbstractSpinBox):
            for attr in ("prefix", "suffix", "specialValueText"):
                if hasattr(w, attr):
                    add(f"{name}.{attr}", getattr(w, attr)())
        if isinstance(w, QMenu):
            add(name + ".title", w.title())
        for action in w.actions():
            where = f"{name}>action#{action.objectName() or action.text()}"
            if action.isSeparator():
                continue
            add(where + ".text", action.text())
            if action.toolTip() != action.text().replace("&", ""):
                add(where + ".toolTip", action.toolTip())
            add(where + ".statusTip", action.statusTip())
            add(where + ".whatsThis", action.whatsThis())
            if action.menu() is not None:
                add(where + ".menu", action.menu().title())
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                where = f"{name}>scene>{type(item).__name__}"
                if isinstance(item, QGraphicsTextItem):
                    add(where + ".text", item.toPlainText())
                elif isinstance(item, QGraphicsSimpleTextItem):
                    add(where + ".text", item.text())
                add(where + ".toolTip", item.toolTip())
    return found


def offenders(texts, data_texts) -> list[str]:
    out = []
    for where, text in texts:
        words = untranslated_words(text, data_texts)
        if words:
            out.append(f"{where}: {text!r}  (untranslated: {', '.join(sorted(set(words)))})")
    return sorted(set(out))


def test_the_pseudo_check_sees_what_it_should():
    assert untranslated_words("⟦Save⟧") == []
    assert untranslated_words("⟦Epoch ⟦one⟧ of 3⟧  ·  ⟦Loss⟧ 0.25") == []
    assert untranslated_words("Save as…") == ["Save", "as"]
    assert untranslated_words("<b>⟦Noise⟧</b>: 5 %") == []
    assert untranslated_words("ReLU (x₁ · w)") == []
    assert untranslated_words("⟦Open⟧ net.neurona") == ["net"]


@pytest.fixture
def pseudo(qapp, monkeypatch):
    translator = Pseudo()
    QCoreApplication.instance().installTranslator(translator)
    monkeypatch.setattr(i18n, "_current", "es")  # data files give their Spanish texts
    yield translator
    QCoreApplication.instance().removeTranslator(translator)


def test_every_visible_string_of_the_window_is_translated(pseudo, window_tools, qtbot, monkeypatch, tmp_path):
    shown_messages: list[tuple[str, str]] = []

    def record(kind):
        def box(_parent, title, text, *args, **kwargs):
            shown_messages.append((f"QMessageBox.{kind}.title", title))
            shown_messages.append((f"QMessageBox.{kind}.text", text))
            return QMessageBox.StandardButton.Cancel
        return staticmethod(box)

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))

    def about(_parent, title, text):
        shown_messages.extend([("QMessageBox.about.title", title), ("QMessageBox.about.text", text)])

    monkeypatch.setattr(QMessageBox, "about", staticmethod(about))

    open_window, close_window = window_tools
    window, ws = open_window()
    try:
        window.resize(1600, 1000)
        window.show()
        qtbot.waitExposed(window)
        # the panels built on first use
        for dock in window.findChildren(QDockWidget):
            dock.show()
        _ = ws.classroom.lessons, ws.classroom.viewer
        qtbot.wait(50)
        # the inspector card of a selected neuron
        column = 1
        ws.canvas.select_unit(ws.doc.unit_ids[column][0]) if hasattr(ws.canvas, "select_unit") else None
        # a document with unsaved changes asks before New; a file that is not a network
        ws.editor.add_neuron(1)
        ws.files.new_document()
        bad = tmp_path / "notes.neurona"
        bad.write_text("not a network", encoding="utf-8")
        ws.files.open_path(bad)
        window.show_about()
        texts = widget_texts(window)
        for menu in window.menus():
            texts += widget_texts(menu)
        from gui.main_window import ShortcutsDialog

        texts += widget_texts(ShortcutsDialog(window.menus(), window))
        # seeing inside training: the step-through on the canvas, the timeline, the race
        ws.timeline.action.setChecked(True)
        ws.stepthrough.action.setChecked(True)
        qtbot.waitUntil(lambda: ws.stepthrough.overlay is not None and bool(ws.stepthrough.overlay.labels))
        for _ in range(len(ws.stepthrough.trace.phases())):
            texts += widget_texts(window)
            for label in ws.stepthrough.overlay.labels:
                texts += [("TraceOverlay.label", line) for line in label.lines]
                texts.append(("TraceOverlay.tooltip", label.tooltip))
            ws.stepthrough.next()
        ws.stepthrough.action.setChecked(False)
        ws.race.open()
        qtbot.waitUntil(lambda: ws.race.window is not None and ws.race.window.isVisible())
        texts += widget_texts(ws.race.window)
        ws.race.window.close()
        texts += shown_messages
        problems = offenders(texts, _data_texts())
        assert not problems, f"{len(problems)} untranslated:\n" + "\n".join(problems)
    finally:
        close_window(window, ws)
