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
