"""Neurona's look: theme tokens, data palettes, type scale, Fusion palette and widget roles.

Colour has two jobs and they never mix:

* **Data colours** come from the chosen *data palette* (View ▸ Colours): a negative and a
  positive colour with a neutral between them, used for weights, activations, decision
  regions and the two classes, plus a categorical set for a third class and beyond.

  - *Blue / orange* (the default) is TensorFlow Playground's pair: orange for negative
    values and class 0, blue for positive values and class 1; then Okabe–Ito's colours.
  - *Blue / yellow* is Paul Tol's "high-contrast" scheme (dark blue ``#004488``, yellow
    ``#ddaa33``, red ``#bb5566``), designed to stay apart for every form of colour
    blindness *and* in greyscale: the pair differs mostly in lightness (relative luminance
    0.059 against 0.44, a 4.5:1 ratio; Playground's pair is 2.1:1), so it survives
    deuteranopia, protanopia, tritanopia, a black-and-white printout and a washed-out
    projector. More classes take Okabe–Ito's colours.

* **Interface colours** are the *theme tokens* of :class:`UiColors` (View ▸ Theme): greys
  and one accent, a teal, for the primary button, selection and keyboard focus. Teal is
  neither of the data colours, so a selected control never looks like a weight. Three
  themes: *Light* (the default), *High contrast* (white, black text, thicker dark
  outlines, saturated data colours, for washed-out projectors) and *Dark*.

One source of truth: :data:`COLORS` is the live token set and :data:`ORANGE` (negative),
:data:`BLUE` (positive), :data:`NEUTRAL` and :data:`CLASS_COLORS` the live data colours.
:func:`set_theme` and :func:`set_palette` change them in place and then call every
function registered with :func:`on_change`; views read the tokens when they paint (or
rebuild what they cached in their callback). The names ORANGE and BLUE stay for the
negative and positive colour whatever the palette.

Type scale (points; base at least 10 pt so the back row of a classroom can read it):

=============  ======  ===============================================================
role           size    used for
=============  ======  ===============================================================
heading        10 b    panel titles in capitals with letter spacing: DATA, FEATURES
label          9       small caps caption above a control: "Learning rate"
base           10      everything else
big number     22      epoch counter, loss readouts
=============  ======  ===============================================================
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, fields, replace

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QFont, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QWidget

from gui.icons import app_icon, icon  # noqa: F401  (re-exported: gui.theme.icon)

# --- data palettes -----------------------------------------------------------------------

#: Okabe & Ito's colour-blind-safe categorical colours (bluish green, reddish purple,
#: vermillion, sky blue, yellow), for a third class and beyond
_OKABE_ITO = ("#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#f0e442")


@dataclass(frozen=True)
class DataPalette:
    """Negative / positive colours and the classes after the first two.

    ``strong_*`` are the saturated variants the high-contrast theme uses.
    """

    key: str
    name: str  # QT_TRANSLATE_NOOP("DataPalette", ...)
    negative: str
    positive: str
    more_classes: tuple[str, ...]
    strong_negative: str
    strong_positive: str

    def pair(self, strong: bool = False) -> tuple[str, str]:
        return (self.strong_negative, self.strong_positive) if strong else (self.negative, self.positive)


PALETTES: dict[str, DataPalette] = {
    "playground": DataPalette(
        "playground", QT_TRANSLATE_NOOP("DataPalette", "&Blue / Orange (Playground)"),
        negative="#f59322", positive="#0877bd",
        more_classes=(*_OKABE_ITO, "#4d4d4d"),
        strong_negative="#e86a00", strong_positive="#0059a6",
    ),
    "tol": DataPalette(
        "tol", QT_TRANSLATE_NOOP("DataPalette", "Blue / &Yellow (light–dark, colour-blind safe)"),
        negative="#ddaa33", positive="#004488",
        # Tol's third high-contrast colour, then Okabe–Ito's that differ from the pair
        more_classes=("#bb5566", "#009e73", "#56b4e9", "#cc79a7", "#d55e00", "#4d4d4d"),
        strong_negative="#d99a00", strong_positive="#002f6c",
    ),
}
DEFAULT_PALETTE = "playground"

# live data colours (rebound by set_palette / set_theme)
ORANGE = "#f59322"  #: value −1, negative weight, class 0 (whatever the palette's colour)
NEUTRAL = "#e8eaeb"  #: value 0
BLUE = "#0877bd"  #: value +1, positive weight, class 1

#: Colours for up to eight classes: the palette's negative and positive colours first,
#: then its categorical set.
CLASS_COLORS: tuple[str, ...] = (ORANGE, BLUE, *PALETTES["playground"].more_classes)


def class_color(index: int) -> QColor:
    """Colour of class ``index`` (wraps around after eight classes)."""
    return QColor(CLASS_COLORS[index % len(CLASS_COLORS)])


def _rgb(hex_color: str) -> np.ndarray:
    c = QColor(hex_color)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


def diverging_lut(n: int = 256) -> np.ndarray:
    """An ``(n, 4)`` uint8 RGBA table mapping −1 … +1 to negative → neutral → positive.

    Entry ``i`` shows the value ``v = −1 + 2·i/(n−1)``: linear in RGB from ORANGE to
    NEUTRAL for ``v ≤ 0`` and from NEUTRAL to BLUE for ``v ≥ 0`` (as Playground's
    ``d3.scale.linear().domain([-1, 0, 1])``). Alpha is 255. Feed it to
    ``ImageItem.setLookupTable`` with ``levels=(-1, 1)``.
    """
    if n < 2:
        raise ValueError(f"a lookup table needs at least 2 entries, got {n}")
    v = np.linspace(-1.0, 1.0, n)[:, None]
    orange, neutral, blue = _rgb(ORANGE), _rgb(NEUTRAL), _rgb(BLUE)
    rgb = np.where(v < 0, neutral + (orange - neutral) * -v, neutral + (blue - neutral) * v)
    lut = np.empty((n, 4), dtype=np.uint8)
    lut[:, :3] = np.rint(rgb).astype(np.uint8)
    lut[:, 3] = 255
    return lut


def value_color(value: float) -> QColor:
    """The diverging colour of one value in −1 … +1 (clamped), e.g. for a weight's edge."""
    v = min(1.0, max(-1.0, float(value))) if value == value else 0.0
    end = _rgb(BLUE) if v >= 0 else _rgb(ORANGE)
    r, g, b = np.rint(_rgb(NEUTRAL) + (end - _rgb(NEUTRAL)) * abs(v)).astype(int)
    return QColor(int(r), int(g), int(b))


def relative_luminance(color: str | QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 black … 1 white)."""
    c = QColor(color)

    def lin(v: int) -> float:
        s = v / 255.0
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())


def contrast_ratio(a: str | QColor, b: str | QColor) -> float:
    """WCAG 2 contrast ratio (L₁ + 0.05) / (L₂ + 0.05), 1 … 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# --- interface colours (theme tokens) --------------------------------------------------------


@dataclass
class UiColors:
    """The interface tokens of one theme. One accent; everything else is ink on greys.

    The defaults are the Light theme. :data:`COLORS` is the live instance: it is updated
    in place when the theme changes, so ``theme.COLORS.ink`` is always the current ink.
    """

    window: str = "#eef1f3"  # behind panels
    surface: str = "#ffffff"  # panels, top bar
    input_bg: str = "#ffffff"  # text fields, spin boxes, check boxes (QPalette.Base)
    canvas: str = "#fafbfc"  # the network canvas
    canvas_grid: str = "#d3dadf"  # dots on the canvas
    border: str = "#d0d8dd"
    ink: str = "#263238"  # text
    muted: str = "#5f7079"  # captions, secondary text (≥ 4.5:1 on white)
    placeholder: str = "#8a9aa3"
    disabled: str = "#a7b4ba"
    accent: str = "#00796b"  # deep teal: primary button, selection, focus
    accent_hover: str = "#00897b"
    accent_pressed: str = "#00625a"
    accent_soft: str = "#d7efec"  # selection behind dark text, hover wash
    accent_soft_pressed: str = "#b9e0db"
    on_accent: str = "#ffffff"  # text and icons on the accent
    error: str = "#c62828"
    error_soft: str = "#fdecea"
    warning_bg: str = "#fff4e5"  # the problem bar above the canvas
    warning_ink: str = "#5d3a00"
    warning_border: str = "#f59322"
    note_bg: str = "#fff8e1"  # a remark box (the activation viewer's notes)
    note_border: str = "#8d6e00"
    formula_bg: str = "#f2f7f7"  # a formula box (lessons)
    # Fusion palette roles
    alternate_base: str = "#f5f7f8"
    button: str = "#f7f9fa"
    light: str = "#ffffff"
    midlight: str = "#e3e8eb"
    mid: str = "#c3ccd1"
    dark: str = "#9aa7ae"
    shadow: str = "#6b7b84"
    tooltip_bg: str = "#263238"
    tooltip_ink: str = "#ffffff"
    icon_ink: str = "#37474f"  # the ink of the SVG icon set
    icon_disabled: str = "#a7b4ba"
    # the network canvas
    lane_fill: str = "#eef1f3"
    lane_border: str = "#d5dde2"
    lane_drop_fill: str = "#dcefec"
    neuron_border: str = "#90a4ae"
    neuron_hover: str = "#455a64"
    bias_border: str = "#607d8b"
    removed_edge: str = "#b8c3c9"
    button_fill: str = "#ffffff"
    button_border: str = "#b0bec5"
    hover_outline: str = "#546e7a"
    halo_accent: str = "#80cbc4"
    halo_hover: str = "#cfd8dc"
    toast_bg: str = "#263238"
    toast_ink: str = "#ffffff"
    # data set and feature thumbnails
    thumb_bg: str = "#f3f5f6"
    thumb_frame: str = "#c9d2d7"
    # plots
    plot_axis: str = "#8a9aa3"
    train_curve: str = "#37474f"
    test_curve: str = "#00796b"
    train_acc_curve: str = "#78909c"
    test_acc_curve: str = "#4db6ac"
    point_outline: str = "#ffffff"  # training points
    test_point_outline: str = "#263238"  # test points (diamonds)
    # data colours the theme decides: the neutral middle of the diverging scale, what the
    # decision region is blended over and how strongly, and the palette variant
    neutral: str = "#e8eaeb"
    region_base: str = "#ffffff"
    region_alpha: float = 160 / 255
    strong_data: bool = False
    #: outlines, borders and curves are this many times as wide
    line_scale: float = 1.0


@dataclass(frozen=True)
class Theme:
    key: str
    name: str  # QT_TRANSLATE_NOOP("Theme", ...)
    colors: UiColors
    dark: bool = False


LIGHT = UiColors()

HIGH_CONTRAST = UiColors(
    window="#ffffff", surface="#ffffff", canvas="#ffffff", canvas_grid="#bdbdbd",
    border="#1a1a1a", ink="#000000", muted="#1f1f1f", placeholder="#4d4d4d", disabled="#6e6e6e",
    accent="#00574e", accent_hover="#006b60", accent_pressed="#003d36", accent_soft="#c9ece7",
    accent_soft_pressed="#a6ddd5", on_accent="#ffffff", error="#b00000", error_soft="#ffe5e5",
    warning_bg="#fff0d6", warning_ink="#000000", warning_border="#000000", note_bg="#ffffff", note_border="#000000",
    formula_bg="#ffffff",
    alternate_base="#f0f0f0", button="#ffffff", light="#ffffff", midlight="#d9d9d9", mid="#8c8c8c",
    dark="#404040", shadow="#000000", tooltip_bg="#000000", tooltip_ink="#ffffff",
    icon_ink="#000000", icon_disabled="#8c8c8c",
    lane_fill="#f2f2f2", lane_border="#1a1a1a", lane_drop_fill="#c9ece7", neuron_border="#000000",
    neuron_hover="#000000", bias_border="#000000", removed_edge="#8c8c8c", button_fill="#ffffff",
    button_border="#000000", hover_outline="#000000", halo_accent="#4db6ac", halo_hover="#9e9e9e",
    toast_bg="#000000", toast_ink="#ffffff", thumb_bg="#ffffff", thumb_frame="#000000",
    plot_axis="#000000", train_curve="#000000", test_curve="#00574e", train_acc_curve="#4d4d4d",
    test_acc_curve="#008577", point_outline="#000000", test_point_outline="#000000",
    neutral="#ffffff", region_base="#ffffff", region_alpha=0.8, strong_data=True, line_scale=1.6,
)

DARK = UiColors(
    window="#101417", surface="#1b2226", input_bg="#28323a", canvas="#161c1f", canvas_grid="#2f3a40",
    border="#34424a", ink="#e8eef1", muted="#a8b7bf", placeholder="#7f8f98", disabled="#5f6f78",
    accent="#4db6ac", accent_hover="#66c2b9", accent_pressed="#3a9c93", accent_soft="#1f3d3a",
    accent_soft_pressed="#27514c", on_accent="#08201d", error="#ff6b66", error_soft="#3d1f1f",
    warning_bg="#3a2a12", warning_ink="#ffe0b0", warning_border="#f59322", note_bg="#2e2712", note_border="#d4a72c",
    formula_bg="#1b2b2a",
    alternate_base="#20282c", button="#242d32", light="#3b474e", midlight="#2d373d", mid="#44525a",
    dark="#0b0e10", shadow="#000000", tooltip_bg="#e8eef1", tooltip_ink="#101417",
    icon_ink="#d5dee3", icon_disabled="#5f6f78",
    lane_fill="#20292e", lane_border="#3a4850", lane_drop_fill="#1f3d3a", neuron_border="#71858f",
    neuron_hover="#d5dee3", bias_border="#8fa1aa", removed_edge="#4b5a62", button_fill="#242d32",
    button_border="#62747d", hover_outline="#b0bec5", halo_accent="#2e7169", halo_hover="#44525a",
    toast_bg="#e8eef1", toast_ink="#101417", thumb_bg="#232b30", thumb_frame="#4b5a62",
    plot_axis="#7f8f98", train_curve="#e8eef1", test_curve="#4db6ac", train_acc_curve="#9fb2bb",
    test_acc_curve="#80cbc4", point_outline="#101417", test_point_outline="#e8eef1",
    neutral="#2c3439", region_base="#1b2226", region_alpha=0.78, strong_data=False, line_scale=1.0,
)

THEMES: dict[str, Theme] = {
    "light": Theme("light", QT_TRANSLATE_NOOP("Theme", "&Light"), LIGHT),
    "high_contrast": Theme("high_contrast", QT_TRANSLATE_NOOP("Theme", "&High Contrast (for projectors)"),
                           HIGH_CONTRAST),
    "dark": Theme("dark", QT_TRANSLATE_NOOP("Theme", "&Dark"), DARK, dark=True),
}
DEFAULT_THEME = "light"

#: the live tokens (changed in place by set_theme)
COLORS = replace(LIGHT)

_current = {"theme": DEFAULT_THEME, "palette": DEFAULT_PALETTE}
_listeners: list = []


def current_theme() -> str:
    return _current["theme"]


def current_palette() -> str:
    return _current["palette"]


def on_change(callback, owner=None) -> None:
    """Call ``callback()`` after every change of theme or palette.

    With ``owner`` (a QObject or any object) the callback is dropped once the owner is
    deleted; a bound method is held weakly, so registering never keeps a view alive.
    """
    if owner is None and hasattr(callback, "__self__"):
        ref = weakref.WeakMethod(callback)
        _listeners.append((ref, None))
    else:
        _listeners.append((lambda: callback, None if owner is None else weakref.ref(owner)))


def _notify() -> None:
    alive = []
    for ref, owner in list(_listeners):
        fn = ref()
        if fn is None or (owner is not None and owner() is None):
            continue
        try:
            fn()
        except RuntimeError:  # the C++ side of a view is gone
            continue
        alive.append((ref, owner))
    _listeners[:] = alive


def _update_data_colors() -> None:
    global ORANGE, BLUE, NEUTRAL, CLASS_COLORS
    palette = PALETTES[_current["palette"]]
    ORANGE, BLUE = palette.pair(COLORS.strong_data)
    NEUTRAL = COLORS.neutral
    CLASS_COLORS = (ORANGE, BLUE, *palette.more_classes)


def set_theme(key: str, *, notify: bool = True) -> bool:
    """Make ``key`` (a :data:`THEMES` key) the live theme; True if anything changed.

    Updates :data:`COLORS` in place and the data colours, restyles the application (if
    there is one) and then calls the :func:`on_change` listeners.
    """
    if key not in THEMES:
        raise KeyError(f"no theme named {key!r}; choose one of {', '.join(THEMES)}")
    changed = key != _current["theme"]
    _current["theme"] = key
    old = replace(COLORS)
    source = THEMES[key].colors
    for f in fields(UiColors):
        setattr(COLORS, f.name, getattr(source, f.name))
    _update_data_colors()
    if changed:
        _after_change(old, notify)
    return changed


def set_palette(key: str, *, notify: bool = True) -> bool:
    """Make ``key`` (a :data:`PALETTES` key) the live data palette; True if it changed."""
    if key not in PALETTES:
        raise KeyError(f"no colour palette named {key!r}; choose one of {', '.join(PALETTES)}")
    changed = key != _current["palette"]
    _current["palette"] = key
    _update_data_colors()
    if changed and notify:
        _notify()
    return changed


#: tokens icons are drawn in; an icon drawn in the old value is redrawn in the new one
_ICON_TOKENS = ("icon_ink", "icon_disabled", "muted", "ink", "accent", "disabled", "on_accent")


def _after_change(old: UiColors, notify: bool) -> None:
    from gui import icons

    mapping: dict[str, str] = {}
    for name in _ICON_TOKENS:
        mapping.setdefault(getattr(old, name).lower(), getattr(COLORS, name).lower())
    icons.retint(mapping)
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.property("neuronaThemed"):
        app.setPalette(build_palette(COLORS))
        restyle_roles(app)
    if notify:
        _notify()

# --- type scale ---------------------------------------------------------------------------

FONT_FAMILIES = ["Inter", "Segoe UI", "Helvetica Neue", "Roboto", "Noto Sans", "DejaVu Sans", "Arial"]
BASE_POINT_SIZE = 10.0
HEADING_POINT_SIZE = 10.0
LABEL_POINT_SIZE = 9.0
BIG_NUMBER_POINT_SIZE = 22.0


def base_font() -> QFont:
    """The application font: a clean sans at :data:`BASE_POINT_SIZE`."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(BASE_POINT_SIZE)
    return font


def heading_font() -> QFont:
    """Panel titles (DATA, FEATURES, OUTPUT): bold capitals, spaced like Playground's."""
    font = base_font()
    font.setPointSizeF(HEADING_POINT_SIZE)
    font.setWeight(QFont.Weight.Bold)
    font.setCapitalization(QFont.Capitalization.AllUppercase)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
    return font


def label_font() -> QFont:
    """Small caps caption above a control ("Learning rate")."""
    font = base_font()
    font.setPointSizeF(LABEL_POINT_SIZE)
    font.setWeight(QFont.Weight.DemiBold)
    font.setCapitalization(QFont.Capitalization.SmallCaps)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
    return font


def big_number_font(point_size: float = BIG_NUMBER_POINT_SIZE) -> QFont:
    """Epoch counter and loss readouts: large, light, with even-width digits."""
    font = base_font()
    font.setPointSizeF(point_size)
    font.setWeight(QFont.Weight.Normal)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font




# --- palette and stylesheet -----------------------------------------------------------------


def build_palette(c: UiColors | None = None) -> QPalette:
    """A Fusion palette from the tokens, with the teal accent for highlight and links."""
    c = COLORS if c is None else c
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    p = QPalette()
    roles = {
        R.Window: c.window,
        R.WindowText: c.ink,
        R.Base: c.input_bg,
        R.AlternateBase: c.alternate_base,
        R.ToolTipBase: c.tooltip_bg,
        R.ToolTipText: c.tooltip_ink,
        R.PlaceholderText: c.placeholder,
        R.Text: c.ink,
        R.Button: c.button,
        R.ButtonText: c.ink,
        R.BrightText: c.on_accent,
        R.Light: c.light,
        R.Midlight: c.midlight,
        R.Mid: c.mid,
        R.Dark: c.dark,
        R.Shadow: c.shadow,
        R.Highlight: c.accent,
        R.HighlightedText: c.on_accent,
        R.Link: c.accent,
        R.LinkVisited: c.accent_pressed,
        R.Accent: c.accent,
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (R.WindowText, R.Text, R.ButtonText, R.HighlightedText):
        p.setColor(G.Disabled, role, QColor(c.disabled))
    p.setColor(G.Disabled, R.Base, QColor(c.window))
    p.setColor(G.Disabled, R.Button, QColor(c.window))
    p.setColor(G.Disabled, R.Highlight, QColor(c.disabled))
    return p


#: roles whose only look is their text colour (a token name of :class:`UiColors`)
_TEXT_ROLES = {"heading": "ink", "control-label": "muted", "big-number": "ink", "placeholder": "placeholder"}


def _text_color(widget: QWidget, color: str) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
    widget.setPalette(palette)


def _background(widget: QWidget, color: str) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(color))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def _style_role(widget: QWidget, role: str, c: UiColors) -> None:
    """Give ``widget`` the look of ``role`` in the colours ``c`` (see :func:`set_role`)."""
    focus = max(1, round(c.line_scale))
    if role in _TEXT_ROLES:
        _text_color(widget, getattr(c, _TEXT_ROLES[role]))
    elif role in ("dock-title", "menu-bar", "top-bar"):
        _background(widget, c.surface)  # the top bar draws its bottom line (main_window.TopBar)
    elif role == "round":
        widget.setStyleSheet(
            f"QToolButton {{ border: {focus}px solid transparent; border-radius: 20px; }}"
            f" QToolButton:hover {{ background: {c.accent_soft}; }}"
            f" QToolButton:pressed {{ background: {c.accent_soft_pressed}; }}"
            f" QToolButton:focus {{ border: {focus}px solid {c.accent}; }}"
        )
    elif role == "title":
        widget.setStyleSheet(
            "QToolButton { border: none; border-radius: 4px; padding: 2px; }"
            f" QToolButton:hover {{ background: {c.accent_soft}; }}"
        )
    elif role == "play":
        widget.setStyleSheet(
            f"QToolButton {{ background: {c.accent}; border: none; border-radius: 27px; }}"
            f" QToolButton:hover {{ background: {c.accent_hover}; }}"
            f" QToolButton:pressed, QToolButton:checked:pressed {{ background: {c.accent_pressed}; }}"
            f" QToolButton:focus {{ border: 3px solid {c.accent_soft}; }}"
            f" QToolButton:disabled {{ background: {c.disabled}; }}"
        )
    elif role == "status-bar":
        widget.setStyleSheet(
            f"QStatusBar {{ background: {c.surface}; border-top: {focus}px solid {c.border}; color: {c.muted}; }}"
            " QStatusBar QLabel { padding: 2px 8px; } QStatusBar::item { border: none; }"
        )


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` one of Neurona's looks beyond Fusion and the palette, and keep it
    through theme changes.

    Text roles (``heading``, ``control-label``, ``big-number``, ``placeholder``) set the
    widget's text colour; ``dock-title``, ``menu-bar`` and ``top-bar`` its background; the
    round, dock-title and Play buttons (``round``, ``title``, ``play``) and the status bar
    (``status-bar``) get a style sheet of their own.

    There is deliberately no application-wide style sheet: with one, Qt styles every
    widget through its style-sheet style, which made building and first painting the
    window about 0.1 s slower (docs/performance.md, "Start-up").
    """
    widget.setProperty("role", role)
    _style_role(widget, role, COLORS)


def restyle_roles(app: QApplication, c: UiColors | None = None) -> None:
    """Apply the live (or given) colours to every widget given a role with :func:`set_role`."""
    c = COLORS if c is None else c
    for widget in app.allWidgets():
        role = widget.property("role")
        if role:
            _style_role(widget, role, c)


#: room between a tooltip's edge and its text, px (Fusion leaves 2)
TOOLTIP_PADDING = 6


class NeuronaStyle(QProxyStyle):
    """Fusion, with room around tooltip text: the one look that neither the palette nor a
    widget's own style sheet can give (tooltip labels are Qt's), and an application style
    sheet costs start-up time (see :func:`set_role`)."""

    def pixelMetric(self, metric, option=None, widget=None):  # noqa: N802 (Qt override)
        if metric == QStyle.PixelMetric.PM_ToolTipLabelFrameWidth:
            return TOOLTIP_PADDING
        return super().pixelMetric(metric, option, widget)


def apply_theme(app: QApplication, colors: UiColors | None = None) -> None:
    """Give ``app`` the Fusion style (:class:`NeuronaStyle`), the live palette and the base font.

    From then on :func:`set_theme` restyles ``app`` itself.
    """
    colors = COLORS if colors is None else colors
    if not isinstance(app.style(), NeuronaStyle) and "Fusion" in QStyleFactory.keys():
        app.setStyle(NeuronaStyle("Fusion"))
    app.setPalette(build_palette(colors))
    app.setFont(base_font())
    restyle_roles(app, colors)
    app.setProperty("neuronaThemed", True)


def paint_tile_card(painter, rect, checked: bool, hovered: bool) -> None:
    """The rounded card behind a selectable tile (data sets, activations): accent when chosen."""
    c = COLORS
    if checked:
        painter.setPen(QPen(QColor(c.accent), 3 * c.line_scale))
        painter.setBrush(QColor(c.accent_soft))
    else:
        painter.setPen(QPen(QColor(c.accent if hovered else c.border), (1.5 if hovered else 1) * c.line_scale))
        painter.setBrush(QColor(c.surface))
    painter.drawRoundedRect(rect, 6, 6)
