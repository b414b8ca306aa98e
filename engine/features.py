"""Input features: what the network sees of a point (x₁, x₂) of the plane.

As in TensorFlow Playground, the network does not have to receive the raw coordinates
only: it can also receive x₁², x₂², x₁·x₂, sin x₁ and sin x₂.  A network *without* hidden
layers that receives x₁² and x₂² can already separate the "circle" data set, which is
one of the first lessons of the course.

The registry :data:`FEATURES` maps each name to a :class:`Feature` (name, display label,
function), in Playground's order::

    x1  x2  x1_sq  x2_sq  x1x2  sin_x1  sin_x2

Every function has the signature ``fn(x1, x2, out=None) -> ndarray`` and is a single
NumPy ufunc call, so it can write into a column of a preallocated buffer.

:func:`feature_matrix` turns raw points ``X`` of shape (n, 2) into the network input of
shape (n, k).  It is called every frame for the background grid (e.g. 100×100 cells in
float32), so it accepts ``out=`` and then allocates nothing.

:func:`grid_points` gives the centres of an n×n grid over an extent.

Grid orientation (important for drawing): the points are in *row-major image order*
with row 0 at the **top** of the plane (y = ymax) and column 0 at the **left**
(x = xmin).  Point ``k`` is row ``k // n``, column ``k % n``.  Hence, if ``v`` holds one
value per grid point, ``v.reshape(n, n)`` is an image whose first row is the top of the
plane and whose first column is its left edge — ready for an image item that draws
row 0 at the top.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from engine.errors import ConfigError, DataError

MAX_GRID = 2000
"""Largest grid side accepted by :func:`grid_points` (2000×2000 = 4 million points)."""


@dataclass(frozen=True)
class Feature:
    """One input feature: ``name`` for code and files, ``label`` to show, ``fn`` to compute."""

    name: str
    label: str
    fn: Callable[..., np.ndarray]


def _x1(x1, x2, out=None):
    return np.positive(x1, out=out)


def _x2(x1, x2, out=None):
    return np.positive(x2, out=out)


def _x1_sq(x1, x2, out=None):
    return np.multiply(x1, x1, out=out)


def _x2_sq(x1, x2, out=None):
    return np.multiply(x2, x2, out=out)


def _x1x2(x1, x2, out=None):
    return np.multiply(x1, x2, out=out)


def _sin_x1(x1, x2, out=None):
    return np.sin(x1, out=out)


def _sin_x2(x1, x2, out=None):
    return np.sin(x2, out=out)


FEATURES: dict[str, Feature] = {
    f.name: f
    for f in (
        Feature("x1", "x₁", _x1),
        Feature("x2", "x₂", _x2),
        Feature("x1_sq", "x₁²", _x1_sq),
        Feature("x2_sq", "x₂²", _x2_sq),
        Feature("x1x2", "x₁·x₂", _x1x2),
        Feature("sin_x1", "sin x₁", _sin_x1),
        Feature("sin_x2", "sin x₂", _sin_x2),
    )
}
"""All features by name, in Playground's order."""

FEATURE_NAMES: tuple[str, ...] = tuple(FEATURES)
"""The feature names in canonical (Playground) order."""


def validate_features(names: Iterable[str]) -> tuple[str, ...]:
    """Check a feature selection and return it as a tuple, in the order given.

    It must be non-empty, contain only names of :data:`FEATURES` and no duplicates;
    otherwise :class:`ConfigError` with field ``"features"``.
    """
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise ConfigError("features", names, "must be a list of feature names, e.g. ['x1', 'x2']")
    chosen = tuple(names)
    if not chosen:
        raise ConfigError("features", chosen, "choose at least one input feature")
    for name in chosen:
        if not isinstance(name, str) or name not in FEATURES:
            raise ConfigError(
                "features", chosen,
                f"unknown feature {name!r}; the features are {', '.join(FEATURE_NAMES)}",
            )
    if len(set(chosen)) != len(chosen):
        twice = sorted({n for n in chosen if chosen.count(n) > 1})
        raise ConfigError("features", chosen, f"feature {twice[0]!r} is chosen more than once")
    return chosen


def feature_matrix(
    X: np.ndarray,
    names: Iterable[str],
    out: np.ndarray | None = None,
    dtype=np.float64,
) -> np.ndarray:
    """Compute the features ``names`` (in that order) for the points ``X`` of shape (n, 2).

    Returns an array of shape (n, len(names)).  With ``out`` (a writeable float array of
    exactly that shape, e.g. a float32 buffer reused every frame) the values are written
    into it and ``out`` is returned; ``dtype`` is then ignored.  Otherwise a new array of
    ``dtype`` is returned.
    """
    names = validate_features(names)
    X = np.asarray(X)
    if X.ndim != 2 or X.shape[1] != 2 or X.dtype.kind not in "iuf":
        raise DataError(f"points must be numbers of shape (n, 2), got {X.dtype} of shape {X.shape}")
    shape = (X.shape[0], len(names))
    if out is None:
        if np.dtype(dtype).kind != "f":
            raise ConfigError("dtype", dtype, "must be a floating-point type such as float32")
        out = np.empty(shape, dtype=dtype)
    elif not isinstance(out, np.ndarray) or out.shape != shape or out.dtype.kind != "f":
        got = f"{out.dtype} {out.shape}" if isinstance(out, np.ndarray) else type(out).__name__
        raise ConfigError("out", got, f"must be a float array of shape {shape}")
    elif not out.flags.writeable:
        raise ConfigError("out", out.shape, "is read-only")
    x1, x2 = X[:, 0], X[:, 1]
    for j, name in enumerate(names):
        FEATURES[name].fn(x1, x2, out=out[:, j])
    return out


def _number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


def validate_extent(extent, field: str = "extent") -> tuple[float, float, float, float]:
    """Return ``extent`` as four floats (xmin, xmax, ymin, ymax), or raise ConfigError.

    The values must be finite numbers with xmin < xmax and ymin < ymax.
    """
    try:
        values = tuple(extent)
    except TypeError:
        values = None
    if values is None or len(values) != 4 or not all(_number(v) for v in values):
        raise ConfigError(field, extent, "must be four numbers (xmin, xmax, ymin, ymax)")
    xmin, xmax, ymin, ymax = (float(v) for v in values)
    if not all(math.isfinite(v) for v in (xmin, xmax, ymin, ymax)):
        raise ConfigError(field, extent, "must be finite numbers")
    if not (xmin < xmax and ymin < ymax):
        raise ConfigError(field, extent, "needs xmin < xmax and ymin < ymax")
    return xmin, xmax, ymin, ymax


def grid_points(extent, n: int) -> np.ndarray:
    """Centres of an n×n grid of equal cells over ``extent`` = (xmin, xmax, ymin, ymax).

    Returns float64 of shape (n*n, 2) in row-major image order, **row 0 at the top**
    (largest y) and column 0 at the left (smallest x): point ``k`` is the centre of the
    cell in row ``k // n`` and column ``k % n``.  So per-point values ``v`` reshaped with
    ``v.reshape(n, n)`` form an image whose first row is the top of the plane.
    """
    xmin, xmax, ymin, ymax = validate_extent(extent)
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or not 1 <= n <= MAX_GRID:
        raise ConfigError("n", n, f"the grid size must be a whole number from 1 to {MAX_GRID}")
    n = int(n)
    centres = (np.arange(n) + 0.5) / n
    xs = xmin + centres * (xmax - xmin)  # left to right
    ys = ymax - centres * (ymax - ymin)  # top to bottom
    points = np.empty((n, n, 2))
    points[:, :, 0] = xs[np.newaxis, :]
    points[:, :, 1] = ys[:, np.newaxis]
    return points.reshape(n * n, 2)
