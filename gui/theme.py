"""Neurona's look: colours, type scale, Fusion palette and the small application stylesheet.

Colour has two jobs and they never mix:

* **Data colours** are TensorFlow Playground's pair, chosen because it stays apart for the
  common forms of colour blindness and on a washed-out projector: orange for negative
  values and class 0, blue for positive values and class 1, a light neutral grey for zero.
  Weights, activations, decision regions and data points use only these (plus the
  Okabe–Ito colours for a third class and beyond).
* **Interface colours** are light greys and one accent, a deep teal, for the primary
  button, selection and keyboard focus. Teal is neither of the data colours, so a selected
  control never looks like a weight.

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

from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QColor, QFont, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyleFactory

from gui.icons import app_icon, icon  # noqa: F401  (re-exported: gui.theme.icon)

# --- data colours (TensorFlow Playground) ------------------------------------------------

ORANGE = "#f59322"  #: value −1, negative weight, class 0
NEUTRAL = "#e8eaeb"  #: value 0
BLUE = "#0877bd"  #: value +1, positive weight, class 1

#: Colours for up to eight classes: Playground's orange and blue first, then the
#: Okabe–Ito colour-blind-safe set (bluish green, reddish purple, vermillion, sky blue,
#: yellow) and a dark grey in place of black so that points keep a visible outline.
CLASS_COLORS: tuple[str, ...] = (
    ORANGE,
    BLUE,
    "#009e73",  # bluish green
    "#cc79a7",  # reddish purple
    "#d55e00",  # vermillion
    "#56b4e9",  # sky blue
    "#f0e442",  # yellow
    "#4d4d4d",  # dark grey
)


def class_color(index: int) -> QColor:
    """Colour of class ``index`` (wraps around after eight classes)."""
    return QColor(CLASS_COLORS[index % len(CLASS_COLORS)])


def _rgb(hex_color: str) -> np.ndarray:
    c = QColor(hex_color)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


def diverging_lut(n: int = 256) -> np.ndarray:
    """An ``(n, 4)`` uint8 RGBA table mapping −1 … +1 to orange → neutral → blue.

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


# --- interface colours -------------------------------------------------------------------


@dataclass(frozen=True)
class UiColors:
    """The interface palette. One accent; everything else is ink on light greys."""

    window: str = "#eef1f3"  # behind panels
    surface: str = "#ffffff"  # panels, top bar, inputs
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
    error: str = "#c62828"
    error_soft: str = "#fdecea"


COLORS = UiColors()

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


def build_palette(c: UiColors = COLORS) -> QPalette:
    """A light Fusion palette with the teal accent for highlight and links."""
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    p = QPalette()
    roles = {
        R.Window: c.window,
        R.WindowText: c.ink,
        R.Base: c.surface,
        R.AlternateBase: "#f5f7f8",
        R.ToolTipBase: c.ink,
        R.ToolTipText: "#ffffff",
        R.PlaceholderText: c.placeholder,
        R.Text: c.ink,
        R.Button: "#f7f9fa",
        R.ButtonText: c.ink,
        R.BrightText: "#ffffff",
        R.Light: "#ffffff",
        R.Midlight: "#e3e8eb",
        R.Mid: "#c3ccd1",
        R.Dark: "#9aa7ae",
        R.Shadow: "#6b7b84",
        R.Highlight: c.accent,
        R.HighlightedText: "#ffffff",
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


def stylesheet(c: UiColors = COLORS) -> str:
    """The few rules Fusion plus the palette cannot express: spacing and special widgets.

    Rules target object names and the ``role`` property so that ordinary widgets keep
    Fusion's native look.
    """
    return f"""
QToolTip {{
    color: #ffffff; background: {c.ink}; border: none; padding: 5px 8px;
}}
QMainWindow::separator {{ background: {c.window}; width: 6px; height: 6px; }}
QMainWindow::separator:hover {{ background: {c.accent_soft}; }}
QStatusBar {{ background: {c.surface}; border-top: 1px solid {c.border}; color: {c.muted}; }}
QStatusBar QLabel {{ padding: 2px 8px; }}
QStatusBar::item {{ border: none; }}
QMenuBar {{ background: {c.surface}; }}

QToolBar#trainingToolBar {{
    background: {c.surface}; border: none; border-bottom: 1px solid {c.border};
    padding: 4px 10px; spacing: 0px;
}}

QWidget#dockTitleBar {{ background: {c.surface}; }}
QLabel[role="heading"] {{ color: {c.ink}; }}
QLabel[role="control-label"] {{ color: {c.muted}; }}
QLabel[role="big-number"] {{ color: {c.ink}; }}
QLabel[role="placeholder"] {{ color: {c.placeholder}; }}
QWidget[role="panel"] {{ background: {c.surface}; border: 1px solid {c.border}; }}

QToolButton#playButton {{
    background: {c.accent}; border: none; border-radius: 27px;
}}
QToolButton#playButton:hover {{ background: {c.accent_hover}; }}
QToolButton#playButton:pressed, QToolButton#playButton:checked:pressed {{
    background: {c.accent_pressed};
}}
QToolButton#playButton:focus {{ border: 3px solid {c.accent_soft}; }}

QToolButton[role="round"] {{ border: 1px solid transparent; border-radius: 20px; }}
QToolButton[role="round"]:hover {{ background: {c.accent_soft}; }}
QToolButton[role="round"]:pressed {{ background: #b9e0db; }}
QToolButton[role="round"]:focus {{ border: 1px solid {c.accent}; }}

QToolButton[role="title"] {{ border: none; border-radius: 4px; padding: 2px; }}
QToolButton[role="title"]:hover {{ background: {c.accent_soft}; }}

"""


def apply_theme(app: QApplication, colors: UiColors = COLORS) -> None:
    """Give ``app`` the Fusion style, the light palette, the base font and the stylesheet."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(build_palette(colors))
    app.setFont(base_font())
    app.setStyleSheet(stylesheet(colors))


def paint_tile_card(painter, rect, checked: bool, hovered: bool) -> None:
    """The rounded card behind a selectable tile (data sets, activations): accent when chosen."""
    c = COLORS
    if checked:
        painter.setPen(QPen(QColor(c.accent), 3))
        painter.setBrush(QColor(c.accent_soft))
    else:
        painter.setPen(QPen(QColor(c.accent if hovered else c.border), 1.5 if hovered else 1))
        painter.setBrush(QColor(c.surface))
    painter.drawRoundedRect(rect, 6, 6)
