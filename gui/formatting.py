"""Numbers as a teacher reads them out: losses and accuracies, short and unclipped."""

from __future__ import annotations

import math


def format_loss(value, nan: str = "—") -> str:
    """4 decimals for ordinary losses; ``7.2e-4`` style (short exponent) for tiny or huge ones.

    ``None`` (unknown) is a dash; NaN is ``nan`` (the status bar says "diverged").
    """
    if value is None:
        return "—"
    value = float(value)
    if math.isnan(value):
        return nan
    if math.isinf(value):
        return "∞"
    if value != 0 and (abs(value) < 1e-3 or abs(value) >= 1e5):
        mantissa, exponent = f"{value:.1e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{value:.4f}"


def format_accuracy(value) -> str:
    if value is None or not math.isfinite(float(value)):
        return "—"
    return f"{100 * float(value):.1f} %"


def thousands_separator() -> str:
    """"," in English; a narrow no-break space in Spanish, where "1,000" would read as one
    (the RAE and ISO 80000 group digits with a space)."""
    from gui.i18n import current_language

    return "," if current_language() == "en" else "\u202f"


def format_count(value, width: int = 0) -> str:
    """A whole number with its thousands grouped for the window's language: ``12,345`` /
    ``12 345`` (Spanish leaves four digits whole: ``1000``); ``width`` pads with zeros
    (the epoch counter's ``000,000``)."""
    number = int(round(value))
    sep = thousands_separator()
    if sep != "," and not width and abs(number) < 10_000:
        return str(number)  # Spanish does not group four digits: 1000 épocas
    text = f"{number:0{width},}" if width else f"{number:,}"
    return text if sep == "," else text.replace(",", sep)
