"""The DATA panel: pick a data set from tiles, tune noise, split, size and seed, draw your
own points or import a CSV file.

Every change becomes one ``editor.set_data(dataset, text)`` — one undo step. Sliders
settle first: a change applies when the mouse lets go of the slider, or, for the keyboard,
the wheel and the seed box, :data:`SETTLE_MS` after the last change, so dragging the noise
slider across its range pushes one command, not fifty. The panel mirrors the document:
``doc.data_changed`` (an undo, a file opened) updates the tiles and controls without
emitting anything back.

Drawn data ("Draw your own", see :mod:`gui.panels.drawing`): clicks arrive through the
OUTPUT panel's plot (:meth:`DataPanel.attach_output`); each added or deleted point is one
undo step.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.datasets import (
    GENERATORS,
    MAX_CLASSES,
    MAX_POINTS,
    Dataset,
    generate,
    load_csv,
)
from engine.errors import DataError, NeuronaError
from gui import theme
from gui.formatting import format_count
from gui.i18n import QT_TRANSLATE_NOOP, translate
from gui.icons import icon

from .drawing import (
    DRAW_HINT,
    DRAW_START,
    DRAWN_NAME,
    DrawControls,
    drawn_dataset,
    nearest_point,
    start_drawing,
)
from .thumbnails import csv_thumbnail, draw_thumbnail, generator_thumbnail
from .tiles import GATES, MULTI_CLASS, SECTIONS, DataTile, SegmentedSwitch, TileGrid
from .widgets import SliderRow, caption

#: Milliseconds a control must rest before its change is applied (keyboard, wheel, seed box).
SETTLE_MS = 350
#: Largest seed the seed box holds (a QSpinBox is 32-bit) and largest "Regenerate" draws.
MAX_SEED_SHOWN = 2**31 - 1
MAX_NEW_SEED = 999_999
CSV_FILTER = QT_TRANSLATE_NOOP("DataPanel", "CSV files (*.csv *.txt *.tsv);;All files (*)")

#: What each tile's tooltip says (the engine's own descriptions are English only).
TOOLTIPS = {
    "and": QT_TRANSLATE_NOOP("DataPanel", "Logic gate AND: true when both inputs are 1."),
    "or": QT_TRANSLATE_NOOP("DataPanel", "Logic gate OR: true when at least one input is 1."),
    "nand": QT_TRANSLATE_NOOP("DataPanel", "Logic gate NAND (not AND): false only when both inputs are 1."),
    "nor": QT_TRANSLATE_NOOP("DataPanel", "Logic gate NOR (not OR): true only when both inputs are 0."),
    "xor_gate": QT_TRANSLATE_NOOP("DataPanel", "Logic gate XOR: true when exactly one input is 1."),
    "xnor": QT_TRANSLATE_NOOP("DataPanel", "Logic gate XNOR: true when both inputs are equal."),
    "circle": QT_TRANSLATE_NOOP("DataPanel", "A disc of class 1 inside a ring of class 0."),
    "xor": QT_TRANSLATE_NOOP("DataPanel", "Exclusive or, Playground's version: class 1 (blue) where x₁·x₂ ≥ 0."),
    "gauss": QT_TRANSLATE_NOOP("DataPanel",
                               "Two Gaussian clouds: class 1 around (2, 2), class 0 around (−2, −2)."),
    "spiral": QT_TRANSLATE_NOOP("DataPanel", "Two interleaved spiral arms."),
    "blobs": QT_TRANSLATE_NOOP("DataPanel", "Gaussian clouds on a circle, one per class (set the number of classes)."),
    "spiral3": QT_TRANSLATE_NOOP("DataPanel", "A spiral with one arm per class (set the number of classes)."),
    "reg_plane": QT_TRANSLATE_NOOP("DataPanel", "Regression: the target grows linearly with x₁ + x₂."),
    "reg_gauss": QT_TRANSLATE_NOOP("DataPanel",
                                   "Regression, Playground's “multi Gaussian”: six bumps of value +1 or −1."),
    "draw": QT_TRANSLATE_NOOP("DataPanel",
                              "Draw your own points: click the output plot to add them, right-click to remove."),
    "csv": QT_TRANSLATE_NOOP("DataPanel", "Import points from a CSV file with rows x1,x2,label."),
}


def dataset_key(ds: Dataset) -> str:
    """Which tile stands for ``ds``: its generator, "draw" for drawn points, else "csv"."""
    gen = ds.params.get("generator")
    if gen in GENERATORS:
        return gen
    return "draw" if ds.name == DRAWN_NAME else "csv"


class DataPanel(QWidget):
    """The DATA dock's contents. ``attach_output(output_panel)`` enables drawing."""

    def __init__(self, doc, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dataPanel")
        self.doc = doc
        self.editor = editor
        self.output = None
        self._key = ""
        self._pending: str | None = None
        self._pending_fields: dict[str, object] = {}
        self._draw_class = 1
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._apply_pending)

        # -- tiles ---------------------------------------------------------------------
        self.tiles: dict[str, DataTile] = {}
        for _section, entries in SECTIONS:
            for key, text in entries:
                self.tiles[key] = DataTile(key, translate("DataTiles", text), self._tooltip(key),
                                           self._image_provider(key), compact=key in GATES)
                self.tiles[key].clicked.connect(lambda _=False, k=key: self._tile_clicked(k))

        self.variant_switch = SegmentedSwitch([
            (translate("DataPanel", "Table"),
             translate("DataPanel", "Logic gates as their truth table: the four rows 00, 01, 10, 11")),
            (translate("DataPanel", "Cloud"),
             translate("DataPanel", "Logic gates as noisy clouds of points around the four corners")),
        ])
        self.variant_switch.group.idClicked.connect(self._variant_toggled)

        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(3, MAX_CLASSES)
        self.classes_spin.setValue(3)
        self.classes_spin.setMinimumHeight(30)
        self.classes_spin.setToolTip(translate("DataPanel", "Number of classes of Blobs and Spirals (3 to 8)"))
        classes_box = QWidget()
        cb = QVBoxLayout(classes_box)
        cb.setContentsMargins(6, 0, 0, 0)
        cb.setSpacing(2)
        cb.addStretch(1)
        cb.addWidget(caption(translate("DataPanel", "Classes")))
        cb.addWidget(self.classes_spin, 0, Qt.AlignmentFlag.AlignLeft)
        cb.addStretch(1)
        self.classes_spin.valueChanged.connect(self._classes_changed)

        self.tile_grid = TileGrid(self.variant_switch, classes_box, self.tiles)

        # -- settings ------------------------------------------------------------------
        self.noise = SliderRow(translate("DataPanel", "Noise"), 0, 50,
                               tooltip=translate("DataPanel", "How much the points stray from the pattern (0–50)"))
        self.ratio = SliderRow(translate("DataPanel", "Training"), 10, 90, scale=10, fmt=lambda v: f"{v} %",
                               tooltip=translate("DataPanel", "Ratio of training to test data: the share of points "
                                                 "the network learns from; the rest test it"))
        self.points = SliderRow(translate("DataPanel", "Points"), 10, 2000, scale=10, fmt=format_count,
                                tooltip=translate("DataPanel", "How many points to generate"))
        self.seed = QSpinBox()
        self.seed.setRange(0, MAX_SEED_SHOWN)
        self.seed.setMinimumHeight(30)
        self.seed.setMinimumWidth(64)  # not as wide as the largest seed: it scrolls
        self.seed.setToolTip(translate("DataPanel", "The random seed: the same seed gives the same points"))
        self.regenerate = QToolButton()
        self.regenerate.setIcon(icon("reset-seed"))
        self.regenerate.setText(translate("DataPanel", "Regenerate"))
        self.regenerate.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.regenerate.setMinimumHeight(30)
        self.regenerate.setToolTip(translate("DataPanel",
                                             "Regenerate: new random points with the same settings (a new seed)"))
        seed_row = QHBoxLayout()
        seed_row.setSpacing(8)
        seed_label = caption(translate("DataPanel", "Seed"))
        seed_label.setMinimumWidth(self.noise.label.minimumWidth())
        seed_row.addWidget(seed_label)
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.regenerate)

        self.noise.value_changed.connect(
            lambda v: self._changed(translate("DataPanel", "Change noise"), noise=float(v)))
        self.ratio.value_changed.connect(
            lambda v: self._changed(translate("DataPanel", "Change train/test ratio"), train_ratio=v / 100))
        self.points.value_changed.connect(
            lambda v: self._changed(translate("DataPanel", "Change number of points"), n_points=v))
        self.seed.valueChanged.connect(lambda v: self._changed(translate("DataPanel", "Change seed"), seed=v))
        for row in (self.noise, self.ratio, self.points):
            row.released.connect(self._released)
        self.regenerate.clicked.connect(self.regenerate_data)

        self.draw_controls = DrawControls()
        self.draw_controls.group.idClicked.connect(self._draw_class_chosen)
        self.draw_controls.add_class.clicked.connect(lambda: self._change_drawn_classes(+1))
        self.draw_controls.remove_class.clicked.connect(lambda: self._change_drawn_classes(-1))
        self.draw_controls.clear.clicked.connect(self.clear_drawing)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet(f"color: {theme.COLORS.border};")
        theme.on_change(lambda: line.setStyleSheet(f"color: {theme.COLORS.border};"), owner=line)

        content = QWidget()
        content.setObjectName("dataPanelContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 2, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.tile_grid)
        layout.addSpacing(2)
        layout.addWidget(line)
        # generator settings, replaced by the drawing controls while drawing
        self.settings = QWidget()
        settings = QVBoxLayout(self.settings)
        settings.setContentsMargins(0, 0, 0, 0)
        settings.setSpacing(8)
        settings.addWidget(self.noise)
        settings.addWidget(self.ratio)
        settings.addWidget(self.points)
        settings.addLayout(seed_row)
        layout.addWidget(self.settings)
        layout.addWidget(self.draw_controls)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setMinimumWidth(220)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        doc.data_changed.connect(self.sync_from_document)
        self.sync_from_document()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        # In a narrow dock the Regenerate button keeps only its icon (the tooltip names it).
        narrow = event.size().width() < 290
        self.regenerate.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly if narrow
                                           else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    # ------------------------------------------------------------------ public
    def attach_output(self, output_panel) -> None:
        """Let the OUTPUT panel's plot take drawing clicks (``point_clicked(x, y, button)``)."""
        self.output = output_panel
        output_panel.point_clicked.connect(self.point_clicked)
        self._update_draw_mode()

    def current_key(self) -> str:
        """The selected tile: a generator name, "draw" or "csv"."""
        return self._key

    def draw_class(self) -> int:
        return self._draw_class

    def set_draw_class(self, k: int) -> None:
        self._draw_class = int(k)
        self._sync_draw_controls()
        self._update_draw_mode()

    def regenerate_data(self) -> None:
        """New random points: a new seed, applied at once (one undo step)."""
        old = self.seed.value()
        new = old
        while new == old:
            new = random.randint(1, MAX_NEW_SEED)
        with QSignalBlocker(self.seed):
            self.seed.setValue(new)
        self._pending = translate("DataPanel", "New random data")
        self._pending_fields["seed"] = new
        self._apply_pending()

    def import_csv(self) -> bool:
        """Ask for a CSV file, show what is wrong or a preview; load it after OK."""
        from .csv_dialog import CsvPreviewDialog, problem_text  # (imported when first needed)
        path, _ = QFileDialog.getOpenFileName(self, translate("DataPanel", "Import data from CSV"), "",
                                              translate("DataPanel", CSV_FILTER))
        if not path:
            return False
        name = Path(path).name
        try:
            data = load_csv(path)  # file order, all rows: the dialog splits it
        except DataError as exc:
            if exc.line is not None:
                where = translate("DataPanel", "Problem on line {line}: {problem}.").format(
                    line=exc.line, problem=problem_text(exc))
            else:
                where = translate("DataPanel", "Problem: {problem}.").format(problem=problem_text(exc))
            QMessageBox.warning(
                self, translate("DataPanel", "Cannot import the CSV file"),
                translate("DataPanel", "{file} could not be imported.\n\n{problem}\n\n"
                          "Nothing was loaded; the current data are unchanged.\n"
                          "Each row needs three numbers: x1, x2, label.").format(file=name, problem=where))
            return False
        dialog = CsvPreviewDialog(data, name, self.ratio.value(), self.seed.value(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            ds = dialog.dataset()
        except NeuronaError as exc:
            QMessageBox.warning(self, translate("DataPanel", "Cannot import the CSV file"),
                                translate("DataPanel", "{file}: {problem}").format(file=name,
                                                                                   problem=problem_text(exc)))
            return False
        return self.editor.set_data(ds, translate("DataPanel", "Import {file}").format(file=name))

    def clear_drawing(self) -> None:
        ds = self.doc.dataset
        if dataset_key(ds) != "draw":
            return
        X, y = DRAW_START
        self.editor.set_data(drawn_dataset(X, y, ds.n_classes, ds), translate("DataPanel", "Clear points"))

    def point_clicked(self, x: float, y: float, button) -> None:
        """A click on the output plot: add (left) or delete the nearest (right) point."""
        ds = self.doc.dataset
        if dataset_key(ds) != "draw":
            return
        xmin, xmax, ymin, ymax = ds.extent
        if not (xmin <= x <= xmax and ymin <= y <= ymax):
            return
        if _is_right(button):
            self._delete_near(ds, x, y)
        else:
            self._add_point(ds, x, y)

    # ------------------------------------------------------------------ tiles
    def _tooltip(self, key: str) -> str:
        if key in TOOLTIPS:
            return translate("DataPanel", TOOLTIPS[key])
        return GENERATORS[key].description  # a generator added to the engine but not here yet

    def _image_provider(self, key: str):
        if key == "draw":
            return draw_thumbnail
        if key == "csv":
            return csv_thumbnail
        if key in GATES:
            return lambda size, k=key: generator_thumbnail(k, size, self._variant())
        if key in MULTI_CLASS:
            return lambda size, k=key: generator_thumbnail(k, size, n_classes=self.classes_spin.value())
        return lambda size, k=key: generator_thumbnail(k, size)

    def _tile_clicked(self, key: str) -> None:
        if key == "csv":
            self.import_csv()
        elif key != self._key:
            try:
                if key == "draw":
                    ds = start_drawing()
                else:
                    ds = self._generate(key, n_points=None)
            except NeuronaError as exc:
                self.editor.error.emit(str(exc))
            else:
                label = self.tiles[key].text().rstrip("…")
                self.editor.set_data(ds, translate("DataPanel", "Draw your own data") if key == "draw"
                                     else translate("DataPanel", "Data: {name}").format(name=label))
        self.sync_from_document()  # the right tile stays checked, whatever happened

    def _variant(self) -> str:
        return "cloud" if self.variant_switch.index() == 1 else "table"

    def _variant_toggled(self, _index: int) -> None:
        for key in GATES:
            self.tiles[key].refresh_image()
        if self._key in GATES:
            self._pending = (translate("DataPanel", "Gate data: noisy cloud") if self._variant() == "cloud"
                             else translate("DataPanel", "Gate data: truth table"))
            self._pending_fields["variant"] = self._variant()
            self._apply_pending()
        self._update_enabled()

    def _classes_changed(self, n: int) -> None:
        for key in MULTI_CLASS:
            self.tiles[key].refresh_image()
        if self._key in MULTI_CLASS:
            self._changed(translate("DataPanel", "Change number of classes"), n_classes=n)

    # ------------------------------------------------------------------ settings
    def _generate(self, key: str, n_points: int | None) -> Dataset:
        info = GENERATORS[key]
        extra = {}
        if "variant" in info.extras:
            extra["variant"] = self._variant()
        if "n_classes" in info.extras:
            extra["n_classes"] = self.classes_spin.value()
        return generate(key, n_points=n_points, noise=self.noise.value(), train_ratio=self.ratio.value() / 100,
                        seed=self.seed.value(), **extra)

    def _changed(self, text: str, **fields) -> None:
        """A control moved: remember what changed; apply once it settles."""
        self._pending = text
        self._pending_fields.update(fields)
        if any(row.is_dragging() for row in (self.noise, self.ratio, self.points)):
            self._settle.stop()  # applied when the slider is let go
            return
        self._settle.start()

    def _released(self) -> None:
        if self._pending is not None:
            self._settle.stop()
            self._apply_pending()

    def settle(self) -> None:
        """Apply a waiting change now (tests, and before the document is saved)."""
        if self._pending is not None:
            self._settle.stop()
            self._apply_pending()

    def _apply_pending(self) -> None:
        """Apply the settled change: the data set's own settings with only the moved
        controls changed, so nothing the user did not touch changes with them."""
        from .csv_dialog import split_points  # (imported when first needed)
        text, self._pending = self._pending, None
        fields, self._pending_fields = self._pending_fields, {}
        if text is None or not fields:
            return
        ds = self.doc.dataset
        key = dataset_key(ds)
        try:
            if key in GENERATORS:
                params = {k: v for k, v in ds.params.items() if k != "generator"}
                if params.get("variant") == "table" and fields.get("variant") == "cloud":
                    params["n_points"] = GENERATORS[key].default_n_points
                params.update(fields)
                new = generate(key, **params)
                if new.params == ds.params:
                    return  # back where it was: no undo step
            elif key == "csv":
                ratio = float(fields.get("train_ratio", ds.params.get("train_ratio", 1.0)))
                seed = int(fields.get("seed", ds.params.get("seed", 0)))
                if ds.params.get("train_ratio") == ratio and ds.params.get("seed") == seed:
                    return
                new = split_points(ds, ratio, seed)
            else:
                return
        except NeuronaError as exc:
            self.editor.error.emit(str(exc))
            self.sync_from_document()
            return
        self.editor.set_data(new, text)

    # ------------------------------------------------------------------ drawing
    def _draw_class_chosen(self, k: int) -> None:
        self._draw_class = k
        self._update_draw_mode()

    def _add_point(self, ds: Dataset, x: float, y: float) -> None:
        if ds.n_train >= MAX_POINTS:
            self._draw_message(translate("DataPanel", "A data set holds at most {n} points.").format(
                n=format_count(MAX_POINTS)))
            return
        k = min(self._draw_class, ds.n_classes - 1)
        X = np.vstack([ds.x_train, [[x, y]]])
        labels = np.append(ds.y_train, k)
        self.editor.set_data(drawn_dataset(X, labels, ds.n_classes, ds), translate("DataPanel", "Add point"))

    def _delete_near(self, ds: Dataset, x: float, y: float) -> None:
        i = nearest_point(ds, x, y)
        if i is None:
            return  # nothing close enough to the click
        if ds.n_train == 1:
            self._draw_message(translate("DataPanel", "The last point stays: a data set needs at least one. "
                                         "Add another point first, or Clear."))
            return
        keep = np.arange(ds.n_train) != i
        self.editor.set_data(drawn_dataset(ds.x_train[keep], ds.y_train[keep], ds.n_classes, ds),
                             translate("DataPanel", "Delete point"))

    def _change_drawn_classes(self, step: int) -> None:
        ds = self.doc.dataset
        if dataset_key(ds) != "draw":
            return
        n = ds.n_classes + step
        if not 2 <= n <= MAX_CLASSES:
            return
        used = np.concatenate([ds.y_train, ds.y_test])
        if step < 0 and (used == n).any():
            self._draw_message(translate("DataPanel", "Class {k} still has points: delete them first.").format(k=n))
            return
        if step > 0:
            self._draw_class = n - 1
        self.editor.set_data(drawn_dataset(ds.x_train, ds.y_train, n, ds),
                             translate("DataPanel", "Add class") if step > 0
                             else translate("DataPanel", "Remove class"))

    def _draw_message(self, text: str) -> None:
        self.draw_controls.message.setText(text)

    def _sync_draw_controls(self) -> None:
        ds = self.doc.dataset
        n = max(2, ds.n_classes)
        self._draw_class = min(self._draw_class, n - 1)
        self.draw_controls.set_classes(n, self._draw_class)
        used = np.concatenate([ds.y_train, ds.y_test]) if ds.kind == "classification" else np.empty(0)
        self.draw_controls.remove_class.setEnabled(n > 2 and not (used == n - 1).any())

    def _update_draw_mode(self) -> None:
        if self.output is not None:
            self.output.set_draw_mode(self._key == "draw", self._draw_class)

    # ------------------------------------------------------------------ mirror the document
    def sync_from_document(self) -> None:
        """Show the document's data set: tile, sliders, seed; emits nothing."""
        self._settle.stop()
        self._pending = None
        self._pending_fields = {}
        ds = self.doc.dataset
        self._key = key = dataset_key(ds)
        for k, tile in self.tiles.items():
            tile.setChecked(k == key)
        p = ds.params
        blockers = [QSignalBlocker(w) for w in (self.seed, self.classes_spin)]
        if "generator" in p:
            self.noise.set_value(round(p.get("noise", 0)))
            self.ratio.set_value(round(p.get("train_ratio", 0.5) * 100))
            if p.get("variant") != "table":
                self.points.set_value(int(p.get("n_points", GENERATORS[key].default_n_points)))
            if "variant" in p:
                self.variant_switch.set_index(1 if p["variant"] == "cloud" else 0)
            if "n_classes" in p:
                self.classes_spin.setValue(int(p["n_classes"]))
            self.seed.setValue(min(int(p.get("seed", 0)), MAX_SEED_SHOWN))
        elif key == "csv":
            n = ds.n_train + ds.n_test
            self.ratio.set_value(round(p.get("train_ratio", ds.n_train / max(1, n)) * 100))
            self.seed.setValue(min(int(p.get("seed", 0)), MAX_SEED_SHOWN))
        del blockers
        for k in GATES:
            self.tiles[k].refresh_image()
        for k in MULTI_CLASS:
            self.tiles[k].refresh_image()
        self.draw_controls.setVisible(key == "draw")
        self.settings.setVisible(key != "draw")
        if key == "draw":
            self._sync_draw_controls()
            self._draw_message(translate("DrawControls", DRAW_HINT))
        self._update_enabled()
        self._update_draw_mode()

    def _update_enabled(self) -> None:
        key = self._key
        generated = key in GENERATORS
        table = key in GATES and self._variant() == "table"
        self.noise.setEnabled(generated and not table)
        self.points.setEnabled(generated and not table)
        self.ratio.setEnabled((generated and not table) or key == "csv")
        self.seed.setEnabled((generated and not table) or key == "csv")
        self.regenerate.setEnabled((generated and not table) or key == "csv")
        if key == "draw":
            why = translate("DataPanel", "Drawn points all train the network; noise, size and seed do not apply.")
        elif key == "csv":
            why = translate("DataPanel", "Imported points: only the split (training share and seed) can change.")
        elif table:
            why = translate("DataPanel", "A truth table is exactly four rows: noise, size and split do not apply.")
        else:
            why = ""
        for row in (self.noise, self.points):
            row.set_reason(why or None)
        self.ratio.set_reason(why if key == "draw" or table else None)


def _is_right(button) -> bool:
    try:
        return Qt.MouseButton(button) == Qt.MouseButton.RightButton
    except (TypeError, ValueError):
        return button in ("right", 2)
