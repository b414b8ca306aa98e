"""Guided lessons: every shipped lesson is valid and every step loads, in English and
Spanish; Next/Previous walk the whole course and emit what the window should do; a broken
lesson file is reported clearly and never stops the others; keys, words and layout."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QMainWindow

from engine.activations import ACTIVATION_NAMES
from engine.examples import EXAMPLES_DIR
from engine.io import FileFormatError, load_experiment
from engine.training import TrainingConfig
from gui.app import create_application
from gui.classroom import lessons as lessons_module
from gui.classroom.lessons import (
    LESSONS_DIR,
    UI,
    BrokenLesson,
    Lesson,
    LessonPanel,
    discover_lessons,
    load_lesson,
    render_markup,
)

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

SHIPPED = sorted(LESSONS_DIR.glob("*.json"))
LANGUAGES = ("en", "es")

#: The course, in order: a few words of each lesson's English title.
COURSE = [
    "artificial neuron", "AND gate", "OR and NAND", "perceptron learning rule", "XOR cannot",
    "Combining neurons", "backpropagation", "Activation functions", "Batch size", "Optimizers",
    "Overfitting",
]


@pytest.fixture(scope="module")
def themed_app(qapp):
    return create_application()


@pytest.fixture(scope="module")
def course() -> list[Lesson]:
    found = discover_lessons()
    assert all(lesson.ok for lesson in found), [lesson.error for lesson in found if not lesson.ok]
    return found


def make_panel(qtbot, **kwargs) -> LessonPanel:
    panel = LessonPanel(**kwargs)
    qtbot.addWidget(panel)
    panel.resize(420, 800)
    return panel


#: The Spanish of the panel's words these tests read, as the application's translation
#: carries it: the panel has no Spanish of its own, Qt's translator is the only source.
SPANISH_WORDS = {
    ("LessonPanel", "Lessons"): "Lecciones",
    ("LessonPanel", "⚠ {file} (cannot be used)"): "⚠ {file} (no se puede usar)",
    ("LessonPanel", "This lesson file cannot be used"): "Este archivo de lección no se puede usar",
    ("LessonPanel", "‹ Previous"): "‹ Anterior",
    ("LessonPanel", "Next ›"): "Siguiente ›",
    ("LessonPanel", "Lesson {number} ›"): "Lección {number} ›",
    ("LessonPanel", "Next lesson: {title} (Page Down)"): "Siguiente lección: {title} (Av Pág)",
    ("LessonPanel", "Previous step (Page Up)"): "Paso anterior (Re Pág)",
    ("LessonPanel", "Next step (Page Down)"): "Paso siguiente (Av Pág)",
    ("LessonPanel", "Network: {title}"): "Red: {title}",
    ("LessonPanel", "↺ Reload the network"): "↺ Recargar la red",
    ("LessonPanel", "Load the network"): "Cargar la red",
    ("LessonPanel", "Show f(x): {name}"): "Ver f(x): {name}",
    ("Activations", "Step"): "Escalón",
    ("Activations", "Sigmoid"): "Sigmoide",
}


class _TableTranslator(QTranslator):
    """A translator from a {(context, source): translation} table (a stand-in for the .qm)."""

    def __init__(self, table):
        super().__init__()
        self.table = table

    def isEmpty(self):  # noqa: N802 (Qt override: an empty translator is skipped)
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.table.get((context, source))


@pytest.fixture
def spanish(themed_app):
    """Qt's translator speaks Spanish, as after ``--lang es``."""
    translator = _TableTranslator(SPANISH_WORDS)
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)


class Recorder:
    """Everything a panel emits, in order, as (signal name, value)."""

    def __init__(self, panel: LessonPanel):
        self.events: list[tuple[str, object]] = []
        for name in ("load_example", "apply_settings", "show_activation", "focus_requested"):
            getattr(panel, name).connect(lambda value, n=name: self.events.append((n, value)))
        panel.step_changed.connect(lambda lid, k: self.events.append(("step_changed", (lid, k))))

    def of(self, name: str) -> list:
        return [v for n, v in self.events if n == name]

    def clear(self) -> None:
        self.events.clear()


def write_lesson(folder: Path, name: str, doc) -> Path:
    path = folder / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def minimal(order=1, **step) -> dict:
    return {
        "format": "neurona-lesson", "version": 1, "order": order,
        "title": {"en": "A lesson", "es": "Una lección"},
        "steps": [{"title": {"en": "Step", "es": "Paso"}, "text": {"en": "Text.", "es": "Texto."}, **step}],
    }


# ------------------------------------------------------------------ the shipped course


def test_the_course_is_there_in_order(course):
    assert len(SHIPPED) == len(COURSE) == len(course)
    for lesson, words in zip(course, COURSE):
        assert words.lower() in lesson.title_in("en").lower(), (lesson.id, words)
    assert [lesson.order for lesson in course] == sorted(lesson.order for lesson in course)
    assert "¿salimos de excursión?" in course[1].title_in("es")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_lesson_file_validates(path):
    lesson = load_lesson(path)
    assert lesson.id == path.stem and lesson.steps
    for lang in LANGUAGES:
        assert lesson.title_in(lang).strip() and lesson.summary_in(lang).strip()
        assert lesson.title["en"] != lesson.title["es"] or lesson.id.endswith("nand")


def _steps():
    for path in SHIPPED:
        lesson = load_lesson(path)
        for k in range(len(lesson.steps)):
            yield pytest.param(lesson, k, id=f"{lesson.id}[{k}]")


@pytest.mark.parametrize("lesson,k", list(_steps()))
def test_every_step_loads_in_both_languages(lesson, k):
    step = lesson.steps[k]
    for lang in LANGUAGES:
        assert step.title[lang].strip(), lang
        assert step.text[lang].strip(), lang
        html = render_markup(step.text_in(lang))
        assert "**" not in html and "<script" not in html
    if step.formula:
        for lang in LANGUAGES:
            assert step.formula_in(lang).strip()
    if step.example:
        assert step.example_path.is_file() and step.example_path.parent == EXAMPLES_DIR.resolve()
    # the network this step works on (its own, or the one an earlier step loaded)
    source, settings = LessonPanel._source(lesson, k)
    if source is not None:
        exp = load_experiment(source.example_path)
        # every setting the step applies is accepted on top of that network's own settings
        TrainingConfig.from_dict({**exp.training.to_dict(), **settings})
    if step.settings:
        assert source is not None, "settings need a network"
        assert set(step.settings) <= set(TrainingConfig().to_dict())
    if step.activation:
        assert step.activation in ACTIVATION_NAMES
    assert step.focus in (None, "canvas", "output", "both")


def test_english_and_spanish_texts_differ(course):
    """A forgotten translation usually shows up as the English text copied into "es"."""
    for lesson in course:
        for k, step in enumerate(lesson.steps):
            assert step.text["en"] != step.text["es"], (lesson.id, k)


def test_the_course_formulas_are_there(course):
    formulas = {lesson.id: " ".join(step.formula_in(lang) for step in lesson.steps for lang in LANGUAGES)
                for lesson in course}
    assert "y = 1 si w₁x₁ + w₂x₂ ≥ θ" in formulas["02-and-gate"]
    assert "w ← w + η (t − y) x" in formulas["04-perceptron-rule"]
    assert "XOR = A·¬B + ¬A·B" in formulas["06-combining-neurons-xor"]
    assert "E = 1/(2n) Σ (t − o)²" in formulas["07-mlp-backpropagation"]


def test_the_lessons_use_the_course_examples(course):
    used = {step.example for lesson in course for step in lesson.steps if step.example}
    for name in ("01-mcculloch-pitts-and", "02-or", "03-nand", "04-perceptron-learns-and",
                 "05-perceptron-fails-xor", "06-xor-by-hand", "07-xor-backprop", "08-playground-circle",
                 "09-spiral-deep", "11-overfitting-early-stopping"):
        assert f"{name}.neurona" in used
    by_id = {lesson.id: lesson for lesson in course}
    optimizers = [s.settings.get("optimizer") for s in by_id["10-optimizers"].steps if s.settings]
    assert optimizers == ["sgd", "momentum", "adam"]
    batches = [s.settings.get("batch_size") for s in by_id["09-batch-size-and-epochs"].steps if s.settings]
    assert batches == [250, 1, 10]
    assert {s.activation for s in by_id["08-activation-functions"].steps} >= {"step", "sigmoid", "relu"}


# ------------------------------------------------------------------ walking the course


def test_next_walks_every_step_and_emits_what_each_asks(themed_app, qtbot, course):
    panel = make_panel(qtbot)
    rec = Recorder(panel)
    panel.enter_step()
    seen = [panel.position()]
    while panel.next_step():
        seen.append(panel.position())
    assert seen == [(lesson.id, k) for lesson in course for k in range(len(lesson.steps))]
    assert not panel.can_go_next() and not panel.next_button.isEnabled()

    # replay: each step's own example is loaded when it is entered, then its settings
    rec_steps = [v for n, v in rec.events if n == "step_changed"]
    assert rec_steps == seen
    loaded = rec.of("load_example")
    wanted = [str(step.example_path) for lesson in course for step in lesson.steps if step.example]
    assert loaded == wanted  # walking forward never loads anything twice or needlessly
    assert all(Path(p).is_file() for p in loaded)
    activations = rec.of("show_activation")
    assert activations == [s.activation for lesson in course for s in lesson.steps if s.activation]
    assert rec.of("focus_requested") == [s.focus for lesson in course for s in lesson.steps if s.focus]


def test_settings_follow_the_network_they_apply_to(themed_app, qtbot, course):
    """Every apply_settings comes after the load it belongs to and is valid for that file."""
    panel = make_panel(qtbot)
    rec = Recorder(panel)
    panel.enter_step()
    while panel.next_step():
        pass
    current = None
    count = 0
    for name, value in rec.events:
        if name == "load_example":
            current = load_experiment(value)
        elif name == "apply_settings":
            assert current is not None
            TrainingConfig.from_dict({**current.training.to_dict(), **value})
            count += 1
    assert count == sum(1 for lesson in course for s in lesson.steps if s.settings)


def test_previous_walks_back_through_every_step(themed_app, qtbot, course):
    panel = make_panel(qtbot)
    last = course[-1]
    panel.set_lesson(last.id, len(last.steps) - 1)
    seen = [panel.position()]
    while panel.previous_step():
        seen.append(panel.position())
    assert seen[::-1] == [(lesson.id, k) for lesson in course for k in range(len(lesson.steps))]
    assert not panel.previous_button.isEnabled()


def test_counter_title_and_text_follow_the_step(themed_app, qtbot, course):
    panel = make_panel(qtbot, language="es")
    panel.set_lesson("02-and-gate", 1)
    lesson = course[1]
    assert panel.counter.text() == f"2 / {len(lesson.steps)}"
    assert panel.title.text() == lesson.steps[1].title["es"]
    assert "θ" in panel.formula.text() and panel.formula_box.isVisibleTo(panel)
    assert "nos quedamos" not in panel.text.toPlainText() and "1,5" in panel.text.toPlainText()
    panel.set_language("en")
    assert panel.title.text() == lesson.steps[1].title["en"]
    assert "below 1.5" in panel.text.toPlainText()
    assert panel.chooser.currentText().startswith("2. An AND gate")
    panel.go_to(0)
    assert panel.counter.text() == f"1 / {len(lesson.steps)}"
    assert not panel.formula_box.isVisibleTo(panel)  # this step has no formula
    assert "sunny" in panel.text.toPlainText()


def test_next_at_the_end_of_a_lesson_names_the_next_lesson(themed_app, spanish, qtbot, course):
    panel = make_panel(qtbot, language="es")
    panel.set_position("02-and-gate", len(course[1].steps) - 1)
    assert panel.next_button.text() == "Lección 3 ›"
    assert "OR y NAND" in panel.next_button.toolTip()
    panel.next_step()
    assert panel.position() == ("03-or-and-nand", 0)
    assert panel.next_button.text() == "Siguiente ›"


def test_choosing_a_lesson_enters_its_first_step(themed_app, qtbot, course):
    panel = make_panel(qtbot)
    rec = Recorder(panel)
    panel.chooser.activated.emit(6)
    assert panel.position() == (course[6].id, 0)
    assert rec.of("load_example") == [str(course[6].steps[0].example_path)]


def test_nothing_is_emitted_until_a_step_is_entered(themed_app, qtbot, course):
    panel = make_panel(qtbot)
    rec = Recorder(panel)
    panel.set_language("es")
    panel.set_position("09-batch-size-and-epochs", 2)
    panel.set_ui_scale(1.5)
    panel.reload()
    assert rec.events == []
    assert panel.position() == ("09-batch-size-and-epochs", 2)  # reload keeps the place


def test_a_step_without_example_keeps_the_network(themed_app, qtbot, course):
    panel = make_panel(qtbot)
    rec = Recorder(panel)
    panel.set_lesson("02-and-gate", 0)
    assert len(rec.of("load_example")) == 1
    rec.clear()
    panel.next_step()  # step 2 has no example of its own
    assert rec.of("load_example") == []
    assert panel.reload_network_button.text() == "↺ Reload the network"


def test_entering_in_the_middle_loads_the_lessons_network_with_its_settings(themed_app, qtbot, course):
    panel = make_panel(qtbot)
    rec = Recorder(panel)
    panel.set_lesson("04-perceptron-rule", 3)  # no example of its own: step 1 loaded it
    assert rec.of("load_example") == [str(EXAMPLES_DIR.resolve() / "04-perceptron-learns-and.neurona")]
    assert rec.of("apply_settings") == [{"batch_size": 1}]  # step 3's setting, on the way here
    rec.clear()
    panel.note_loaded(EXAMPLES_DIR / "08-playground-circle.neurona")  # the user opened another file
    assert panel.reload_network_button.text() == "Load the network"
    panel.previous_step()
    assert rec.of("load_example") == [str(EXAMPLES_DIR.resolve() / "04-perceptron-learns-and.neurona")]


def test_a_cancelled_load_applies_no_settings(themed_app, qtbot, course):
    """The user answered Cancel to "Save changes?": the old network stays, untouched."""
    panel = make_panel(qtbot)
    rec = Recorder(panel)
    panel.load_example.connect(lambda path: panel.note_loaded(None))
    panel.set_lesson("10-optimizers", 1)
    assert len(rec.of("load_example")) == 1 and rec.of("apply_settings") == []
    assert rec.of("focus_requested") == ["output"]
    assert panel.reload_network_button.text() == "Load the network"


def test_the_load_button_reloads_and_reapplies(themed_app, qtbot, course):
    panel = make_panel(qtbot)
    panel.set_lesson("10-optimizers", 1)
    rec = Recorder(panel)
    qtbot.mouseClick(panel.reload_network_button, Qt.MouseButton.LeftButton)
    assert rec.of("load_example") == [str(EXAMPLES_DIR.resolve() / "09-spiral-deep.neurona")]
    assert rec.of("apply_settings") == [
        {"optimizer": "momentum", "learning_rate": 0.01, "optimizer_params": {"momentum": 0.9}}]


def test_a_new_optimizer_starts_from_its_own_defaults(themed_app, qtbot, course):
    adam = next(s for s in course[9].steps if s.settings.get("optimizer") == "adam")
    assert adam.settings["optimizer_params"] == {}  # not Momentum's {"momentum": 0.9}


def test_emitted_settings_are_copies(themed_app, qtbot, course):
    panel = make_panel(qtbot)
    got = []
    panel.apply_settings.connect(got.append)
    panel.set_lesson("10-optimizers", 1)
    got[0]["optimizer_params"]["momentum"] = 0.5
    assert course[9].steps[1].settings["optimizer_params"]["momentum"] == 0.9
    assert panel.current_step().settings["optimizer_params"]["momentum"] == 0.9


def test_activation_steps_show_a_button_that_asks_again(themed_app, spanish, qtbot, course):
    panel = make_panel(qtbot, language="es")
    panel.show()
    panel.set_lesson("08-activation-functions", 0)
    assert panel.activation_button.isVisible() and panel.activation_button.text() == "Ver f(x): Escalón"
    with qtbot.waitSignal(panel.show_activation) as blocker:
        qtbot.mouseClick(panel.activation_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["step"]
    panel.set_lesson("02-and-gate", 0)
    assert not panel.activation_button.isVisible()


# ------------------------------------------------------------------ keys


def test_page_down_and_page_up_move_while_the_panel_has_focus(themed_app, qtbot, course):
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = LessonPanel()
    window.setCentralWidget(panel)
    # the window maps the same keys to something else, as presentation mode does
    fired = []
    action = QAction("Step training", window)
    action.setShortcuts([QKeySequence(Qt.Key.Key_PageDown), QKeySequence(Qt.Key.Key_PageUp)])
    action.triggered.connect(lambda: fired.append(True))
    window.addAction(action)
    window.show()
    qtbot.waitExposed(window)
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_PageDown)
    assert panel.position() == (course[0].id, 1)
    qtbot.keyClick(panel, Qt.Key.Key_PageDown)
    qtbot.keyClick(panel, Qt.Key.Key_PageUp)
    assert panel.position() == (course[0].id, 1)
    # from the lesson chooser too, without the combo box changing the lesson itself
    panel.chooser.setFocus()
    qtbot.keyClick(panel.chooser, Qt.Key.Key_PageDown)
    assert panel.position() == (course[0].id, 2)
    assert panel.chooser.currentIndex() == 0
    # from a button
    panel.next_button.setFocus()
    qtbot.keyClick(panel.next_button, Qt.Key.Key_PageUp)
    assert panel.position() == (course[0].id, 1)
    assert fired == []


def test_clicking_the_text_gives_the_panel_the_keys(themed_app, qtbot, course):
    panel = make_panel(qtbot)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.mouseClick(panel.text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.hasFocus)
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_PageDown)
    assert panel.position() == (course[0].id, 1)


# ------------------------------------------------------------------ broken files


def test_a_broken_lesson_is_listed_with_its_error_and_the_others_still_work(themed_app, spanish, qtbot, tmp_path,
                                                                            course):
    for path in SHIPPED[:3]:
        shutil.copy(path, tmp_path / path.name)
    write_lesson(tmp_path, "02b-broken.json", '{"format": "neurona-lesson", "version": 1, "order": 2.5, ')
    found = discover_lessons(tmp_path)
    assert [lesson.id for lesson in found] == [SHIPPED[0].stem, SHIPPED[1].stem, "02b-broken", SHIPPED[2].stem]
    broken = found[2]
    assert isinstance(broken, BrokenLesson) and not broken.ok
    assert broken.error.startswith("02b-broken.json: is not valid JSON") and "truncated" in broken.error

    panel = make_panel(qtbot, folder=tmp_path, language="es")
    assert panel.errors() == [broken.error]
    assert panel.chooser.itemText(2) == "⚠ 02b-broken.json (no se puede usar)"
    # Next goes straight past it
    panel.set_position(SHIPPED[1].stem, len(found[1].steps) - 1)
    assert panel.next_button.text() == "Lección 4 ›"
    panel.next_step()
    assert panel.position() == (SHIPPED[2].stem, 0)
    # choosing it shows the problem instead of a step
    rec = Recorder(panel)
    panel.set_lesson(2)
    assert panel.title.text() == "Este archivo de lección no se puede usar"
    assert "02b-broken.json" in panel.text.toPlainText() and "docs/lessons.md" in panel.text.toPlainText()
    assert rec.of("load_example") == [] and panel.counter.text() == ""
    assert panel.next_step() and panel.position() == (SHIPPED[2].stem, 0)
    # the teacher corrects the file and reads the lessons again
    write_lesson(tmp_path, "02b-broken.json", minimal(order=2.5))
    panel.set_position("02b-broken")
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    assert panel.errors() == [] and panel.current_lesson().ok
    assert panel.title.text() == "Paso"


BROKEN = [
    # (what is wrong, the document, the start of the message after the file name)
    ("not an object", "[1, 2]", "must hold a JSON object"),
    ("empty", "", "is empty"),
    ("wrong format", {**minimal(), "format": "neurona"}, "format: must be 'neurona-lesson'"),
    ("future version", {**minimal(), "version": 2}, "version: this Neurona reads lesson version 1"),
    ("order missing", {k: v for k, v in minimal().items() if k != "order"}, "order: missing"),
    ("order not a number", {**minimal(), "order": "3"}, "order: must be a number"),
    ("unknown top key", {**minimal(), "author": "me"}, "author: unknown key (the keys here are"),
    ("no steps", {**minimal(), "steps": []}, "steps: a lesson has 1 to"),
    ("title not texts", {**minimal(), "title": "Hola"}, "title: must be texts by language"),
    ("Spanish title missing", {**minimal(), "title": {"en": "Only English"}}, "title.es: missing"),
    ("empty text", minimal(text={"en": "x", "es": "  "}), "steps[0].text.es: is empty"),
    ("text not text", minimal(text={"en": "x", "es": 3}), "steps[0].text.es: must be text"),
    ("line not text", minimal(text={"en": ["x", 3], "es": "y"}), "steps[0].text.en[1]: must be text"),
    ("bad language", minimal(text={"en": "x", "es": "y", "Español": "z"}), "steps[0].text.Español: is not a language code"),
    ("unknown step key", minimal(network="07"), "steps[0].network: unknown key"),
    ("example a path", minimal(example="../../secret.neurona"), "steps[0].example: must be the name of a .neurona file"),
    ("example missing", minimal(example="99-nothing.neurona"), "steps[0].example: 99-nothing.neurona is neither in"),
    ("unknown setting", minimal(example="02-or.neurona", settings={"epochs": 5}), "steps[0].settings.epochs: unknown key"),
    ("bad setting", minimal(example="02-or.neurona", settings={"batch_size": 0}), "steps[0].settings.batch_size: must be between 1"),
    ("bad optimizer", minimal(example="02-or.neurona", settings={"optimizer": "sgdd"}), "steps[0].settings.optimizer: unknown optimizer"),
    ("params without optimizer", minimal(example="02-or.neurona", settings={"optimizer_params": {"momentum": 0.9}}),
     "steps[0].settings.optimizer_params.momentum: SGD has no hyperparameter"),
    ("bad focus", minimal(view={"focus": "everything"}), "steps[0].view.focus: must be one of canvas, output, both"),
    ("unknown view key", minimal(view={"zoom": 2}), "steps[0].view.zoom: unknown key"),
    ("unknown activation", minimal(show_activation_viewer="swish"), "steps[0].show_activation_viewer: unknown activation 'swish'"),
]


@pytest.mark.parametrize("doc,message", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_malformed_lesson_gives_a_clear_error(tmp_path, doc, message):
    path = write_lesson(tmp_path, "07-mine.json", doc)
    with pytest.raises(FileFormatError) as info:
        load_lesson(path)
    assert str(info.value).startswith(f"07-mine.json: {message}"), str(info.value)
    # and in a folder it is one broken entry among good ones
    shutil.copy(SHIPPED[0], tmp_path / SHIPPED[0].name)
    found = discover_lessons(tmp_path)
    assert [lesson.ok for lesson in found] == [True, False]
    assert found[1].error == str(info.value)


def test_a_lesson_can_bring_its_own_network(tmp_path):
    shutil.copy(EXAMPLES_DIR / "02-or.neurona", tmp_path / "my-network.neurona")
    path = write_lesson(tmp_path, "20-mine.json", minimal(order=20, example="my-network.neurona",
                                                          formula=["a = b", "c = d"]))
    lesson = load_lesson(path)
    assert lesson.steps[0].example_path == (tmp_path / "my-network.neurona").resolve()
    assert lesson.steps[0].formula_in("es") == "a = b\nc = d"  # one formula for every language


def test_the_example_in_the_docs_is_a_valid_lesson(tmp_path):
    docs = (Path(__file__).resolve().parents[2] / "docs" / "lessons.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", docs, re.S).group(1)
    lesson = load_lesson(write_lesson(tmp_path, "12-regression.json", example))
    assert lesson.order == 12 and len(lesson.steps) == 2
    assert lesson.steps[0].example_path.name == "12-regression-plane.neurona"


def test_an_empty_or_missing_folder_shows_a_hint(themed_app, qtbot, tmp_path):
    panel = make_panel(qtbot, folder=tmp_path / "nowhere")
    assert panel.lessons() == [] and not panel.chooser.isEnabled()
    assert panel.title.text() == "No lessons found" and "nowhere" in panel.text.toPlainText()
    assert not panel.next_step() and not panel.previous_step()
    panel.enter_step()  # nothing to do, nothing breaks


def test_lesson_files_are_sorted_by_order_then_name(tmp_path):
    write_lesson(tmp_path, "a.json", minimal(order=3))
    write_lesson(tmp_path, "b.json", minimal(order=1.5))
    write_lesson(tmp_path, "c.json", minimal(order=3))
    write_lesson(tmp_path, "2-broken.json", "{")
    assert [lesson.id for lesson in discover_lessons(tmp_path)] == ["b", "2-broken", "a", "c"]


# ------------------------------------------------------------------ the markup


def test_markup_renders_the_small_subset_and_escapes_html():
    html = render_markup("Hi **bold** and *it*\nnext line\n\n- one\n- two\n\n1. first\n2. second\n\n"
                         "| a | b |\n|---|---|\n| 1 | 2 |\n\n<img src=x> & 2 * 3 * 4")
    assert "<b>bold</b>" in html and "<i>it</i>" in html and "next line" in html and "<br>" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html
    assert "<ol><li>first</li><li>second</li></ol>" in html
    assert html.count("<tr>") == 2 and "<th" in html and "---" not in html
    assert "&lt;img src=x&gt; &amp; 2 * 3 * 4" in html and "<img" not in html


# ------------------------------------------------------------------ words


def test_the_panel_words_come_only_from_qt_translation(themed_app, qtbot, course):
    """The lessons' language chooses the lesson texts; the panel's own words and the
    activation names follow Qt's translator alone (no Spanish carried by the panel)."""
    panel = make_panel(qtbot, language="es")
    panel.set_position("08-activation-functions", 0)
    assert panel.title.text() == course[7].steps[0].title["es"]
    assert panel.previous_button.text() == "‹ Previous"
    assert panel.activation_button.text() == "Show f(x): Step"
    assert not hasattr(lessons_module, "SPANISH")
    for source in UI.values():  # the words are templates with named fields only
        assert "%" not in source and all(name.isidentifier() for name in re.findall(r"{(\w*)}", source)), source


def test_the_panel_speaks_the_translators_language(themed_app, spanish, qtbot, course):
    panel = make_panel(qtbot, language="es")
    panel.set_position("08-activation-functions", 0)
    assert panel.previous_button.text() == "‹ Anterior"
    assert panel.activation_button.text() == "Ver f(x): Escalón"
    assert panel.heading.text() == "Lecciones"


class _MarkingTranslator(QTranslator):
    """Wraps every LessonPanel string in «…» to show it went through translate()."""

    def isEmpty(self):  # noqa: N802 (Qt override: an empty translator is skipped)
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context == lessons_module.CONTEXT else None


def test_every_panel_word_goes_through_qt_translation(themed_app, qtbot, course):
    panel = make_panel(qtbot)
    panel.set_position("07-mlp-backpropagation", 0)  # a network and an activation to show
    translator = _MarkingTranslator()
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: panel.previous_button.text().startswith("«"))
        for text in (panel.heading.text(), panel.previous_button.text(), panel.next_button.text(),
                     panel.network_label.text(), panel.reload_network_button.text(),
                     panel.activation_button.text(), panel.previous_button.toolTip(),
                     panel.next_button.toolTip(), panel.refresh_button.toolTip(), panel.chooser.currentText()):
            assert text.startswith("«"), text
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: panel.previous_button.text() == "‹ Previous")


# ------------------------------------------------------------------ look


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_fits_a_420_pixel_panel(themed_app, qtbot, course, language, request):
    """Nothing wider than the panel: no formula line wraps, the text needs no sideways scroll,
    and the step's text fits 420×800 without scrolling."""
    if language == "es":
        request.getfixturevalue("spanish")  # the panel's words in Spanish too
    panel = make_panel(qtbot, language=language)
    panel.show()
    qtbot.waitExposed(panel)
    fm = QFontMetrics(panel.formula.font())
    for lesson in course:
        for k, step in enumerate(lesson.steps):
            panel.set_position(lesson.id, k)
            QCoreApplication.processEvents()
            where = f"{lesson.id}[{k}] {language}"
            assert panel.minimumSizeHint().width() <= 420, where
            for line in step.formula_in(language).split("\n"):
                assert fm.horizontalAdvance(line) <= panel.formula.width(), (where, line)
            doc = panel.text.document()
            assert doc.idealWidth() <= panel.text.viewport().width() + 1, where
            for button in (panel.previous_button, panel.next_button, panel.reload_network_button,
                           panel.activation_button):
                if button.isVisible():  # as wide as its words and padding need
                    assert button.width() >= button.sizeHint().width(), (where, button.text())
            assert len(panel.next_button.text()) > 1, where  # words, not only the arrow
            assert panel.text.verticalScrollBar().maximum() == 0, where


def test_a_narrow_dock_keeps_everything_usable(themed_app, spanish, qtbot, course):
    """On a 1024×768 projector the side docks are narrow: the buttons lose their words."""
    panel = make_panel(qtbot, language="es")
    panel.show()
    panel.set_position("07-mlp-backpropagation", 0)  # both action buttons, a long title
    assert panel.minimumSizeHint().width() <= 270
    panel.resize(270, 700)
    QCoreApplication.processEvents()
    assert (panel.previous_button.text(), panel.next_button.text()) == ("‹", "›")
    assert panel.next_button.toolTip() == "Paso siguiente (Av Pág)"
    panel.resize(420, 800)
    QCoreApplication.processEvents()
    assert (panel.previous_button.text(), panel.next_button.text()) == ("‹ Anterior", "Siguiente ›")


def test_fonts_are_readable_from_the_back_and_scale(themed_app, qtbot):
    panel = make_panel(qtbot)
    panel.show()
    qtbot.waitExposed(panel)
    # the fonts survive the style sheets being applied and the first show
    assert panel.heading.font().capitalization() == QFont.Capitalization.AllUppercase
    assert panel.heading.font().bold()
    for label, role in ((panel.network_label, "small"), (panel.counter, "counter"), (panel.title, "title")):
        assert label.font().pointSizeF() == lessons_module.POINTS[role], label.objectName()
    assert panel.text.font().pointSizeF() >= 12
    assert panel.formula.font().pointSizeF() > panel.text.font().pointSizeF()
    assert panel.title.font().pointSizeF() > panel.text.font().pointSizeF()
    assert panel.heading.text() == "Lessons"  # shown in capitals by the heading font
    before = panel.text.font().pointSizeF()
    panel.set_ui_scale(2.0)
    assert panel.text.font().pointSizeF() == pytest.approx(2 * before)
    assert panel.next_button.minimumHeight() >= 88
