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
from gui.icons import icon

from .csv_dialog import CsvPreviewDialog, split_points
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
CSV_FILTER = "CSV files (*.csv *.txt *.tsv);;All files (*)"

TOOLTIPS = {
    "xor": "Exclusive or, Playground's version: class 1 (blue) where x₁·x₂ ≥ 0.",
    "xor_gate": "Logic gate XOR: true when exactly one input is 1.",
    "spiral3": "A spiral with one arm per class (set the number of classes).",
    "blobs": "Gaussian clouds on a circle, one per class (set the number of classes).",
    "reg_gauss": "Regression, Playground's “multi Gaussian”: six bumps of value +1 or −1.",
    "draw": "Draw your own points: click the output plot to add them, right-click to remove.",
    "csv": "Import points from a CSV file with rows x1,x2,label.",
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
                self.tiles[key] = DataTile(key, text, self._tooltip(key), self._image_provider(key),
                                           compact=key in GATES)
                self.tiles[key].clicked.connect(lambda _=False, k=key: self._tile_clicked(k))

        self.variant_switch = SegmentedSwitch([
            ("Table", "Logic gates as their truth table: the four rows 00, 01, 10, 11"),
            ("Cloud", "Logic gates as noisy clouds of points around the four corners"),
        ])
        self.variant_switch.group.idClicked.connect(self._variant_toggled)

        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(3, MAX_CLASSES)
        self.classes_spin.setValue(3)
        self.classes_spin.setMinimumHeight(30)
        self.classes_spin.setToolTip("Number of classes of Blobs and Spirals (3 to 8)")
        classes_box = QWidget()
        cb = QVBoxLayout(classes_box)
        cb.setContentsMargins(6, 0, 0, 0)
        cb.setSpacing(2)
        cb.addStretch(1)
        cb.addWidget(caption("Classes"))
        cb.addWidget(self.classes_spin, 0, Qt.AlignmentFlag.AlignLeft)
        cb.addStretch(1)
        self.classes_spin.valueChanged.connect(self._classes_changed)

        self.tile_grid = TileGrid(self.variant_switch, classes_box, self.tiles)

        # -- settings ------------------------------------------------------------------
        self.noise = SliderRow("Noise", 0, 50, tooltip="How much the points stray from the pattern (0–50)")
        self.ratio = SliderRow("Training", 10, 90, scale=10, fmt=lambda v: f"{v} %",
                               tooltip="Ratio of training to test data: the share of points the network "
                                       "learns from; the rest test it")
        self.points = SliderRow("Points", 10, 2000, scale=10, fmt=lambda v: f"{v:,}",
                                tooltip="How many points to generate")
        self.seed = QSpinBox()
        self.seed.setRange(0, MAX_SEED_SHOWN)
        self.seed.setMinimumHeight(30)
        self.seed.setMinimumWidth(64)  # not as wide as the largest seed: it scrolls
        self.seed.setToolTip("The random seed: the same seed gives the same points")
        self.regenerate = QToolButton()
        self.regenerate.setIcon(icon("reset-seed"))
        self.regenerate.setText("Regenerate")
        self.regenerate.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.regenerate.setMinimumHeight(30)
        self.regenerate.setToolTip("Regenerate: new random points with the same settings (a new seed)")
        seed_row = QHBoxLayout()
        seed_row.setSpacing(8)
        seed_label = caption("Seed")
        seed_label.setMinimumWidth(self.noise.label.minimumWidth())
        seed_row.addWidget(seed_label)
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.regenerate)

        self.noise.value_changed.connect(lambda v: self._changed("Change noise", noise=float(v)))
        self.ratio.value_changed.connect(
            lambda v: self._changed("Change train/test ratio", train_ratio=v / 100))
        self.points.value_changed.connect(lambda v: self._changed("Change number of points", n_points=v))
        self.seed.valueChanged.connect(lambda v: self._changed("Change seed", seed=v))
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
        self._pending = "New random data"
        self._pending_fields["seed"] = new
        self._apply_pending()

    def import_csv(self) -> bool:
        """Ask for a CSV file, show what is wrong or a preview; load it after OK."""
        path, _ = QFileDialog.getOpenFileName(self, "Import data from CSV", "", CSV_FILTER)
        if not path:
            return False
        name = Path(path).name
        try:
            data = load_csv(path)  # file order, all rows: the dialog splits it
        except DataError as exc:
            where = f"Problem on line {exc.line}: " if exc.line is not None else "Problem: "
            QMessageBox.warning(
                self, "Cannot import the CSV file",
                f"{name} could not be imported.\n\n{where}{exc.message}.\n\n"
                "Nothing was loaded; the current data are unchanged.\n"
                "Each row needs three numbers: x1, x2, label.")
            return False
        dialog = CsvPreviewDialog(data, name, self.ratio.value(), self.seed.value(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            ds = dialog.dataset()
        except NeuronaError as exc:
            QMessageBox.warning(self, "Cannot import the CSV file", f"{name}: {exc}")
            return False
        return self.editor.set_data(ds, f"Import {name}")

    def clear_drawing(self) -> None:
        ds = self.doc.dataset
        if dataset_key(ds) != "draw":
            return
        X, y = DRAW_START
        self.editor.set_data(drawn_dataset(X, y, ds.n_classes, ds), "Clear points")

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
            return TOOLTIPS[key]
        return GENERATORS[key].description

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
                self.editor.set_data(ds, "Draw your own data" if key == "draw" else f"Data: {label}")
        self.sync_from_document()  # the right tile stays checked, whatever happened

    def _variant(self) -> str:
        return "cloud" if self.variant_switch.index() == 1 else "table"

    def _variant_toggled(self, _index: int) -> None:
        for key in GATES:
            self.tiles[key].refresh_image()
        if self._key in GATES:
            self._pending = "Gate data: noisy cloud" if self._variant() == "cloud" else "Gate data: truth table"
            self._pending_fields["variant"] = self._variant()
            self._apply_pending()
        self._update_enabled()

    def _classes_changed(self, n: int) -> None:
        for key in MULTI_CLASS:
            self.tiles[key].refresh_image()
        if self._key in MULTI_CLASS:
            self._changed("Change number of classes", n_classes=n)

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
            self._draw_message(f"A data set holds at most {MAX_POINTS:,} points.")
            return
        k = min(self._draw_class, ds.n_classes - 1)
        X = np.vstack([ds.x_train, [[x, y]]])
        labels = np.append(ds.y_train, k)
        self.editor.set_data(drawn_dataset(X, labels, ds.n_classes, ds), "Add point")

    def _delete_near(self, ds: Dataset, x: float, y: float) -> None:
        i = nearest_point(ds, x, y)
        if i is None:
            return  # nothing close enough to the click
        if ds.n_train == 1:
            self._draw_message("The last point stays: a data set needs at least one. "
                               "Add another point first, or Clear.")
            return
        keep = np.arange(ds.n_train) != i
        self.editor.set_data(drawn_dataset(ds.x_train[keep], ds.y_train[keep], ds.n_classes, ds),
                             "Delete point")

    def _change_drawn_classes(self, step: int) -> None:
        ds = self.doc.dataset
        if dataset_key(ds) != "draw":
            return
        n = ds.n_classes + step
        if not 2 <= n <= MAX_CLASSES:
            return
        used = np.concatenate([ds.y_train, ds.y_test])
        if step < 0 and (used == n).any():
            self._draw_message(f"Class {n} still has points: delete them first.")
            return
        if step > 0:
            self._draw_class = n - 1
        self.editor.set_data(drawn_dataset(ds.x_train, ds.y_train, n, ds),
                             "Add class" if step > 0 else "Remove class")

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
            self._draw_message(DRAW_HINT)
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
        why = {
            "draw": "Drawn points all train the network; noise, size and seed do not apply.",
            "csv": "Imported points: only the split (training share and seed) can change.",
        }.get(key, "A truth table is exactly four rows: noise, size and split do not apply." if table else "")
        for row in (self.noise, self.points):
            row.set_reason(why or None)
        self.ratio.set_reason(why if key == "draw" or table else None)


def _is_right(button) -> bool:
    try:
        return Qt.MouseButton(button) == Qt.MouseButton.RightButton
    except (TypeError, ValueError):
        return button in ("right", 2)
