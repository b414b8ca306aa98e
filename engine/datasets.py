"""Data sets of points in the plane: Playground's generators, logic gates, drawn and CSV data.

Everything here produces a :class:`Dataset`: training and test points ``x`` of shape (n, 2)
with targets ``y``, the kind ("classification" or "regression"), the class names, the part
of the plane to draw (``extent``) and ``params``, the settings that made it.

Generators (registry :data:`GENERATORS`, used through :func:`generate`) reproduce the
definitions of TensorFlow Playground's ``dataset.ts``: "circle", "xor", "gauss", "spiral",
"reg_plane", "reg_gauss"; plus the logic gates "and", "or", "nand", "nor", "xor_gate",
"xnor" and the multi-class "blobs" and "spiral3".  As in Playground, ``noise`` is the
slider value 0..50 (used internally as n = noise/100), the points are shuffled once and
split at floor(N · train_ratio): the first part trains, the rest tests.

Label convention.  Playground labels its two classes +1 (blue, "positive") and −1
(orange).  Here classes are integers 0..C−1, so **class 1 is Playground's +1 (drawn blue)
and class 0 is Playground's −1 (drawn orange)**.  Gates use class 1 = true.

Reproducibility.  All randomness comes from ``np.random.default_rng(seed)``; the same
arguments give bit-identical arrays.  Each generator draws its random numbers as whole
arrays in a fixed order (documented per generator) that does not depend on ``noise``, so
moving the noise slider with the same seed keeps the same underlying points: only what the
noise touches changes (labels for circle/xor/regression, positions for gauss/spiral).  The
numbers are not those of Playground's JavaScript generator, only the distributions are.

Drawn or imported data: :func:`from_points`; CSV files of rows ``x1,x2,label`` with
:func:`parse_csv` / :func:`load_csv` (rules in :func:`parse_csv`).  Limits: at most
100 000 points, 8 classes, coordinates and targets within ±1e9, CSV files of 20 MB.

Saving: :func:`dataset_to_dict` / :func:`dataset_from_dict` (generator settings for
generated data, the points themselves otherwise).  Invalid settings raise
:class:`ConfigError` naming the field; invalid data raise :class:`DataError`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import numpy as np

from engine.errors import ConfigError, DataError
from engine.features import validate_extent

MAX_POINTS = 100_000
MAX_CLASSES = 8
MAX_NOISE = 50
MAX_SEED = 2**63 - 1
MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_ABS_VALUE = 1e9  # larger coordinates or targets only overflow the training
PLAYGROUND_EXTENT = (-6.0, 6.0, -6.0, 6.0)
TABLE_EXTENT = (-0.5, 1.5, -0.5, 1.5)
CLOUD_EXTENT = (-1.0, 2.0, -1.0, 2.0)
KINDS = ("classification", "regression")


@dataclass(frozen=True, eq=False)
class Dataset:
    """A data set of 2-D points; arrays are copied on creation and made read-only.

    ``y`` holds int64 class ids 0..n_classes−1 for classification, float64 targets for
    regression (``n_classes`` is then 0 and ``class_names`` empty).  ``extent`` is the
    plane to draw, (xmin, xmax, ymin, ymax).  ``params`` is JSON-ready: for generated data
    ``{"generator": name, "n_points", "noise", "train_ratio", "seed", ...extras}``.
    """

    name: str
    kind: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    n_classes: int
    extent: tuple[float, float, float, float]
    class_names: tuple[str, ...] = ()
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ConfigError("kind", self.kind, "must be 'classification' or 'regression'")
        y_type = np.int64 if self.kind == "classification" else np.float64
        for xk, yk in (("x_train", "y_train"), ("x_test", "y_test")):
            x = np.array(getattr(self, xk), dtype=np.float64)
            y = np.array(getattr(self, yk), dtype=y_type)
            if x.size == 0:
                x = x.reshape(0, 2)
            if x.ndim != 2 or x.shape[1] != 2:
                raise DataError(f"{xk}: has shape {x.shape}, expected (n, 2)")
            if y.shape != (len(x),):
                raise DataError(f"{yk}: has shape {y.shape}, expected ({len(x)},)")
            x.setflags(write=False)
            y.setflags(write=False)
            object.__setattr__(self, xk, x)
            object.__setattr__(self, yk, y)
        object.__setattr__(self, "extent", validate_extent(self.extent))
        object.__setattr__(self, "class_names", tuple(self.class_names))
        if len(self.class_names) != self.n_classes:
            raise ConfigError("class_names", self.class_names, f"needs {self.n_classes} names")

    @property
    def n_train(self) -> int:
        return len(self.x_train)

    @property
    def n_test(self) -> int:
        return len(self.x_test)

    def to_points_dict(self) -> dict:
        """The points as plain JSON-ready lists (floats round-trip exactly through JSON)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "n_classes": self.n_classes,
            "class_names": list(self.class_names),
            "extent": list(self.extent),
            "x_train": self.x_train.tolist(),
            "y_train": self.y_train.tolist(),
            "x_test": self.x_test.tolist(),
            "y_test": self.y_test.tolist(),
        }

    @classmethod
    def from_points_dict(cls, d: Mapping) -> Dataset:
        """Rebuild a data set from :meth:`to_points_dict` output, keeping its split as is."""
        return _from_points_dict(d)


# ---------------------------------------------------------------- validation helpers


def _is_int(v) -> bool:
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def _is_number(v) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)


def _check_int(fld: str, v, lo: int, hi: int, what: str) -> int:
    if not _is_int(v) or not lo <= v <= hi:
        raise ConfigError(fld, v, f"{what} must be a whole number from {lo} to {hi}")
    return int(v)


def _check_ratio(v) -> float:
    if not _is_number(v) or not math.isfinite(v) or not 0 < v <= 1:
        raise ConfigError("train_ratio", v,
                          "must be a number above 0 and at most 1 (1 = no test data)")
    return float(v)


def _check_seed(v) -> int:
    return _check_int("seed", v, 0, MAX_SEED, "the seed")


def _n_train(n: int, ratio: float) -> int:
    # floor(N·ratio); the tiny tolerance makes e.g. 0.29 · 100 give 29, not 28.
    k = min(n, math.floor(n * ratio + 1e-9))
    if k < 1:
        raise ConfigError("train_ratio", ratio, f"leaves no training points out of {n}")
    return k


# ---------------------------------------------------------------- generators
# Each takes (rng, N, n, opts) with n = noise/100 and returns (X, y) before shuffling.


def _circle(rng, N, n, opts):
    """Draws: r inside, r outside, angle, noise (N, 2)."""
    n_pos = N - N // 2
    r = np.concatenate([rng.uniform(0, 2.5, n_pos), rng.uniform(3.5, 5, N // 2)])
    angle = rng.uniform(0, 2 * np.pi, N)
    noise = rng.uniform(-5, 5, (N, 2)) * n
    x, y = r * np.sin(angle), r * np.cos(angle)
    dx, dy = x + noise[:, 0], y + noise[:, 1]
    label = (np.sqrt(dx * dx + dy * dy) < 2.5).astype(np.int64)
    return np.column_stack([x, y]), label


def _xor(rng, N, n, opts):
    """Draws: points (N, 2), noise (N, 2)."""
    p = rng.uniform(-5, 5, (N, 2))
    p += np.where(p > 0, 0.3, -0.3)
    noise = rng.uniform(-5, 5, (N, 2)) * n
    label = ((p[:, 0] + noise[:, 0]) * (p[:, 1] + noise[:, 1]) >= 0).astype(np.int64)
    return p, label


def _gauss_std(n):
    return math.sqrt(0.5 + 7 * n)  # Playground: variance = linear [0, .5] -> [0.5, 4]


def _gauss(rng, N, n, opts):
    """Draws: standard normal (N, 2). First ceil(N/2) points class 1 at (2, 2)."""
    n_pos = N - N // 2
    centres = np.where(np.arange(N)[:, None] < n_pos, 2.0, -2.0)
    label = (np.arange(N) < n_pos).astype(np.int64)
    return centres + _gauss_std(n) * rng.standard_normal((N, 2)), label


def _spiral_arms(rng, N, n, n_arms, deltas):
    # Playground: m = N/arms (not rounded); arm i has ceil/floor share of the points.
    m = N / n_arms
    xs, labels = [], []
    for k in range(n_arms):
        i = np.arange(N // n_arms + (k < N % n_arms), dtype=np.float64)
        r = i / m * 5
        t = 1.75 * i / m * 2 * np.pi + deltas[k]
        xs.append(np.column_stack([r * np.sin(t), r * np.cos(t)]))
        labels.append(np.full(len(i), k, dtype=np.int64))
    X = np.concatenate(xs)
    return X + rng.uniform(-1, 1, (N, 2)) * n, np.concatenate(labels)


def _spiral(rng, N, n, opts):
    """Draws: noise (N, 2). Arm with Δ=0 is class 1, arm with Δ=π class 0."""
    X, arm = _spiral_arms(rng, N, n, 2, (0.0, np.pi))
    return X, 1 - arm


def _spiral3(rng, N, n, opts):
    """Draws: noise (N, 2). Arm k (Δ = 2πk/C) is class k."""
    c = opts["n_classes"]
    return _spiral_arms(rng, N, n, c, [2 * np.pi * k / c for k in range(c)])


def _blobs(rng, N, n, opts):
    """Draws: standard normal (N, 2). Centres on a circle of radius 3.5, class 0 at 90°."""
    c = opts["n_classes"]
    label = np.repeat(np.arange(c), [N // c + (k < N % c) for k in range(c)])
    angle = np.pi / 2 + 2 * np.pi * label / c
    centres = 3.5 * np.column_stack([np.cos(angle), np.sin(angle)])
    return centres + _gauss_std(n) * rng.standard_normal((N, 2)), label


def _reg_points(rng, N, n):
    p = rng.uniform(-6, 6, (N, 2))
    return p, p + rng.uniform(-6, 6, (N, 2)) * n


def _reg_plane(rng, N, n, opts):
    """Draws: points (N, 2), noise (N, 2). Target (x₁ + x₂)/10 at the noised point."""
    p, q = _reg_points(rng, N, n)
    return p, (q[:, 0] + q[:, 1]) / 10


_REG_GAUSSIANS = np.array(
    [[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]],
    dtype=np.float64,
)


def _reg_gauss(rng, N, n, opts):
    """Draws: points (N, 2), noise (N, 2). Target: the bump of largest |value|."""
    p, q = _reg_points(rng, N, n)
    dx = q[:, 0:1] - _REG_GAUSSIANS[:, 0]
    dy = q[:, 1:2] - _REG_GAUSSIANS[:, 1]
    values = _REG_GAUSSIANS[:, 2] * np.clip(1 - np.sqrt(dx * dx + dy * dy) / 2, 0, 1)
    best = np.argmax(np.abs(values), axis=1)  # first maximum wins, as in Playground
    label = values[np.arange(N), best]
    return p, np.where(label == 0, 0.0, label)


GATE_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
GATE_OUTPUTS = {  # outputs for the rows (0,0), (0,1), (1,0), (1,1)
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "nor": (1, 0, 0, 0),
    "xor_gate": (0, 1, 1, 0),
    "xnor": (1, 0, 0, 1),
}


def _gate_cloud(outputs):
    table = np.array(outputs, dtype=np.int64)

    def cloud(rng, N, n, opts):
        """Draws: corner ids (N,), standard normal (N, 2); std = 0.05 + 0.5·noise/100."""
        corner = rng.integers(0, 4, N)
        jitter = rng.standard_normal((N, 2)) * (0.05 + 0.5 * n)
        return GATE_INPUTS[corner] + jitter, table[corner]

    return cloud


@dataclass(frozen=True, eq=False)
class GeneratorInfo:
    """A generator: ``extras`` maps each extra setting it accepts to its default.

    For the gates ``default_n_points`` and ``default_extent`` describe the "cloud"
    variant; the default "table" variant is always the 4 rows on (−0.5, 1.5)².  Draw a
    data set with its own ``Dataset.extent``.
    """

    name: str
    label: str
    kind: str
    default_n_points: int
    default_extent: tuple[float, float, float, float]
    description: str
    fn: Callable
    extras: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


def _info(name, label, kind, n, description, fn, extent=PLAYGROUND_EXTENT, **extras):
    return GeneratorInfo(name, label, kind, n, extent, description, fn, MappingProxyType(extras))


GENERATORS: dict[str, GeneratorInfo] = {
    g.name: g
    for g in [
        _info("circle", "Circle", "classification", 500,
              "A disc of class 1 inside a ring of class 0.", _circle),
        _info("xor", "Exclusive or", "classification", 500,
              "Class 1 in the quadrants where x₁·x₂ ≥ 0, class 0 in the others.", _xor),
        _info("gauss", "Gaussian", "classification", 500,
              "Two Gaussian clouds: class 1 around (2, 2), class 0 around (−2, −2).", _gauss),
        _info("spiral", "Spiral", "classification", 500,
              "Two interleaved spiral arms.", _spiral),
        _info("reg_plane", "Plane", "regression", 1200,
              "Regression: the target grows linearly with x₁ + x₂.", _reg_plane),
        _info("reg_gauss", "Multi Gaussian", "regression", 1200,
              "Regression: six bumps of value +1 or −1.", _reg_gauss),
        *[
            _info(g, f"{g.removesuffix('_gate').upper()} gate", "classification", 200,
                  f"Logic gate {g.removesuffix('_gate').upper()}: the truth table (4 rows) "
                  "or, with variant 'cloud', noisy points around the four corners.",
                  _gate_cloud(out), CLOUD_EXTENT, variant="table")
            for g, out in GATE_OUTPUTS.items()
        ],
        _info("blobs", "Blobs", "classification", 600,
              "Several Gaussian clouds on a circle, one per class.", _blobs, n_classes=3),
        _info("spiral3", "Spiral, several arms", "classification", 600,
              "A spiral with one arm per class.", _spiral3, n_classes=3),
    ]
}


def _check_extras(info: GeneratorInfo, extra: dict) -> dict:
    opts = dict(info.extras)
    for key, value in extra.items():
        if key not in opts:
            known = ", ".join(info.extras) or "none"
            raise ConfigError(key, value,
                              f"is not a setting of {info.name!r} (its extra settings: {known})")
        opts[key] = value
    if "n_classes" in opts:
        opts["n_classes"] = _check_int("n_classes", opts["n_classes"], 2, MAX_CLASSES,
                                       "the number of classes")
    if "variant" in opts and opts["variant"] not in ("table", "cloud"):
        raise ConfigError("variant", opts["variant"], "must be 'table' or 'cloud'")
    return opts


def generate(name: str, /, n_points: int | None = None, noise: float = 0.0,
             train_ratio: float = 0.5, seed: int = 0, **extra) -> Dataset:
    """Generate the data set ``name`` (see :data:`GENERATORS`); bit-identical for equal args.

    ``noise`` is Playground's slider, 0..50.  The points are shuffled once and the first
    floor(N · train_ratio) train.  Extras: ``variant="table"|"cloud"`` for the gates (the
    table is always the 4 rows in order, all for training, ignoring n_points/noise/split),
    ``n_classes=2..8`` for "blobs" and "spiral3".  Bad settings raise ConfigError.
    """
    info = GENERATORS.get(name) if isinstance(name, str) else None
    if info is None:
        raise ConfigError("generator", name,
                          f"unknown data set; choose one of {', '.join(GENERATORS)}")
    N = info.default_n_points if n_points is None else n_points
    N = _check_int("n_points", N, 1, MAX_POINTS, "the number of points")
    if not _is_number(noise) or not 0 <= noise <= MAX_NOISE:
        raise ConfigError("noise", noise, f"must be a number from 0 to {MAX_NOISE}")
    ratio, seed = _check_ratio(train_ratio), _check_seed(seed)
    opts = _check_extras(info, extra)
    n_classes = opts.get("n_classes", 2) if info.kind == "classification" else 0
    class_names = tuple(str(k) for k in range(n_classes))

    if opts.get("variant") == "table":
        params = {"generator": name, "n_points": 4, "noise": float(noise),
                  "train_ratio": ratio, "seed": seed, **opts}
        return Dataset(name, info.kind, GATE_INPUTS, np.array(GATE_OUTPUTS[name]),
                       np.empty((0, 2)), np.empty(0), n_classes, TABLE_EXTENT, class_names, params)

    k = _n_train(N, ratio)
    rng = np.random.default_rng(seed)
    X, y = info.fn(rng, N, noise / 100, opts)
    order = rng.permutation(N)
    X, y = X[order], y[order]
    params = {"generator": name, "n_points": N, "noise": float(noise),
              "train_ratio": ratio, "seed": seed, **opts}
    return Dataset(name, info.kind, X[:k], y[:k], X[k:], y[k:], n_classes,
                   info.default_extent, class_names, params)


# ---------------------------------------------------------------- drawn / imported points


def _points(value, key: str, allow_empty: bool = False) -> np.ndarray:
    bad = DataError(f"{key}: must be a list of [x1, x2] pairs of numbers")
    try:
        a = np.asarray(value)
    except (ValueError, TypeError):
        raise bad from None
    if a.size == 0 and a.ndim <= 2:
        if not allow_empty:
            raise DataError(f"{key}: there are no points")
        return np.empty((0, 2))
    if a.dtype.kind not in "iuf" or a.ndim != 2 or a.shape[1] != 2:
        raise bad
    if len(a) > MAX_POINTS:
        raise DataError(f"{key}: {len(a)} points are too many (at most {MAX_POINTS})")
    a = a.astype(np.float64)
    if not np.isfinite(a).all():
        raise DataError(f"{key}: contains NaN or infinite values")
    if (np.abs(a) > MAX_ABS_VALUE).any():
        raise DataError(f"{key}: coordinates must lie within ±{MAX_ABS_VALUE:g}")
    return a


def _labels(value, key: str, n: int, kind: str, n_classes: int | None) -> np.ndarray:
    try:
        a = np.asarray(value)
    except (ValueError, TypeError):
        a = np.asarray(None)
    if a.size == 0 and n == 0:
        return np.empty(0, np.int64 if kind == "classification" else np.float64)
    if a.dtype.kind not in "iuf" or a.ndim != 1:
        raise DataError(f"{key}: must be a list of numbers")
    if len(a) != n:
        raise DataError(f"{key}: has {len(a)} labels for {n} points")
    if not np.isfinite(a).all():
        raise DataError(f"{key}: contains NaN or infinite values")
    if kind == "regression":
        if (np.abs(a) > MAX_ABS_VALUE).any():
            raise DataError(f"{key}: targets must lie within ±{MAX_ABS_VALUE:g}")
        return a.astype(np.float64)
    if (a != np.round(a)).any() or (a < 0).any():
        raise DataError(f"{key}: class labels must be whole numbers 0, 1, 2, …")
    top = n_classes if n_classes is not None else MAX_CLASSES
    if (a >= top).any():
        raise DataError(
            f"{key}: label {int(a.max())} is out of range; the classes are 0..{top - 1}")
    return a.astype(np.int64)


def _check_class_names(names, kind: str) -> tuple[str, ...] | None:
    if names is None:
        return None
    try:
        names = tuple(names) if not isinstance(names, str) else names
    except TypeError:
        raise ConfigError("class_names", names, "must be a list of names") from None
    if kind == "regression":
        if names:
            raise ConfigError("class_names", names, "a regression has no classes")
        return ()
    if (isinstance(names, str) or not 2 <= len(names) <= MAX_CLASSES
            or not all(isinstance(s, str) and s for s in names) or len(set(names)) != len(names)):
        raise ConfigError("class_names", names,
                          f"must be 2 to {MAX_CLASSES} different non-empty names")
    return names


def _default_extent(X: np.ndarray) -> tuple[float, float, float, float]:
    """Playground's (−6, 6, −6, 6) if it holds every point, else the box padded by 10 %."""
    lo, hi = X.min(axis=0), X.max(axis=0)
    if (lo >= -6).all() and (hi <= 6).all():
        return PLAYGROUND_EXTENT
    pad = np.maximum(0.1 * (hi - lo), 0.5)
    return (float(lo[0] - pad[0]), float(hi[0] + pad[0]),
            float(lo[1] - pad[1]), float(hi[1] + pad[1]))


def _check_name(name) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ConfigError("name", name, "must be a non-empty text")
    return name


def from_points(X, y, kind: str = "classification", train_ratio: float = 1.0, seed: int = 0,
                name: str = "drawn", class_names=None, extent=None) -> Dataset:
    """A data set from given points ``X`` (n, 2) and labels ``y`` (n,).

    Classification labels are class ids 0..C−1 with C = len(class_names), or, without
    names, C = max(2, largest label + 1) named "0", "1", ….  With train_ratio < 1 the points
    are shuffled with ``seed`` and split like generated data; with 1 their order is kept.
    ``extent`` defaults to Playground's plane, or a padded bounding box if points fall outside.
    """
    if kind not in KINDS:
        raise ConfigError("kind", kind, "must be 'classification' or 'regression'")
    name, ratio, seed = _check_name(name), _check_ratio(train_ratio), _check_seed(seed)
    names = _check_class_names(class_names, kind)
    X = _points(X, "X")
    y = _labels(y, "y", len(X), kind, None if names is None else len(names))
    if kind == "classification" and names is None:
        names = tuple(str(c) for c in range(max(2, int(y.max()) + 1)))
    extent = _default_extent(X) if extent is None else validate_extent(extent)
    k = _n_train(len(X), ratio)
    if k < len(X):
        order = np.random.default_rng(seed).permutation(len(X))
        X, y = X[order], y[order]
    params = {"source": "points", "train_ratio": ratio, "seed": seed}
    names = names or ()
    return Dataset(name, kind, X[:k], y[:k], X[k:], y[k:], len(names), extent, names, params)


def _from_points_dict(d) -> Dataset:
    if not isinstance(d, Mapping):
        raise ConfigError("points", type(d).__name__, "must be a mapping")
    unknown = set(d) - {"name", "kind", "n_classes", "class_names", "extent",
                        "x_train", "y_train", "x_test", "y_test"}
    if unknown:
        key = min(unknown, key=str)
        raise ConfigError(str(key), d[key], "is not a key of a points data set")
    for key in ("kind", "x_train", "y_train"):
        if key not in d:
            raise ConfigError(key, None, "is missing")
    kind = d["kind"]
    if kind not in KINDS:
        raise ConfigError("kind", kind, "must be 'classification' or 'regression'")
    name = _check_name(d.get("name", "drawn"))
    names = _check_class_names(d.get("class_names", None if kind == "classification" else ()), kind)
    x_train = _points(d["x_train"], "x_train")
    x_test = _points(d.get("x_test", []), "x_test", allow_empty=True)
    if len(x_train) + len(x_test) > MAX_POINTS:
        raise DataError(f"x_test: too many points in total (at most {MAX_POINTS})")
    n_cls = None if names is None else len(names)
    y_train = _labels(d["y_train"], "y_train", len(x_train), kind, n_cls)
    y_test = _labels(d.get("y_test", []), "y_test", len(x_test), kind, n_cls)
    if names is None:  # classification without names: "0", "1", … up to the largest label
        top = int(max(y_train.max(), y_test.max(initial=0)))
        names = tuple(str(c) for c in range(max(2, top + 1)))
    if "n_classes" in d and d["n_classes"] != len(names):
        raise ConfigError("n_classes", d["n_classes"],
                          f"does not match the {len(names)} class names")
    extent = validate_extent(d["extent"]) if "extent" in d else _default_extent(
        np.concatenate([x_train, x_test]))
    return Dataset(name, kind, x_train, y_train, x_test, y_test, len(names), extent, names,
                   {"source": "points"})


# ---------------------------------------------------------------- CSV

_COLUMNS = ("x1", "x2", "label")


def _number(text: str, sep: str) -> float | None:
    """The number in a CSV field, or None; with ';' or tab separators 1,5 means 1.5."""
    if sep != "," and "." not in text:
        text = text.replace(",", ".")
    if "_" in text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def parse_csv(text: str, train_ratio: float = 1.0, seed: int = 0, name: str = "csv") -> Dataset:
    """Read CSV text with rows ``x1,x2,label`` into a data set named ``name``.

    - An optional header (a first row in which no field is a number) is skipped, as are
      blank lines and lines starting with ``#``; fields may be quoted and padded.
    - The separator is ``;`` or tab if the first row contains one, else ``,``.  With ``;``
      or tab a decimal comma is accepted (``1,5`` = 1.5), as Spanish spreadsheets write.
    - Integer labels with at most 8 distinct values make a classification: the sorted
      values become classes 0..C−1 named after the values (−1/+1 → 0/1, names "-1", "1").
      Any other labels make a regression.  A single class is an error.
    - Every problem is a :class:`DataError`, with the 1-based ``line`` when it is a row's.
    ``train_ratio``/``seed`` split the rows as :func:`from_points` does.
    """
    if not isinstance(text, str):
        raise DataError("the CSV content must be text")
    if len(text) > MAX_CSV_BYTES:
        raise DataError(f"the file is too large (more than {MAX_CSV_BYTES // 2**20} MB)")
    if not text.strip():
        raise DataError("the file is empty")
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    import csv  # (imported when first needed: the window's start-up time)

    sep, header_seen = None, False
    values: list[tuple[float, float, float]] = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if sep is None:
            sep = ";" if ";" in line else "\t" if "\t" in line else ","
        try:
            fields = [f.strip() for f in next(csv.reader([line], delimiter=sep, strict=True))]
        except csv.Error as e:
            raise DataError(f"cannot read the row ({e})", lineno) from None
        while len(fields) > 3 and fields[-1] == "":
            fields.pop()  # trailing separators, as spreadsheets sometimes write
        numbers = [_number(f, sep) for f in fields]
        if not header_seen and not values:
            header_seen = True
            if all(v is None for v in numbers):
                continue  # the header
        if len(fields) != 3:
            raise DataError(f"expected 3 columns (x1, x2, label) but found {len(fields)}", lineno)
        for col, f, v in zip(_COLUMNS, fields, numbers):
            if v is None:
                raise DataError(f'"{f}" in column {col} is not a number', lineno)
            if not math.isfinite(v):
                raise DataError(f'"{f}" in column {col} is not a finite number '
                                "(NaN and Inf are not allowed)", lineno)
            if abs(v) > MAX_ABS_VALUE:
                raise DataError(f'"{f}" in column {col} is too large '
                                f"(the limit is ±{MAX_ABS_VALUE:g})", lineno)
        if len(values) == MAX_POINTS:
            raise DataError(f"too many rows: at most {MAX_POINTS} data rows are allowed", lineno)
        values.append(tuple(numbers))
    if not values:
        raise DataError("there are no data rows (only a header or comments)")
    data = np.array(values, dtype=np.float64)
    labels = data[:, 2]
    distinct = np.unique(labels)
    if len(distinct) == 1:
        raise DataError(
            f"every row has the same label ({labels[0]:g}); at least two classes are needed")
    if len(distinct) <= MAX_CLASSES and (distinct == np.round(distinct)).all():
        y = np.searchsorted(distinct, labels)
        names = tuple(str(int(v)) for v in distinct)
        return from_points(data[:, :2], y, "classification", train_ratio, seed, name, names)
    return from_points(data[:, :2], labels, "regression", train_ratio, seed, name)


def load_csv(path, train_ratio: float = 1.0, seed: int = 0) -> Dataset:
    """Read a UTF-8 CSV file of at most 20 MB with :func:`parse_csv`; named after the file."""
    path = Path(path)
    try:
        if os.path.getsize(path) > MAX_CSV_BYTES:
            raise DataError(f"the file is too large (more than {MAX_CSV_BYTES // 2**20} MB)")
        raw = path.read_bytes()
    except OSError as e:
        raise DataError(f"cannot read {path.name}: {e.strerror or e}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DataError("the file is not UTF-8 text; save it as 'CSV UTF-8'",
                        raw.count(b"\n", 0, e.start) + 1) from None
    return parse_csv(text, train_ratio, seed, name=path.stem or "csv")


# ---------------------------------------------------------------- saving


def dataset_to_dict(ds: Dataset) -> dict:
    """JSON-ready description: generator settings if generated, else the points."""
    if "generator" in ds.params:
        return {"source": "generator", "params": dict(ds.params)}
    return {"source": "points", "points": ds.to_points_dict()}


def dataset_from_dict(d) -> Dataset:
    """Inverse of :func:`dataset_to_dict` (generated data are regenerated bit-identically)."""
    if not isinstance(d, Mapping):
        raise ConfigError("dataset", type(d).__name__, "must be a mapping")
    source = d.get("source")
    if source == "points":
        if "points" not in d:
            raise ConfigError("points", None, "is missing")
        return Dataset.from_points_dict(d["points"])
    if source != "generator":
        raise ConfigError("source", source, "must be 'generator' or 'points'")
    params = d.get("params")
    if not isinstance(params, Mapping) or "generator" not in params:
        raise ConfigError("params", params, "must be a mapping with a 'generator' key")
    settings = {str(k): v for k, v in params.items() if k != "generator"}
    try:
        return generate(params["generator"], **settings)
    except ConfigError as e:
        raise ConfigError(f"params.{e.field}", e.value, e.message) from None
