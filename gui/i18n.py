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
rebuilds the window, see :mod:`gui.language`) shows them in the new language.

Which language: ``--lang`` on the command line, else ``NEURONA_LANGUAGE``, else the one
chosen in View › Language (remembered), else the system's (``es`` for ``es_AR``), else
English. :func:`install_language` loads ``resources/translations/neurona_<lang>.qm`` and
Qt's own ``qtbase_<lang>.qm`` (standard buttons and dialogs).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

translate = QCoreApplication.translate

#: the languages Neurona speaks, by code, with their names in their own language
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
#: the language of the source strings (needs no translation file)
SOURCE_LANGUAGE = "en"
SETTINGS_KEY = "ui/language"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "translations"

_current = SOURCE_LANGUAGE
_translators: list[QTranslator] = []

__all__ = [
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "current_language",
    "install_language",
    "normalize_language",
    "preferred_language",
    "translate",
]


def normalize_language(code: str | None) -> str | None:
    """``"es_AR"``, ``"es-419"``, ``"ES"`` → ``"es"``; None for a language Neurona lacks."""
    if not code:
        return None
    base = code.strip().replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


def system_language() -> str:
    """The first of the system's UI languages that Neurona speaks, else English."""
    for code in QLocale.system().uiLanguages():
        found = normalize_language(code)
        if found:
            return found
    return SOURCE_LANGUAGE


def saved_language() -> str | None:
    return normalize_language(str(QSettings().value(SETTINGS_KEY, "") or ""))


def save_language(code: str) -> None:
    QSettings().setValue(SETTINGS_KEY, code)


def preferred_language(explicit: str | None = None) -> str:
    """``explicit`` (``--lang``), ``NEURONA_LANGUAGE``, the saved choice, the system's."""
    return (
        normalize_language(explicit)
        or normalize_language(os.environ.get("NEURONA_LANGUAGE"))
        or saved_language()
        or system_language()
    )


def current_language() -> str:
    """The language installed by :func:`install_language` (English until then)."""
    return _current


def translation_file(code: str) -> Path:
    return TRANSLATIONS_DIR / f"neurona_{code}.qm"


def install_language(code: str) -> str:
    """Make ``code`` the language of every string translated from now on.

    Removes the translators installed before. Returns the language installed: English
    when ``code`` is unknown or its translation file cannot be loaded (with a warning on
    stderr, since the window cannot show one yet).
    """
    global _current
    app = QCoreApplication.instance()
    for old in _translators:
        if app is not None:
            app.removeTranslator(old)
    _translators.clear()
    code = normalize_language(code) or SOURCE_LANGUAGE
    if code != SOURCE_LANGUAGE:
        ours = QTranslator()
        if not ours.load(str(translation_file(code))):
            import sys

            print(f"neurona: no translation file for {LANGUAGES[code]} ({translation_file(code)}); "
                  "showing English", file=sys.stderr)
            code = SOURCE_LANGUAGE
        else:
            qt = QTranslator()
            if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                _translators.append(qt)
            _translators.append(ours)
            if app is not None:
                for t in _translators:
                    app.installTranslator(t)
    # numbers are written with a decimal point in every language, as in the formulas, the
    # exported code and CSV files (spin boxes would otherwise follow the system: 0,03)
    numbers = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    numbers.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator | QLocale.NumberOption.RejectGroupSeparator)
    QLocale.setDefault(numbers)
    _current = code
    return code
