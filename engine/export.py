"""Code export: a trained network as a standalone NumPy script, Keras code or PyTorch code.

:func:`export_code` returns the text of a Python file for one of :data:`FORMATS`:

* ``"numpy"`` — needs only NumPy. The features, every activation and the trained weights
  are written out (weights as exact float literals, removed connections as 0), with
  ``features(X)``, ``predict(X)`` (and ``classify(X)`` for classification). Its predictions
  equal :meth:`Network.predict` to rounding (~1e-15). Run as a script it prints the outputs
  for a few sample points, or for every ``x1,x2`` line of a CSV file given as argument.
* ``"keras"`` — a ``keras.Sequential`` model in the course's style, compiled with the
  optimizer and loss that match the training settings, with the weights loaded by
  ``model.set_weights``. Activations Keras has no built-in for (step, sign, Leaky ReLU with
  Neurona's α, ELU with α ≠ 1, GELU's tanh form, Maxout) are small functions/layers.
* ``"pytorch"`` — an ``nn.Module`` of ``nn.Linear`` layers in float64 with the weights
  loaded, the ``torch.optim`` optimizer with the same hyperparameters (Neurona's optimizers
  follow torch.optim, so the rules are the same), the loss written to equal Neurona's, and a
  ``training_step`` that takes one mini-batch step as Neurona does.

Every file starts with a comment header: what it is, the Neurona version, the features,
a table of the layers and how to run it. Text a user typed (title, description, class
names) only ever appears inside comments, one sanitised line per ``#`` (line breaks,
control and bidirectional-override characters neutralised), or as ``repr``'d strings —
never as code.
"""

from __future__ import annotations

import math
import textwrap
import unicodedata

import numpy as np

from .activations import MAXOUT, SELU_ALPHA, SELU_SCALE, GELU
from .errors import ConfigError
from .features import FEATURES
from .network import Network
from .optimizers import make_optimizer

FORMATS = ("numpy", "keras", "pytorch")

#: longest user text (title or description) copied into a header, in characters
MAX_HEADER_TEXT = 4000


def neurona_version() -> str:
    """The installed Neurona version, or ``"dev"`` for a bare checkout."""
    try:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("neurona")
        except PackageNotFoundError:
            return "dev"
    except Exception:  # pragma: no cover - importlib.metadata always exists on 3.10+
        return "dev"


# ---------------------------------------------------------------------- safe text
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _safe_char(ch: str) -> str:
    if ch == "\t":
        return " "
    cat = unicodedata.category(ch)
    # control, format (incl. bidi overrides), surrogates, unassigned/private: show as \uXXXX
    if cat in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        code = ord(ch)
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return ch


def safe_comment_lines(text: str, limit: int = MAX_HEADER_TEXT) -> list[str]:
    """``text`` as lines that are safe inside ``#`` comments of a Python file.

    Every kind of line break starts a new line (each gets its own ``#`` from the caller);
    control and format characters (including bidirectional overrides, which could make a
    comment display as code) become visible ``\\uXXXX`` escapes; over ``limit`` characters
    the text is cut with "…".
    """
    if not isinstance(text, str):
        return []
    if len(text) > limit:
        text = text[:limit] + "…"
    for brk in _LINE_BREAKS:
        text = text.replace(brk, "\n")
    return ["".join(_safe_char(c) for c in line).rstrip() for line in text.split("\n")]


def _comment(lines: list[str]) -> str:
    return "\n".join(("# " + line) if line else "#" for line in lines)


# ---------------------------------------------------------------------- literals
def _num(x: float) -> str:
    """A float literal that round-trips exactly."""
    x = float(x)
    if not math.isfinite(x):  # weights are always finite; defensive
        raise ConfigError("weights", x, "cannot export NaN or infinite values")
    return repr(x)


def _array_literal(a: np.ndarray, indent: int = 4) -> str:
    """Nested list literal of ``a`` with exact floats, one innermost row per line."""
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return _num(a)
    if a.ndim == 1:
        return "[" + ", ".join(_num(v) for v in a) + "]"
    pad = " " * indent
    rows = [pad + _array_literal(row, indent + 4) + "," for row in a]
    return "[\n" + "\n".join(rows) + "\n" + " " * (indent - 4) + "]"


# ---------------------------------------------------------------------- describing the network
_FEATURE_EXPR = {
    "x1": "x1",
    "x2": "x2",
    "x1_sq": "x1 * x1",
    "x2_sq": "x2 * x2",
    "x1x2": "x1 * x2",
    "sin_x1": "np.sin(x1)",
    "sin_x2": "np.sin(x2)",
}


def _alpha(L) -> float | None:
    if L.maxout:
        return None
    return L.activation.params.get("alpha")


def _layer_words(L, last: bool) -> str:
    name = L.name
    if L.maxout:
        name += f" ({L.k} pieces)"
    elif _alpha(L) is not None:
        name += f" (α = {_alpha(L):g})"
    if L.dropout:
        name += f", dropout {L.dropout:g}"
    if last:
        name += "  (output)"
    return name


def _header(kind: str, net: Network, training, dataset, title, description, how_to_run: list[str]) -> str:
    lines = [
        f"{kind}",
        f"Exported from Neurona {neurona_version()} (a desktop lab for learning neural networks).",
    ]
    if title:
        t = safe_comment_lines(title, 300)
        lines.append("Title: " + " ".join(x for x in t if x))
    if description:
        lines.append("Description:")
        for x in safe_comment_lines(description):
            lines += ["    " + w for w in (textwrap.wrap(x, 84, break_long_words=False, break_on_hyphens=False) or [""])]
    lines.append("")
    feats = ", ".join(f"{n} ({FEATURES[n].label})" for n in net.features)
    lines.append(f"Inputs: {net.n_inputs} features computed from a point (x1, x2): {feats}")
    lines.append("Layers:")
    lines.append("    layer  inputs  neurons  activation")
    for L in net.layers:
        last = L.index == len(net.layers) - 1
        lines.append(f"    {L.index:>5}  {L.n_in:>6}  {L.n_out:>7}  {_layer_words(L, last)}")
    lines.append(f"Parameters: {net.n_parameters} weights and biases.")
    removed = [(L.index, int(i), int(j)) for L in net.layers for i, j in np.argwhere(net.removed[L.index])]
    frozen = [(L.index, int(i), int(j)) for L in net.layers for i, j in np.argwhere(net.frozen_w[L.index])]
    frozen_b = [(L.index, int(j)) for L in net.layers for (j,) in np.argwhere(net.frozen_b[L.index])]
    if removed:
        lines.append("Removed connections (weight 0): " + _connections(net, removed))
    if frozen or frozen_b:
        items = [_connection(net, *c) for c in frozen] + [f"bias of layer {l} neuron {j}" for l, j in frozen_b]
        lines.append("Frozen in Neurona (kept at their values while training): " + "; ".join(items[:40]) + ("; …" if len(items) > 40 else ""))
    if training is not None:
        lines.append(
            f"Trained with: {training.optimizer}, learning rate {training.learning_rate:g}, loss {training.loss}, "
            f"batch size {training.batch_size}, rule {training.rule}"
            + (f", L1 {training.l1:g}" if training.l1 else "")
            + (f", L2 {training.l2:g}" if training.l2 else "")
            + (f", max-norm {training.max_norm:g}" if training.max_norm else "")
        )
    if dataset is not None:
        lines.append(
            f"Data: {dataset.kind}, {dataset.n_train} training / {dataset.n_test} test points"
            + (f", {dataset.n_classes} classes" if dataset.kind == "classification" else "")
        )
    lines.append("")
    lines.append("How to run:")
    lines += ["    " + x for x in how_to_run]
    rule = "-" * 78
    return _comment([rule] + lines + [rule])


def _unit_name(net: Network, layer: int, i: int) -> str:
    if layer == 0:
        return net.features[i]
    return f"layer {layer - 1} neuron {i}"


def _connection(net: Network, layer: int, i: int, j: int) -> str:
    return f"{_unit_name(net, layer, i)} → layer {layer} neuron {j}"


def _connections(net: Network, items: list) -> str:
    text = "; ".join(_connection(net, *c) for c in items[:40])
    return text + ("; …" if len(items) > 40 else "")


def _sample_points(dataset) -> np.ndarray:
    if dataset is not None and len(dataset.x_train):
        return np.asarray(dataset.x_train[:3], dtype=float)
    return np.array([[0.0, 0.0], [1.0, -1.0], [-2.5, 3.0]])


def _classification(dataset) -> bool:
    return dataset is None or dataset.kind == "classification"


def _target_range(net: Network) -> tuple[float, float]:
    L = net.layers[-1]
    return (-1.0, 1.0) if L.maxout else L.activation.target_range


def _features_function(net: Network) -> str:
    exprs = "\n".join(f"            {_FEATURE_EXPR[n]},  # {n}" for n in net.features)
    return f'''FEATURES = {list(net.features)!r}


def features(X):
    """The network's inputs for raw points X of shape (n, 2): one column per feature."""
    X = np.asarray(X, dtype=np.float64)
    x1, x2 = X[:, 0], X[:, 1]
    return np.stack(
        [
{exprs}
        ],
        axis=1,
    )
'''


def _class_names_literal(dataset) -> str | None:
    if dataset is None or dataset.kind != "classification" or not dataset.class_names:
        return None
    return repr([str(c) for c in dataset.class_names])  # repr escapes anything unprintable


# ---------------------------------------------------------------------- NumPy
_NUMPY_ACTIVATIONS = {
    "linear": '''def linear(z):
    """f(z) = z"""
    return z
''',
    "step": '''def step(z):
    """Heaviside step: f(z) = 1 if z ≥ 0, else 0."""
    return (z >= 0.0).astype(np.float64)
''',
    "sign": '''def sign(z):
    """Sign: f(z) = +1 if z ≥ 0, else −1."""
    return (z >= 0.0) * 2.0 - 1.0
''',
    "sigmoid": '''def sigmoid(z):
    """f(z) = 1 / (1 + e^(−z)), computed as ½(1 + tanh(z/2)), which never overflows."""
    return (np.tanh(z * 0.5) + 1.0) * 0.5
''',
    "tanh": '''def tanh(z):
    """f(z) = tanh(z)"""
    return np.tanh(z)
''',
    "relu": '''def relu(z):
    """f(z) = max(0, z)"""
    return np.maximum(z, 0.0)
''',
    "leaky_relu": '''def leaky_relu(z, alpha):
    """Leaky ReLU: f(z) = max(αz, z), slope α for z < 0."""
    return np.maximum(z * alpha, z)
''',
    "elu": '''def elu(z, alpha):
    """ELU: f(z) = z if z > 0, else α(eᶻ − 1)."""
    return np.where(z > 0, z, np.expm1(np.minimum(z, 0.0)) * alpha)
''',
    "selu": f'''SELU_ALPHA = {SELU_ALPHA!r}
SELU_SCALE = {SELU_SCALE!r}


def selu(z):
    """SELU: f(z) = λ·(z if z > 0, else α(eᶻ − 1)), λ = SELU_SCALE, α = SELU_ALPHA."""
    return np.where(z > 0, z, np.expm1(np.minimum(z, 0.0)) * SELU_ALPHA) * SELU_SCALE
''',
    "softplus": '''def softplus(z):
    """f(z) = ln(1 + eᶻ), computed without overflow."""
    return np.logaddexp(0.0, z)
''',
    "silu": '''def silu(z):
    """SiLU / Swish: f(z) = z·σ(z)."""
    return (np.tanh(z * 0.5) + 1.0) * 0.5 * z
''',
    "gelu": f'''GELU_C = {GELU._c!r}  # √(2/π)


def gelu(z):
    """GELU, tanh form: f(z) = ½z(1 + tanh(√(2/π)(z + 0.044715z³)))."""
    u = ((z * z) * 0.044715 + 1.0) * z * GELU_C
    return (np.tanh(u) + 1.0) * z * 0.5
''',
    "softmax": '''def softmax(z):
    """fᵢ(z) = e^(zᵢ) / Σⱼ e^(zⱼ) over the neurons of the layer (the max is subtracted first)."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
''',
    MAXOUT: '''def maxout(z):
    """Maxout: each neuron outputs the largest of its k linear pieces, z has shape (n, neurons, k)."""
    return z.max(axis=2)
''',
}


def _numpy_call(L, z: str) -> str:
    alpha = _alpha(L)
    if L.name in ("leaky_relu", "elu"):
        return f"{L.name}({z}, {_num(alpha)})"
    return f"{L.name}({z})"


def _export_numpy(net: Network, training, dataset, title, description) -> str:
    how = [
        "python THIS_FILE.py              prints the outputs for a few sample points",
        "python THIS_FILE.py points.csv   prints them for every 'x1,x2' line of a CSV file",
        "or, from Python:  from THIS_FILE import predict;  predict([[x1, x2], ...])",
        "Needs only NumPy. The outputs equal Neurona's to rounding (about 1e-15).",
    ]
    parts = [
        "#!/usr/bin/env python3",
        _header("A trained Neurona network as a standalone NumPy script.", net, training, dataset, title, description, how),
        "",
        "import sys",
        "",
        "import numpy as np",
        "",
        "",
        _features_function(net),
        "",
        "# ---------------------------------------------------------------- activations",
        "",
    ]
    used = []
    for L in net.layers:
        if L.name not in used:
            used.append(L.name)
    parts.append("\n\n".join(_NUMPY_ACTIVATIONS[name] for name in used))
    parts += [
        "",
        "# ---------------------------------------------------------------- weights",
        "# W<l>[i, j] is the weight from unit i of the previous column (the features for",
        "# layer 0) to neuron j of layer l; b<l>[j] is neuron j's bias. Maxout layers have a",
        "# last axis for the k pieces of each neuron. Removed connections are 0.",
        "",
    ]
    for L, (w, b) in zip(net.layers, net.get_weights()):
        shape = "(inputs, neurons, pieces)" if L.maxout else "(inputs, neurons)"
        parts.append(f"# layer {L.index}: {L.n_in} → {L.n_out}, {_layer_words(L, False)}; W{L.index} {shape}")
        parts.append(f"W{L.index} = np.array({_array_literal(w)})")
        parts.append(f"b{L.index} = np.array({_array_literal(b)})")
        parts.append("")
    body = ["    a = features(X)"]
    for L in net.layers:
        if L.maxout:
            body.append(f"    z = np.tensordot(a, W{L.index}, axes=1) + b{L.index}  # (n, {L.n_out}, {L.k}) pieces")
            body.append(f"    a = maxout(z)  # layer {L.index}")
        else:
            body.append(f"    a = {_numpy_call(L, f'a @ W{L.index} + b{L.index}')}  # layer {L.index}: z = a·W + b, a = f(z)")
        if L.dropout:
            body.append(f"    # (dropout {L.dropout:g} acts only while training: nothing to do here)")
    body.append("    return a")
    parts.append('''# ---------------------------------------------------------------- the network


def predict(X):
    """Outputs of the network, shape (n, %d), for raw points X of shape (n, 2)."""
%s
''' % (net.n_outputs, "\n".join(body)))
    if _classification(dataset):
        lo, hi = _target_range(net)
        names = _class_names_literal(dataset)
        if names:
            parts.append(f"CLASS_NAMES = {names}\n")
        if net.n_outputs == 1:
            rule = f"class 1 where the output reaches {_num((lo + hi) / 2)} (the middle of its range), else class 0"
            code = f"    return (predict(X)[:, 0] >= {_num((lo + hi) / 2)}).astype(int)"
        else:
            rule = "the output neuron with the largest value"
            code = "    return predict(X).argmax(axis=1)"
        parts.append(f'''
def classify(X):
    """Predicted class ids (as in Neurona): {rule}."""
{code}
''')
    samples = _sample_points(dataset)
    parts.append(f'''
def _main(argv):
    if len(argv) > 1:
        points = np.loadtxt(argv[1], delimiter=",", comments="#", ndmin=2, usecols=(0, 1))
    else:
        points = np.array({_array_literal(samples, 12)})
    outputs = predict(points)
    header = "x1,x2," + ",".join(f"output{{k}}" for k in range(outputs.shape[1]))
    np.savetxt(sys.stdout, np.hstack([points, outputs]), delimiter=",", fmt="%.17g", header=header)


if __name__ == "__main__":
    _main(sys.argv)
''')
    return _join(parts)


def _join(parts: list[str]) -> str:
    text = "\n".join(parts)
    while "\n\n\n\n" in text:
        text = text.replace("\n\n\n\n", "\n\n\n")
    return text.rstrip() + "\n"


# ---------------------------------------------------------------------- Keras / PyTorch shared
def _optimizer_hyper(training) -> tuple[str, dict[str, float]]:
    opt = make_optimizer(training.optimizer, 1, **training.optimizer_params)
    return training.optimizer, dict(opt.hyper)


def _targets_function(net: Network, training, dataset, style: str) -> str:
    """``targets(labels)``: class labels → what the loss expects (Neurona's encoding)."""
    if dataset is not None and dataset.kind == "regression":
        return '''
def targets(values):
    """Regression targets, used as they are: shape (n, 1)."""
    return np.asarray(values, dtype=np.float64).reshape(-1, 1)
'''
    lo, hi = _target_range(net)
    loss = training.loss if training is not None else "mse"
    K = net.n_outputs
    if loss == "sparse_cce":
        return '''
def targets(labels):
    """Class ids 0…C−1, as sparse categorical cross-entropy takes them."""
    return np.asarray(labels, dtype=np.int64)
'''
    if K == 1:
        return f'''
def targets(labels):
    """Class ids 0/1 → the output's range, as Neurona encodes them: 0 → {lo:g}, 1 → {hi:g}."""
    return np.where(np.asarray(labels).reshape(-1, 1) == 1, {_num(hi)}, {_num(lo)})
'''
    return f'''
def targets(labels):
    """Class ids 0…{K - 1} → one row per point with {hi:g} for its class and {lo:g} elsewhere."""
    labels = np.asarray(labels, dtype=np.int64)
    t = np.full((labels.shape[0], {K}), {_num(lo)})
    t[np.arange(labels.shape[0]), labels] = {_num(hi)}
    return t
'''


# ---------------------------------------------------------------------- Keras
_KERAS_BUILTIN = {
    "linear": "linear",
    "sigmoid": "sigmoid",
    "tanh": "tanh",
    "relu": "relu",
    "selu": "selu",
    "softplus": "softplus",
    "silu": "silu",
    "softmax": "softmax",
}

_KERAS_CUSTOM = {
    "step": '''def step(z):
    """Heaviside step, 1 where z ≥ 0, else 0. Keras has no built-in; its gradient is 0."""
    return keras.ops.cast(keras.ops.greater_equal(z, 0.0), z.dtype)
''',
    "sign": '''def sign(z):
    """Sign, +1 where z ≥ 0, else −1. Keras has no built-in; its gradient is 0."""
    return keras.ops.cast(keras.ops.greater_equal(z, 0.0), z.dtype) * 2.0 - 1.0
''',
    "leaky_relu": '''def leaky_relu(alpha):
    """Leaky ReLU max(αz, z) with Neurona's slope α (layers.LeakyReLU(negative_slope=α) is the same)."""

    def f(z):
        return keras.ops.maximum(z * alpha, z)

    return f
''',
    "elu": '''def elu(alpha):
    """ELU with Neurona's α: z if z > 0, else α(eᶻ − 1)."""

    def f(z):
        return keras.ops.where(z > 0, z, keras.ops.expm1(keras.ops.minimum(z, 0.0)) * alpha)

    return f
''',
    "gelu": '''def gelu_tanh(z):
    """GELU in its tanh form, as Neurona computes it ('gelu' in Keras is the exact erf form)."""
    return keras.activations.gelu(z, approximate=True)
''',
    MAXOUT: '''class Maxout(layers.Layer):
    """Maxout: the Dense layer before it computes k pieces per neuron (neuron-major order:
    column j·k + p is piece p of neuron j); each neuron outputs the largest of its pieces."""

    def __init__(self, units, pieces, **kwargs):
        super().__init__(**kwargs)
        self.units, self.pieces = units, pieces

    def call(self, z):
        return keras.ops.max(keras.ops.reshape(z, (-1, self.units, self.pieces)), axis=-1)

    def get_config(self):
        return {**super().get_config(), "units": self.units, "pieces": self.pieces}
''',
}


def _keras_activation(L) -> tuple[str, str | None]:
    """(the activation argument, the custom definition it needs or None)."""
    name, alpha = L.name, _alpha(L)
    if name in _KERAS_BUILTIN:
        return repr(_KERAS_BUILTIN[name]), None
    if name == "elu" and alpha == 1.0:
        return "'elu'", None
    if name in ("leaky_relu", "elu"):
        return f"{name}({_num(alpha)})", name
    if name == "gelu":
        return "gelu_tanh", name
    return name, name  # step, sign


_KERAS_OPTIMIZERS = {
    "sgd": ("SGD", lambda h: {}),
    "momentum": ("SGD", lambda h: {"momentum": h["momentum"]}),
    "nesterov": ("SGD", lambda h: {"momentum": h["momentum"], "nesterov": True}),
    "adagrad": ("Adagrad", lambda h: {"initial_accumulator_value": 0.0, "epsilon": h["eps"]}),
    "adadelta": ("Adadelta", lambda h: {"rho": h["rho"], "epsilon": h["eps"]}),
    "rmsprop": ("RMSprop", lambda h: {"rho": h["rho"], "epsilon": h["eps"]}),
    "adam": ("Adam", lambda h: {"beta_1": h["beta1"], "beta_2": h["beta2"], "epsilon": h["eps"]}),
    "adamw": ("AdamW", lambda h: {"weight_decay": h["weight_decay"], "beta_1": h["beta1"], "beta_2": h["beta2"], "epsilon": h["eps"]}),
    "nadam": ("Nadam", lambda h: {"beta_1": h["beta1"], "beta_2": h["beta2"], "epsilon": h["eps"]}),
    "amsgrad": ("Adam", lambda h: {"beta_1": h["beta1"], "beta_2": h["beta2"], "epsilon": h["eps"], "amsgrad": True}),
}

_KERAS_LOSSES = {
    "mse": "mean_squared_error",
    "bce": "binary_crossentropy",
    "cce": "categorical_crossentropy",
    "sparse_cce": "sparse_categorical_crossentropy",
}


def _kwargs(d: dict) -> str:
    out = []
    for k, v in d.items():
        out.append(f"{k}={v!r}" if isinstance(v, bool) else f"{k}={_num(v)}")
    return ", ".join(out)


def _export_keras(net: Network, training, dataset, title, description) -> str:
    how = [
        "pip install keras   (Keras 3, with a backend: tensorflow, jax or torch)",
        "python THIS_FILE.py   builds the model, loads the weights and prints predictions",
        "Keras computes in float32: predictions agree with Neurona's to about 1e-6.",
    ]
    parts = [
        _header("A trained Neurona network as Keras code.", net, training, dataset, title, description, how),
        "",
        "import numpy as np",
        "import keras",
        "from keras import layers",
        "",
        "",
        _features_function(net),
    ]
    custom: list[str] = []
    for L in net.layers:
        if L.maxout:
            need = MAXOUT
        else:
            need = _keras_activation(L)[1]
        if need and need not in custom:
            custom.append(need)
    if custom:
        parts.append("\n# Activations Keras has no built-in for, written to compute what Neurona computes.\n")
        parts.append("\n\n".join(_KERAS_CUSTOM[n] for n in custom))
    if training is not None or dataset is not None:
        parts.append(_targets_function(net, training, dataset, "keras"))

    reg_args, reg_defs = [], []
    if training is not None and (training.l1 or training.l2):
        if training.l1 and training.l2:
            reg = f"keras.regularizers.L1L2(l1={_num(training.l1)}, l2={_num(training.l2 / 2)})"
        elif training.l1:
            reg = f"keras.regularizers.L1({_num(training.l1)})"
        else:
            reg = f"keras.regularizers.L2({_num(training.l2 / 2)})"
        reg_defs += [
            "# Neurona's penalty is λ₁‖w‖₁ + ½λ₂‖w‖² on the weights (not the biases); Keras' L2(l2) adds",
            "# l2·Σw², hence l2 = λ₂/2. Keras reports the loss with the penalty, Neurona without it.",
            f"penalty = {reg}",
        ]
        reg_args.append("kernel_regularizer=penalty")
    if training is not None and training.max_norm:
        reg_defs += [
            "# Max-norm: after every update each neuron's incoming weights are rescaled to norm ≤ c.",
            f"limit = keras.constraints.MaxNorm({_num(training.max_norm)}, axis=0)",
        ]
        reg_args.append("kernel_constraint=limit")
    extra = "".join(", " + a for a in reg_args)
    if reg_defs:
        parts.append("\n" + "\n".join(reg_defs) + "\n")

    rows = [f"        keras.Input(shape=({net.n_inputs},)),"]
    for L in net.layers:
        last = L.index == len(net.layers) - 1
        if L.maxout:
            rows.append(f"        layers.Dense({L.n_out * L.k}{extra}),  # layer {L.index}: {L.n_out} neurons × {L.k} pieces")
            rows.append(f"        Maxout({L.n_out}, {L.k}),")
        else:
            act = _keras_activation(L)[0]
            rows.append(f"        layers.Dense({L.n_out}, activation={act}{extra}),  # layer {L.index}{' (output)' if last else ''}")
        if L.dropout:
            rows.append(f"        layers.Dropout({_num(L.dropout)}),  # active only while training")
    parts.append("\nmodel = keras.Sequential(\n    [\n" + "\n".join(rows) + "\n    ]\n)\n")

    # compile
    if training is not None:
        name, hyper = _optimizer_hyper(training)
        cls, args = _KERAS_OPTIMIZERS[name]
        opt_args = {"learning_rate": training.learning_rate, **args(hyper)}
        notes = _keras_optimizer_notes(name, hyper)
        loss = training.loss
        loss_notes = _keras_loss_notes(net, loss, dataset)
        classify_ok = _classification(dataset) and not (net.n_outputs == 1 and _target_range(net)[0] < 0)
        metrics = "    metrics=['accuracy'],\n" if classify_ok else ""
        if _classification(dataset) and not classify_ok:
            loss_notes.append("# (No 'accuracy' metric: with −1/+1 targets Keras' accuracy would compare them with 0/1.)")
        if training.rule == "perceptron":
            loss_notes.append("# Neurona trained this network with Rosenblatt's perceptron rule, w ← w + η(t − y)x;")
            loss_notes.append("# Keras has no counterpart (step/sign have zero gradient), so fit() would not learn.")
        parts.append(
            "\n".join(notes + loss_notes)
            + ("\n" if notes or loss_notes else "")
            + "model.compile(\n"
            + f"    optimizer=keras.optimizers.{cls}({_kwargs(opt_args)}),\n"
            + f"    loss={_KERAS_LOSSES[loss]!r},\n"
            + metrics
            + ")\n"
        )
    else:
        parts.append("# (Exported without training settings: compile the model before calling fit.)\n")

    # weights
    lines = ["", "# The trained weights, in model.get_weights() order: kernel (inputs, units), bias (units) per", "# Dense layer. Removed connections are 0."]
    lines.append("weights = [")
    for L, (w, b) in zip(net.layers, net.get_weights()):
        if L.maxout:
            w = w.reshape(L.n_in, L.n_out * L.k)
            b = b.reshape(L.n_out * L.k)
        lines.append(f"    # layer {L.index}")
        lines.append(f"    np.array({_array_literal(w, 8)}),")
        lines.append(f"    np.array({_array_literal(b, 8)}),")
    lines.append("]")
    lines.append("model.set_weights(weights)")
    locks = _lock_note(net)
    if locks:
        lines += locks
    parts.append("\n".join(lines) + "\n")
    names = _class_names_literal(dataset)
    if names:
        parts.append(f"CLASS_NAMES = {names}\n")
    samples = _sample_points(dataset)
    fit = ""
    if training is not None:
        fit = (
            "    # To go on training as Neurona does (X_train: points (n, 2), y_train: labels or values):\n"
            f"    # model.fit(features(X_train), targets(y_train), batch_size={training.batch_size}, epochs=100, "
            f"shuffle={training.shuffle!r})\n"
        )
    parts.append(f'''
if __name__ == "__main__":
    model.summary()
    points = np.array({_array_literal(samples, 8)})
    print(model.predict(features(points), verbose=0))  # outputs, one row per point
{fit}''')
    return _join(parts)


def _keras_optimizer_notes(name: str, hyper: dict) -> list[str]:
    notes = {
        "momentum": ["# Keras writes momentum as v ← μv − ηg; w ← w + v: the same steps as Neurona's v ← μv + g;",
                     "# w ← w − ηv while the learning rate stays fixed."],
        "nesterov": ["# Keras' Nesterov momentum takes the same steps as Neurona's while the learning rate is fixed."],
        "adagrad": ["# Neurona's Adagrad starts its sum of squares at 0 (Keras' default is 0.1) and adds ε after",
                    "# the square root; Keras adds it inside, a difference only for tiny gradients."],
        "rmsprop": ["# Keras' RMSprop may place ε differently (inside the square root); a difference only for",
                    "# tiny gradients."],
        "adam": ["# Keras' Adam adds ε to √v rather than to √v̂: the steps differ only for tiny gradients."],
        "adamw": ["# Keras' AdamW: decoupled weight decay as in Neurona; ε placement as Keras' Adam."],
        "amsgrad": ["# AMSGrad is Adam(amsgrad=True) in Keras."],
        "nadam": ["# Keras' Nadam has no momentum_decay setting; its momentum schedule follows Dozat's",
                  f"# paper (Neurona uses ψ = {hyper.get('momentum_decay', 0.004):g})."],
        "sgd": [],
        "adadelta": [],
    }
    return notes.get(name, [])


def _keras_loss_notes(net: Network, loss: str, dataset) -> list[str]:
    K = net.n_outputs
    if loss == "mse":
        return [
            "# Neurona's squared error is E = 1/(2n) Σ‖t − o‖² (the slides' ½). Keras' mean_squared_error",
            f"# is the mean over the outputs without the ½: Neurona's E = {K}/2 × Keras' value, and",
            f"# gradients scale alike (with plain SGD use learning rate × {K / 2:g} for the same steps).",
        ]
    if loss == "bce":
        return ["# binary_crossentropy: mean over the outputs and points, as Neurona's (which works from the",
                "# logits; Keras clips the probabilities at 1e-7)."]
    if loss == "cce":
        return ["# categorical_crossentropy takes one-hot targets: targets(labels) below makes them."]
    return []


def _lock_note(net: Network) -> list[str]:
    removed = any(m.any() for m in net.removed)
    frozen = any(m.any() for m in net.frozen_w) or any(m.any() for m in net.frozen_b)
    out = []
    if removed:
        out.append("# Removed connections are 0 here but fit() would let them grow back: Neurona pins them at 0.")
    if frozen:
        out.append("# Frozen weights (see the header) are not kept fixed by fit(): Neurona puts them back after")
        out.append("# every update.")
    return out


# ---------------------------------------------------------------------- PyTorch
def _torch_activation(L, x: str) -> str:
    name, alpha = L.name, _alpha(L)
    return {
        "linear": x,
        "step": f"step({x})",
        "sign": f"sign({x})",
        "sigmoid": f"torch.sigmoid({x})",
        "tanh": f"torch.tanh({x})",
        "relu": f"torch.relu({x})",
        "leaky_relu": f"F.leaky_relu({x}, negative_slope={_num(alpha) if alpha is not None else ''})",
        "elu": f"F.elu({x}, alpha={_num(alpha) if alpha is not None else ''})",
        "selu": f"F.selu({x})",
        "softplus": f"F.softplus({x}, threshold=37.0)",
        "silu": f"F.silu({x})",
        "gelu": f"F.gelu({x}, approximate='tanh')",
        "softmax": f"torch.softmax({x}, dim=1)",
    }[name]


_TORCH_OPTIMIZERS = {
    "sgd": ("SGD", lambda h: ""),
    "momentum": ("SGD", lambda h: f", momentum={_num(h['momentum'])}"),
    "nesterov": ("SGD", lambda h: f", momentum={_num(h['momentum'])}, nesterov=True"),
    "adagrad": ("Adagrad", lambda h: f", eps={_num(h['eps'])}"),
    "adadelta": ("Adadelta", lambda h: f", rho={_num(h['rho'])}, eps={_num(h['eps'])}"),
    "rmsprop": ("RMSprop", lambda h: f", alpha={_num(h['rho'])}, eps={_num(h['eps'])}"),
    "adam": ("Adam", lambda h: f", betas=({_num(h['beta1'])}, {_num(h['beta2'])}), eps={_num(h['eps'])}"),
    "adamw": ("AdamW", lambda h: f", betas=({_num(h['beta1'])}, {_num(h['beta2'])}), eps={_num(h['eps'])}, weight_decay={_num(h['weight_decay'])}"),
    "nadam": ("NAdam", lambda h: f", betas=({_num(h['beta1'])}, {_num(h['beta2'])}), eps={_num(h['eps'])}, momentum_decay={_num(h['momentum_decay'])}"),
    "amsgrad": ("Adam", lambda h: f", betas=({_num(h['beta1'])}, {_num(h['beta2'])}), eps={_num(h['eps'])}, amsgrad=True"),
}


def _export_pytorch(net: Network, training, dataset, title, description) -> str:
    how = [
        "pip install torch",
        "python THIS_FILE.py   builds the model in float64, loads the weights and prints predictions",
        "The outputs equal Neurona's to rounding (about 1e-15).",
    ]
    parts = [
        _header("A trained Neurona network as PyTorch code.", net, training, dataset, title, description, how),
        "",
        "import numpy as np",
        "import torch",
        "import torch.nn.functional as F",
        "from torch import nn",
        "",
        "# Neurona computes in float64. This also makes the optimizers' scalar state float64",
        "# (e.g. NAdam's running product), so training steps match Neurona's to rounding.",
        "torch.set_default_dtype(torch.float64)",
        "",
        "",
        _features_function(net),
    ]
    if training is not None or dataset is not None:
        parts.append(_targets_function(net, training, dataset, "pytorch"))
    used = {L.name for L in net.layers}
    if "step" in used:
        parts.append('''
def step(z):
    """Heaviside step, 1 where z ≥ 0, else 0; its gradient is 0, as in Neurona (+ 0·z keeps the graph)."""
    return (z >= 0).to(z.dtype) + 0.0 * z
''')
    if "sign" in used:
        parts.append('''
def sign(z):
    """Sign, +1 where z ≥ 0, else −1; its gradient is 0, as in Neurona (+ 0·z keeps the graph)."""
    return (z >= 0).to(z.dtype) * 2.0 - 1.0 + 0.0 * z
''')

    init = []
    fwd = []
    n = len(net.layers)
    for L in net.layers:
        last = L.index == n - 1
        cols = L.n_out * L.k
        comment = f"{L.n_out} × {L.name}" + (f" with {L.k} pieces each" if L.maxout else "")
        init.append(f"        self.layer{L.index} = nn.Linear({L.n_in}, {cols})  # {comment}")
        if L.dropout:
            init.append(f"        self.dropout{L.index} = nn.Dropout(p={_num(L.dropout)})  # only in model.train() mode")
        z = f"self.layer{L.index}(x)"
        if last:
            fwd.append(f"        return {z}")
            break
        if L.maxout:
            fwd.append(f"        x = {z}.view(-1, {L.n_out}, {L.k}).amax(dim=2)  # maxout: largest piece")
        else:
            fwd.append(f"        x = {_torch_activation(L, z)}")
        if L.dropout:
            fwd.append(f"        x = self.dropout{L.index}(x)")
    out = net.layers[-1]
    if out.maxout:
        final = f"self.logits(x).view(-1, {out.n_out}, {out.k}).amax(dim=2)  # maxout: largest piece"
    else:
        final = _torch_activation(out, "self.logits(x)")
    parts.append(f'''
class NeuronaNet(nn.Module):
    """The network: layer l maps the previous column to its neurons, z = W·a + b, a = f(z)."""

    def __init__(self):
        super().__init__()
{chr(10).join(init)}

    def logits(self, x):
        """The output layer's weighted sums z, before its activation."""
{chr(10).join(fwd)}

    def forward(self, x):
        """The outputs, shape (n, {net.n_outputs}), for features x of shape (n, {net.n_inputs})."""
        return {final}


model = NeuronaNet()  # float64 (the default dtype set above)
''')
    lines = [
        "# The trained weights. nn.Linear.weight is (outputs, inputs), i.e. Neurona's W transposed;",
        "# removed connections are 0." + (" Maxout rows are neuron-major: row j·k + p is piece p of neuron j." if any(L.maxout for L in net.layers) else ""),
        "with torch.no_grad():",
    ]
    for L, (w, b) in zip(net.layers, net.get_weights()):
        if L.maxout:
            w = w.reshape(L.n_in, L.n_out * L.k)
            b = b.reshape(L.n_out * L.k)
        lines.append(f"    model.layer{L.index}.weight.copy_(torch.tensor({_array_literal(w.T, 8)}, dtype=torch.float64))")
        lines.append(f"    model.layer{L.index}.bias.copy_(torch.tensor({_array_literal(b, 8)}, dtype=torch.float64))")
    parts.append("\n".join(lines) + "\n")
    if any(L.name == "softplus" for L in net.layers):
        parts.append("# (F.softplus switches to z itself above a threshold; threshold=37 keeps ln(1 + eᶻ) to float64 precision.)\n")

    if training is not None:
        parts.append(_torch_training(net, training))
    else:
        parts.append("# (Exported without training settings: choose an optimizer and loss to train further.)\n")
    names = _class_names_literal(dataset)
    if names:
        parts.append(f"CLASS_NAMES = {names}\n")
    samples = _sample_points(dataset)
    parts.append(f'''
if __name__ == "__main__":
    model.eval()  # no dropout
    points = np.array({_array_literal(samples, 8)})
    with torch.no_grad():
        outputs = model(torch.tensor(features(points)))
    print(outputs.numpy())  # one row per point
''')
    return _join(parts)


def _torch_training(net: Network, training) -> str:
    name, hyper = _optimizer_hyper(training)
    cls, args = _TORCH_OPTIMIZERS[name]
    out = [f"# Neurona's optimizer, {name}, follows torch.optim's rules and defaults, so this is the same optimizer:"]
    out.append(f"optimizer = torch.optim.{cls}(model.parameters(), lr={_num(training.learning_rate)}{args(hyper)})")
    out.append("")
    loss = training.loss
    if loss == "mse":
        out += [
            "",
            "def loss_fn(outputs, logits, t):",
            '    """Neurona\'s squared error E = 1/(2n) Σ‖t − o‖² (the slides\' ½).',
            "",
            "    nn.MSELoss() is the mean over all n·K values without the ½: E = K/2 × MSELoss (K outputs),",
            '    so its gradients are K/2 times these."""',
            "    return 0.5 * ((outputs - t) ** 2).sum(dim=1).mean()",
        ]
    elif loss == "bce":
        out += [
            "_bce = nn.BCEWithLogitsLoss()  # mean over the n·K values, from the logits: exactly Neurona's bce",
            "",
            "",
            "def loss_fn(outputs, logits, t):",
            "    return _bce(logits, t)",
        ]
    else:
        what = "class ids" if loss == "sparse_cce" else "one-hot rows (class probabilities)"
        out += [
            f"_cce = nn.CrossEntropyLoss()  # softmax + cross-entropy from the logits, targets as {what}: Neurona's {loss}",
            "",
            "",
            "def loss_fn(outputs, logits, t):",
            "    return _cce(logits, t)",
        ]
    out.append("")
    weights = ", ".join(f"model.layer{L.index}.weight" for L in net.layers)
    penalty = []
    if training.l1:
        penalty.append(f"{_num(training.l1)} * sum(w.abs().sum() for w in ({weights},))")
    if training.l2:
        penalty.append(f"0.5 * {_num(training.l2)} * sum((w * w).sum() for w in ({weights},))")
    locks = _torch_locks(net)
    body = []
    if training.rule == "perceptron":
        body += [
            "    # Rosenblatt's perceptron rule, w ← w + η Σ (t − y) x, given to the optimizer as the",
            "    # pseudo-gradient −Σ(t − y)x exactly as Neurona does (with SGD it is the rule itself).",
            "    optimizer.zero_grad()",
            "    with torch.no_grad():",
            "        e = t - model(x)  # (n, outputs)",
            "        model.layer0.weight.grad = -(e.T @ x)",
            "        model.layer0.bias.grad = -e.sum(dim=0)",
        ]
        if penalty:
            body.append("    penalty = " + " + ".join(penalty))
            body.append("    penalty.backward()  # L1/L2 terms added to the pseudo-gradient, as Neurona does")
        body.append("    optimizer.step()")
    else:
        body += [
            "    optimizer.zero_grad()",
            "    logits = model.logits(x)",
        ]
        if net.layers[-1].maxout:
            body.append(f"    outputs = logits.view(-1, {net.layers[-1].n_out}, {net.layers[-1].k}).amax(dim=2)")
        else:
            body.append(f"    outputs = {_torch_activation(net.layers[-1], 'logits')}")
        body.append("    loss = loss_fn(outputs, logits, t)")
        if penalty:
            body.append("    penalty = " + " + ".join(penalty) + "  # weights only, not biases")
            body.append("    (loss + penalty).backward()")
        else:
            body.append("    loss.backward()")
        body.append("    optimizer.step()")
    if training.max_norm:
        body += [
            "    with torch.no_grad():  # max-norm: each neuron's incoming weights to norm ≤ c (rows here)",
            f"        for w in ({weights},):",
            "            norms = w.norm(dim=1, keepdim=True)",
            f"            w.mul_(norms.clamp(max={_num(training.max_norm)}) / (1e-7 + norms))",
        ]
    if locks:
        body.append("    enforce_locks()")
    text = "\n".join(out)
    if locks:
        text += "\n" + locks
    doc = (
        f'    """One mini-batch step as Neurona takes it. x: features (n, {net.n_inputs}), t: targets(labels).'
        f"\n\n    Neurona uses batches of {training.batch_size}"
        + (", reshuffled every epoch." if training.shuffle else ", in order.")
        + ' Call model.train() first when there is dropout."""'
    )
    text += "\n\ndef training_step(x, t):\n" + doc + "\n" + "\n".join(body)
    if training.rule != "perceptron":
        text += "\n    return loss.item()"
    return text + "\n"


def _torch_locks(net: Network) -> str:
    rows = []
    for L in net.layers:
        rm = np.repeat(net.removed[L.index] | net.frozen_w[L.index], L.k, axis=1)  # (n_in, m)
        fb = np.repeat(net.frozen_b[L.index], L.k)
        if rm.any():
            values = np.where(rm, L.W, 0.0)
            rows.append(f"    (model.layer{L.index}.weight, torch.tensor({_array_literal(rm.T.astype(float), 8)}) > 0, "
                        f"torch.tensor({_array_literal(values.T, 8)}, dtype=torch.float64)),")
        if fb.any():
            values = np.where(fb, L.b, 0.0)
            rows.append(f"    (model.layer{L.index}.bias, torch.tensor({_array_literal(fb.astype(float), 8)}) > 0, "
                        f"torch.tensor({_array_literal(values, 8)}, dtype=torch.float64)),")
    if not rows:
        return ""
    return (
        "\n# Removed (0) and frozen weights: Neurona puts them back after every update.\n"
        "LOCKED = [  # (parameter, which entries, their values)\n" + "\n".join(rows) + "\n]\n\n\n"
        "def enforce_locks():\n"
        "    with torch.no_grad():\n"
        "        for param, mask, values in LOCKED:\n"
        "            param[mask] = values[mask]\n"
    )


# ---------------------------------------------------------------------- entry point
_EXPORTERS = {"numpy": _export_numpy, "keras": _export_keras, "pytorch": _export_pytorch}


def export_code(network: Network, fmt: str, *, training=None, dataset=None, title: str | None = None,
                description: str | None = None) -> str:
    """The Python source of ``network`` (architecture and current weights) in format ``fmt``.

    ``fmt`` is one of :data:`FORMATS`. ``training`` (a TrainingConfig) adds the optimizer,
    loss and regularization to the Keras/PyTorch code and the header; ``dataset`` adds the
    class names, the target encoding, sample points and whether it is regression.
    ``title``/``description`` (user text) go into the header as sanitised comments only.
    Raises ConfigError for an unknown format.
    """
    if not isinstance(network, Network):
        raise ConfigError("network", type(network).__name__, "must be a Network")
    if fmt not in _EXPORTERS:
        raise ConfigError("format", fmt, f"unknown export format; choose one of: {', '.join(FORMATS)}")
    if training is not None:
        training.validate()
    return _EXPORTERS[fmt](network, training, dataset, title, description)
