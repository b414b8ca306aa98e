"""Words the canvas shows: layer titles, unit names, activation labels and the hover texts
with exact values (weight, bias, activation and the formula Σ wᵢxᵢ + b → f)."""

from __future__ import annotations

from html import escape

from engine.activations import ACTIVATIONS, MAXOUT
from engine.features import FEATURES

#: incoming weights listed in a neuron's hover text before "… n more"
TOOLTIP_WEIGHTS = 8


def activation_label(name: str) -> str:
    if name == MAXOUT:
        return "Maxout"
    cls = ACTIVATIONS.get(name)
    return cls.label if cls is not None else name


def activation_formula(name: str, pieces: int = 2) -> str:
    if name == MAXOUT:
        return f"f = max over {pieces} linear pieces zₖ"
    cls = ACTIVATIONS.get(name)
    return cls.formula if cls is not None else ""


def feature_label(name: str) -> str:
    feature = FEATURES.get(name)
    return feature.label if feature is not None else name


def column_title(column: int, n_columns: int) -> str:
    if column == 0:
        return "Input"
    if column == n_columns - 1:
        return "Output"
    return f"Hidden {column}"


def unit_name(doc, column: int, index: int) -> str:
    """"x₁", "hidden 2·3" (1-based, like the header), "output" or "output 2"."""
    if column == 0:
        return feature_label(doc.network.features[index])
    if column == doc.n_columns - 1:
        return "output" if len(doc.unit_ids[column]) == 1 else f"output {index + 1}"
    return f"hidden {column}·{index + 1}"


def fmt(value: float) -> str:
    """A value as the inspector shows it: 4 decimals, a real minus sign."""
    text = f"{value:.4f}"
    return text.replace("-", "−")


def edge_tooltip(doc, column: int, i: int, j: int) -> str:
    net = doc.network
    w = net.weight(column - 1, i, j)
    src, dst = unit_name(doc, column - 1, i), unit_name(doc, column, j)
    state = []
    if net.removed[column - 1][i, j]:
        state.append("removed — the network computes with 0; right-click › Restore")
    if net.frozen_w[column - 1][i, j]:
        state.append("frozen — training keeps it")
    lines = [f"<b>w = {fmt(w)}</b>", f"from {escape(src)} to {escape(dst)}"]
    lines += [f"<i>{escape(s)}</i>" for s in state]
    lines.append("<span style='color:#b0bec5'>click to edit · right-click for more</span>")
    return "<br>".join(lines)


def neuron_tooltip(doc, column: int, index: int) -> str:
    net = doc.network
    name = unit_name(doc, column, index)
    if column == 0:
        feature = FEATURES[net.features[index]]
        return (
            f"<b>input {escape(feature.label)}</b><br>the feature {escape(feature.label)} of each point;"
            "<br>switch inputs on and off in FEATURES or with the palette"
        )
    layer = net.layers[column - 1]
    spec = layer.spec
    bias = net.bias(column - 1, index)
    frozen = " (frozen)" if net.frozen_b[column - 1][index] else ""
    inputs = [unit_name(doc, column - 1, i) for i in range(layer.n_in)]
    terms = []
    for i, src in enumerate(inputs[:TOOLTIP_WEIGHTS]):
        w = net.weight(column - 1, i, index)
        mark = " ✕" if net.removed[column - 1][i, index] else (" ❄" if net.frozen_w[column - 1][i, index] else "")
        terms.append(f"&nbsp;&nbsp;{escape(src)}: w = {fmt(w)}{mark}")
    if len(inputs) > TOOLTIP_WEIGHTS:
        terms.append(f"&nbsp;&nbsp;… {len(inputs) - TOOLTIP_WEIGHTS} more")
    act = activation_label(spec.activation)
    rows = [
        f"<b>{escape(name)}</b> — {escape(act)}",
        "z = Σ wᵢxᵢ + b &nbsp;→&nbsp; a = f(z)",
        escape(activation_formula(spec.activation, spec.pieces)),
        f"bias b = {fmt(bias)}{frozen}",
    ]
    if spec.dropout:
        rows.append(f"dropout {spec.dropout:g} while training")
    rows.append("incoming weights:")
    rows += terms
    return "<br>".join(rows)
