"""Words the canvas shows: layer titles, unit names, activation labels and the hover texts
with exact values (weight, bias, activation and the formula Σ wᵢxᵢ + b → f)."""

from __future__ import annotations

from engine.activations import ACTIVATIONS, MAXOUT
from engine.features import FEATURES
from gui.i18n import QT_TRANSLATE_NOOP, translate


def escape(text: str, quote: bool = True) -> str:
    """``text`` safe inside the labels' rich text (what ``html.escape`` does, without
    importing the html package and its entity table at start-up)."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;") if quote else text


#: incoming weights listed in a neuron's hover text before "… n more"
TOOLTIP_WEIGHTS = 8

#: Activation names as shown everywhere (context "Activations"; the engine's ``label`` in
#: English, which a test keeps equal), translated when shown by :func:`activation_label`.
ACTIVATION_LABELS = {
    "step": QT_TRANSLATE_NOOP("Activations", "Step"),
    "sign": QT_TRANSLATE_NOOP("Activations", "Sign"),
    "linear": QT_TRANSLATE_NOOP("Activations", "Linear"),
    "sigmoid": QT_TRANSLATE_NOOP("Activations", "Sigmoid"),
    "tanh": QT_TRANSLATE_NOOP("Activations", "Tanh"),
    "relu": QT_TRANSLATE_NOOP("Activations", "ReLU"),
    "leaky_relu": QT_TRANSLATE_NOOP("Activations", "Leaky ReLU"),
    "elu": QT_TRANSLATE_NOOP("Activations", "ELU"),
    "selu": QT_TRANSLATE_NOOP("Activations", "SELU"),
    "softplus": QT_TRANSLATE_NOOP("Activations", "Softplus"),
    "silu": QT_TRANSLATE_NOOP("Activations", "SiLU (Swish)"),
    "gelu": QT_TRANSLATE_NOOP("Activations", "GELU"),
    "softmax": QT_TRANSLATE_NOOP("Activations", "Softmax"),
    MAXOUT: QT_TRANSLATE_NOOP("Activations", "Maxout"),
}

#: The engine's formulas (``formula``, in z), the words in them translated when shown.
ACTIVATION_FORMULAS = {
    "step": QT_TRANSLATE_NOOP("Activations", "f(z) = 1 if z ≥ 0, else 0"),
    "sign": QT_TRANSLATE_NOOP("Activations", "f(z) = +1 if z ≥ 0, else −1"),
    "linear": QT_TRANSLATE_NOOP("Activations", "f(z) = z"),
    "sigmoid": QT_TRANSLATE_NOOP("Activations", "f(z) = 1 / (1 + e^(−z))"),
    "tanh": QT_TRANSLATE_NOOP("Activations", "f(z) = tanh(z)"),
    "relu": QT_TRANSLATE_NOOP("Activations", "f(z) = max(0, z)"),
    "leaky_relu": QT_TRANSLATE_NOOP("Activations", "f(z) = max(αz, z)"),
    "elu": QT_TRANSLATE_NOOP("Activations", "f(z) = z if z > 0, else α(eᶻ − 1)"),
    "selu": QT_TRANSLATE_NOOP("Activations", "f(z) = λ·(z if z > 0, else α(eᶻ − 1))"),
    "softplus": QT_TRANSLATE_NOOP("Activations", "f(z) = ln(1 + eᶻ)"),
    "silu": QT_TRANSLATE_NOOP("Activations", "f(z) = z · σ(z)"),
    "gelu": QT_TRANSLATE_NOOP("Activations", "f(z) = ½z(1 + tanh(√(2/π)(z + 0.044715z³)))"),
    "softmax": QT_TRANSLATE_NOOP("Activations", "fᵢ(z) = e^(zᵢ) / Σⱼ e^(zⱼ)"),
}
MAXOUT_FORMULA = QT_TRANSLATE_NOOP("Activations", "f = max over {pieces} linear pieces zₖ")


def activation_label(name: str) -> str:
    """The activation's name in the user's language ("Step" → "Escalón")."""
    if name in ACTIVATION_LABELS:
        return translate("Activations", ACTIVATION_LABELS[name])
    cls = ACTIVATIONS.get(name)
    return cls.label if cls is not None else name


def activation_formula(name: str, pieces: int = 2) -> str:
    if name == MAXOUT:
        return translate("Activations", MAXOUT_FORMULA).format(pieces=pieces)
    if name in ACTIVATION_FORMULAS:
        return translate("Activations", ACTIVATION_FORMULAS[name])
    cls = ACTIVATIONS.get(name)
    return cls.formula if cls is not None else ""


#: input features whose symbol differs by language (Spanish writes the sine "sen")
FEATURE_LABELS = {
    "sin_x1": QT_TRANSLATE_NOOP("Features", "sin x₁"),
    "sin_x2": QT_TRANSLATE_NOOP("Features", "sin x₂"),
}


def feature_label(name: str) -> str:
    """An input feature as the window shows it: x₁, x₁², x₁·x₂, sin x₁ (sen x₁ in Spanish)."""
    if name in FEATURE_LABELS:
        return translate("Features", FEATURE_LABELS[name])
    feature = FEATURES.get(name)
    return feature.label if feature is not None else name


def column_title(column: int, n_columns: int) -> str:
    if column == 0:
        return translate("CanvasLabels", "Input")
    if column == n_columns - 1:
        return translate("CanvasLabels", "Output")
    return translate("CanvasLabels", "Hidden {layer}").format(layer=column)


def layer_title(column: int, n_columns: int) -> str:
    """"Input layer", "Hidden layer 2", "Output layer" (the inspector's words)."""
    if column == 0:
        return translate("CanvasLabels", "Input layer")
    if column == n_columns - 1:
        return translate("CanvasLabels", "Output layer")
    return translate("CanvasLabels", "Hidden layer {layer}").format(layer=column)


def unit_name(doc, column: int, index: int) -> str:
    """"x₁", "hidden 2·3" (1-based, like the header), "output" or "output 2"."""
    if column == 0:
        return feature_label(doc.network.features[index])
    if column == doc.n_columns - 1:
        if len(doc.unit_ids[column]) == 1:
            return translate("CanvasLabels", "output")
        return translate("CanvasLabels", "output {n}").format(n=index + 1)
    return translate("CanvasLabels", "hidden {layer}·{n}").format(layer=column, n=index + 1)


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
        state.append(translate("CanvasLabels", "removed — the network computes with 0; right-click › Restore"))
    if net.frozen_w[column - 1][i, j]:
        state.append(translate("CanvasLabels", "frozen — training keeps it"))
    lines = [f"<b>w = {fmt(w)}</b>",
             translate("CanvasLabels", "from {source} to {target}").format(source=escape(src), target=escape(dst))]
    lines += [f"<i>{escape(s)}</i>" for s in state]
    hint = translate("CanvasLabels", "click to edit · right-click for more")
    lines.append(f"<span style='color:#b0bec5'>{escape(hint)}</span>")
    return "<br>".join(lines)


def neuron_tooltip(doc, column: int, index: int) -> str:
    net = doc.network
    name = unit_name(doc, column, index)
    if column == 0:
        feature = FEATURES[net.features[index]]
        return translate(
            "CanvasLabels",
            "<b>input {feature}</b><br>the feature {feature} of each point;"
            "<br>switch inputs on and off in FEATURES or with the palette").format(feature=escape(feature_label(feature.name)))
    layer = net.layers[column - 1]
    spec = layer.spec
    bias = net.bias(column - 1, index)
    frozen = " " + translate("CanvasLabels", "(frozen)") if net.frozen_b[column - 1][index] else ""
    inputs = [unit_name(doc, column - 1, i) for i in range(layer.n_in)]
    terms = []
    for i, src in enumerate(inputs[:TOOLTIP_WEIGHTS]):
        w = net.weight(column - 1, i, index)
        mark = " ✕" if net.removed[column - 1][i, index] else (" ❄" if net.frozen_w[column - 1][i, index] else "")
        terms.append(f"&nbsp;&nbsp;{escape(src)}: w = {fmt(w)}{mark}")
    if len(inputs) > TOOLTIP_WEIGHTS:
        more = translate("CanvasLabels", "… {n} more").format(n=len(inputs) - TOOLTIP_WEIGHTS)
        terms.append(f"&nbsp;&nbsp;{escape(more)}")
    act = activation_label(spec.activation)
    rows = [
        f"<b>{escape(name)}</b> — {escape(act)}",
        "z = Σ wᵢxᵢ + b &nbsp;→&nbsp; a = f(z)",
        escape(activation_formula(spec.activation, spec.pieces)),
        escape(translate("CanvasLabels", "bias b = {value}").format(value=fmt(bias))) + escape(frozen),
    ]
    if spec.dropout:
        rows.append(escape(translate("CanvasLabels", "dropout {rate} while training").format(rate=f"{spec.dropout:g}")))
    rows.append(escape(translate("CanvasLabels", "incoming weights:")))
    rows += terms
    return "<br>".join(rows)
