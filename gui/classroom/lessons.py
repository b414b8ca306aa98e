"""Guided lessons: the course, step by step, from data files in ``resources/lessons/``.

A lesson is one JSON file (``docs/lessons.md`` and ``resources/lessons/README.md`` describe
the format for teachers)::

    {
     "format": "neurona-lesson",
     "version": 1,
     "order": 2,
     "title":   {"en": "An AND gate", "es": "Una puerta AND"},
     "summary": {"en": "one line", "es": "una línea"},            (optional)
     "steps": [
      {"title":   {"en": "…", "es": "…"},
       "text":    {"en": "…", "es": "…"},                          simple Markdown, below
       "formula": "y = 1 si x₁ + x₂ ≥ 1,5"  or  {"en": …, "es": …}, (optional)
       "example": "01-mcculloch-pitts-and.neurona",                (optional)
       "settings": {"batch_size": 1},                              (optional)
       "view": {"focus": "canvas"},                                (optional)
       "show_activation_viewer": "step"}                           (optional)
     ]
    }

:func:`load_lesson` reads one file and checks every field; any problem — bad JSON, an
unknown key, a missing Spanish text, an example that does not exist, a setting the
training engine refuses, an unknown activation — raises
:class:`~engine.io.FileFormatError` naming the file and the key
(``03-or-nand.json: steps[2].settings.batch_size: must be between 1 and 1000000``).
:func:`discover_lessons` reads a whole folder sorted by ``order``: a broken file becomes a
:class:`BrokenLesson` carrying its message, and the other lessons still work.

:class:`LessonPanel` is the dockable panel that walks through them: a lesson chooser, the
step's title, formula and text, Previous/Next (PageUp/PageDown while the panel has focus)
and a step counter. Entering a step emits what the window should do — load a network,
apply training settings, show the activation viewer, focus part of the window; the panel
itself changes nothing outside itself.

The text markup is deliberately small, so that a file stays readable as plain text:

* a blank line starts a new paragraph; a single line break is kept as a line break;
* ``**bold**`` and ``*italic*``;
* lines starting with ``- `` form a bulleted list, lines starting with ``1. `` a numbered one;
* lines starting with ``|`` form a table (the first row is the header; a ``|---|`` row is
  skipped), e.g. a truth table.

Everything else is shown as written: HTML in a lesson file is shown as text, never run.

The panel's own words (Previous, Next, …) are marked with ``QT_TRANSLATE_NOOP`` in the
context ``"LessonPanel"`` and go through Qt's translator (the window's language, from
``gui.i18n``), like activation names (context ``"Activations"``, see
:mod:`gui.canvas.labels`). The lessons' own texts are bilingual in their JSON files and
follow the panel's :meth:`LessonPanel.set_language`.
"""

from __future__ import annotations

import copy
import html
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.activations import ACTIVATION_NAMES
from engine.errors import ConfigError
from engine.examples import EXAMPLES_DIR
from engine.io import FileFormatError, localized, read_json
from engine.io import json_type_name as _type_name
from engine.training import TrainingConfig
from gui import theme
from gui.canvas.labels import activation_label
from gui.i18n import QT_TRANSLATE_NOOP, translate

# --------------------------------------------------------------------------- the data

#: resources/lessons next to the gui package (as engine.examples finds resources/examples)
LESSONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "lessons"
LESSON_FORMAT = "neurona-lesson"
LESSON_VERSION = 1
#: languages every title and text must have (more, e.g. "pt", are welcome)
REQUIRED_LANGUAGES = ("en", "es")
#: what a step's ``view.focus`` may ask for
FOCUS_CHOICES = ("canvas", "output", "both")
LESSON_KEYS = ("format", "version", "order", "title", "summary", "steps")
LESSON_REQUIRED = ("format", "version", "order", "title", "steps")
STEP_KEYS = ("title", "text", "formula", "example", "settings", "view", "show_activation_viewer")
STEP_REQUIRED = ("title", "text")
VIEW_KEYS = ("focus",)
TRAINING_KEYS = tuple(TrainingConfig().to_dict())
MAX_STEPS = 100
MAX_TITLE = 200
MAX_TEXT = 5000
MAX_FORMULA = 500
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_EXAMPLE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.neurona$")
_LEADING_NUMBER = re.compile(r"^(\d+)")


class _Problem(Exception):
    """A problem at a JSON path inside a lesson; :func:`load_lesson` adds the file name."""

    def __init__(self, where: str, message: str):
        super().__init__(message)
        self.where = where
        self.message = message




def _object(value, where: str, keys: tuple[str, ...], required: tuple[str, ...] = ()) -> dict:
    if not isinstance(value, dict):
        raise _Problem(where, f"must be an object {{…}} (found {_type_name(value)})")
    for key in value:
        if key not in keys:
            raise _Problem(f"{where}.{key}" if where else key,
                           f"unknown key (the keys here are: {', '.join(keys)})")
    for key in required:
        if key not in value:
            raise _Problem(f"{where}.{key}" if where else key, "missing")
    return value


def _texts(value, where: str, limit: int) -> dict[str, str]:
    """``{"en": …, "es": …}``: non-empty texts, English and Spanish required."""
    if not isinstance(value, dict):
        raise _Problem(where, f'must be texts by language, e.g. {{"en": "…", "es": "…"}} (found {_type_name(value)})')
    out = {}
    for lang, text in value.items():
        at = f"{where}.{lang}"
        if not isinstance(lang, str) or not _LANGUAGE.match(lang):
            raise _Problem(at, "is not a language code such as en, es or pt-BR")
        text = _lines(text, at)
        if not text.strip():
            raise _Problem(at, "is empty")
        if len(text) > limit:
            raise _Problem(at, f"is too long ({len(text)} characters; at most {limit})")
        out[lang] = text
    for lang in REQUIRED_LANGUAGES:
        if lang not in value:
            raise _Problem(f"{where}.{lang}", f"missing: every text needs {' and '.join(REQUIRED_LANGUAGES)}")
    return out


def _lines(value, where: str) -> str:
    """A text is a string, or a list of strings: its lines (easier to edit in JSON)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value:
        for k, line in enumerate(value):
            if not isinstance(line, str):
                raise _Problem(f"{where}[{k}]", f"must be text (found {_type_name(line)})")
        return "\n".join(value)
    raise _Problem(where, f"must be text, or a list of lines of text (found {_type_name(value)})")


def _formula(value, where: str) -> dict[str, str]:
    """A formula is the same in every language (text, or a list of lines) or differs
    ({"en": …, "es": …})."""
    if isinstance(value, (str, list)):
        text = _lines(value, where)
        if not text.strip():
            raise _Problem(where, "is empty")
        if len(text) > MAX_FORMULA:
            raise _Problem(where, f"is too long ({len(text)} characters; at most {MAX_FORMULA})")
        return {"en": text}
    return _texts(value, where, MAX_FORMULA)


def find_example(name: str, lesson_folder: Path, examples_dir: Path | None = None) -> Path | None:
    """The file of ``name``: in the examples folder, else next to the lesson file; or None."""
    for folder in (EXAMPLES_DIR if examples_dir is None else Path(examples_dir), Path(lesson_folder)):
        candidate = folder / name
        if candidate.is_file():
            return candidate.resolve()
    return None


def _settings(value, where: str) -> dict:
    """Training settings: names of :class:`TrainingConfig` fields, values it accepts."""
    settings = _object(value, where, TRAINING_KEYS)
    try:
        TrainingConfig.from_dict({**TrainingConfig().to_dict(), **copy.deepcopy(settings)})
    except ConfigError as exc:
        key = exc.field.removeprefix("training.")
        hint = ""
        if key.startswith("optimizer."):  # a hyperparameter of the optimizer
            key = "optimizer_params." + key.split(".", 1)[1]
            if "optimizer" not in settings:
                hint = " — name the optimizer in the same settings, e.g. \"optimizer\": \"momentum\""
        raise _Problem(f"{where}.{key}", f"{exc.message} (found {exc.value!r}){hint}") from None
    except (TypeError, ValueError) as exc:
        raise _Problem(where, f"not accepted by the training engine ({exc})") from None
    settings = copy.deepcopy(settings)
    if "optimizer" in settings and "optimizer_params" not in settings:
        # a new optimizer starts from its own defaults, not the previous one's parameters
        settings["optimizer_params"] = {}
    return settings


@dataclass(frozen=True)
class Step:
    """One page of a lesson. Texts are by language; see :meth:`title_in` and friends."""

    title: dict[str, str]
    text: dict[str, str]
    formula: dict[str, str] | None = None
    #: a file name in resources/examples (or next to the lesson file), or None
    example: str | None = None
    #: the example's file, found when the lesson was read
    example_path: Path | None = None
    #: TrainingConfig fields to apply after loading (empty: none)
    settings: dict = field(default_factory=dict)
    #: "canvas", "output", "both" or None
    focus: str | None = None
    #: an activation name to show in the activation viewer, or None
    activation: str | None = None

    def title_in(self, language: str = "en") -> str:
        return localized(self.title, language)

    def text_in(self, language: str = "en") -> str:
        return localized(self.text, language)

    def formula_in(self, language: str = "en") -> str:
        return localized(self.formula, language) if self.formula else ""


@dataclass(frozen=True)
class Lesson:
    """A lesson file that can be used."""

    id: str  #: the file name without .json, e.g. "02-and-gate"
    path: Path
    order: float
    title: dict[str, str]
    steps: tuple[Step, ...]
    summary: dict[str, str] | None = None

    ok = True
    error = ""

    def title_in(self, language: str = "en") -> str:
        return localized(self.title, language)

    def summary_in(self, language: str = "en") -> str:
        return localized(self.summary, language) if self.summary else ""


@dataclass(frozen=True)
class BrokenLesson:
    """A lesson file that cannot be used; ``error`` says why (file name, key, problem)."""

    id: str
    path: Path
    order: float
    error: str
    steps: tuple = ()

    ok = False

    def title_in(self, language: str = "en") -> str:
        return self.path.name

    def summary_in(self, language: str = "en") -> str:
        return ""


def _step(value, where: str, folder: Path, examples_dir: Path | None) -> Step:
    d = _object(value, where, STEP_KEYS, STEP_REQUIRED)
    title = _texts(d["title"], f"{where}.title", MAX_TITLE)
    text = _texts(d["text"], f"{where}.text", MAX_TEXT)
    formula = _formula(d["formula"], f"{where}.formula") if "formula" in d else None
    example = example_path = None
    if "example" in d:
        example = d["example"]
        if not isinstance(example, str) or not _EXAMPLE_NAME.match(example):
            raise _Problem(f"{where}.example", f"must be the name of a .neurona file, e.g. \"07-xor-backprop.neurona\" (found {example!r})")
        example_path = find_example(example, folder, examples_dir)
        if example_path is None:
            shipped = EXAMPLES_DIR if examples_dir is None else Path(examples_dir)
            raise _Problem(f"{where}.example", f"{example} is neither in {shipped} nor next to the lesson file")
    settings = _settings(d["settings"], f"{where}.settings") if "settings" in d else {}
    focus = None
    if "view" in d:
        view = _object(d["view"], f"{where}.view", VIEW_KEYS)
        if "focus" in view:
            focus = view["focus"]
            if focus not in FOCUS_CHOICES:
                raise _Problem(f"{where}.view.focus", f"must be one of {', '.join(FOCUS_CHOICES)} (found {focus!r})")
    activation = None
    if "show_activation_viewer" in d:
        activation = d["show_activation_viewer"]
        if activation not in ACTIVATION_NAMES:
            raise _Problem(f"{where}.show_activation_viewer",
                           f"unknown activation {activation!r}; choose one of: {', '.join(ACTIVATION_NAMES)}")
    return Step(title, text, formula, example, example_path, settings, focus, activation)


def _lesson(doc: dict, path: Path, examples_dir: Path | None) -> Lesson:
    _object(doc, "", LESSON_KEYS, LESSON_REQUIRED)
    if doc["format"] != LESSON_FORMAT:
        raise _Problem("format", f"must be {LESSON_FORMAT!r} (found {doc['format']!r})")
    version = doc["version"]
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= LESSON_VERSION:
        raise _Problem("version", f"this Neurona reads lesson version {LESSON_VERSION} (found {version!r})")
    order = doc["order"]
    if isinstance(order, bool) or not isinstance(order, (int, float)) or not math.isfinite(order):
        raise _Problem("order", f"must be a number that places the lesson in the course (found {_type_name(order)})")
    title = _texts(doc["title"], "title", MAX_TITLE)
    summary = _texts(doc["summary"], "summary", MAX_TEXT) if "summary" in doc else None
    steps = doc["steps"]
    if not isinstance(steps, list):
        raise _Problem("steps", f"must be a list [ … ] of steps (found {_type_name(steps)})")
    if not 1 <= len(steps) <= MAX_STEPS:
        raise _Problem("steps", f"a lesson has 1 to {MAX_STEPS} steps (found {len(steps)})")
    built = tuple(_step(s, f"steps[{k}]", path.parent, examples_dir) for k, s in enumerate(steps))
    return Lesson(path.stem, path, float(order), title, built, summary)


def load_lesson(path: str | Path, examples_dir: str | Path | None = None) -> Lesson:
    """Read and check one lesson file; FileFormatError naming the file and key on any problem."""
    p = Path(path)
    doc = read_json(p)  # size limit, UTF-8, JSON errors with line and column
    try:
        return _lesson(doc, p, None if examples_dir is None else Path(examples_dir))
    except _Problem as exc:
        raise FileFormatError(exc.message, p, exc.where or None) from None
    except RecursionError:
        raise FileFormatError("nested too deeply", p) from None


def _guess_order(path: Path) -> float:
    """Where a broken file sits in the list: its ``order`` if readable, else its number prefix."""
    try:
        order = read_json(path).get("order")
        if isinstance(order, (int, float)) and not isinstance(order, bool) and math.isfinite(order):
            return float(order)
    except (FileFormatError, AttributeError):
        pass
    m = _LEADING_NUMBER.match(path.name)
    return float(m.group(1)) if m else math.inf


def discover_lessons(folder: str | Path | None = None,
                     examples_dir: str | Path | None = None) -> list[Lesson | BrokenLesson]:
    """Every ``*.json`` lesson in ``folder`` (default: the shipped ones), in course order.

    Sorted by ``order``, then file name. A file that cannot be used is a
    :class:`BrokenLesson` with its message; it never stops the others from loading.
    A missing folder gives an empty list.
    """
    root = LESSONS_DIR if folder is None else Path(folder)
    if not root.is_dir():
        return []
    out: list[Lesson | BrokenLesson] = []
    for path in sorted(root.glob("*.json")):
        try:
            out.append(load_lesson(path, examples_dir))
        except FileFormatError as exc:
            out.append(BrokenLesson(path.stem, path, _guess_order(path), str(exc)))
        except Exception as exc:  # noqa: BLE001 — one bad file must not take the others down
            out.append(BrokenLesson(path.stem, path, _guess_order(path), f"{path.name}: {exc}"))
    out.sort(key=lambda lesson: (lesson.order, lesson.path.name))
    return out


# --------------------------------------------------------------------------- the markup

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
_BULLET = re.compile(r"^\s*[-•]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]*-[\s:|-]*\|?\s*$")


def _inline(text: str) -> str:
    text = html.escape(text, quote=False)
    text = _BOLD.sub(r"<b>\1</b>", text)
    return _ITALIC.sub(r"<i>\1</i>", text)


def _table(lines: list[str], border: str) -> str:
    rows = []
    for line in lines:
        if _TABLE_RULE.match(line):
            continue
        cells = line.strip().strip("|").split("|")
        rows.append([c.strip() for c in cells])
    if not rows:
        return ""
    out = [f'<table cellspacing="0" cellpadding="6" border="1" style="border-color: {border}; '
           f'border-style: solid; margin-top: 10px; margin-bottom: 16px;">']
    for r, cells in enumerate(rows):
        tag = "th" if r == 0 else "td"
        out.append("<tr>" + "".join(f'<{tag} align="center">{_inline(c)}</{tag}>' for c in cells) + "</tr>")
    out.append("</table>")
    return "".join(out)


def render_markup(text: str, border: str = theme.COLORS.border) -> str:
    """HTML for QTextBrowser from the lesson markup (see the module docstring)."""
    blocks: list[str] = []
    kind, lines = None, []

    def flush():
        if not lines:
            return
        if kind == "ul":
            blocks.append("<ul>" + "".join(f"<li>{_inline(_BULLET.match(l).group(1))}</li>" for l in lines) + "</ul>")
        elif kind == "ol":
            blocks.append("<ol>" + "".join(f"<li>{_inline(_NUMBERED.match(l).group(1))}</li>" for l in lines) + "</ol>")
        elif kind == "table":
            blocks.append(_table(lines, border))
        else:
            blocks.append("<p>" + "<br>".join(_inline(l.strip()) for l in lines) + "</p>")

    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            new = None
        elif _BULLET.match(line):
            new = "ul"
        elif _NUMBERED.match(line):
            new = "ol"
        elif line.lstrip().startswith("|"):
            new = "table"
        else:
            new = "p"
        if new != kind or new is None:
            flush()
            kind, lines = new, []
        if new is not None:
            lines.append(line)
    flush()
    return "\n".join(blocks)


# --------------------------------------------------------------------------- the words

CONTEXT = "LessonPanel"

UI = {
    "heading": QT_TRANSLATE_NOOP("LessonPanel", "Lessons"),
    "chooser": QT_TRANSLATE_NOOP("LessonPanel", "Choose a lesson"),
    "item": QT_TRANSLATE_NOOP("LessonPanel", "{number}. {title}"),
    "broken_item": QT_TRANSLATE_NOOP("LessonPanel", "⚠ {file} (cannot be used)"),
    "broken_title": QT_TRANSLATE_NOOP("LessonPanel", "This lesson file cannot be used"),
    "broken_hint": QT_TRANSLATE_NOOP(
        "LessonPanel",
        "The other lessons work as usual. Correct the file, then press ↻ beside the list "
        "to read the lesson files again. docs/lessons.md describes the format."),
    "none_title": QT_TRANSLATE_NOOP("LessonPanel", "No lessons found"),
    "none_hint": QT_TRANSLATE_NOOP("LessonPanel", "Lesson files (*.json) go in this folder:"),
    "previous": QT_TRANSLATE_NOOP("LessonPanel", "‹ Previous"),
    "next": QT_TRANSLATE_NOOP("LessonPanel", "Next ›"),
    "next_lesson": QT_TRANSLATE_NOOP("LessonPanel", "Lesson {number} ›"),
    "next_lesson_tip": QT_TRANSLATE_NOOP("LessonPanel", "Next lesson: {title} (Page Down)"),
    "previous_tip": QT_TRANSLATE_NOOP("LessonPanel", "Previous step (Page Up)"),
    "next_tip": QT_TRANSLATE_NOOP("LessonPanel", "Next step (Page Down)"),
    "counter_tip": QT_TRANSLATE_NOOP("LessonPanel", "Step {step} of {total}"),
    "network": QT_TRANSLATE_NOOP("LessonPanel", "Network: {title}"),
    "reload_network": QT_TRANSLATE_NOOP("LessonPanel", "↺ Reload the network"),
    "load_network": QT_TRANSLATE_NOOP("LessonPanel", "Load the network"),
    "reload_network_tip": QT_TRANSLATE_NOOP(
        "LessonPanel", "Load this step's network as it was prepared (changes made to it are lost)"),
    "show_activation": QT_TRANSLATE_NOOP("LessonPanel", "Show f(x): {name}"),
    "show_activation_tip": QT_TRANSLATE_NOOP("LessonPanel", "Open the activation function viewer"),
    "reload_lessons_tip": QT_TRANSLATE_NOOP("LessonPanel", "Read the lesson files again"),
}

#: Point sizes at 100 % (``set_ui_scale`` multiplies them): read from the back of a room.
POINTS = {
    "heading": 11.0,
    "chooser": 12.0,
    "title": 18.0,
    "formula": 17.0,
    "body": 13.0,
    "small": 11.5,
    "nav": 13.0,
    "counter": 16.0,
}


def _font(role: str, scale: float, weight: QFont.Weight | None = None) -> QFont:
    font = theme.base_font()
    font.setPointSizeF(POINTS[role] * scale)
    if weight is not None:
        font.setWeight(weight)
    return font


# --------------------------------------------------------------------------- the panel


class _ElidingComboBox(QComboBox):
    """The lesson chooser: a long title ends in "…" on the closed face (the list shows it all)."""

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width() - 2)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class LessonPanel(QWidget):
    """The LESSONS panel: choose a lesson, read a step, go on with Next.

    Signals, emitted when a step is *entered* (Next, Previous, choosing a lesson,
    :meth:`go_to`, :meth:`enter_step`) — never by construction, :meth:`set_language` or
    :meth:`set_position`, so opening the panel never replaces the user's network:

    * ``load_example(str)`` — the absolute path of a ``.neurona`` file to open, first;
    * ``apply_settings(dict)`` — TrainingConfig fields to apply to the network now loaded;
    * ``show_activation(str)`` — an activation name to show in the activation viewer;
    * ``focus_requested(str)`` — ``"canvas"``, ``"output"`` or ``"both"``;
    * ``step_changed(str, int)`` — the lesson id and step index (0-based) now on show.

    A step with an ``example`` loads it every time it is entered (a fresh start), then its
    settings apply. A step without one keeps the current network; if the network the
    lesson prepared earlier is not the one loaded (the lesson was entered in the middle,
    or :meth:`note_loaded` said another file was opened), that network is loaded again
    with the settings of the steps from there to here.
    """

    load_example = Signal(str)
    apply_settings = Signal(dict)
    show_activation = Signal(str)
    focus_requested = Signal(str)
    step_changed = Signal(str, int)

    def __init__(self, folder: str | Path | None = None, language: str = "en", parent: QWidget | None = None,
                 *, examples_dir: str | Path | None = None, show_heading: bool = True):
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._folder = LESSONS_DIR if folder is None else Path(folder)
        self._examples_dir = None if examples_dir is None else Path(examples_dir)
        self._language = language
        self._scale = 1.0
        self._lessons: list[Lesson | BrokenLesson] = []
        self._lesson_index = 0
        self._step_index = 0
        #: the file the panel last asked to load (or was told is loaded), resolved
        self._loaded: Path | None = None
        self._example_titles: dict[str, dict[str, str]] = {}
        self._nav_texts = ("", "")
        theme.on_change(lambda: self.set_ui_scale(self._scale), owner=self)

        self.heading = QLabel()
        self.heading.setObjectName("lessonHeading")
        self.heading.setVisible(show_heading)

        self.chooser = _ElidingComboBox()
        self.chooser.setObjectName("lessonChooser")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(8)
        self.chooser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.chooser.activated.connect(self._lesson_chosen)
        self.chooser.installEventFilter(self)
        self.refresh_button = QToolButton()
        self.refresh_button.setObjectName("reloadLessonsButton")
        theme.set_role(self.refresh_button, "title")
        self.refresh_button.setText("↻")
        self.refresh_button.setAutoRaise(True)
        self.refresh_button.clicked.connect(lambda: self.reload())

        self.title = QLabel()
        self.title.setObjectName("lessonStepTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setMinimumWidth(160)  # wrapped text: narrower docks just get more lines

        self.formula_box = QFrame()
        self.formula_box.setObjectName("lessonFormula")
        self.formula = QLabel()
        self.formula.setTextFormat(Qt.TextFormat.PlainText)
        self.formula.setWordWrap(True)
        self.formula.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula.setMinimumWidth(160)
        box = QVBoxLayout(self.formula_box)
        box.setContentsMargins(12, 10, 12, 10)
        box.addWidget(self.formula)

        self.text = QTextBrowser()
        self.text.setObjectName("lessonText")
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setOpenLinks(False)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.network_label = QLabel()
        self.network_label.setObjectName("lessonNetwork")
        self.network_label.setWordWrap(True)
        theme.set_role(self.network_label, "control-label")
        self.reload_network_button = QPushButton()
        self.reload_network_button.setObjectName("reloadNetworkButton")
        self.reload_network_button.clicked.connect(lambda: self.enter_step(reload=True))
        self.activation_button = QPushButton()
        self.activation_button.setObjectName("showActivationButton")
        self.activation_button.clicked.connect(self._show_activation_again)
        for b in (self.reload_network_button, self.activation_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.setCursor(Qt.CursorShape.PointingHandCursor)

        self.previous_button = QPushButton()
        self.previous_button.setObjectName("previousStepButton")
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextStepButton")
        self.next_button.setDefault(True)
        self.counter = QLabel()
        self.counter.setObjectName("lessonStepCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.set_role(self.counter, "big-number")
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        for b in (self.previous_button, self.next_button):
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.chooser, 1)
        top.addWidget(self.refresh_button)

        # one above the other: rarely both are there, and the panel stays narrow
        actions = QVBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(self.reload_network_button, 0, Qt.AlignmentFlag.AlignLeft)
        actions.addWidget(self.activation_button, 0, Qt.AlignmentFlag.AlignLeft)

        self._nav = nav = QHBoxLayout()
        nav.setSpacing(8)
        nav.addWidget(self.previous_button, 1)
        nav.addWidget(self.counter)
        nav.addWidget(self.next_button, 1)

        self._rule = QFrame()
        self._rule.setFrameShape(QFrame.Shape.HLine)
        self._rule.setObjectName("lessonRule")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.formula_box)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.network_label)
        layout.addLayout(actions)
        layout.addWidget(self._rule)
        layout.addLayout(nav)

        self._apply_scale()
        self.reload(keep_position=False)

    # -- words ------------------------------------------------------------------------------
    def _tr(self, key: str) -> str:
        """The panel's word ``UI[key]`` through Qt's translator (the window's language)."""
        return translate(CONTEXT, UI[key])

    @staticmethod
    def _activation_label(name: str) -> str:
        return activation_label(name)

    # -- API: lessons -----------------------------------------------------------------------
    def lessons(self) -> list[Lesson | BrokenLesson]:
        """Every lesson file found, in course order (broken ones included)."""
        return list(self._lessons)

    def errors(self) -> list[str]:
        """The messages of the lesson files that cannot be used."""
        return [lesson.error for lesson in self._lessons if not lesson.ok]

    def folder(self) -> Path:
        return self._folder

    def reload(self, keep_position: bool = True) -> None:
        """Read the lesson files again (a teacher has just added or corrected one).

        Stays on the same lesson and step when they still exist; emits nothing.
        """
        where = self.position() if keep_position and self._lessons else None
        self._lessons = discover_lessons(self._folder, self._examples_dir)
        self._example_titles = self._read_example_titles()
        self._lesson_index = self._step_index = 0
        if where is not None:
            self.set_position(*where)
        self._fill_chooser()
        self._show()

    def current_lesson(self) -> Lesson | BrokenLesson | None:
        return self._lessons[self._lesson_index] if self._lessons else None

    def current_step_index(self) -> int:
        return self._step_index

    def current_step(self) -> Step | None:
        lesson = self.current_lesson()
        return lesson.steps[self._step_index] if lesson is not None and lesson.ok else None

    def position(self) -> tuple[str, int]:
        """(lesson id, step index): what to remember between sessions."""
        lesson = self.current_lesson()
        return (lesson.id if lesson else "", self._step_index)

    def set_position(self, lesson_id: str, step: int = 0) -> bool:
        """Show a lesson and step without entering it (nothing is emitted). False if unknown."""
        for k, lesson in enumerate(self._lessons):
            if lesson.id == lesson_id:
                self._lesson_index = k
                self._step_index = max(0, min(int(step), len(lesson.steps) - 1)) if lesson.ok else 0
                self._show()
                return True
        return False

    def set_lesson(self, lesson: int | str, step: int = 0) -> None:
        """Go to a lesson (by position in the course or id) and enter its step ``step``."""
        index = lesson if isinstance(lesson, int) else next(
            (k for k, l in enumerate(self._lessons) if l.id == lesson), None)
        if index is None or not 0 <= index < len(self._lessons):
            raise KeyError(f"no lesson {lesson!r}")
        self._lesson_index = index
        target = self._lessons[index]
        self._step_index = max(0, min(step, len(target.steps) - 1)) if target.ok else 0
        self._show()
        self.enter_step()

    def go_to(self, step: int) -> None:
        """Enter step ``step`` (0-based) of the current lesson."""
        lesson = self.current_lesson()
        if lesson is None or not lesson.ok or not 0 <= step < len(lesson.steps):
            raise IndexError(f"no step {step} in this lesson")
        self._step_index = step
        self._show()
        self.enter_step()

    # -- API: navigation --------------------------------------------------------------------
    def _next_position(self) -> tuple[int, int] | None:
        lesson = self.current_lesson()
        if lesson is None:
            return None
        if lesson.ok and self._step_index + 1 < len(lesson.steps):
            return self._lesson_index, self._step_index + 1
        for k in range(self._lesson_index + 1, len(self._lessons)):
            if self._lessons[k].ok:  # Next passes over broken files
                return k, 0
        return None

    def _previous_position(self) -> tuple[int, int] | None:
        lesson = self.current_lesson()
        if lesson is None:
            return None
        if lesson.ok and self._step_index > 0:
            return self._lesson_index, self._step_index - 1
        for k in range(self._lesson_index - 1, -1, -1):
            if self._lessons[k].ok:
                return k, len(self._lessons[k].steps) - 1
        return None

    def can_go_next(self) -> bool:
        return self._next_position() is not None

    def can_go_previous(self) -> bool:
        return self._previous_position() is not None

    def next_step(self) -> bool:
        """Enter the next step; after a lesson's last step, the next lesson's first. False at the end."""
        return self._move(self._next_position())

    def previous_step(self) -> bool:
        """Enter the previous step (the previous lesson's last one at a lesson's start)."""
        return self._move(self._previous_position())

    def _move(self, target: tuple[int, int] | None) -> bool:
        if target is None:
            return False
        self._lesson_index, self._step_index = target
        self._show()
        self.enter_step()
        return True

    def note_loaded(self, path: str | Path | None) -> None:
        """Tell the panel which file the window now shows (None: a new or unsaved network).

        Call it when the user opens another file, so that a later step without its own
        example loads the lesson's network again instead of working on the wrong one.
        Called from a ``load_example`` slot whose load failed or was cancelled (e.g. with
        None), it also stops the step's settings from being applied to the old network.
        """
        self._loaded = None if path is None else Path(path).resolve()
        self._show_actions()

    def enter_step(self, reload: bool = False) -> None:
        """Do what the current step asks: load its network, apply settings, show, focus.

        ``reload`` loads the step's network again even if it is already loaded (the
        "Load the network again" button).
        """
        lesson, step = self.current_lesson(), self.current_step()
        if lesson is None or step is None:
            return
        source, chain_settings = self._source(lesson, self._step_index)
        settings = step.settings
        if source is not None and (step.example or reload or self._loaded != source.example_path):
            self._loaded = source.example_path
            self.load_example.emit(str(source.example_path))
            settings = chain_settings
            if self._loaded != source.example_path:
                # the slot said the load failed or was cancelled (note_loaded): the settings
                # were meant for that network, not for the one still on the canvas
                settings = {}
        if settings:
            self.apply_settings.emit(copy.deepcopy(settings))
        if step.activation:
            self.show_activation.emit(step.activation)
        if step.focus:
            self.focus_requested.emit(step.focus)
        self._show_actions()
        self.step_changed.emit(lesson.id, self._step_index)

    @staticmethod
    def _source(lesson: Lesson, index: int) -> tuple[Step | None, dict]:
        """The step whose example the step ``index`` works on, and the settings from it on."""
        for k in range(index, -1, -1):
            if lesson.steps[k].example:
                merged: dict = {}
                for s in lesson.steps[k: index + 1]:
                    merged.update(copy.deepcopy(s.settings))
                return lesson.steps[k], merged
        return None, {}

    def _show_activation_again(self) -> None:
        step = self.current_step()
        if step is not None and step.activation:
            self.show_activation.emit(step.activation)

    # -- API: language and scale ------------------------------------------------------------
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        """Show the lessons (and the panel's words) in ``language`` ("en", "es"); emits nothing."""
        self._language = language
        self._fill_chooser()
        self._show()

    def set_ui_scale(self, scale: float) -> None:
        """Scale every font (1.0 = 100 %; presentation mode may use up to 2.5)."""
        self._scale = max(0.5, float(scale))
        self._apply_scale()
        self._show()

    def ui_scale(self) -> float:
        return self._scale

    # -- keys -------------------------------------------------------------------------------
    _KEYS = {Qt.Key.Key_PageDown: "next", Qt.Key.Key_PageUp: "previous"}

    def _handle_key(self, event: QKeyEvent) -> bool:
        action = self._KEYS.get(Qt.Key(event.key()))
        if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        self.next_step() if action == "next" else self.previous_step()
        return True

    def event(self, event):  # noqa: D401 (Qt override)
        # PageUp/PageDown belong to the panel while it has focus, even when the window maps
        # them to something else (a presenter clicker): accepting the override makes Qt
        # deliver them as key presses here instead of firing the window's shortcut.
        if event.type() == QEvent.Type.ShortcutOverride and Qt.Key(event.key()) in self._KEYS \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event):  # noqa: N802 (Qt override)
        if self._handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        # the combo box would use PageUp/PageDown to change the lesson
        if obj is self.chooser and event.type() == QEvent.Type.KeyPress and self._handle_key(event):
            return True
        return super().eventFilter(obj, event)

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._fill_chooser()
            self._show()
        super().changeEvent(event)

    # -- drawing ----------------------------------------------------------------------------
    def _read_example_titles(self) -> dict[str, dict[str, str]]:
        """Titles of the shipped examples by file name, for the "Network: …" line."""
        try:
            from engine.examples import list_examples

            return {ex.file: ex.title for ex in list_examples(self._examples_dir)}
        except (FileFormatError, OSError):
            return {}

    def _fill_chooser(self) -> None:
        was = self.chooser.blockSignals(True)
        self.chooser.clear()
        longest = 0
        fm = QFontMetrics(self.chooser.font())
        for k, lesson in enumerate(self._lessons):
            if lesson.ok:
                text = self._tr("item").format(number=k + 1, title=lesson.title_in(self._language))
            else:
                text = self._tr("broken_item").format(file=lesson.path.name)
            self.chooser.addItem(text, lesson.id)
            tip = lesson.summary_in(self._language) if lesson.ok else lesson.error
            if tip:
                self.chooser.setItemData(k, tip, Qt.ItemDataRole.ToolTipRole)
            longest = max(longest, fm.horizontalAdvance(text))
        self.chooser.view().setMinimumWidth(min(longest + 40, 900))
        if self._lessons:
            self.chooser.setCurrentIndex(self._lesson_index)
        self.chooser.setEnabled(bool(self._lessons))
        self.chooser.blockSignals(was)

    def _lesson_chosen(self, index: int) -> None:
        if 0 <= index < len(self._lessons) and index != self._lesson_index:
            self.set_lesson(index)

    def _apply_scale(self) -> None:
        s, c = self._scale, theme.COLORS
        # the style sheet first: applying it re-polishes the children, which would undo fonts
        radius = int(round(6 * s))
        self.setStyleSheet(f"""
#lessonPanel {{ background: {c.surface}; }}
QLabel#lessonHeading {{ color: {c.ink}; }}
QLabel#lessonStepTitle {{ color: {c.ink}; }}
QFrame#lessonFormula {{
    background: {c.formula_bg}; border: 1px solid {c.accent_soft}; border-left: {max(3, round(4 * s))}px solid {c.accent};
    border-radius: {radius}px;
}}
QFrame#lessonFormula QLabel {{ color: {c.ink}; background: transparent; border: none; }}
QTextBrowser#lessonText {{ background: {c.surface}; color: {c.ink}; }}
QFrame#lessonRule {{ color: {c.border}; }}
QPushButton#nextStepButton {{
    background: {c.accent}; color: {c.on_accent}; border: none; border-radius: {radius}px; padding: 4px 12px;
}}
QPushButton#nextStepButton:hover {{ background: {c.accent_hover}; }}
QPushButton#nextStepButton:pressed {{ background: {c.accent_pressed}; }}
QPushButton#nextStepButton:disabled {{ background: {c.border}; color: {c.muted}; }}
QPushButton#previousStepButton {{
    background: {c.surface}; color: {c.ink}; border: 1px solid {c.border}; border-radius: {radius}px;
    padding: 4px 12px;
}}
QPushButton#previousStepButton:hover {{ background: {c.accent_soft}; border-color: {c.accent}; }}
QPushButton#previousStepButton:disabled {{ color: {c.disabled}; }}
QPushButton#reloadNetworkButton, QPushButton#showActivationButton {{
    background: transparent; color: {c.accent_pressed}; border: 1px solid {c.accent_soft};
    border-radius: {radius}px; padding: {round(4 * s)}px {round(10 * s)}px;
}}
QPushButton#reloadNetworkButton:hover, QPushButton#showActivationButton:hover {{
    background: {c.accent_soft};
}}
""")
        heading = theme.heading_font()
        heading.setPointSizeF(POINTS["heading"] * s)
        self.heading.setFont(heading)
        self.chooser.setFont(_font("chooser", s))
        self.refresh_button.setFont(_font("nav", s))
        self.title.setFont(_font("title", s, QFont.Weight.Bold))
        self.formula.setFont(_font("formula", s, QFont.Weight.Medium))
        body = _font("body", s)
        self.text.setFont(body)
        self.text.document().setDefaultFont(body)
        self.text.document().setDocumentMargin(2)
        self.text.document().setDefaultStyleSheet(
            f"p {{ margin-top: 0px; margin-bottom: {round(14 * s)}px; }}"
            f"li {{ margin-bottom: {round(6 * s)}px; }}"
            f"ul, ol {{ margin-top: 0px; margin-bottom: {round(14 * s)}px; }}"
            f"th {{ font-weight: bold; }}")
        self.network_label.setFont(_font("small", s))
        for b in (self.reload_network_button, self.activation_button):
            b.setFont(_font("small", s))
        nav = _font("nav", s, QFont.Weight.DemiBold)
        for b in (self.previous_button, self.next_button):
            b.setFont(nav)
            b.setMinimumHeight(int(round(44 * s)))
            # not the width of the words: a narrow dock shows ‹ and › instead (resizeEvent)
            b.setMinimumWidth(QFontMetrics(nav).horizontalAdvance("›") + 2 * round(12 * s) + 16)
        self.counter.setFont(_font("counter", s, QFont.Weight.DemiBold))
        self.counter.setMinimumWidth(QFontMetrics(self.counter.font()).horizontalAdvance("00 / 00") + 8)

    def _show(self) -> None:
        """Put the current lesson and step on screen (emits nothing)."""
        c = theme.COLORS
        lang = self._language
        self.heading.setText(self._tr("heading"))
        self.setAccessibleName(self._tr("heading"))
        self.chooser.setToolTip(self._tr("chooser"))
        self.chooser.setAccessibleName(self._tr("chooser"))
        self.refresh_button.setToolTip(self._tr("reload_lessons_tip"))
        self.previous_button.setToolTip(self._tr("previous_tip"))
        if self._lessons and self.chooser.currentIndex() != self._lesson_index:
            was = self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(self._lesson_index)
            self.chooser.blockSignals(was)
        lesson, step = self.current_lesson(), self.current_step()
        if lesson is None:
            self.title.setText(self._tr("none_title"))
            self._set_formula("")
            self.text.setHtml(f"<p>{html.escape(self._tr('none_hint'))}</p>"
                              f"<p><i>{html.escape(str(self._folder))}</i></p>")
            self.counter.setText("")
        elif step is None:  # a broken file
            self.title.setText(self._tr("broken_title"))
            self._set_formula("")
            self.text.setHtml(
                f'<p style="color: {c.error};">{html.escape(lesson.error)}</p>'
                f'<p style="color: {c.muted};">{html.escape(self._tr("broken_hint"))}</p>')
            self.counter.setText("")
        else:
            self.title.setText(step.title_in(lang))
            self._set_formula(step.formula_in(lang))
            self.text.setHtml(render_markup(step.text_in(lang), c.border))
            total = len(lesson.steps)
            self.counter.setText(f"{self._step_index + 1} / {total}")
            self.counter.setToolTip(self._tr("counter_tip").format(step=self._step_index + 1, total=total))
        self.text.verticalScrollBar().setValue(0)
        target = self._next_position()
        if target is not None and target[0] != self._lesson_index:  # Next opens another lesson
            upcoming = self._lessons[target[0]]
            self._nav_texts = (self._tr("previous"), self._tr("next_lesson").format(number=target[0] + 1))
            self.next_button.setToolTip(self._tr("next_lesson_tip").format(title=upcoming.title_in(lang)))
        else:
            self._nav_texts = (self._tr("previous"), self._tr("next"))
            self.next_button.setToolTip(self._tr("next_tip"))
        self._label_nav_buttons()
        self.next_button.setEnabled(target is not None)
        self.previous_button.setEnabled(self.can_go_previous())
        self._show_actions()

    def _label_nav_buttons(self) -> None:
        """Previous/Next with words, or only ‹ and › when the panel is too narrow for them."""
        previous, next_ = self._nav_texts
        fm = QFontMetrics(self.next_button.font())
        pad = 2 * round(12 * self._scale) + 16  # the buttons' padding and frame
        margins = self.layout().contentsMargins()
        needed = (fm.horizontalAdvance(previous) + fm.horizontalAdvance(next_) + 2 * pad
                  + self.counter.minimumWidth() + 2 * self.layout().spacing() + margins.left() + margins.right())
        wide = self.width() >= needed
        self.previous_button.setText(previous if wide else "‹")
        self.next_button.setText(next_ if wide else "›")
        # share the row in proportion to the words, so both fit whenever the row is wide enough
        for button, text in ((self.previous_button, previous), (self.next_button, next_)):
            self._nav.setStretchFactor(button, (fm.horizontalAdvance(text) + pad) if wide else 1)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._label_nav_buttons()

    def _set_formula(self, text: str) -> None:
        self.formula.setText(text)
        self.formula_box.setVisible(bool(text))

    def _show_actions(self) -> None:
        lesson, step = self.current_lesson(), self.current_step()
        source = self._source(lesson, self._step_index)[0] if step is not None else None
        if source is not None:
            titles = self._example_titles.get(source.example)
            name = localized(titles, self._language) if titles else source.example.removesuffix(".neurona")
            self.network_label.setText(self._tr("network").format(title=name))
            loaded = self._loaded == source.example_path
            self.reload_network_button.setText(self._tr("reload_network") if loaded else self._tr("load_network"))
            self.reload_network_button.setToolTip(self._tr("reload_network_tip"))
        self.network_label.setVisible(source is not None)
        self.reload_network_button.setVisible(source is not None)
        has_activation = step is not None and bool(step.activation)
        if has_activation:
            self.activation_button.setText(
                self._tr("show_activation").format(name=self._activation_label(step.activation)))
            self.activation_button.setToolTip(self._tr("show_activation_tip"))
        self.activation_button.setVisible(has_activation)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(int(380 * self._scale), int(640 * self._scale))
