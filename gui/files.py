"""File commands: New, Open, Save, Save As, recent files, examples, drops and autosave.

    files = FileController(window, ws)      # build_workspace does this

:class:`FileController` owns the link between the open document and a ``.neurona`` file
(``docs/file-format.md``):

* **New** (Ctrl+N) loads Playground's default; **Open…** (Ctrl+O), **File › Open Recent**
  (the last :data:`MAX_RECENT` files, kept in ``QSettings``), a file dropped on the
  window all end in :meth:`open_path`. ``neurona FILE`` reads the file before the window
  is built, builds the workspace around its network and finishes with :meth:`open_loaded`;
  a file it cannot read goes through ``window.open_requested`` to :meth:`open_path`,
  which says why. A file is read and fully validated (:func:`engine.io.load_experiment`)
  before anything changes: a broken file gives one message box and leaves the document
  as it was.
* **Save** (Ctrl+S) and **Save As…** (Ctrl+Shift+S) pause training (so the weights are
  exact), then write atomically (:func:`engine.io.save_experiment`): network, training,
  data, the training summary (epoch, last losses), meta (title and description; a text
  stored in several languages keeps the others, only the current language's entry is
  replaced), canvas positions and the canvas view. A failed write shows the file and the
  reason and the document stays modified.
* The window title reads ``name.neurona[*] — Neurona`` (``Untitled`` before the first
  save); Qt draws the modified mark ``[*]`` from :meth:`is_modified`: an undoable edit
  since the last save (the undo stack is not clean), or weights changed by training or
  Reset, which are not undoable.
* Closing the window, New and Open ask to Save / Discard / Cancel when the document is
  modified (only when there is someone to ask: a window that is shown on screen).
* **Examples** (File › Examples) open the course files of :mod:`engine.examples` as
  untitled copies, ready to press Play; their one-line description is shown above the
  canvas (``window.show_description``).
* **Autosave**: every :data:`AUTOSAVE_MS` while modified the document is written to
  ``<AppDataLocation>/autosave/<session>.neurona``, deleted again on a clean save and on
  close. A ``QLockFile`` beside it marks the session as alive; at the next start
  :meth:`offer_recovery` offers the autosaves whose session is gone (a crash). A recovered
  document opens modified, under its original file name when it had one (recorded in the
  autosave's top-level ``"autosave"`` entry, which is removed again on recovery).

Dialogs are the static ``QFileDialog``/``QMessageBox`` functions, so tests monkeypatch them.
"""

from __future__ import annotations

import datetime
import math
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QObject,
    QPointF,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QGraphicsView, QMenu, QMessageBox

from gui.engine_text import engine_text
from gui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from engine.io import Experiment

# engine.io (and json) are imported inside the functions that read and write files: the
# window does not need them to start (docs/performance.md, "Start-up")

#: how many files File › Open Recent remembers
MAX_RECENT = 8
#: autosave period while the document is modified
AUTOSAVE_MS = 60_000
#: file name suffixes Open, drops and the command line take
NETWORK_SUFFIXES = (".neurona", ".json")
DEFAULT_SUFFIX = ".neurona"
#: translation markers (context "FileController"): translated where they are shown
FILE_FILTER = QT_TRANSLATE_NOOP("FileController", "Neurona networks (*.neurona *.json);;All files (*)")
RECENT_KEY = "files/recent"
LAST_DIR_KEY = "files/last_dir"
UNTITLED = QT_TRANSLATE_NOOP("FileController", "Untitled")
#: top-level key of an autosave naming the file it belongs to (removed on recovery)
AUTOSAVE_KEY = "autosave"


def ui_language() -> str:
    """The language for localized titles and descriptions: the window's language
    (:func:`gui.i18n.current_language`); texts fall back to English."""
    from gui.i18n import current_language

    return current_language()


def autosave_dir() -> Path:
    """``<AppDataLocation>/autosave`` (e.g. ``~/.local/share/Neurona/Neurona/autosave``)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".neurona") / "autosave"


def _settings() -> QSettings:
    from gui.main_window import SETTINGS_APPLICATION, SETTINGS_ORGANIZATION

    return QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)


def _string_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value if v]


def is_network_file(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() in NETWORK_SUFFIXES


def _finite(value):
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


class FileController(QObject):
    """See the module docstring."""

    #: a document was loaded: its path ("" for New, an example or a recovered untitled one)
    document_loaded = Signal(str)
    #: the document was written to this path
    saved = Signal(str)

    def __init__(self, window, ws, *, language: str | None = None, autosave_ms: int = AUTOSAVE_MS):
        super().__init__(window)
        self.window, self.ws = window, ws
        self.doc, self.controller, self.stack = ws.doc, ws.controller, window.undo_stack
        self.language = language or ui_language()
        #: the file the document was loaded from or saved to; None while untitled
        self.path: Path | None = None
        #: the open document is an untitled copy of a course example
        self.from_example = False
        #: the file's ``meta`` as read (texts may hold several languages)
        self._meta: dict = {}
        #: the file's other top-level entries this version does not use, written back as read
        self._extra: dict = {}
        #: the file's training summary, kept until training changes the weights
        self._state: dict = {}
        #: epochs trained before this session's controller started counting (from the file)
        self._base_epoch = 0
        #: weights changed by training or Reset (not undoable, so the undo stack misses them)
        self._weights_dirty = False
        #: a recovered autosave is modified until it is saved
        self._forced_dirty = False
        self._loading = False
        self._session = f"{os.getpid()}-{os.urandom(4).hex()}"
        self._autosave_path: Path | None = None
        self._lock = None
        self._example_actions: list[QAction] = []
        #: the view as the file gave it (see view_dict)
        self._loaded_view: dict | None = None

        self.doc.weights_changed.connect(self._on_weights)
        self.stack.cleanChanged.connect(self._update_title)
        window.toolbar.reset_requested.connect(self._on_reset)
        window.new_requested.connect(self.new_document)
        window.open_requested.connect(self.open_path)
        window.save_requested.connect(self.save)
        window.save_as_requested.connect(self.save_as)
        self._rewire(window.open_action, self.open_dialog)
        self._rewire(window.save_as_action, self.save_as)
        window.set_file_actions_enabled(True)
        self._build_menus()

        window.setAcceptDrops(True)
        window.installEventFilter(self)
        if sys.platform == "darwin":  # Finder hands double-clicked files over as FileOpen events
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()
        self._update_title()

        from gui.export import (
            ExportActions,  # the File › Export entries and context menus
        )

        self.export = ExportActions(window, ws, self)

    @staticmethod
    def _rewire(action: QAction, slot) -> None:
        """Point an action of the window at this controller (it opened its own dialog)."""
        try:
            action.triggered.disconnect()
        except (RuntimeError, TypeError):
            pass
        action.triggered.connect(lambda _checked=False: slot())

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        w = self.window
        menu: QMenu = w.file_menu
        self.recent_menu = QMenu(translate("FileController", "Open &Recent"), menu)
        self.recent_menu.setObjectName("menu_open_recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.examples_menu = QMenu(translate("FileController", "E&xamples"), menu)
        self.examples_menu.setObjectName("menu_examples")
        self.examples_menu.setToolTipsVisible(True)  # each example's one-line description
        self.recent_menu.setToolTipsVisible(True)  # each file's full path
        before = w.save_action  # New, Open…, Open Recent, Examples | Save, Save As …
        separator = None
        actions = menu.actions()
        if before in actions:
            index = actions.index(before)
            separator = actions[index - 1] if index and actions[index - 1].isSeparator() else before
        if separator is None:
            menu.addMenu(self.recent_menu)
            menu.addMenu(self.examples_menu)
        else:
            menu.insertMenu(separator, self.recent_menu)
            menu.insertMenu(separator, self.examples_menu)
        # filled when first opened: nothing here on the way to the window's first paint
        self.examples_menu.aboutToShow.connect(self._ensure_examples_menu)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent_files()
        for k, name in enumerate(files):
            label = Path(name).name.replace("&", "&&")
            action = menu.addAction(f"&{k + 1}  {label}" if k < 9 else label)
            action.setObjectName(f"action_recent_{k}")
            action.setToolTip(name)
            action.setStatusTip(name)
            action.triggered.connect(lambda _checked=False, p=name: self.open_recent(p))
        if files:
            menu.addSeparator()
        clear = menu.addAction(translate("FileController", "&Clear Recent Files"))
        clear.setObjectName("action_clear_recent")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.clear_recent_files)
        menu.menuAction().setEnabled(True)

    def _fill_examples_menu(self) -> None:
        from engine.examples import list_examples
        from engine.io import FileFormatError

        menu = self.examples_menu
        menu.clear()
        self._example_actions = []
        try:
            examples = list_examples()
        except (FileFormatError, OSError) as exc:
            action = menu.addAction(translate("FileController", "Examples unavailable: {problem}").format(problem=exc))
            action.setEnabled(False)
            return
        for k, info in enumerate(examples):
            action = menu.addAction(f"{k + 1}.  {info.title_in(self.language).replace('&', '&&')}")
            action.setObjectName(f"action_example_{info.name}")
            action.setStatusTip(info.description_in(self.language))
            action.setToolTip(info.description_in(self.language))
            action.setData(info.file)
            action.triggered.connect(lambda _checked=False, i=info: self.open_example(i))
            self._example_actions.append(action)

    def _ensure_examples_menu(self) -> None:
        if not self.examples_menu.actions():
            self._fill_examples_menu()

    def example_actions(self) -> list[QAction]:
        """File › Examples' entries in course order."""
        self._ensure_examples_menu()
        return list(self._example_actions)

    # ------------------------------------------------------------------ state
    def is_modified(self) -> bool:
        return not self.stack.isClean() or self._weights_dirty or self._forced_dirty

    def display_name(self) -> str:
        return self.path.name if self.path is not None else translate("FileController", UNTITLED)

    def _update_title(self, *_args) -> None:
        w = self.window
        if not shiboken6.isValid(w):  # a late signal while the window is being destroyed
            return
        w.setWindowTitle(f"{self.display_name()}[*] — Neurona")
        w.setWindowFilePath(str(self.path) if self.path is not None else "")
        w.setWindowModified(self.is_modified())

    def _on_weights(self, origin: str) -> None:
        if origin == "training" and not self._loading and not self._weights_dirty:
            self._weights_dirty = True
            self._update_title()

    def _on_reset(self) -> None:
        self._base_epoch = 0
        self._state = {}
        if not self._weights_dirty:
            self._weights_dirty = True
            self._update_title()

    def _mark_clean(self) -> None:
        self.stack.setClean()
        self._weights_dirty = False
        self._forced_dirty = False
        self._update_title()

    def _can_ask(self) -> bool:
        """Whether a person can answer a dialog: the window is on screen."""
        w = self.window
        return w.isVisible() and not w.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)

    # ------------------------------------------------------------------ the document as a file
    def _view(self):
        view = getattr(self.ws.canvas, "view", None)
        return view if isinstance(view, QGraphicsView) else None

    def view_dict(self) -> dict | None:
        """``{"zoom", "center"}`` of the canvas, or None while it keeps the network fitted."""
        view = self._view()
        if view is None or getattr(view, "auto_fit", False):
            return None
        zoom = float(view.transform().m11())
        center = view.mapToScene(view.viewport().rect().center())
        loaded = self._loaded_view
        if loaded is not None and abs(loaded["zoom"] - zoom) <= 1e-9 * zoom and "center" in loaded:
            # the view the file had, give or take the pixel rounding of centerOn: write the
            # file's numbers back, so that an unchanged document saves byte for byte the same
            cx, cy = loaded["center"]
            if abs(cx - center.x()) * zoom <= 1.5 and abs(cy - center.y()) * zoom <= 1.5:
                return {"zoom": loaded["zoom"], "center": [cx, cy]}
        return {"zoom": zoom, "center": [float(center.x()), float(center.y())]}

    def apply_view(self, view_dict: dict | None) -> None:
        view = self._view()
        self._loaded_view = None
        if view is None:
            return
        if not view_dict or "zoom" not in view_dict:
            if hasattr(view, "fit"):
                view.fit()
            return
        view.auto_fit = False
        zoom = float(view_dict["zoom"])
        if hasattr(view, "set_zoom"):
            view.set_zoom(zoom / max(view.transform().m11(), 1e-9), QGraphicsView.ViewportAnchor.AnchorViewCenter)
        else:
            view.resetTransform()
            view.scale(zoom, zoom)
        center = view_dict.get("center")
        if center:
            view.centerOn(QPointF(float(center[0]), float(center[1])))
        if abs(view.transform().m11() - zoom) <= 1e-9 * zoom:  # not clamped
            self._loaded_view = {"zoom": zoom, **({"center": [float(center[0]), float(center[1])]} if center else {})}

    def _meta_for_save(self) -> dict | None:
        from engine.io import localized

        meta = dict(self._meta)
        for key, text in (("title", self.doc.title), ("description", self.doc.description)):
            stored = meta.get(key)
            if localized(stored, self.language) == text:
                continue  # unchanged: keep every language as it was
            if isinstance(stored, dict):
                entries = dict(stored)
                if text:
                    entries[self.language] = text
                else:
                    entries.pop(self.language, None)
                if entries:
                    meta[key] = entries
                else:
                    meta.pop(key, None)
            elif text:
                meta[key] = text
            else:
                meta.pop(key, None)
        return meta or None

    def _state_for_save(self) -> dict:
        snap = self.controller.last_snapshot
        if snap is None or not (self._weights_dirty or snap.epoch):
            return dict(self._state)  # nothing trained since the file was read
        m = snap.metrics or {}
        return {
            "epoch": self._base_epoch + int(snap.epoch),
            **{k: _finite(m.get(k)) for k in ("train_loss", "test_loss", "train_acc", "test_acc")},
        }

    def experiment(self) -> Experiment:
        """The open document as an :class:`~engine.io.Experiment` (what Save writes)."""
        from engine.io import Experiment

        doc = self.doc
        extra = {k: v for k, v in self._extra.items() if k not in ("meta", "canvas", "view", AUTOSAVE_KEY)}
        meta = self._meta_for_save()
        if meta:
            extra["meta"] = meta
        extra["canvas"] = doc.layout_dict()
        view = self.view_dict()
        if view is not None:
            extra["view"] = view
        return Experiment(doc.network, doc.training, doc.dataset, self._state_for_save(), extra)

    def _apply(self, exp: Experiment, path: Path | None, *, title: str | None = None,
               description: str | None = None, replace: bool = True) -> None:
        """Make ``exp`` the open document (it is valid: nothing here can fail on its content).

        ``replace=False``: the document already holds ``exp``'s network, training, data and
        layout (it was built from them, :meth:`open_loaded`); the rest is taken over.
        """
        from engine.io import localized

        self.controller.pause()
        self._loading = True
        try:
            if replace:
                self.doc.replace(exp.network, exp.training, exp.data, exp.canvas)
            meta = exp.meta or {}
            self._meta = dict(meta)
            self._extra = {k: v for k, v in exp.extra.items() if k != AUTOSAVE_KEY}
            self._state = dict(exp.state or {})
            epoch = self._state.get("epoch")
            self._base_epoch = epoch if isinstance(epoch, int) and not isinstance(epoch, bool) and epoch > 0 else 0
            self.doc.set_meta(localized(meta.get("title"), self.language),
                              localized(meta.get("description"), self.language))
            self.apply_view(exp.view)
            self.controller.reload()
            self.stack.clear()
        finally:
            self._loading = False
        self.path = path
        self.from_example = False
        self._mark_clean()
        self._show_description(self.doc.title if title is None else title,
                               self.doc.description if description is None else description)
        self.document_loaded.emit(str(path) if path else "")

    def _show_description(self, title: str, text: str) -> None:
        show = getattr(self.window, "show_description", None)
        if show is None:
            return
        if not text and not title:
            self.window.clear_description()
        else:
            show(text, title)

    # ------------------------------------------------------------------ commands
    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when the document is modified; True to go on."""
        if not self.is_modified() or not self._can_ask():
            return True
        answer = QMessageBox.question(
            self.window,
            translate("FileController", "Save changes?"),
            translate("FileController", "“{name}” has changes that are not saved.\n\n"
                      "Save them before going on?").format(name=self.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_document(self) -> bool:
        """File › New: Playground's default network, untitled."""
        from engine.io import Experiment

        if not self.maybe_save():
            return False
        from gui.document import playground_default

        net, training, data = playground_default()
        self._apply(Experiment(net, training, data), None, title="", description="")
        self._remove_autosave()
        return True

    def open_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("FileController", "Open network"), self._dialog_dir(),
            translate("FileController", FILE_FILTER),
        )
        return self.open_path(path) if path else False

    def load(self, path: str | os.PathLike, quiet: bool = False) -> Experiment | None:
        """Read and validate ``path``; on any problem one message box (with ``quiet``: a
        line on stderr) and None."""
        from engine.io import FileFormatError, load_experiment

        path = Path(path)
        try:
            return load_experiment(path)
        except FileFormatError as exc:
            problem = exc.message
        except OSError as exc:  # load_experiment reports these too; belt and braces
            problem = exc.strerror or str(exc)
        if quiet:
            print(f"neurona: cannot open {str(path)!r}: {problem}", file=sys.stderr)
        else:
            self._error(translate("FileController", "Cannot open file"),
                        translate("FileController", "“{name}” cannot be opened.").format(name=path.name),
                        problem, path)
        return None

    def open_path(self, path: str | os.PathLike, quiet: bool = False) -> bool:
        """Open a network file (Open…, recent files, drops, the command line)."""
        if not path:
            return False
        path = Path(path).expanduser()
        exp = self.load(path, quiet)  # validated before anything changes or anyone is asked
        if exp is None:
            return False
        if not self.maybe_save():
            return False
        self._opened(exp, path.resolve())
        return True

    def open_loaded(self, exp: Experiment, path: str | os.PathLike) -> None:
        """Finish opening ``exp``, read from ``path`` before the window was built and already
        the document's content (``neurona FILE``: the workspace is built once, around the
        file's network, rather than around the default one and then again)."""
        self._opened(exp, Path(path).expanduser().resolve(), replace=False)

    def _opened(self, exp: Experiment, path: Path, replace: bool = True) -> None:
        self._apply(exp, path, replace=replace)
        self.add_recent_file(path)
        self._remember_dir(path.parent)
        self._remove_autosave()

    def open_example(self, info, ask: bool = True) -> bool:
        """Open a course example as an untitled copy (Save asks for a name).

        With ``ask=False`` (a lesson moving on) the unsaved-changes question is skipped when
        what is open is itself an untitled example copy: a lesson reloads its networks
        at every step, and a class should not be asked each time.
        """
        from engine.io import FileFormatError

        try:
            exp = info.load()
        except FileFormatError as exc:
            self._error(translate("FileController", "Cannot open example"),
                        translate("FileController", "The example “{title}” cannot be opened.").format(
                            title=info.title_in(self.language)),
                        exc.message, info.path)
            return False
        if (ask or not self.from_example or self.path is not None) and not self.maybe_save():
            return False
        self._apply(exp, None, title=info.title_in(self.language), description=info.description_in(self.language))
        self.from_example = True
        self._remove_autosave()
        return True

    def open_recent(self, path: str) -> bool:
        if not Path(path).is_file():
            self.remove_recent_file(path)
            QMessageBox.information(
                self.window, translate("FileController", "File not found"),
                translate("FileController", "“{name}” no longer exists at\n{path}\n\n"
                          "It was removed from the recent files.").format(name=Path(path).name, path=path),
            )
            return False
        return self.open_path(path)

    def save(self) -> bool:
        """File › Save (Save As… for an untitled document)."""
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self, path: str | os.PathLike | None = None) -> bool:
        """File › Save As…; asks for the name unless ``path`` is given."""
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self.window, translate("FileController", "Save network as"), self._suggested_path(),
                translate("FileController", FILE_FILTER),
            )
            if not path:
                return False
        path = Path(path).expanduser()
        if not path.suffix:
            path = path.with_suffix(DEFAULT_SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        from engine.io import save_experiment

        playing = self.controller.is_playing()
        self.controller.pause()  # the worker's final weights are in the document now
        try:
            try:
                save_experiment(path, self.experiment())
            except OSError as exc:
                reason = exc.strerror or str(exc)
                self._error(translate("FileController", "Save failed"),
                            translate("FileController", "“{name}” could not be saved.").format(name=path.name),
                            translate("FileController", "{reason}\n\nFolder: {folder}\nThe file on disk was not "
                                      "changed; the network is still open and unsaved.").format(
                                reason=reason, folder=path.parent),
                            path)
                return False
            except (ValueError, TypeError) as exc:  # NaN weights after divergence, say
                self._error(translate("FileController", "Save failed"),
                            translate("FileController", "“{name}” could not be saved.").format(name=path.name),
                            str(exc), path)
                return False
        finally:
            if playing:
                self.controller.play()
        self.path = path.resolve()
        self._state = self._state_for_save()
        self._mark_clean()
        if playing:  # training goes on: the weights are changing again
            self._weights_dirty = True
            self._update_title()
        self.add_recent_file(self.path)
        self._remember_dir(self.path.parent)
        if not self.is_modified():
            self._remove_autosave()
        self.window.statusBar().showMessage(translate("FileController", "Saved {path}").format(path=self.path), 4000)
        self.saved.emit(str(self.path))
        return True

    def _error(self, title: str, text: str, detail: str, path=None) -> None:
        detail = engine_text(detail)  # the engine's English, in the window's language where known
        box_text = f"{text}\n\n{detail}" if detail else text
        QMessageBox.warning(self.window, title, box_text)

    # ------------------------------------------------------------------ dialogs' folders
    def _dialog_dir(self) -> str:
        if self.path is not None:
            return str(self.path.parent)
        last = _settings().value(LAST_DIR_KEY)
        if isinstance(last, str) and last and Path(last).is_dir():
            return last
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())

    def _suggested_path(self) -> str:
        if self.path is not None:
            return str(self.path)
        stem = "".join(c if c.isalnum() or c in "-_ " else " " for c in self.doc.title).strip()
        stem = "-".join(stem.lower().split()) or "network"
        return str(Path(self._dialog_dir()) / f"{stem}{DEFAULT_SUFFIX}")

    def _remember_dir(self, folder: Path) -> None:
        _settings().setValue(LAST_DIR_KEY, str(folder))

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        return _string_list(_settings().value(RECENT_KEY))[:MAX_RECENT]

    def _set_recent(self, files: list[str]) -> None:
        s = _settings()
        s.setValue(RECENT_KEY, files[:MAX_RECENT])
        s.sync()
        if self.recent_menu.actions():  # already built: keep it current
            self._fill_recent_menu()

    def add_recent_file(self, path: str | os.PathLike) -> None:
        name = str(Path(path))
        self._set_recent([name] + [f for f in self.recent_files() if f != name])

    def remove_recent_file(self, path: str | os.PathLike) -> None:
        name = str(path)
        self._set_recent([f for f in self.recent_files() if f != name])

    def clear_recent_files(self) -> None:
        self._set_recent([])

    # ------------------------------------------------------------------ drops and closing
    @staticmethod
    def _dropped_file(event) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and is_network_file(url.toLocalFile()):
                return url.toLocalFile()
        return None

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.FileOpen and is_network_file(event.file()):
            path = event.file()
            QTimer.singleShot(0, self, lambda: self.open_path(path))
            return True
        if obj is self.window:
            kind = event.type()
            if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                if self._dropped_file(event):
                    event.setDropAction(Qt.DropAction.CopyAction)
                    event.accept()
                    return True
            elif kind == QEvent.Type.Drop:
                path = self._dropped_file(event)
                if path:
                    event.setDropAction(Qt.DropAction.CopyAction)
                    event.accept()
                    # after the drag-and-drop loop has ended, so that dialogs can show
                    QTimer.singleShot(0, self, lambda p=path: self.open_path(p))
                    return True
            elif kind == QEvent.Type.Close:
                if not self.maybe_save():
                    event.ignore()
                    return True
                self.autosave_timer.stop()
                self._remove_autosave()
                self._release_lock()
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------------ autosave
    def autosave_path(self) -> Path:
        return autosave_dir() / f"{self._session}.neurona"

    def autosave_now(self) -> Path | None:
        """Write the document to the autosave file if it is modified; returns the path."""
        from engine.io import save_experiment

        w = self.window
        if not self.is_modified() or w.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
            return None
        path = self.autosave_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._take_lock()
            exp = self.experiment()
            exp.extra[AUTOSAVE_KEY] = {
                "original": str(self.path) if self.path is not None else None,
                "saved": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            }
            save_experiment(path, exp)
        except (OSError, ValueError, TypeError) as exc:
            w.statusBar().showMessage(
                translate("FileController", "Autosave failed: {problem}").format(problem=exc), 8000
            )
            return None
        self._autosave_path = path
        return path

    def _take_lock(self) -> None:
        if self._lock is None:
            from PySide6.QtCore import QLockFile

            lock = QLockFile(str(self.autosave_path().with_suffix(".lock")))
            lock.setStaleLockTime(0)  # stale only when its process is gone
            if lock.tryLock(0):
                self._lock = lock

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _remove_autosave(self) -> None:
        path = self._autosave_path or self.autosave_path()
        try:
            path.unlink()
        except OSError:
            pass
        self._autosave_path = None

    def orphaned_autosaves(self) -> list[tuple[Path, object]]:
        """Autosaves of sessions that are gone, newest first, each with its lock taken."""
        from PySide6.QtCore import QLockFile

        folder = autosave_dir()
        if not folder.is_dir():
            return []
        own = self.autosave_path()
        found = []
        for path in folder.glob("*.neurona"):
            if path == own:
                continue
            lock = QLockFile(str(path.with_suffix(".lock")))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):  # no live session holds it
                try:
                    found.append((path.stat().st_mtime, path, lock))
                except OSError:
                    lock.unlock()
        found.sort(key=lambda item: item[0], reverse=True)
        return [(path, lock) for _, path, lock in found]

    def offer_recovery(self) -> bool:
        """After a crash: offer to recover each orphaned autosave, newest first.

        Yes opens it (modified); Discard deletes it; Ignore keeps it for the next start.
        Returns True when a document was recovered.
        """
        recovered = False
        for path, lock in self.orphaned_autosaves():
            if recovered:
                lock.unlock()
                continue
            from engine.io import FileFormatError, experiment_from_json

            try:
                text = path.read_bytes()
                exp = experiment_from_json(text, path)
            except (OSError, FileFormatError):
                path.unlink(missing_ok=True)  # unreadable: nothing to recover
                lock.unlock()
                continue
            info = exp.extra.get(AUTOSAVE_KEY) if isinstance(exp.extra.get(AUTOSAVE_KEY), dict) else {}
            original = info.get("original") if isinstance(info.get("original"), str) else None
            when = info.get("saved") if isinstance(info.get("saved"), str) else ""
            name = Path(original).name if original else translate("FileController", UNTITLED)
            if when:
                text = translate("FileController", "Neurona did not close properly last time. Unsaved changes "
                                 "to “{name}” were saved automatically at {time}.\n\nRecover them? "
                                 "(Discard deletes them; Ignore asks again next time.)").format(
                    name=name, time=when.replace("T", " ")[:16])
            else:
                text = translate("FileController", "Neurona did not close properly last time. Unsaved changes "
                                 "to “{name}” were saved automatically.\n\nRecover them? "
                                 "(Discard deletes them; Ignore asks again next time.)").format(name=name)
            answer = QMessageBox.question(
                self.window,
                translate("FileController", "Recover unsaved network?"),
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Ignore,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                target = Path(original) if original else None
                self._apply(exp, target)
                self._forced_dirty = True
                self._update_title()
                self.autosave_now()  # this session's own copy, before the old one goes
                path.unlink(missing_ok=True)
                recovered = True
            elif answer == QMessageBox.StandardButton.Discard:
                path.unlink(missing_ok=True)
            lock.unlock()
        return recovered

    def take_over(self, old: FileController, epochs: int = 0) -> None:
        """Carry on ``old``'s document as a file (View › Language rebuilds the window).

        The path, what was read from the file, the modified state and the autosave (its
        session file and lock) move here; ``epochs`` trained under ``old``'s training
        controller join the epoch count. The title and description switch to this
        controller's language unless the user changed them.
        """
        from engine.io import localized

        self.path, self.from_example = old.path, old.from_example
        self._meta, self._extra, self._state = old._meta, old._extra, old._state
        self._base_epoch = old._base_epoch + max(0, int(epochs))
        self._weights_dirty, self._forced_dirty = old._weights_dirty, old._forced_dirty
        self._release_lock()
        self._session, self._autosave_path, self._lock = old._session, old._autosave_path, old._lock
        old._lock = old._autosave_path = None
        old.autosave_timer.stop()
        title, description = self.doc.title, self.doc.description
        meta = self._meta
        if title == localized(meta.get("title"), old.language):
            title = localized(meta.get("title"), self.language)
        if description == localized(meta.get("description"), old.language):
            description = localized(meta.get("description"), self.language)
        if (title, description) != (self.doc.title, self.doc.description):
            self.doc.set_meta(title, description)
        self._show_description(title, description)
        self._update_title()

    def shutdown(self) -> None:
        """Stop autosaving and forget this session's autosave (tests, a clean exit)."""
        self.autosave_timer.stop()
        self._remove_autosave()
        self._release_lock()


__all__ = [
    "AUTOSAVE_MS",
    "FILE_FILTER",
    "MAX_RECENT",
    "FileController",
    "autosave_dir",
    "is_network_file",
    "ui_language",
]
