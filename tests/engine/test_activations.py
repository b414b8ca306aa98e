"""Tests of engine.activations against the published definitions.

Every reference below is written out independently of the module, element by element
with the ``math`` library (or, for the checks of slopes, by central differences), so a
wrong constant, a wrong default or a wrong branch at 0 in the engine makes a test fail.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.activations import ACTIVATION_NAMES, ACTIVATIONS, MAXOUT, Activation, make_activation
from engine.errors import ConfigError

# Klambauer et al. 2017, "Self-Normalizing Neural Networks", eq. (14): the constants,
# written out here from the paper rather than imported from the module.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_LAMBDA = 1.0507009873554804934193349852946


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


REFERENCE = {
    "step": lambda z: 1.0 if z >= 0 else 0.0,
    "sign": lambda z: 1.0 if z >= 0 else -1.0,
    "linear": lambda z: z,
    "sigmoid": _sigmoid,
    "tanh": math.tanh,
    "relu": lambda z: max(0.0, z),
    "leaky_relu": lambda z: max(0.1 * z, z),  # the course's max(0.1x, x)
    "elu": lambda z: z if z > 0 else 1.0 * (math.exp(z) - 1.0),
    "selu": lambda z: SELU_LAMBDA * (z if z > 0 else SELU_ALPHA * (math.exp(z) - 1.0)),
    "softplus": lambda z: math.log(1.0 + math.exp(z)),
    "silu": lambda z: z * _sigmoid(z),
    "gelu": lambda z: 0.5 * z * (1.0 + math.tanh(math.sqrt(2.0 / math.pi) * (z + 0.044715 * z**3))),
}
ELEMENTWISE = sorted(REFERENCE)
# Functions whose slope exists (and is checked) everywhere but at 0.
KINKED = {"step", "sign", "relu", "leaky_relu", "elu", "selu"}

# Moderate pre-activations, none of them within 0.02 of the kinks at 0.
Z = np.array([-4.0, -2.5, -1.3, -0.7, -0.31, -0.05, 0.04, 0.29, 0.8, 1.7, 2.6, 4.0])
RNG = np.random.default_rng(1234)


def _away_from_zero(shape, rng=RNG) -> np.ndarray:
    z = rng.uniform(-3, 3, shape)
    return np.where(np.abs(z) < 0.05, z + np.copysign(0.1, z), z)


def test_registry_lists_every_activation_of_the_course():
    assert set(ACTIVATIONS) == set(ELEMENTWISE) | {"softmax"}
    assert MAXOUT == "maxout" and ACTIVATION_NAMES[-1] == "maxout"
    assert set(ACTIVATION_NAMES) == set(ACTIVATIONS) | {"maxout"}
    for name, cls in ACTIVATIONS.items():
        assert cls.name == name
        assert issubclass(cls, Activation)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_forward_matches_published_definition(name):
    f = make_activation(name)
    ref = np.array([REFERENCE[name](float(z)) for z in Z])
    got = f(Z)
    assert got.shape == Z.shape and got.dtype == np.float64
    np.testing.assert_allclose(got, ref, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_forward_writes_into_out_and_returns_it(name):
    f = make_activation(name)
    z = Z.reshape(3, 4).copy()
    out = np.full_like(z, np.nan)
    res = f.forward(z, out)
    assert res is out
    np.testing.assert_allclose(out, [[REFERENCE[name](float(v)) for v in row] for row in z], rtol=1e-13, atol=1e-15)
    np.testing.assert_array_equal(z, Z.reshape(3, 4))  # input untouched


def test_step_and_sign_at_zero_fire():
    # Heaviside with f(0) = 1 (McCulloch-Pitts: fires when Σwx reaches the threshold)
    assert make_activation("step")(np.array([0.0, -0.0]))[0] == 1.0
    assert make_activation("step")(np.array([-1e-300]))[0] == 0.0
    assert make_activation("sign")(np.array([0.0]))[0] == 1.0
    assert make_activation("sign")(np.array([-1e-300]))[0] == -1.0


def test_default_parameters():
    assert make_activation("leaky_relu").params == {"alpha": 0.1}
    assert make_activation("elu").params == {"alpha": 1.0}
    assert make_activation("tanh").params == {}


@pytest.mark.parametrize("alpha", [0.0, 0.01, 0.3, 0.99])
def test_leaky_relu_alpha_is_used(alpha):
    f = make_activation("leaky_relu", alpha=alpha)
    np.testing.assert_allclose(f(Z), [max(alpha * z, z) for z in Z], rtol=1e-14)
    np.testing.assert_allclose(f.derivative(Z), [1.0 if z > 0 else alpha for z in Z], rtol=1e-14)


@pytest.mark.parametrize("alpha", [0.2, 1.0, 2.5])
def test_elu_alpha_is_used(alpha):
    f = make_activation("elu", alpha=alpha)
    np.testing.assert_allclose(f(Z), [z if z > 0 else alpha * math.expm1(z) for z in Z], rtol=1e-14)


def test_softmax_rows_sum_to_one_and_equal_exp_over_sum():
    f = make_activation("softmax")
    z = RNG.normal(0, 2, (6, 4))
    s = f(z)
    np.testing.assert_allclose(s.sum(axis=1), 1.0, rtol=1e-14)
    for row_z, row_s in zip(z, s):
        denom = sum(math.exp(v) for v in row_z)
        np.testing.assert_allclose(row_s, [math.exp(v) / denom for v in row_z], rtol=1e-13)
    # invariant under adding a constant to a row
    np.testing.assert_allclose(f(z + 100.0), s, rtol=1e-12)
    assert make_activation("softmax").target_range == (0.0, 1.0)


def _central_difference(fn, z, h=1e-6):
    return (fn(z + h) - fn(z - h)) / (2 * h)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_matches_central_differences(name):
    f = make_activation(name)
    z = _away_from_zero((5, 7))
    numeric = _central_difference(f, z)
    d = f.derivative(z)
    assert d.shape == z.shape
    np.testing.assert_allclose(d, numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("relu", lambda z: 1.0 if z > 0 else 0.0),
        ("leaky_relu", lambda z: 1.0 if z > 0 else 0.1),
        ("elu", lambda z: 1.0 if z > 0 else math.exp(z)),
        ("selu", lambda z: SELU_LAMBDA if z > 0 else SELU_LAMBDA * SELU_ALPHA * math.exp(z)),
        ("sigmoid", lambda z: _sigmoid(z) * (1 - _sigmoid(z))),
        ("tanh", lambda z: 1 - math.tanh(z) ** 2),
        ("softplus", _sigmoid),
        ("step", lambda z: 0.0),
        ("sign", lambda z: 0.0),
        ("linear", lambda z: 1.0),
    ],
)
def test_derivative_closed_forms(name, expected):
    f = make_activation(name)
    np.testing.assert_allclose(f.derivative(Z), [expected(float(z)) for z in Z], rtol=1e-13, atol=1e-15)


def test_softmax_derivative_is_jacobian_diagonal():
    f = make_activation("softmax")
    z = RNG.normal(0, 1, (4, 3))
    diag = np.empty_like(z)
    for k in range(3):
        e = np.zeros(3)
        e[k] = 1e-6
        diag[:, k] = (f(z + e)[:, k] - f(z - e)[:, k]) / 2e-6
    np.testing.assert_allclose(f.derivative(z), diag, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_backward_is_derivative_times_incoming_gradient(name):
    f = make_activation(name)
    z = _away_from_zero((6, 3))
    a = f(z)
    g = RNG.normal(0, 1, z.shape)
    out = np.full_like(z, np.nan)
    res = f.backward(z, a, g, out)
    assert res is out
    numeric = _central_difference(f, z) * g
    np.testing.assert_allclose(out, numeric, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(out, f.derivative(z) * g, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_backward_ops_equal_backward(name):
    """The compiled op lists the training loop runs give the same as backward()."""
    from engine.activations import run_ops

    f = make_activation(name)
    z = _away_from_zero((4, 5))
    a = f(z)
    g = RNG.normal(0, 1, z.shape)
    out1, out2 = np.empty_like(z), np.empty_like(z)
    f.backward(z, a, g, out1)
    run_ops(f.backward_ops(z, a, g, out2))
    np.testing.assert_array_equal(out1, out2)
    fwd = np.empty_like(z)
    run_ops(f.forward_ops(z, fwd))
    np.testing.assert_array_equal(fwd, a)


def test_softmax_backward_against_numerical_jacobian():
    f = make_activation("softmax")
    n, K = 5, 4
    z = RNG.normal(0, 1.5, (n, K))
    a = f(z)
    g = RNG.normal(0, 1, (n, K))
    out = np.empty_like(z)
    f.backward(z, a, g, out)
    for r in range(n):
        J = np.empty((K, K))  # J[i, j] = ∂f_i/∂z_j
        for j in range(K):
            e = np.zeros(K)
            e[j] = 1e-6
            J[:, j] = (f(z[r] + e) - f(z[r] - e)) / 2e-6
        np.testing.assert_allclose(out[r], J.T @ g[r], rtol=1e-6, atol=1e-9)
        # and not merely the diagonal
        assert not np.allclose(out[r], np.diag(J) * g[r], atol=1e-6)


@pytest.mark.parametrize("name", [*ELEMENTWISE, "softmax"])
def test_no_overflow_at_extreme_inputs(name):
    f = make_activation(name)
    z = np.array([[-1000.0, 1000.0, 0.5], [1000.0, -1000.0, -0.5]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        a = f(z)
        d = f.derivative(z)
    assert np.isfinite(a).all() and np.isfinite(d).all()


def test_sigmoid_and_softmax_saturate_correctly():
    s = make_activation("sigmoid")(np.array([-1000.0, 1000.0, -40.0, -20.0]))
    assert s[0] == 0.0 and s[1] == 1.0
    assert 0 <= s[2] < 1e-16  # true value 4.2e-18 (½(1 + tanh(z/2)) is exact to ~1e-16 absolute)
    assert abs(s[3] - _sigmoid(-20.0)) < 1e-15
    sm = make_activation("softmax")(np.array([[1000.0, 0.0, -1000.0], [-1000.0, -1000.0, -1000.0]]))
    np.testing.assert_allclose(sm, [[1.0, 0.0, 0.0], [1 / 3, 1 / 3, 1 / 3]], rtol=1e-15)
    sp = make_activation("softplus")(np.array([1000.0, -1000.0]))
    assert sp[0] == 1000.0 and sp[1] == 0.0


@pytest.mark.parametrize("name", [*ELEMENTWISE, "softmax"])
def test_forward_on_non_contiguous_and_transposed_views(name):
    """The network calls forward(z.T, a.T) on unit-major buffers: strided views both ways."""
    f = make_activation(name)
    big = RNG.normal(0, 2, (8, 10))
    z_view = big[::2, 1::3]  # (4, 3), non-contiguous
    assert not z_view.flags.c_contiguous
    expected = f(np.ascontiguousarray(z_view))

    out_buf = np.full((3, 4), np.nan)
    f.forward(z_view, out_buf.T)  # out is a transposed (F-ordered) view
    np.testing.assert_allclose(out_buf.T, expected, rtol=1e-14, atol=1e-300)

    z_unit_major = np.ascontiguousarray(z_view.T)  # (3, 4) as the network stores z
    out_unit_major = np.full((3, 4), np.nan)
    f.forward(z_unit_major.T, out_unit_major.T)
    np.testing.assert_allclose(out_unit_major.T, expected, rtol=1e-14, atol=1e-300)
    np.testing.assert_array_equal(z_view, big[::2, 1::3])  # z untouched


@pytest.mark.parametrize("name", [*ELEMENTWISE, "softmax"])
def test_forward_in_place(name):
    """forward(z, z) overwrites z with f(z) (regression: multi-step formulas read z after
    writing out, so Leaky ReLU, ELU, SELU, SiLU and GELU were wrong in place)."""
    f = make_activation(name)
    z = np.ascontiguousarray(np.tile(Z, (2, 1)))
    expected = f(z.copy())
    res = f.forward(z, z)
    assert res is z
    np.testing.assert_allclose(z, expected, rtol=1e-14, atol=1e-300)


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("name", [*ELEMENTWISE, "softmax"])
def test_training_ops_raise_no_warnings(name):
    """The op lists run every batch; a DeprecationWarning there becomes an error in a later NumPy."""
    from engine.activations import run_ops

    f = make_activation(name)
    z = _away_from_zero((4, 5))
    a, out = np.empty_like(z), np.empty_like(z)
    run_ops(f.forward_ops(z, a))
    run_ops(f.backward_ops(z, a, np.ones_like(z), out))
    f.derivative(z)


def test_derivative_does_not_modify_input():
    for name in [*ELEMENTWISE, "softmax"]:
        f = make_activation(name)
        z = _away_from_zero((3, 4))
        z0 = z.copy()
        f.derivative(z)
        np.testing.assert_array_equal(z, z0)


@pytest.mark.parametrize(
    "name,low,high",
    [
        ("step", 0, 1), ("sigmoid", 0, 1), ("softmax", 0, 1), ("relu", 0, 1), ("leaky_relu", 0, 1),
        ("softplus", 0, 1), ("silu", 0, 1), ("gelu", 0, 1),
        ("tanh", -1, 1), ("sign", -1, 1), ("linear", -1, 1), ("elu", -1, 1), ("selu", -1, 1),
    ],
)
def test_target_ranges(name, low, high):
    assert make_activation(name).target_range == (low, high)


def test_flat_marks_step_and_sign_only():
    assert {n for n, c in ACTIVATIONS.items() if c.flat} == {"step", "sign"}


@pytest.mark.parametrize("bad", ["tanhh", "", "Relu", "maxout", None, 3, ["relu"], "__class__"])
def test_unknown_activation_is_config_error(bad):
    with pytest.raises(ConfigError) as info:
        make_activation(bad)
    assert info.value.field == "activation"
    assert info.value.value == bad
    if bad == "tanhh":
        assert "sigmoid" in str(info.value)  # lists the choices


@pytest.mark.parametrize(
    "name,params",
    [
        ("leaky_relu", {"alpha": 1.0}),
        ("leaky_relu", {"alpha": -0.1}),
        ("leaky_relu", {"alpha": float("nan")}),
        ("leaky_relu", {"alpha": float("inf")}),
        ("leaky_relu", {"alpha": "0.1"}),
        ("elu", {"alpha": 0.0}),
        ("elu", {"alpha": -1.0}),
        ("elu", {"alpha": None}),
        ("tanh", {"alpha": 0.5}),
        ("relu", {"slope": 0.1}),
        ("leaky_relu", {"beta": 0.1}),
    ],
)
def test_bad_parameters_are_config_errors(name, params):
    with pytest.raises(ConfigError) as info:
        make_activation(name, **params)
    key = next(iter(params))
    assert info.value.field == f"activation.{key}"
