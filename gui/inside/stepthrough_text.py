"""Words and numbers of the step-through (#7): how a traced step reads in the window.

Everything here turns an :class:`engine.trace.StepTrace` into text — the phase titles,
the numbers on the canvas (3 significant digits, a real minus sign) and the details
panel's HTML for each phase — without widgets, so tests can compare what is shown with
the trace. The engine writes its formulas and notes in English; :func:`tr_engine` puts
them through Qt's translation system (formula lines are translated part by part, notes
with a number through the templates in :data:`NOTE_TEMPLATES`).
"""

from __future__ import annotations

import math
import re
from html import escape

import numpy as np

from gui.i18n import QT_TRANSLATE_NOOP, translate

CTX = "StepThroughText"
ENGINE_CTX = "StepTraceText"

#: at most this many neurons (or weights) are written out in the details; the rest are on
#: the canvas and in its hover texts
MAX_DETAIL_ROWS = 8
MAX_UPDATE_ROWS = 40
MAX_TERMS = 6

SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")

#: English texts of engine.trace, for the translators (shown through tr_engine)
ENGINE_TEXTS = (
    QT_TRANSLATE_NOOP("StepTraceText", "Squared error"),
    QT_TRANSLATE_NOOP("StepTraceText", "Binary cross-entropy"),
    QT_TRANSLATE_NOOP("StepTraceText", "Categorical cross-entropy"),
    QT_TRANSLATE_NOOP("StepTraceText", "Sparse categorical cross-entropy"),
    QT_TRANSLATE_NOOP("StepTraceText", "SGD with momentum"),
    QT_TRANSLATE_NOOP("StepTraceText", "SGD with Nesterov momentum"),
    QT_TRANSLATE_NOOP("StepTraceText", "Step"),
    QT_TRANSLATE_NOOP("StepTraceText", "Sign"),
    QT_TRANSLATE_NOOP("StepTraceText", "Linear"),
    QT_TRANSLATE_NOOP("StepTraceText", "f(z) = 1 if z ≥ 0, else 0"),
    QT_TRANSLATE_NOOP("StepTraceText", "f(z) = +1 if z ≥ 0, else −1"),
    QT_TRANSLATE_NOOP("StepTraceText", "f(z) = z if z > 0, else α(eᶻ − 1)"),
    QT_TRANSLATE_NOOP("StepTraceText", "f(z) = λ·(z if z > 0, else α(eᶻ − 1))"),
    QT_TRANSLATE_NOOP("StepTraceText", "(before)"),
    QT_TRANSLATE_NOOP("StepTraceText", "w after the optimizer (before max-norm)"),
    QT_TRANSLATE_NOOP("StepTraceText", "(sigmoid and cross-entropy together)"),
    QT_TRANSLATE_NOOP("StepTraceText", "(softmax and cross-entropy together)"),
    QT_TRANSLATE_NOOP("StepTraceText", "(softmax and cross-entropy together; t one-hot)"),
    QT_TRANSLATE_NOOP("StepTraceText", "Eₛ = −log o_y   (y the point's class)"),
    QT_TRANSLATE_NOOP("StepTraceText", "(y the point's class)"),
    QT_TRANSLATE_NOOP("StepTraceText", "δ = −(t − y) = y − t"),
    QT_TRANSLATE_NOOP("StepTraceText", "(the perceptron rule uses the error itself, no derivative)"),
    QT_TRANSLATE_NOOP("StepTraceText", "f′(z) = 0 (almost everywhere): nothing flows back"),
    QT_TRANSLATE_NOOP("StepTraceText", "f′(z) = 1 if z > 0, else 0"),
    QT_TRANSLATE_NOOP("StepTraceText", "f′(z) = 1 if z > 0, else α"),
    QT_TRANSLATE_NOOP("StepTraceText", "f′(z) = 1 if z > 0, else f(z) + α"),
    QT_TRANSLATE_NOOP("StepTraceText", "f′(z) = λ if z > 0, else f(z) + λα"),
    QT_TRANSLATE_NOOP("StepTraceText", "δ = ∂E/∂a for each neuron's winning piece, 0 for the others"),
    QT_TRANSLATE_NOOP("StepTraceText", "∂E/∂aᵢ = Σⱼ wᵢⱼ·δⱼ (next layer),"),
    QT_TRANSLATE_NOOP("StepTraceText", "∂E/∂aᵢ = Σⱼ wᵢⱼ·δⱼ (next layer)"),
    QT_TRANSLATE_NOOP("StepTraceText", "∂E/∂wᵢⱼ = mean over the batch of aᵢ·δⱼ,"),
    QT_TRANSLATE_NOOP("StepTraceText", "∂E/∂bⱼ = mean of δⱼ"),
    QT_TRANSLATE_NOOP("StepTraceText", "(summed over the batch)"),
    QT_TRANSLATE_NOOP("StepTraceText", "zⱼₚ = Σᵢ wᵢⱼₚ·aᵢ + bⱼₚ for each piece p"),
    QT_TRANSLATE_NOOP("StepTraceText", "w ← w − η·λ·w"),
    QT_TRANSLATE_NOOP("StepTraceText", "(decoupled weight decay, first)"),
    QT_TRANSLATE_NOOP("StepTraceText", "g = −Σₛ (t − y)·x"),
    QT_TRANSLATE_NOOP("StepTraceText", "(the perceptron rule's pseudo-gradient; x = 1 for the bias)"),
    QT_TRANSLATE_NOOP("StepTraceText", "(weights only, not biases)"),
    QT_TRANSLATE_NOOP("StepTraceText", "then each neuron's incoming weights: w ← w · min(‖w‖, c) / (‖w‖ + 10⁻⁷)"),
    QT_TRANSLATE_NOOP("StepTraceText", "Dropout is not applied here: this is the step without dropout masks "
                                       "(training drops units at random)."),
    QT_TRANSLATE_NOOP("StepTraceText", "Removed connections carry 0: their gradient shows as 0 and they are "
                                       "not updated."),
    QT_TRANSLATE_NOOP("StepTraceText", "Frozen weights and biases have a gradient but keep their value: no update."),
    QT_TRANSLATE_NOOP("StepTraceText", "Step and sign have f′ = 0 almost everywhere, so no gradient flows back "
                                       "through them."),
    QT_TRANSLATE_NOOP("StepTraceText", "L1/L2 add λ₁·sign(w) and λ₂·w to each weight's gradient (not to the biases)."),
    QT_TRANSLATE_NOOP("StepTraceText", "The batch is too large to keep every edge's value per point: those "
                                       "arrays are left out."),
    QT_TRANSLATE_NOOP("StepTraceText", "Removed connections show gradient 0 and are not updated; frozen weights "
                                       "and biases show their gradient but keep their value. The optimizer's "
                                       "numbers are its state after this step (it updates its state for every "
                                       "parameter, even those the step then puts back)."),
)

#: notes of engine.trace that carry a number: {n} stands for it
NOTE_TEMPLATES = (
    QT_TRANSLATE_NOOP("StepTraceText", "The perceptron rule sums over the {n} points of the batch (it does not "
                                       "average)."),
    QT_TRANSLATE_NOOP("StepTraceText", "The gradient is the mean over the {n} points of the batch; each point's "
                                       "δ and ∂E/∂w are kept too."),
    QT_TRANSLATE_NOOP("StepTraceText", "Max-norm: after the update each neuron's incoming weights are rescaled to "
                                       "norm ≤ {n}."),
    QT_TRANSLATE_NOOP("StepTraceText", "aⱼ = maxₚ zⱼₚ over {n} pieces"),
)
_NOTE_PATTERNS = [
    (t, re.compile("^" + re.escape(t).replace(re.escape("{n}"), "(.+?)") + "$")) for t in NOTE_TEMPLATES
]
_PAREN = re.compile(r"^(.*?)\s+(\([^()]*\))$")


def tr_engine(text: str) -> str:
    """An English text of engine.trace in the user's language (as it is when untranslated)."""
    for template, pattern in _NOTE_PATTERNS:
        m = pattern.match(text)
        if m:
            return translate(ENGINE_CTX, template).format(n=m.group(1))
    parts = text.split("   ")
    out = []
    for part in parts:
        whole = translate(ENGINE_CTX, part)
        if whole != part:
            out.append(whole)
            continue
        m = _PAREN.match(part)  # "formula (explanation)": translate the explanation
        if m:
            out.append(f"{translate(ENGINE_CTX, m.group(1))} {translate(ENGINE_CTX, m.group(2))}")
        else:
            out.append(part)
    return "   ".join(out)


# ---------------------------------------------------------------------- numbers
def num(value, digits: int = 3) -> str:
    """3 significant digits, a real minus sign; whole numbers (targets) as they are."""
    v = float(value)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    if v == 0:
        return "0"
    if v == round(v) and abs(v) < 1e4:
        text = str(int(v))
    else:
        text = f"{v:#.{digits}g}"
        if "e" in text:
            mantissa, exponent = text.split("e")
            text = f"{mantissa.rstrip('.')}e{int(exponent)}"
        else:
            text = text.rstrip(".")
    return text.replace("-", "−")


def change(before, after) -> str:
    """"before → after", with as many digits (3 to 6) as it takes to see the change."""
    for digits in range(3, 7):
        a, b = num(before, digits), num(after, digits)
        if a != b or float(before) == float(after):
            break
    return f"{a} → {b}"


def setting(value) -> str:
    """A setting as it was typed (η = 0.03, β₂ = 0.999, ε = 1e-08)."""
    return f"{float(value):g}".replace("-", "−")


def exact(value) -> str:
    """The value to full precision (for hover texts)."""
    v = float(value)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    return repr(v).replace("-", "−")


def paren(value) -> str:
    """A number in a sum: negative ones in parentheses."""
    text = num(value)
    return f"({text})" if text.startswith("−") else text


def sub(n: int) -> str:
    return str(n).translate(SUB)


# ---------------------------------------------------------------------- names
def layer_name(l: int, n_layers: int) -> str:
    """Layer l (engine index) as the canvas heads its column: Hidden 1 …, Output."""
    if l == n_layers - 1:
        return translate("StepThroughText", "Output")
    return translate("StepThroughText", "Hidden {n}").format(n=l + 1)


def phase_title(phase: tuple, n_layers: int) -> str:
    kind = phase[0]
    if kind == "forward":
        return translate("StepThroughText", "Forward · layer {n} ({name})").format(n=phase[1] + 1,
                                                                     name=layer_name(phase[1], n_layers))
    if kind == "backward":
        return translate("StepThroughText", "Backward · layer {n} ({name})").format(n=phase[1] + 1,
                                                                      name=layer_name(phase[1], n_layers))
    if kind == "error":
        return translate("StepThroughText", "Error")
    return translate("StepThroughText", "Update")


def phase_chip(phase: tuple) -> str:
    """The short name on the phase buttons: →1, →2, E, ←2, ←1, Δw."""
    kind = phase[0]
    if kind == "forward":
        return f"→{phase[1] + 1}"
    if kind == "backward":
        return f"←{phase[1] + 1}"
    return "E" if kind == "error" else "Δw"


def phase_tooltip(phase: tuple, n_layers: int) -> str:
    kind = phase[0]
    if kind == "forward":
        return translate("StepThroughText", "Forward pass through layer {n}: weighted sums and activations").format(n=phase[1] + 1)
    if kind == "backward":
        return translate("StepThroughText", "Backward pass through layer {n}: δ of each neuron and ∂E/∂w of each weight").format(
            n=phase[1] + 1)
    if kind == "error":
        return translate("StepThroughText", "The error at the output: outputs, targets and the loss")
    return translate("StepThroughText", "The update: each weight before and after, with the optimizer's rule")


def unit_label(trace, column: int, index: int) -> str:
    """x₁ (a feature), h1·2 (hidden), o or o₂ (output): short names for formulas."""
    n_layers = len(trace.layers)
    if column == 0:
        from gui.canvas.labels import feature_label

        return feature_label(trace.features[index])
    if column == n_layers:
        return "o" if trace.layers[-1].n_out == 1 else f"o{sub(index + 1)}"
    return f"h{column}·{index + 1}"


def point_text(trace, s: int) -> str:
    x, y = trace.points[s]
    return translate("StepThroughText", "point #{i} at ({x}, {y})").format(i=int(trace.indices[s]), x=num(x), y=num(y))


def label_text(trace, s: int) -> str:
    err = trace.error
    if err.predicted is not None:
        return translate("StepThroughText", "class {c}").format(c=int(err.labels[s]))
    return translate("StepThroughText", "target {t}").format(t=num(err.labels[s]))


# ---------------------------------------------------------------------- the details panel
_STYLE = (
    "<style>"
    "h3 { margin: 0 0 4px 0; }"
    ".f { background: #eef6f5; color: #1f3b38; }"
    ".note { color: #5f7079; }"
    "td { padding: 1px 10px 1px 0; }"
    "th { padding: 1px 10px 1px 0; text-align: left; color: #5f7079; font-weight: normal; }"
    ".v { font-weight: 600; }"
    "</style>"
)


def _formulas(lines) -> str:
    body = "<br>".join(escape(tr_engine(line)) for line in lines if line)
    return f"<table class='f' width='100%' cellpadding='6'><tr><td>{body}</td></tr></table>"


def _notes(notes) -> str:
    if not notes:
        return ""
    return "".join(f"<p class='note'>ⓘ {escape(tr_engine(n))}</p>" for n in notes)


def _batch_line(trace, s: int) -> str:
    if trace.n == 1:
        return "<p>" + escape(translate("StepThroughText", "One training point: {point}, {label}.").format(
            point=point_text(trace, s), label=label_text(trace, s))) + "</p>"
    return "<p>" + escape(translate("StepThroughText", "A mini-batch of {n} points; the numbers are those of {point} ({label}), {k} of {n}."
    ).format(n=trace.n, point=point_text(trace, s), label=label_text(trace, s), k=s + 1)) + "</p>"


def _more(count: int) -> str:
    if count <= 0:
        return ""
    return "<p class='note'>" + escape(translate("StepThroughText", "… and {n} more: hover over the neurons and connections on the canvas.").format(n=count)) + "</p>"


def details_html(trace, phase: tuple, s: int) -> str:
    """The details panel for one phase; ``s`` is the point shown (position in the batch)."""
    kind = phase[0]
    if kind == "forward":
        body = _forward(trace, phase[1], s)
    elif kind == "error":
        body = _error(trace, s)
    elif kind == "backward":
        body = _backward(trace, phase[1], s)
    else:
        body = _update(trace)
    return _STYLE + hats(body)


_HAT = re.compile("(\\w\u0302)")
HAT_SPAN = "<span style=\"font-family: 'DejaVu Serif', 'Cambria Math', serif\">{}</span>"


def hats(html: str) -> str:
    """m̂ and v̂ in a font that puts the hat on them (some sans fonts drop it)."""
    return _HAT.sub(lambda m: HAT_SPAN.format(m.group(1)), html)


def _forward(trace, l: int, s: int) -> str:
    lay = trace.layers[l]
    n_layers = len(trace.layers)
    head = translate("StepThroughText", "Forward pass · layer {n} of {total} ({name}, {act})").format(
        n=l + 1, total=n_layers, name=layer_name(l, n_layers), act=tr_engine(lay.label))
    out = [f"<h3>{escape(head)}</h3>", _batch_line(trace, s)]
    out.append(_formulas(list(lay.forward_formula) + ([tr_engine(lay.formula)] if lay.maxout else [])))
    out.append("<p>" + escape(translate("StepThroughText", "Each neuron adds up its inputs times their weights, plus its "
                                             "bias, then applies its activation f:")) + "</p>")
    rows = []
    src = [unit_label(trace, l, i) for i in range(lay.n_in)]
    for j in range(min(lay.n_out, MAX_DETAIL_ROWS)):
        name = unit_label(trace, l + 1, j)
        if lay.maxout:
            pieces = []
            for p in range(lay.pieces):
                pieces.append(f"z{sub(p + 1)} = {num(lay.z[s, j, p])}")
            win = int(lay.winner[s, j])
            rows.append(
                f"<tr><td><b>{escape(name)}</b></td><td>{escape(', '.join(pieces))}<br>"
                f"a = max = <span class='v'>{num(lay.a[s, j])}</span> "
                + escape(translate("StepThroughText", "(piece {p} wins)").format(p=win + 1)) + "</td></tr>"
            )
            continue
        terms = []
        for i in range(min(lay.n_in, MAX_TERMS)):
            if lay.removed[i, j]:
                continue
            terms.append(f"{paren(lay.weights[i, j])}·{paren(lay.inputs[s, i])}")
        if lay.n_in > MAX_TERMS:
            terms.append("…")
        terms.append(paren(lay.biases[j]))
        z = lay.z[s, j]
        rows.append(
            f"<tr><td><b>{escape(name)}</b></td><td>z = {' + '.join(terms)} = <span class='v'>{num(z)}</span><br>"
            f"a = f({num(z)}) = <span class='v'>{num(lay.a[s, j])}</span></td></tr>"
        )
    out.append("<table>" + "".join(rows) + "</table>")
    out.append(_more(lay.n_out - MAX_DETAIL_ROWS))
    if lay.n_in <= MAX_TERMS:
        out.append("<p class='note'>" + escape(translate("StepThroughText", "The terms are w·x for the inputs {inputs}, in order, then the bias b.").format(
            inputs=", ".join(src))) + "</p>")
    out.append(_notes([n for n in trace.notes if "Dropout" in n]))
    return "".join(out)


def _error(trace, s: int) -> str:
    err = trace.error
    head = translate("StepThroughText", "Error at the output · {loss}").format(loss=tr_engine(err.label))
    out = [f"<h3>{escape(head)}</h3>", _batch_line(trace, s)]
    out.append(_formulas([err.point_formula, err.formula]))
    rows = []
    for k in range(err.outputs.shape[1]):
        name = unit_label(trace, len(trace.layers), k)
        rows.append(f"<tr><td><b>{escape(name)}</b></td><td>"
                    + escape(translate("StepThroughText", "output")) + f" o = <span class='v'>{num(err.outputs[s, k])}</span>,   "
                    + escape(translate("StepThroughText", "target")) + f" t = <span class='v'>{num(err.targets[s, k])}</span>"
                    "</td></tr>")
    out.append("<table>" + "".join(rows) + "</table>")
    if err.predicted is not None:
        right = int(err.predicted[s]) == int(err.labels[s])
        text = translate("StepThroughText", "Predicted class {p}, the point's class is {c}: {verdict}.").format(
            p=int(err.predicted[s]), c=int(err.labels[s]),
            verdict=translate("StepThroughText", "right") if right else translate("StepThroughText", "wrong"))
        out.append(f"<p>{escape(text)}</p>")
    worked = _worked_loss(err, s)
    out.append("<p>" + escape(translate("StepThroughText", "This point's error")) +
               f" Eₛ = {escape(worked)}<span class='v'>{num(err.terms[s])}</span></p>")
    if trace.n > 1:
        terms = " + ".join(num(t) for t in err.terms[:MAX_TERMS]) + (" + …" if trace.n > MAX_TERMS else "")
        out.append("<p>" + escape(translate("StepThroughText", "The batch's loss is the mean of its points' errors:"))
                   + f"<br>E = ({terms}) / {trace.n} = <span class='v'>{num(err.value)}</span></p>")
    else:
        out.append(f"<p>E = <span class='v'>{num(err.value)}</span></p>")
    if err.penalty:
        out.append("<p>" + escape(translate("StepThroughText", "With the L1/L2 penalty {p}, the objective the step descends is {o}.")
                                  .format(p=num(err.penalty), o=num(err.objective))) + "</p>")
    out.append("<p>" + escape(translate("StepThroughText", "The backward pass starts from:")) + "</p>")
    out.append(_formulas([err.gradient_formula]))
    return "".join(out)


def _worked_loss(err, s: int) -> str:
    """The point's loss with its numbers put in ("½·((−1) − 0.297)² = "), or ""."""
    o, t = err.outputs[s], err.targets[s]
    K = o.shape[0]
    if K > 4:
        return ""
    if err.loss == "mse":
        terms = " + ".join(f"({paren(t[k])} − {paren(o[k])})²" for k in range(K))
        return f"½·{terms} = " if K == 1 else f"½·[{terms}] = "
    if err.loss in ("cce", "sparse_cce"):
        k = int(np.argmax(t))
        return f"−log {paren(o[k])} = "
    if err.loss == "bce" and K == 1:
        return f"−[{paren(t[0])}·log {paren(o[0])} + (1 − {paren(t[0])})·log(1 − {paren(o[0])})] = "
    return ""


def _backward(trace, l: int, s: int) -> str:
    lay = trace.layers[l]
    n_layers = len(trace.layers)
    head = translate("StepThroughText", "Backward pass · layer {n} of {total} ({name}, {act})").format(
        n=l + 1, total=n_layers, name=layer_name(l, n_layers), act=tr_engine(lay.label))
    out = [f"<h3>{escape(head)}</h3>", _batch_line(trace, s)]
    lines = list(lay.backward_formula)
    if l < n_layers - 1 or not trace.error.fused:
        if trace.rule != "perceptron":
            lines.append(lay.derivative_formula)
    out.append(_formulas(lines))
    rows = []
    batch = trace.n > 1
    for j in range(min(lay.n_out, MAX_DETAIL_ROWS)):
        name = unit_label(trace, l + 1, j)
        cells = [f"<td><b>{escape(name)}</b></td>"]
        if lay.maxout:
            win = int(lay.winner[s, j])
            cells.append(f"<td>∂E/∂a = {num(lay.da[s, j])}</td>" if lay.da is not None else "<td></td>")
            cells.append("<td>δ = <span class='v'>" + num(lay.delta[s, j, win]) + "</span> "
                         + escape(translate("StepThroughText", "(piece {p}; the others 0)").format(p=win + 1)) + "</td>")
            if batch:
                cells.append("<td>" + escape(translate("StepThroughText", "batch mean")) + " δ̄ = "
                             + ", ".join(num(v) for v in lay.delta_mean[j]) + "</td>")
        else:
            if lay.da is not None:
                cells.append(f"<td>∂E/∂a = {num(lay.da[s, j])}</td>")
            if lay.slope is not None and lay.da is not None:
                cells.append(f"<td>f′(z) = {num(lay.slope[s, j])}</td>")
                cells.append(f"<td>δ = {paren(lay.slope[s, j])}·{paren(lay.da[s, j])} = "
                             f"<span class='v'>{num(lay.delta[s, j])}</span></td>")
            else:
                cells.append(f"<td>δ = <span class='v'>{num(lay.delta[s, j])}</span></td>")
            if batch:
                cells.append("<td>" + escape(translate("StepThroughText", "batch mean")) +
                             f" δ̄ = <span class='v'>{num(lay.delta_mean[j])}</span></td>")
        rows.append("<tr>" + cells[0] + "<td>" + "<br>".join(
            c[4:-5] for c in cells[1:] if c != "<td></td>") + "</td></tr>")
    out.append("<table>" + "".join(rows) + "</table>")
    out.append(_more(lay.n_out - MAX_DETAIL_ROWS))
    # the gradients of the weights
    out.append("<p>" + escape(translate("StepThroughText", "Gradients of this layer's weights and biases (what the step uses):"))
               + "</p>")
    rows = []
    shown = 0
    for j in range(lay.n_out):
        for i in list(range(lay.n_in)) + [-1]:
            if shown >= MAX_DETAIL_ROWS:
                break
            if i >= 0 and lay.removed[i, j]:
                continue
            shown += 1
            rows.append(_grad_row(trace, lay, i, j, s))
    out.append("<table>" + "".join(rows) + "</table>")
    total = lay.n_out * (lay.n_in + 1) - int(lay.removed.sum())
    out.append(_more(total - shown))
    notes = [n for n in trace.notes if "f′ = 0" in n or "L1/L2" in n or "mean over" in n or "sums over" in n]
    out.append(_notes(notes))
    return "".join(out)


def grad_value(lay, i: int, j: int, s: int):
    """(∂E/∂w of the batch, the point's aᵢ·δⱼ or None, piece) for edge i→j (i = −1: the bias)."""
    p = int(lay.winner[s, j]) if lay.maxout else None
    idx = (j,) if p is None else (j, p)
    if i < 0:
        g = lay.grad_b[idx]
        pt = lay.delta[(s,) + idx]
    else:
        g = lay.grad_w[(i,) + idx]
        pt = None if lay.grad_w_points is None else lay.grad_w_points[(s, i) + idx]
    return float(g), (None if pt is None else float(pt)), p


def _grad_row(trace, lay, i: int, j: int, s: int) -> str:
    l = lay.index
    dst = unit_label(trace, l + 1, j)
    g, point, p = grad_value(lay, i, j, s)
    idx = (j,) if p is None else (j, p)
    piece = "" if p is None else " (" + translate("StepThroughText", "piece {p}").format(p=p + 1) + ")"
    if i < 0:
        what = f"∂E/∂b {escape(dst)}{escape(piece)}"
        formula = f"δ = {num(point)}" if trace.n == 1 else translate("StepThroughText", "mean of δ")
    else:
        src = unit_label(trace, l, i)
        what = f"∂E/∂w {escape(src)}→{escape(dst)}{escape(piece)}"
        a = lay.inputs[s, i]
        d = lay.delta[(s,) + idx]
        if trace.n == 1:
            formula = f"a·δ = {paren(a)}·{paren(d)}"
        else:
            formula = escape(translate("StepThroughText", "mean of a·δ; this point: {a}·{d} = {v}").format(
                a=paren(a), d=paren(d), v=num(point) if point is not None else "—"))
        extra = []
        if lay.l1_term is not None:
            extra.append(f"λ₁·sign(w) = {num(lay.l1_term[(i,) + idx])}")
        if lay.l2_term is not None:
            extra.append(f"λ₂·w = {num(lay.l2_term[(i,) + idx])}")
        if extra:
            formula += " + " + " + ".join(extra)
    if trace.rule == "perceptron":
        formula = escape(translate("StepThroughText", "sum over the batch"))
    return f"<tr><td>{what}</td><td>{formula} = <span class='v'>{num(g)}</span></td></tr>"


def _update(trace) -> str:
    up = trace.update
    head = translate("StepThroughText", "Update · {optimizer}").format(optimizer=tr_engine(up.label))
    out = [f"<h3>{escape(head)}</h3>"]
    out.append(_formulas(up.rule))
    params = [f"η = {setting(up.learning_rate)}"]
    from engine.trace import HYPER_SYMBOLS

    for key, value in up.hyperparameters.items():
        params.append(f"{HYPER_SYMBOLS.get(key, key)} = {setting(value)}")
    if up.step and up.optimizer not in ("sgd",):
        params.append(f"t = {up.step}")
    for key, value in up.scalars.items():
        if key != "t":
            params.append(f"{tr_engine(key)} = {num(value)}")
    out.append("<p>" + escape(",   ".join(params)) + "</p>")
    keys = [k for k in up.layers[0].w_values if k not in ("change", "g") and not k.endswith("_before")] \
        if up.layers else []
    out.append("<p>" + escape(translate("StepThroughText", "Each weight and bias: before → after, then g (its gradient) and the "
                                             "optimizer's numbers:")) + "</p>")
    rows = []
    shown = total = 0
    for lay_up, lay in zip(up.layers, trace.layers):
        l = lay_up.index
        for j in range(lay.n_out):
            for i in list(range(lay.n_in)) + [-1]:
                if i >= 0 and lay.removed[i, j]:
                    continue
                for p in range(lay.pieces):
                    total += 1
                    if shown >= MAX_UPDATE_ROWS:
                        continue
                    shown += 1
                    rows.append(_update_row(trace, up, lay_up, lay, l, i, j, p if lay.maxout else None, keys))
    out.append("<table>" + "".join(rows) + "</table>")
    out.append(_more(total - shown))
    out.append(_notes([up.note] if any(m.any() for m in (lay.removed for lay in trace.layers)) or any(
        lay.frozen_weights.any() or lay.frozen_biases.any() for lay in trace.layers) else []))
    out.append(_notes([n for n in trace.notes if "Max-norm" in n or "perceptron" in n]))
    return "".join(out)


def update_values(lay_up, i: int, j: int, p):
    """(before, gradient, after, values dict) of weight i→j (i = −1: the bias), piece p."""
    idx = (j,) if p is None else (j, p)
    if i < 0:
        return (float(lay_up.b_before[idx]), float(lay_up.b_grad[idx]), float(lay_up.b_after[idx]),
                {k: float(v[idx]) for k, v in lay_up.b_values.items()})
    idx = (i,) + idx
    return (float(lay_up.w_before[idx]), float(lay_up.w_grad[idx]), float(lay_up.w_after[idx]),
            {k: float(v[idx]) for k, v in lay_up.w_values.items()})


def _update_row(trace, up, lay_up, lay, l, i, j, p, keys) -> str:
    dst = unit_label(trace, l + 1, j)
    piece = "" if p is None else f" p{sub(p + 1)}"
    name = f"b {dst}{piece}" if i < 0 else f"w {unit_label(trace, l, i)}→{dst}{piece}"
    before, g, after, vals = update_values(lay_up, i, j, p)
    frozen = (lay.frozen_biases[j] if i < 0 else lay.frozen_weights[i, j])
    extra = ",   ".join([f"g = {num(g)}"] + [f"{tr_engine(up.symbols.get(k, k))} = {num(vals[k])}" for k in keys])
    first, second = change(before, after).split(" → ")
    return (f"<tr><td>{escape(name)}{' ❄' if frozen else ''}</td><td>{first} → "
            f"<span class='v'>{second}</span><br><span class='note'>{escape(extra)}</span></td></tr>")


def numbers_in(text: str) -> list[str]:
    """The numbers written in a text, as shown (for tests)."""
    return re.findall(r"−?\d+(?:\.\d+)?(?:e−?\d+)?", text.replace("-", "−"))
