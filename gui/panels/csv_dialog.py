"""The CSV import preview: what a valid file contains, before anything is loaded.

The file has already been read by :func:`engine.datasets.load_csv` (a malformed file never
gets here: the DATA panel names the bad line instead). The dialog shows the first rows,
whether the labels make a classification or a regression, the classes with their counts,
a thumbnail, and lets the user choose the share of training points. Only OK applies it.
"""

from __future__ import annotations

import html
import re

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.datasets import Dataset, from_points
from engine.errors import DataError, NeuronaError
from gui import theme
from gui.formatting import format_count
from gui.i18n import QT_TRANSLATE_NOOP, translate

from .thumbnails import dataset_thumbnail
from .widgets import SliderRow, caption, section_heading

PREVIEW_ROWS = 8

#: The engine's CSV problems (English, see ``engine.datasets.parse_csv``/``load_csv``) and
#: how the GUI says them: (pattern of the engine's message, template with the same named
#: fields). A message not listed here (a new one) is shown as the engine wrote it.
CSV_PROBLEMS: list[tuple[re.Pattern, str]] = [
    (re.compile(p, re.DOTALL), t) for p, t in (
        (r"the CSV content must be text", QT_TRANSLATE_NOOP("CsvImport", "the CSV content must be text")),
        (r"the file is too large \(more than (?P<mb>\d+) MB\)",
         QT_TRANSLATE_NOOP("CsvImport", "the file is too large (more than {mb} MB)")),
        (r"the file is empty", QT_TRANSLATE_NOOP("CsvImport", "the file is empty")),
        (r"cannot read the row \((?P<detail>.*)\)",
         QT_TRANSLATE_NOOP("CsvImport", "cannot read the row ({detail})")),
        (r"expected 3 columns \(x1, x2, label\) but found (?P<n>\d+)",
         QT_TRANSLATE_NOOP("CsvImport", "expected 3 columns (x1, x2, label) but found {n}")),
        (r'"(?P<field>.*)" in column (?P<column>\w+) is not a number',
         QT_TRANSLATE_NOOP("CsvImport", "“{field}” in column {column} is not a number")),
        (r'"(?P<field>.*)" in column (?P<column>\w+) is not a finite number \(NaN and Inf are not allowed\)',
         QT_TRANSLATE_NOOP("CsvImport",
                           "“{field}” in column {column} is not a finite number (NaN and Inf are not allowed)")),
        (r'"(?P<field>.*)" in column (?P<column>\w+) is too large \(the limit is (?P<limit>.+)\)',
         QT_TRANSLATE_NOOP("CsvImport", "“{field}” in column {column} is too large (the limit is {limit})")),
        (r"too many rows: at most (?P<n>\d+) data rows are allowed",
         QT_TRANSLATE_NOOP("CsvImport", "too many rows: at most {n} data rows are allowed")),
        (r"there are no data rows \(only a header or comments\)",
         QT_TRANSLATE_NOOP("CsvImport", "there are no data rows (only a header or comments)")),
        (r"every row has the same label \((?P<label>.*)\); at least two classes are needed",
         QT_TRANSLATE_NOOP("CsvImport", "every row has the same label ({label}); at least two classes are needed")),
        (r"cannot read (?P<file>.*?): (?P<reason>.*)",
         QT_TRANSLATE_NOOP("CsvImport", "cannot read {file}: {reason}")),
        (r"the file is not UTF-8 text; save it as 'CSV UTF-8'",
         QT_TRANSLATE_NOOP("CsvImport", "the file is not UTF-8 text; save it as “CSV UTF-8”")),
    )
]


def problem_text(exc: NeuronaError) -> str:
    """The engine's message about a CSV file (without the line), in the user's language."""
    message = exc.message if isinstance(exc, DataError) else str(exc)
    for pattern, template in CSV_PROBLEMS:
        match = pattern.fullmatch(message)
        if match:
            return translate("CsvImport", template).format(**match.groupdict())
    return message


def _fmt(v: float) -> str:
    return f"{v:.6g}"


def split_points(all_points: Dataset, ratio: float, seed: int) -> Dataset:
    """The points of ``all_points`` (train and test together) split again at ``ratio``."""
    X = np.concatenate([all_points.x_train, all_points.x_test])
    y = np.concatenate([all_points.y_train, all_points.y_test])
    names = all_points.class_names if all_points.kind == "classification" else None
    return from_points(X, y, all_points.kind, ratio, seed, all_points.name, names, all_points.extent)


class CsvPreviewDialog(QDialog):
    """Preview of ``data`` (read in file order); :meth:`dataset` is what OK would load."""

    def __init__(self, data: Dataset, file_name: str, ratio_percent: int = 50, seed: int = 0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("CsvPreviewDialog", "Import {file}").format(file=file_name))
        self._data = data
        self._seed = seed
        n = data.n_train + data.n_test
        X = np.concatenate([data.x_train, data.x_test])
        y = np.concatenate([data.y_train, data.y_test])

        title = QLabel(translate("CsvPreviewDialog", "<b>{file}</b> — {rows} rows").format(
            file=html.escape(file_name), rows=format_count(n)))
        title_font = theme.base_font()
        title_font.setPointSizeF(theme.BASE_POINT_SIZE + 2)
        title.setFont(title_font)
        title.setTextFormat(Qt.TextFormat.RichText)

        thumb = QLabel()
        thumb.setPixmap(QPixmap.fromImage(dataset_thumbnail(data, 132, max_points=2000)))
        thumb.setAlignment(Qt.AlignmentFlag.AlignTop)

        summary = QGridLayout()
        summary.setHorizontalSpacing(10)
        summary.setVerticalSpacing(4)
        summary.addWidget(caption(translate("CsvPreviewDialog", "Kind")), 0, 0, Qt.AlignmentFlag.AlignTop)
        if data.kind == "classification":
            kind = QLabel(translate("CsvPreviewDialog", "Classification · {n} classes").format(n=data.n_classes))
            summary.addWidget(kind, 0, 1)
            summary.addWidget(caption(translate("CsvPreviewDialog", "Classes")), 1, 0, Qt.AlignmentFlag.AlignTop)
            classes = QVBoxLayout()
            classes.setSpacing(2)
            counts = np.bincount(y, minlength=data.n_classes)
            for k, name in enumerate(data.class_names):
                color = theme.CLASS_COLORS[k % len(theme.CLASS_COLORS)]
                text = translate("CsvPreviewDialog", "label <b>{label}</b> &nbsp;·&nbsp; {rows} rows").format(
                    label=html.escape(name), rows=format_count(counts[k]))
                row = QLabel(f"<span style='color:{color}; font-size:14pt'>●</span>&nbsp; {text}")
                row.setTextFormat(Qt.TextFormat.RichText)
                classes.addWidget(row)
            summary.addLayout(classes, 1, 1)
        else:
            lo, hi = float(y.min()), float(y.max())
            summary.addWidget(QLabel(translate("CsvPreviewDialog", "Regression · targets {low} … {high}").format(
                low=_fmt(lo), high=_fmt(hi))), 0, 1)
        xmin, xmax, ymin, ymax = data.extent
        summary.addWidget(caption(translate("CsvPreviewDialog", "Plane")), 2, 0, Qt.AlignmentFlag.AlignTop)
        summary.addWidget(QLabel(f"x₁ {_fmt(xmin)} … {_fmt(xmax)},  x₂ {_fmt(ymin)} … {_fmt(ymax)}"), 2, 1)
        summary.setRowStretch(3, 1)
        summary.setColumnStretch(1, 1)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(thumb)
        top.addLayout(summary, 1)

        self.table = QTableWidget(min(PREVIEW_ROWS, n), 3)
        self.table.setHorizontalHeaderLabels(["x₁", "x₂", translate("CsvPreviewDialog", "label")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r in range(self.table.rowCount()):
            self.table.setItem(r, 0, self._cell(_fmt(X[r, 0])))
            self.table.setItem(r, 1, self._cell(_fmt(X[r, 1])))
            if data.kind == "classification":
                label = self._cell(data.class_names[int(y[r])])
                label.setForeground(theme.class_color(int(y[r])).darker(115))
            else:
                label = self._cell(_fmt(float(y[r])))
            self.table.setItem(r, 2, label)
        rows_shown = self.table.rowCount()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 26 * rows_shown + 6)
        if n > rows_shown:
            more = caption(translate("CsvPreviewDialog", "first {shown} of {rows} rows").format(
                shown=rows_shown, rows=format_count(n)))
        else:
            more = caption(translate("CsvPreviewDialog", "all {rows} rows").format(rows=n))

        self.ratio = SliderRow(translate("CsvPreviewDialog", "Training"), 10, 90, scale=10, fmt=lambda v: f"{v} %",
                               tooltip=translate("CsvPreviewDialog",
                                                 "Share of the rows used for training; the rest tests."))
        self.ratio.set_value(ratio_percent)
        self.split_label = QLabel()
        theme.set_role(self.split_label, "control-label")
        self.ratio.value_changed.connect(self._update_split)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("CsvPreviewDialog", "Import"))
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(section_heading(translate("CsvPreviewDialog", "First rows")))
        layout.addWidget(self.table)
        layout.addWidget(more)
        layout.addWidget(section_heading(translate("CsvPreviewDialog", "Split")))
        layout.addWidget(self.ratio)
        layout.addWidget(self.split_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self._update_split(self.ratio.value())

    @staticmethod
    def _cell(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _update_split(self, percent: int) -> None:
        n = self._data.n_train + self._data.n_test
        k = min(n, int(n * percent / 100 + 1e-9))
        self._ok.setEnabled(k >= 1)
        if k < 1:
            self.split_label.setText(translate("CsvPreviewDialog",
                                               "Too few rows for this split: choose a larger training share."))
        else:
            self.split_label.setText(translate("CsvPreviewDialog", "{train} points train the network, {test} test it")
                                     .format(train=format_count(k), test=format_count(n - k)))

    def ratio_percent(self) -> int:
        return self.ratio.value()

    def dataset(self) -> Dataset:
        """The data set OK loads: the rows shuffled with the seed and split at the ratio."""
        return split_points(self._data, self.ratio.value() / 100, self._seed)
