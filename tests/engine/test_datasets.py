"""Tests of engine.datasets.

The generators are checked against scalar, point-by-point re-implementations written the
way Playground's dataset.ts is (loops, Python's math), fed with the same random arrays in
the documented draw order; plus rules that hold whatever the random numbers are.
"""

import json
import math

import numpy as np
import pytest

from engine.datasets import (
    GATE_OUTPUTS,
    GENERATORS,
    MAX_POINTS,
    Dataset,
    dataset_from_dict,
    dataset_to_dict,
    from_points,
    generate,
    load_csv,
    parse_csv,
)
from engine.errors import ConfigError, DataError

TAU = 2 * math.pi


# ---------------------------------------------------------------- reference implementations


def shuffle_split(rng, points, labels, ratio):
    X, y = np.array(points, dtype=float), np.array(labels)
    order = rng.permutation(len(X))
    X, y = X[order], y[order]
    k = math.floor(len(X) * ratio)
    return X[:k], y[:k], X[k:], y[k:]


def dist(x, y):
    return math.sqrt(x * x + y * y)


def ref_circle(N, noise, seed, ratio):
    rng, n = np.random.default_rng(seed), noise / 100
    r_in, r_out = rng.uniform(0, 2.5, N // 2), rng.uniform(3.5, 5, N // 2)
    angles, nz = rng.uniform(0, TAU, N), rng.uniform(-5, 5, (N, 2))
    pts, labels = [], []
    for i in range(N):
        r = r_in[i] if i < N // 2 else r_out[i - N // 2]
        x, y = r * math.sin(angles[i]), r * math.cos(angles[i])
        nx, ny = nz[i, 0] * n, nz[i, 1] * n
        pts.append((x, y))
        labels.append(1 if dist(x + nx, y + ny) < 5 * 0.5 else 0)
    return shuffle_split(rng, pts, labels, ratio)


def ref_xor(N, noise, seed, ratio):
    rng, n = np.random.default_rng(seed), noise / 100
    p, nz = rng.uniform(-5, 5, (N, 2)), rng.uniform(-5, 5, (N, 2))
    pts, labels = [], []
    for i in range(N):
        x, y = p[i]
        x += 0.3 if x > 0 else -0.3
        y += 0.3 if y > 0 else -0.3
        pts.append((x, y))
        labels.append(1 if (x + nz[i, 0] * n) * (y + nz[i, 1] * n) >= 0 else 0)
    return shuffle_split(rng, pts, labels, ratio)


def ref_gauss(N, noise, seed, ratio):
    rng, n = np.random.default_rng(seed), noise / 100
    z = rng.standard_normal((N, 2))
    variance = 0.5 + (4 - 0.5) * n / 0.5
    pts, labels = [], []
    for i in range(N):
        c, label = (2, 1) if i < N / 2 else (-2, 0)
        pts.append((c + math.sqrt(variance) * z[i, 0], c + math.sqrt(variance) * z[i, 1]))
        labels.append(label)
    return shuffle_split(rng, pts, labels, ratio)


def ref_spiral(N, noise, seed, ratio):  # N even, as Playground's 500
    rng, n = np.random.default_rng(seed), noise / 100
    nz = rng.uniform(-1, 1, (N, 2))
    pts, labels, m = [], [], N / 2
    for delta, label in ((0, 1), (math.pi, 0)):
        for i in range(int(m)):
            r = i / m * 5
            t = 1.75 * i / m * 2 * math.pi + delta
            j = len(pts)
            pts.append((r * math.sin(t) + nz[j, 0] * n, r * math.cos(t) + nz[j, 1] * n))
            labels.append(label)
    return shuffle_split(rng, pts, labels, ratio)


def ref_regression(N, noise, seed, ratio, label_of):
    rng, n = np.random.default_rng(seed), noise / 100
    p, nz = rng.uniform(-6, 6, (N, 2)), rng.uniform(-6, 6, (N, 2))
    pts, labels = [], []
    for i in range(N):
        x, y = p[i]
        pts.append((x, y))
        labels.append(label_of(x + nz[i, 0] * n, y + nz[i, 1] * n))
    return shuffle_split(rng, pts, labels, ratio)


def plane_label(x, y):
    return (x + y) / 10


GAUSSIANS = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]


def gauss_label(x, y):
    label = 0
    for cx, cy, sign in GAUSSIANS:
        new = sign * min(1, max(0, 1 - dist(x - cx, y - cy) / 2))
        if abs(new) > abs(label):
            label = new
    return label


def ref_blobs(N, noise, seed, ratio, C):
    rng, n = np.random.default_rng(seed), noise / 100
    z = rng.standard_normal((N, 2))
    std = math.sqrt(0.5 + 7 * n)
    pts, labels = [], []
    for k in range(C):
        a = math.radians(90) + TAU * k / C
        for _ in range(N // C):
            j = len(pts)
            pts.append((3.5 * math.cos(a) + std * z[j, 0], 3.5 * math.sin(a) + std * z[j, 1]))
            labels.append(k)
    return shuffle_split(rng, pts, labels, ratio)


def ref_spiral_arms(N, noise, seed, ratio, C):
    rng, n = np.random.default_rng(seed), noise / 100
    nz = rng.uniform(-1, 1, (N, 2))
    pts, labels, m = [], [], N / C
    for k in range(C):
        for i in range(N // C):
            r = i / m * 5
            t = 1.75 * i / m * 2 * math.pi + TAU * k / C
            j = len(pts)
            pts.append((r * math.sin(t) + nz[j, 0] * n, r * math.cos(t) + nz[j, 1] * n))
            labels.append(k)
    return shuffle_split(rng, pts, labels, ratio)


def ref_gate_cloud(gate, N, noise, seed, ratio):
    rng = np.random.default_rng(seed)
    corner, z = rng.integers(0, 4, N), rng.standard_normal((N, 2))
    std = 0.05 + noise / 100 * 0.5
    corners = [(0, 0), (0, 1), (1, 0), (1, 1)]
    truth = {"and": lambda a, b: a and b, "or": lambda a, b: a or b,
             "nand": lambda a, b: not (a and b), "nor": lambda a, b: not (a or b),
             "xor_gate": lambda a, b: a != b, "xnor": lambda a, b: a == b}[gate]
    points = [(corners[c][0] + std * z[i, 0], corners[c][1] + std * z[i, 1])
              for i, c in enumerate(corner)]
    labels = [int(bool(truth(*corners[c]))) for c in corner]
    return shuffle_split(rng, points, labels, ratio)


def assert_matches(ds, ref):
    x_tr, y_tr, x_te, y_te = ref
    np.testing.assert_allclose(ds.x_train, x_tr, rtol=0, atol=1e-12)
    np.testing.assert_allclose(ds.x_test, x_te, rtol=0, atol=1e-12)
    if ds.kind == "classification":
        np.testing.assert_array_equal(ds.y_train, y_tr)
        np.testing.assert_array_equal(ds.y_test, y_te)
    else:
        np.testing.assert_allclose(ds.y_train, y_tr, rtol=0, atol=1e-12)
        np.testing.assert_allclose(ds.y_test, y_te, rtol=0, atol=1e-12)


CASES = [(0, 0.5, 0), (1, 0.7, 10), (7, 0.3, 25), (123, 1.0, 50)]  # seed, ratio, noise


@pytest.mark.parametrize("seed,ratio,noise", CASES)
@pytest.mark.parametrize("name,ref", [("circle", ref_circle), ("xor", ref_xor),
                                      ("gauss", ref_gauss), ("spiral", ref_spiral)])
def test_binary_generators_match_playground(name, ref, seed, ratio, noise):
    ds = generate(name, noise=noise, train_ratio=ratio, seed=seed)
    assert_matches(ds, ref(500, noise, seed, ratio))


@pytest.mark.parametrize("seed,ratio,noise", CASES)
@pytest.mark.parametrize("name,label_of", [("reg_plane", plane_label), ("reg_gauss", gauss_label)])
def test_regression_generators_match_playground(name, label_of, seed, ratio, noise):
    ds = generate(name, noise=noise, train_ratio=ratio, seed=seed)
    assert ds.kind == "regression" and ds.n_classes == 0 and ds.class_names == ()
    assert ds.y_train.dtype == np.float64
    assert_matches(ds, ref_regression(1200, noise, seed, ratio, label_of))


@pytest.mark.parametrize("C", [2, 3, 5, 8])
def test_multiclass_generators_match_reference(C):
    N = 120 * C
    assert_matches(generate("blobs", N, 20, 0.6, 3, n_classes=C), ref_blobs(N, 20, 3, 0.6, C))
    assert_matches(generate("spiral3", N, 20, 0.6, 3, n_classes=C),
                   ref_spiral_arms(N, 20, 3, 0.6, C))


def test_spiral3_with_two_arms_is_spiral_with_swapped_classes():
    a = generate("spiral3", 500, 10, 0.5, 4, n_classes=2)
    b = generate("spiral", 500, 10, 0.5, 4)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    np.testing.assert_array_equal(a.y_train, 1 - b.y_train)


@pytest.mark.parametrize("gate", list(GATE_OUTPUTS))
def test_gate_cloud_matches_reference(gate):
    ds = generate(gate, noise=20, train_ratio=0.8, seed=5, variant="cloud")
    assert ds.extent == (-1.0, 2.0, -1.0, 2.0) and ds.n_train == 160 and ds.n_test == 40
    assert_matches(ds, ref_gate_cloud(gate, 200, 20, 5, 0.8))


# ---------------------------------------------------------------- rules at noise 0


def test_circle_rule():
    ds = generate("circle", 1000, seed=3, train_ratio=1.0)
    r = np.hypot(*ds.x_train.T)
    assert ((r < 2.5) == (ds.y_train == 1)).all()
    assert (r[ds.y_train == 0] >= 3.5).all() and (r <= 5).all()
    assert (ds.y_train == 1).sum() == 500


def test_xor_rule():
    ds = generate("xor", 1000, seed=3, train_ratio=1.0)
    x, y = ds.x_train.T
    assert ((x * y >= 0) == (ds.y_train == 1)).all()
    assert (np.abs(ds.x_train) >= 0.3).all() and (np.abs(ds.x_train) <= 5.3).all()


def test_spiral_radii_and_angles():
    ds = generate("spiral", 500, train_ratio=1.0)
    r = np.hypot(*ds.x_train.T)
    for label in (0, 1):
        radii = np.sort(r[ds.y_train == label])
        np.testing.assert_allclose(radii, np.arange(250) / 250 * 5, atol=1e-12)
    # class 1 starts at angle 0 (pointing up: x = r sin t, y = r cos t), class 0 at π
    outer = np.argmax(np.where(ds.y_train == 1, r, -1))
    t = 1.75 * 249 / 250 * 2 * np.pi
    np.testing.assert_allclose(ds.x_train[outer], [r[outer] * np.sin(t), r[outer] * np.cos(t)])


def test_gauss_means_and_spread():
    for noise, variance in ((0, 0.5), (50, 4.0)):
        ds = generate("gauss", 20_000, noise, 1.0, seed=1)
        for label, centre in ((1, 2), (0, -2)):
            pts = ds.x_train[ds.y_train == label]
            assert len(pts) == 10_000
            np.testing.assert_allclose(pts.mean(axis=0), [centre, centre], atol=0.06)
            np.testing.assert_allclose(pts.var(axis=0), [variance, variance], rtol=0.05)


def test_regression_labels_at_noise_zero():
    ds = generate("reg_plane", seed=2, train_ratio=1.0)
    np.testing.assert_allclose(ds.y_train, ds.x_train.sum(axis=1) / 10, atol=1e-15)
    assert (np.abs(ds.x_train) <= 6).all()
    ds = generate("reg_gauss", seed=2, train_ratio=1.0)
    expected = [gauss_label(x, y) for x, y in ds.x_train]
    np.testing.assert_allclose(ds.y_train, expected, atol=1e-15)
    assert ds.y_train.min() >= -1 and ds.y_train.max() <= 1 and (ds.y_train == 0).any()


def test_noise_changes_only_what_playground_changes():
    for name in ("circle", "xor", "reg_plane", "reg_gauss"):
        clean, noisy = generate(name, seed=9, noise=0), generate(name, seed=9, noise=20)
        np.testing.assert_array_equal(clean.x_train, noisy.x_train)  # same points
        np.testing.assert_array_equal(clean.x_test, noisy.x_test)
        assert (clean.y_train != noisy.y_train).any()
    # a circle label can only flip within 5·n·√2 of the boundary radius 2.5
    clean, noisy = generate("circle", 2000, seed=9), generate("circle", 2000, 20, seed=9)
    r = np.hypot(*clean.x_train.T)
    flipped = clean.y_train != noisy.y_train
    assert (np.abs(r[flipped] - 2.5) <= 5 * 0.2 * math.sqrt(2)).all()
    # an xor label can only flip when a coordinate is within 5·n of an axis
    clean, noisy = generate("xor", 2000, seed=9), generate("xor", 2000, 20, seed=9)
    flipped = clean.y_train != noisy.y_train
    assert flipped.any() and (np.abs(clean.x_train[flipped]).min(axis=1) <= 1.0).all()


# ---------------------------------------------------------------- gates


@pytest.mark.parametrize("gate,outputs", list(GATE_OUTPUTS.items()))
def test_gate_truth_tables(gate, outputs):
    truth = {"and": (0, 0, 0, 1), "or": (0, 1, 1, 1), "nand": (1, 1, 1, 0),
             "nor": (1, 0, 0, 0), "xor_gate": (0, 1, 1, 0), "xnor": (1, 0, 0, 1)}
    assert outputs == truth[gate]
    ds = generate(gate)
    np.testing.assert_array_equal(ds.x_train, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(ds.y_train, truth[gate])
    assert ds.y_train.dtype == np.int64 and ds.x_test.shape == (0, 2) and ds.y_test.shape == (0,)
    assert ds.extent == (-0.5, 1.5, -0.5, 1.5) and ds.class_names == ("0", "1")
    assert ds.params["variant"] == "table" and ds.params["n_points"] == 4
    assert generate(gate, 50, 30, 0.3, 8).x_train.shape == (4, 2)  # table ignores the rest


def test_gate_cloud_labels_follow_nearest_corner():
    ds = generate("xor_gate", 1000, noise=0, train_ratio=1.0, variant="cloud")
    corner = np.round(ds.x_train).astype(int)
    np.testing.assert_array_equal(ds.y_train, corner[:, 0] ^ corner[:, 1])
    assert np.abs(ds.x_train - corner).max() < 0.05 * 6


# ---------------------------------------------------------------- sizes, split, determinism


@pytest.mark.parametrize("N,ratio", [(500, 0.5), (501, 0.5), (7, 0.3), (10, 0.7), (100, 0.29),
                                     (1, 1.0), (3, 1.0)])
def test_sizes_and_split(N, ratio):
    for name in GENERATORS:
        if name.startswith("spiral3") or name == "blobs":
            continue
        ds = generate(name, N, train_ratio=ratio, variant="cloud") if name in GATE_OUTPUTS else \
            generate(name, N, train_ratio=ratio)
        k = math.floor(round(N * ratio, 9))
        assert (ds.n_train, ds.n_test) == (k, N - k), name
        assert ds.x_train.shape == (k, 2) and ds.y_test.shape == (N - k,)


def test_defaults_and_class_balance():
    for name, info in GENERATORS.items():
        ds = generate(name)
        if info.extras.get("variant") != "table":
            assert ds.n_train + ds.n_test == info.default_n_points
        assert ds.kind == info.kind and ds.name == name
    assert generate("circle", 501, train_ratio=1.0).y_train.sum() == 251
    counts = np.bincount(generate("blobs", 602, train_ratio=1.0, n_classes=4).y_train)
    assert list(counts) == [151, 151, 150, 150]
    assert len(generate("spiral", 501).x_train) + len(generate("spiral", 501).x_test) == 501


def test_blobs_centres():
    ds = generate("blobs", 8000, 0, 1.0, n_classes=4)
    means = [ds.x_train[ds.y_train == k].mean(axis=0) for k in range(4)]
    np.testing.assert_allclose(means, [[0, 3.5], [-3.5, 0], [0, -3.5], [3.5, 0]], atol=0.05)
    assert ds.class_names == ("0", "1", "2", "3") and ds.params["n_classes"] == 4


@pytest.mark.parametrize("name", list(GENERATORS))
def test_determinism(name):
    extra = {"variant": "cloud"} if name in GATE_OUTPUTS else {}
    a = generate(name, noise=15, seed=11, **extra)
    b = generate(name, noise=15, seed=11, **extra)
    c = generate(name, noise=15, seed=12, **extra)
    for field in ("x_train", "y_train", "x_test", "y_test"):
        assert getattr(a, field).tobytes() == getattr(b, field).tobytes()
    assert not np.array_equal(a.x_train, c.x_train)


def test_arrays_are_read_only_and_params_json_ready():
    ds = generate("circle", seed=np.int64(4), noise=np.float64(5))
    with pytest.raises(ValueError):
        ds.x_train[0, 0] = 1
    assert json.loads(json.dumps(ds.params)) == ds.params
    assert ds.params == {"generator": "circle", "n_points": 500, "noise": 5.0,
                         "train_ratio": 0.5, "seed": 4}
    assert type(ds.params["seed"]) is int


# ---------------------------------------------------------------- invalid settings


@pytest.mark.parametrize("kwargs,field", [
    ({"name": "moons"}, "generator"),
    ({"name": 3}, "generator"),
    ({"n_points": 0}, "n_points"),
    ({"n_points": MAX_POINTS + 1}, "n_points"),
    ({"n_points": 10.0}, "n_points"),
    ({"n_points": True}, "n_points"),
    ({"noise": -1}, "noise"),
    ({"noise": 51}, "noise"),
    ({"noise": float("nan")}, "noise"),
    ({"noise": "5"}, "noise"),
    ({"train_ratio": 0}, "train_ratio"),
    ({"train_ratio": 1.01}, "train_ratio"),
    ({"train_ratio": float("nan")}, "train_ratio"),
    ({"n_points": 3, "train_ratio": 0.2}, "train_ratio"),  # no training point left
    ({"seed": 1.5}, "seed"),
    ({"seed": -1}, "seed"),
    ({"seed": "1"}, "seed"),
    ({"seed": None}, "seed"),
    ({"name": "blobs", "n_classes": 1}, "n_classes"),
    ({"name": "blobs", "n_classes": 9}, "n_classes"),
    ({"name": "spiral3", "n_classes": 2.0}, "n_classes"),
    ({"name": "and", "variant": "grid"}, "variant"),
    ({"n_classes": 3}, "n_classes"),  # circle has no such setting
    ({"colour": "red"}, "colour"),
])
def test_invalid_settings(kwargs, field):
    kwargs = {"name": "circle", **kwargs}
    with pytest.raises(ConfigError) as e:
        generate(kwargs.pop("name"), **kwargs)
    assert e.value.field == field


def test_registry_entries():
    assert list(GENERATORS)[:6] == ["circle", "xor", "gauss", "spiral", "reg_plane", "reg_gauss"]
    for name, info in GENERATORS.items():
        assert info.name == name and info.label and info.description and callable(info.fn)
        assert info.kind in ("classification", "regression")
    assert dict(GENERATORS["blobs"].extras) == {"n_classes": 3}
    assert dict(GENERATORS["and"].extras) == {"variant": "table"}


# ---------------------------------------------------------------- drawn points


def test_from_points_defaults():
    ds = from_points([[0, 1], [2, 3], [-1, -1]], [0, 1, 1])
    assert ds.name == "drawn" and ds.kind == "classification" and ds.n_classes == 2
    assert ds.n_train == 3 and ds.n_test == 0 and ds.extent == (-6.0, 6.0, -6.0, 6.0)
    np.testing.assert_array_equal(ds.x_train, [[0, 1], [2, 3], [-1, -1]])  # order kept
    assert from_points([[0, 0]], [0]).class_names == ("0", "1")
    assert from_points([[0, 0], [1, 1]], [4, 0]).class_names == ("0", "1", "2", "3", "4")


def test_from_points_copies_input():
    X = np.zeros((2, 2))
    ds = from_points(X, [0, 1])
    X[0, 0] = 5
    assert ds.x_train[0, 0] == 0 and X.flags.writeable


def test_from_points_split_and_extent():
    X = np.arange(40, dtype=float).reshape(20, 2)
    ds = from_points(X, np.arange(20) % 2, train_ratio=0.75, seed=1)
    assert ds.n_train == 15 and ds.n_test == 5
    assert sorted(map(tuple, np.vstack([ds.x_train, ds.x_test]))) == sorted(map(tuple, X))
    xmin, xmax, ymin, ymax = ds.extent
    assert xmin < 0 and xmax > 38 and ymin < 1 and ymax > 39
    ds = from_points(X, np.linspace(0, 1, 20), kind="regression", extent=(0, 40, 0, 40))
    assert ds.extent == (0.0, 40.0, 0.0, 40.0) and ds.n_classes == 0


@pytest.mark.parametrize("X,y,kw,error,where", [
    ([[0, 0]], [0], {"kind": "clustering"}, ConfigError, "kind"),
    ([[0, 0]], [0], {"train_ratio": 0}, ConfigError, "train_ratio"),
    ([[0, 0]], [0], {"seed": 0.5}, ConfigError, "seed"),
    ([[0, 0]], [0], {"name": ""}, ConfigError, "name"),
    ([[0, 0]], [0], {"class_names": ["only"]}, ConfigError, "class_names"),
    ([[0, 0]], [0], {"class_names": ["a", "a"]}, ConfigError, "class_names"),
    ([[0, 0]], [0], {"extent": (1, 0, 0, 1)}, ConfigError, "extent"),
    ([[0, 0]], [0.5], {"kind": "regression", "class_names": ["a", "b"]},
     ConfigError, "class_names"),
    ([], [], {}, DataError, "X"),
    ([[0, 0, 0]], [0], {}, DataError, "X"),
    ([[0, "a"]], [0], {}, DataError, "X"),
    ([[0, 1], [2]], [0, 1], {}, DataError, "X"),
    ([[0, np.nan]], [0], {}, DataError, "X"),
    ([[0, 0]], [0, 1], {}, DataError, "y"),
    ([[0, 0]], [0.5], {}, DataError, "y"),
    ([[0, 0]], [-1], {}, DataError, "y"),
    ([[0, 0]], [8], {}, DataError, "y"),
    ([[0, 0]], [2], {"class_names": ["a", "b"]}, DataError, "y"),
    ([[0, 0]], [np.inf], {"kind": "regression"}, DataError, "y"),
    ([[0, 0]], [1e10], {"kind": "regression"}, DataError, "y"),
    ([[0, 2e9]], [0], {}, DataError, "X"),
    ([[0, 0]], ["a"], {"kind": "regression"}, DataError, "y"),
])
def test_from_points_errors(X, y, kw, error, where):
    with pytest.raises(error) as e:
        from_points(X, y, **kw)
    if error is ConfigError:
        assert e.value.field == where
    else:
        assert str(e.value).startswith(where + ":")


def test_points_dict_round_trip_is_exact():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 2)) * 1e-3 + np.pi
    ds = from_points(X, rng.integers(0, 3, 30), train_ratio=0.6, class_names=["a", "b", "c"])
    back = Dataset.from_points_dict(json.loads(json.dumps(ds.to_points_dict())))
    for field in ("x_train", "y_train", "x_test", "y_test"):
        assert getattr(back, field).tobytes() == getattr(ds, field).tobytes()
        assert getattr(back, field).dtype == getattr(ds, field).dtype
    for attr in ("kind", "class_names", "extent", "name", "n_classes"):
        assert getattr(back, attr) == getattr(ds, attr)
    reg = from_points(X, X[:, 0] * 7.1, kind="regression")
    back = Dataset.from_points_dict(json.loads(json.dumps(reg.to_points_dict())))
    assert back.y_train.tobytes() == reg.y_train.tobytes() and back.n_classes == 0


# ---------------------------------------------------------------- CSV


def test_csv_header_and_no_header():
    with_header = parse_csv("x1,x2,label\n1,2,0\n3,4,1\n")
    without = parse_csv("1,2,0\n3,4,1\n")
    for ds in (with_header, without):
        np.testing.assert_array_equal(ds.x_train, [[1, 2], [3, 4]])
        np.testing.assert_array_equal(ds.y_train, [0, 1])
        assert ds.n_test == 0 and ds.class_names == ("0", "1")


@pytest.mark.parametrize("text", [
    "x1;x2;label\n1.5;2;0\n3;-4;1\n",
    "x1\tx2\tlabel\n1.5\t2\t0\n3\t-4\t1\n",
    "1,5;2;0\n3;-4;1\n",  # decimal comma with ';'
    "# my points\n\n\"1.5\",\"2\",\"0\"\r\n  \r\n3 , -4 , 1\r\n# end\n",
    "\ufeffx,y,c\n1.5,2,0\n3,-4,1,\n",  # BOM, trailing separator
])
def test_csv_separators_and_formats(text):
    ds = parse_csv(text)
    np.testing.assert_array_equal(ds.x_train, [[1.5, 2], [3, -4]])
    np.testing.assert_array_equal(ds.y_train, [0, 1])


def test_csv_minus_one_plus_one_labels_become_classes():
    ds = parse_csv("0,0,-1\n1,1,+1\n2,2,1\n3,3,-1.0\n")
    np.testing.assert_array_equal(ds.y_train, [0, 1, 1, 0])
    assert ds.class_names == ("-1", "1") and ds.kind == "classification"
    ds = parse_csv("0,0,7\n1,1,3\n2,2,5\n")
    np.testing.assert_array_equal(ds.y_train, [2, 0, 1])
    assert ds.class_names == ("3", "5", "7")


def test_csv_regression_kinds():
    ds = parse_csv("0,0,0.5\n1,1,1\n")
    assert ds.kind == "regression" and ds.y_train.dtype == np.float64 and ds.n_classes == 0
    many = "".join(f"{i},{i},{i}\n" for i in range(9))  # 9 integer values -> regression
    assert parse_csv(many).kind == "regression"
    eight = "".join(f"{i},{i},{i}\n" for i in range(8))
    assert parse_csv(eight).n_classes == 8


def test_csv_split_and_seed():
    text = "".join(f"{i},{-i},{i % 2}\n" for i in range(10))
    ds = parse_csv(text, train_ratio=0.8, seed=3)
    assert ds.n_train == 8 and ds.n_test == 2
    again = parse_csv(text, train_ratio=0.8, seed=3)
    assert ds.x_test.tobytes() == again.x_test.tobytes()


@pytest.mark.parametrize("text,line,words", [
    ("x1,x2,label\n1,2,0\n3,4,1\n\n# c\n5,abc,1\n", 6, '"abc" in column x2 is not a number'),
    ("1,2,0\n3,4\n", 2, "expected 3 columns (x1, x2, label) but found 2"),
    ("1,2,0\n3,4,1,2\n", 2, "found 4"),
    ("1,2,0\n3,nan,1\n", 2, "column x2 is not a finite number"),
    ("1,2,0\n3,4,inf\n", 2, "column label is not a finite number"),
    ("1,2,0\n1e400,4,1\n", 2, "column x1 is not a finite number"),
    ("1,2,0\n3,-2e9,1\n", 2, '"-2e9" in column x2 is too large'),
    ("1,2,0\n3,4,1.5e10\n", 2, '"1.5e10" in column label is too large'),
    ("a,1,0\n", 1, '"a" in column x1 is not a number'),
    ("1,2,0\n3,4,\n", 2, '"" in column label is not a number'),
    ("1,2,0\n3,4,1_0\n", 2, "column label is not a number"),
    ("1;2;0\n3,4,1\n", 2, "found 1"),
    ('1,2,0\n"3,4,1\n', 2, "cannot read the row"),
])
def test_csv_malformed_rows_name_the_line(text, line, words):
    with pytest.raises(DataError) as e:
        parse_csv(text)
    assert e.value.line == line and words in str(e.value)
    assert str(e.value).startswith(f"line {line}: ")


@pytest.mark.parametrize("text,words", [
    ("", "empty"),
    ("  \n\n", "empty"),
    ("x1,x2,label\n", "no data rows"),
    ("# only a comment\n", "no data rows"),
    ("1,2,1\n3,4,1\n", "at least two classes"),
])
def test_csv_file_level_errors(text, words):
    with pytest.raises(DataError, match=words):
        parse_csv(text)


def test_csv_too_many_rows():
    text = "0,0,0\n" * MAX_POINTS + "1,1,1\n"
    with pytest.raises(DataError) as e:
        parse_csv(text)
    assert e.value.line == MAX_POINTS + 1 and "too many rows" in str(e.value)


def test_csv_bad_split_setting_is_config_error():
    with pytest.raises(ConfigError) as e:
        parse_csv("1,2,0\n3,4,1\n", train_ratio=0.2)
    assert e.value.field == "train_ratio"


def test_load_csv(tmp_path):
    path = tmp_path / "puntos.csv"
    path.write_text("x1;x2;clase\n0,5;1;-1\n2;3;1\n", encoding="utf-8")
    ds = load_csv(path)
    assert ds.name == "puntos" and ds.class_names == ("-1", "1")
    np.testing.assert_array_equal(ds.x_train, [[0.5, 1], [2, 3]])

    latin = tmp_path / "latin.csv"
    latin.write_bytes("x,y,label\n1,2,0\n# año\n3,4,1\n".encode("latin-1"))
    with pytest.raises(DataError, match="not UTF-8") as e:
        load_csv(latin)
    assert e.value.line == 3

    big = tmp_path / "big.csv"
    with open(big, "wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(DataError, match="too large"):
        load_csv(big)

    with pytest.raises(DataError, match="cannot read"):
        load_csv(tmp_path / "missing.csv")


# ---------------------------------------------------------------- saving


@pytest.mark.parametrize("name,extra", [
    ("circle", {}), ("reg_gauss", {}), ("xnor", {}),
    ("nor", {"variant": "cloud"}), ("spiral3", {"n_classes": 5}),
])
def test_generated_dict_round_trip_regenerates_bit_identically(name, extra):
    ds = generate(name, noise=12.5, train_ratio=0.7, seed=77, **extra)
    d = dataset_to_dict(ds)
    assert d["source"] == "generator" and "x_train" not in json.dumps(d)
    back = dataset_from_dict(json.loads(json.dumps(d)))
    for field in ("x_train", "y_train", "x_test", "y_test"):
        assert getattr(back, field).tobytes() == getattr(ds, field).tobytes()
    assert back.params == ds.params and back.extent == ds.extent


def test_points_dict_round_trip_via_dataset_dict():
    text = "0.1,0.2,0.30000000000000004\n1e-300,5,2\n-3,123456789.123456789,1\n"
    ds = parse_csv(text, train_ratio=0.5)
    d = json.loads(json.dumps(dataset_to_dict(ds)))
    assert d["source"] == "points"
    back = dataset_from_dict(d)
    for field in ("x_train", "y_train", "x_test", "y_test"):
        assert getattr(back, field).tobytes() == getattr(ds, field).tobytes()
    assert back.kind == "regression" and back.name == "csv"


def gen(**params):
    return {"source": "generator", "params": params}


def pts(kind="classification", x_train=((0, 0),), y_train=(0,), **more):
    points = {"kind": kind, "x_train": x_train, "y_train": y_train, **more}
    return {"source": "points", "points": {k: v for k, v in points.items() if v is not None}}


@pytest.mark.parametrize("d,error,field", [
    ([], ConfigError, "dataset"),
    ({"source": "magic"}, ConfigError, "source"),
    ({"source": "generator"}, ConfigError, "params"),
    (gen(n_points=5), ConfigError, "params"),
    (gen(generator="moons"), ConfigError, "params.generator"),
    (gen(generator="circle", noise=99), ConfigError, "params.noise"),
    (gen(generator="circle", name="x"), ConfigError, "params.name"),
    (gen(generator="circle", seed="7"), ConfigError, "params.seed"),
    ({"source": "points"}, ConfigError, "points"),
    ({"source": "points", "points": [1, 2]}, ConfigError, "points"),
    (pts(x_train=None), ConfigError, "x_train"),
    (pts(kind="x"), ConfigError, "kind"),
    (pts(kind="regression", bogus=1), ConfigError, "bogus"),
    (pts(n_classes=3), ConfigError, "n_classes"),
    (pts(class_names="ab"), ConfigError, "class_names"),
    (pts(extent=[0, 1]), ConfigError, "extent"),
    (pts(x_train=[[0, None]]), DataError, "x_train"),
    (pts(x_test=[[1, 1]], y_test=[]), DataError, "y_test"),
    (pts(y_train=["0"]), DataError, "y_train"),
    (pts(x_train=[], y_train=[]), DataError, "x_train"),
])
def test_dataset_from_dict_errors_name_the_key(d, error, field):
    with pytest.raises(error) as e:
        dataset_from_dict(d)
    if error is ConfigError:
        assert e.value.field == field
    else:
        assert str(e.value).startswith(field + ":")


def test_points_dict_without_optional_keys():
    ds = Dataset.from_points_dict(
        {"kind": "classification", "x_train": [[0, 0], [1, 1]], "y_train": [0, 2]})
    assert ds.class_names == ("0", "1", "2") and ds.n_test == 0
    assert ds.extent == (-6.0, 6.0, -6.0, 6.0)
