"""Tests of engine.features: the formulas, out= buffers, grid orientation, validation."""

import numpy as np
import pytest

from engine.errors import ConfigError, DataError
from engine.features import (
    FEATURE_NAMES,
    FEATURES,
    Feature,
    feature_matrix,
    grid_points,
    validate_extent,
    validate_features,
)

RNG = np.random.default_rng(42)
X = RNG.uniform(-6, 6, (50, 2))

EXPECTED = {
    "x1": lambda a, b: a,
    "x2": lambda a, b: b,
    "x1_sq": lambda a, b: a * a,
    "x2_sq": lambda a, b: b * b,
    "x1x2": lambda a, b: a * b,
    "sin_x1": lambda a, b: np.sin(a),
    "sin_x2": lambda a, b: np.sin(b),
}


def test_registry_order_and_labels():
    assert FEATURE_NAMES == ("x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1", "sin_x2")
    assert tuple(FEATURES) == FEATURE_NAMES
    labels = [FEATURES[n].label for n in FEATURE_NAMES]
    assert labels == ["x₁", "x₂", "x₁²", "x₂²", "x₁·x₂", "sin x₁", "sin x₂"]
    for name, f in FEATURES.items():
        assert isinstance(f, Feature) and f.name == name
    with pytest.raises(AttributeError):
        FEATURES["x1"].label = "other"  # frozen


@pytest.mark.parametrize("name", FEATURE_NAMES)
def test_each_formula(name):
    got = feature_matrix(X, [name])
    assert got.shape == (50, 1) and got.dtype == np.float64
    np.testing.assert_array_equal(got[:, 0], EXPECTED[name](X[:, 0], X[:, 1]))


def test_all_features_in_given_order():
    names = ["sin_x2", "x1", "x1x2"]
    got = feature_matrix(X, names)
    for j, name in enumerate(names):
        np.testing.assert_array_equal(got[:, j], EXPECTED[name](X[:, 0], X[:, 1]))


def test_out_float32_buffer_is_filled_in_place():
    grid = grid_points((-6, 6, -6, 6), 100)
    out = np.full((100 * 100, len(FEATURE_NAMES)), np.nan, dtype=np.float32)
    result = feature_matrix(grid, FEATURE_NAMES, out=out)
    assert result is out
    expected = feature_matrix(grid, FEATURE_NAMES)
    np.testing.assert_allclose(out, expected, rtol=1e-6, atol=1e-6)
    # reused for the next frame: overwritten, not accumulated
    feature_matrix(grid * 0.5, FEATURE_NAMES, out=out)
    np.testing.assert_allclose(out, feature_matrix(grid * 0.5, FEATURE_NAMES), rtol=1e-6, atol=1e-6)


def test_dtype_without_out():
    got = feature_matrix(X, ["x1", "x2_sq"], dtype=np.float32)
    assert got.dtype == np.float32
    with pytest.raises(ConfigError) as e:
        feature_matrix(X, ["x1"], dtype=np.int32)
    assert e.value.field == "dtype"


def test_bad_out_and_points():
    with pytest.raises(ConfigError) as e:
        feature_matrix(X, ["x1", "x2"], out=np.empty((50, 3)))
    assert e.value.field == "out"
    with pytest.raises(ConfigError) as e:
        feature_matrix(X, ["x1"], out=np.empty((50, 1), dtype=np.int64))
    assert e.value.field == "out"
    frozen = np.empty((50, 1))
    frozen.setflags(write=False)
    with pytest.raises(ConfigError) as e:
        feature_matrix(X, ["x1"], out=frozen)
    assert e.value.field == "out"
    with pytest.raises(DataError):
        feature_matrix(np.zeros((5, 3)), ["x1"])
    with pytest.raises(DataError):
        feature_matrix([["a", "b"]], ["x1"])


def test_empty_points():
    assert feature_matrix(np.empty((0, 2)), ["x1", "x2"]).shape == (0, 2)


def test_validate_features():
    assert validate_features(["x2", "x1"]) == ("x2", "x1")
    assert validate_features(iter(["x1x2"])) == ("x1x2",)
    for bad in ([], ["x3"], ["x1", "x1"], "x1", None, [1]):
        with pytest.raises(ConfigError) as e:
            validate_features(bad)
        assert e.value.field == "features"
    with pytest.raises(ConfigError, match="more than once"):
        validate_features(["x1", "x2", "x1"])
    with pytest.raises(ConfigError, match="unknown feature 'x3'"):
        validate_features(["x3"])


def test_grid_points_orientation_first_row_is_top():
    g = grid_points((0, 4, 10, 12), 4)
    assert g.shape == (16, 2) and g.dtype == np.float64
    np.testing.assert_allclose(g[0], [0.5, 11.75])  # top-left cell centre
    np.testing.assert_allclose(g[1], [1.5, 11.75])  # next column, same row
    np.testing.assert_allclose(g[4], [0.5, 11.25])  # next row is lower
    np.testing.assert_allclose(g[-1], [3.5, 10.25])  # bottom-right
    image_y = g[:, 1].reshape(4, 4)
    assert (np.diff(image_y[:, 0]) < 0).all()  # rows go down the plane
    assert (image_y == image_y[:, :1]).all()  # y constant along a row
    image_x = g[:, 0].reshape(4, 4)
    assert (np.diff(image_x[0]) > 0).all() and (image_x == image_x[:1]).all()


def test_grid_points_single_cell_and_errors():
    np.testing.assert_allclose(grid_points((-1, 1, -2, 2), 1), [[0.0, 0.0]])
    for extent in [(0, 0, 0, 1), (0, 1, 1, 0), (0, 1, 0), (0, 1, 0, np.inf), None, ("a", 1, 0, 1)]:
        with pytest.raises(ConfigError) as e:
            grid_points(extent, 10)
        assert e.value.field == "extent"
    for n in (0, -3, 2.5, True, 10_000):
        with pytest.raises(ConfigError) as e:
            grid_points((0, 1, 0, 1), n)
        assert e.value.field == "n"


def test_validate_extent_returns_floats():
    assert validate_extent([-6, 6, np.float32(-6), 6]) == (-6.0, 6.0, -6.0, 6.0)
    assert all(type(v) is float for v in validate_extent((0, 1, 0, 1)))
