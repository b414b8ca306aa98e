"""View ▸ Theme and View ▸ Colours: choosing the theme tokens and the data palette live.

``Appearance(window, ws)`` adds both menus (exclusive choices), applies a choice at once
to everything on screen and remembers it in QSettings (when the window persists its
settings). The colours themselves live in :mod:`gui.theme`; this module only chooses and
restyles the few parts of the main window that were coloured when they were built (dock
backgrounds, the problem and description bars). Every view restyles itself through
:func:`gui.theme.on_change`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from gui import theme
from gui.i18n import translate

THEME_KEY = "appearance/theme"
PALETTE_KEY = "appearance/palette"


class Appearance(QObject):
    """The Theme and Colours menus; see the module docstring."""

    #: (theme key, palette key) after either changed
    changed = Signal(str, str)

    def __init__(self, window, ws=None):
        super().__init__(window)
        self.window, self.ws = window, ws
        self.theme_group = QActionGroup(self)
        self.palette_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        self.palette_actions: dict[str, QAction] = {}
        for key, entry in theme.THEMES.items():
            action = self._choice(f"theme_{key}", translate("Theme", entry.name), self.theme_group,
                                  lambda _on=False, k=key: self.set_theme(k))
            self.theme_actions[key] = action
        self.theme_actions["high_contrast"].setStatusTip(translate(
            "Appearance", "White background, black text and thick outlines for a washed-out projector"))
        for key, entry in theme.PALETTES.items():
            action = self._choice(f"palette_{key}", translate("DataPalette", entry.name), self.palette_group,
                                  lambda _on=False, k=key: self.set_palette(k))
            self.palette_actions[key] = action
        self.palette_actions["tol"].setStatusTip(translate(
            "Appearance", "Dark blue and yellow: apart for every kind of colour blindness and in greyscale"))

        view = window.view_menu
        view.addSeparator()
        self.theme_menu = view.addMenu(translate("Appearance", "&Theme"))
        self.theme_menu.addActions(list(self.theme_actions.values()))
        self.palette_menu = view.addMenu(translate("Appearance", "&Colours"))
        self.palette_menu.addActions(list(self.palette_actions.values()))

        theme.on_change(self.restyle_window)
        saved_theme, saved_palette = self._load()
        theme.set_palette(saved_palette)
        theme.set_theme(saved_theme)
        self._sync_actions()
        self.restyle_window()

    def _choice(self, name: str, text: str, group: QActionGroup, slot) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        action.setCheckable(True)
        action.triggered.connect(slot)
        group.addAction(action)
        self.window.addAction(action)
        return action

    # -- state ------------------------------------------------------------------------------
    @property
    def theme(self) -> str:
        return theme.current_theme()

    @property
    def palette(self) -> str:
        return theme.current_palette()

    def set_theme(self, key: str) -> None:
        """Switch to theme ``key`` (a :data:`gui.theme.THEMES` key) and remember it."""
        theme.set_theme(key)
        self._after_choice()

    def set_palette(self, key: str) -> None:
        """Switch to data palette ``key`` (a :data:`gui.theme.PALETTES` key) and remember it."""
        theme.set_palette(key)
        self._after_choice()

    def _after_choice(self) -> None:
        self._sync_actions()
        self._save()
        self.changed.emit(self.theme, self.palette)

    def _sync_actions(self) -> None:
        self.theme_actions[self.theme].setChecked(True)
        self.palette_actions[self.palette].setChecked(True)

    # -- settings ---------------------------------------------------------------------------
    def _settings(self) -> QSettings | None:
        if not getattr(self.window, "_persist", False):
            return None
        make = getattr(self.window, "_settings", None)
        return make() if callable(make) else None

    def _load(self) -> tuple[str, str]:
        settings = self._settings()
        t, p = theme.current_theme(), theme.current_palette()
        if settings is not None:
            saved_t, saved_p = settings.value(THEME_KEY, t), settings.value(PALETTE_KEY, p)
            t = saved_t if saved_t in theme.THEMES else t  # an unknown name (older file): keep
            p = saved_p if saved_p in theme.PALETTES else p
        return str(t), str(p)

    def _save(self) -> None:
        settings = self._settings()
        if settings is not None:
            settings.setValue(THEME_KEY, self.theme)
            settings.setValue(PALETTE_KEY, self.palette)

    # -- the window's own parts ---------------------------------------------------------------
    def restyle_window(self) -> None:
        c = theme.COLORS
        w = self.window
        for dock in w.findChildren(QDockWidget):
            palette = dock.palette()
            palette.setColor(palette.ColorRole.Window, QColor(c.surface))
            dock.setPalette(palette)
        problem = getattr(w, "problem_bar", None)
        if isinstance(problem, QLabel):
            problem.setStyleSheet(
                f"#problemBar {{ background: {c.warning_bg}; color: {c.warning_ink};"
                f" border-bottom: 2px solid {c.warning_border}; padding: 10px 16px; font-size: 11pt; }}")
        description = w.findChild(QLabel, "descriptionBar")
        if description is not None:
            description.setStyleSheet(
                f"#descriptionBar {{ background: {c.surface}; color: {c.muted};"
                f" border-bottom: 1px solid {c.border}; padding: 6px 16px; font-size: 10.5pt; }}")
        for widget in [w, *w.findChildren(QWidget)]:
            widget.update()
