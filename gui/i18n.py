"""Languages: every visible string goes through Qt's translation system.

Convention (``pyside6-lupdate`` finds these calls; see docs/translations.md)::

    from gui.i18n import translate, QT_TRANSLATE_NOOP

    label.setText(translate("DataPanel", "Noise"))
    status = translate("Toolbar", "Epoch {epoch}").format(epoch=n)   # never an f-string
    NAMES = {"sgd": QT_TRANSLATE_NOOP("Optimizers", "SGD")}           # tables at import time …
    combo.addItem(translate("Optimizers", NAMES["sgd"]))             # … translated when shown

The first argument is the *context* (by custom, the class or module name that shows the
text); the source strings are English. Strings made at import time must be marked with
``QT_TRANSLATE_NOOP`` and translated when shown, so that switching language (which
rebuilds the window) shows them in the new language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate

__all__ = ["QT_TRANSLATE_NOOP", "translate"]
