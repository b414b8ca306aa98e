"""File › Export › Code: the network as a NumPy script, Keras code or PyTorch code.

The code comes from :func:`engine.export.export_code` (architecture, settings and the
trained weights); this module only asks where to write it. Training is paused first so
the exported weights are exactly the ones on the canvas.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from engine.errors import NeuronaError
from gui.i18n import QT_TRANSLATE_NOOP, translate

#: (format, menu text, tip); the texts are translation markers (context "CodeExportActions")
FORMATS = (
    ("numpy", QT_TRANSLATE_NOOP("CodeExportActions", "&NumPy Script…"),
     QT_TRANSLATE_NOOP("CodeExportActions", "A standalone Python script (NumPy only) that reproduces the predictions")),
    ("keras", QT_TRANSLATE_NOOP("CodeExportActions", "&Keras Code…"),
     QT_TRANSLATE_NOOP("CodeExportActions", "Keras code in the course's style, with the trained weights loaded")),
    ("pytorch", QT_TRANSLATE_NOOP("CodeExportActions", "&PyTorch Code…"),
     QT_TRANSLATE_NOOP("CodeExportActions", "A PyTorch module with the trained weights and the same optimizer")),
)


class CodeExportActions(QObject):
    def __init__(self, window, ws):
        super().__init__(window)
        self.window, self.ws = window, ws
        menu = window.export_menu.addMenu(translate("CodeExportActions", "&Code"))
        menu.setObjectName("menu_export_code")
        self.actions: dict[str, QAction] = {}
        for fmt, text, tip in FORMATS:
            action = QAction(translate("CodeExportActions", text), window)
            action.setObjectName(f"action_export_code_{fmt}")
            action.setToolTip(translate("CodeExportActions", tip))
            action.setStatusTip(translate("CodeExportActions", tip))
            action.triggered.connect(lambda _checked=False, f=fmt: self.export_dialog(f))
            menu.addAction(action)
            self.actions[fmt] = action

    def code(self, fmt: str) -> str:
        from engine.export import (
            export_code,  # (imported when first needed: start-up time)
        )

        doc = self.ws.doc
        return export_code(
            doc.network, fmt, training=doc.training, dataset=doc.dataset,
            title=doc.title or None, description=doc.description or None,
        )

    def suggested_name(self, fmt: str) -> str:
        files = getattr(self.ws, "files", None)
        stem = files.path.stem if files is not None and files.path is not None else "network"
        # never numpy.py / keras.py / torch.py: the file would shadow the library it imports
        return f"{stem}_{fmt}.py"

    def export_to(self, fmt: str, path: str | Path) -> bool:
        from engine.io import write_atomic

        self.ws.controller.pause()
        try:
            write_atomic(path, self.code(fmt))
        except (OSError, NeuronaError) as exc:
            QMessageBox.warning(
                self.window, translate("CodeExportActions", "Cannot export code"),
                translate("CodeExportActions", "“{name}” could not be written:\n{problem}").format(
                    name=Path(path).name, problem=exc),
            )
            return False
        self.window.statusBar().showMessage(
            translate("CodeExportActions", "Wrote {name}").format(name=Path(path).name), 6000
        )
        return True

    def export_dialog(self, fmt: str) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self.window, translate("CodeExportActions", "Export code"), self.suggested_name(fmt),
            translate("CodeExportActions", "Python files (*.py)"),
        )
        if not path:
            return False
        if not path.endswith(".py"):
            path += ".py"
        return self.export_to(fmt, path)
