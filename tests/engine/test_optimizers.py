"""Tests of engine.optimizers.

The main check compares the first updates of every optimizer with reference values computed
here from the published rule (torch.optim documentation), written out step by step in plain
Python floats, element by element, independently of the vectorised implementation.
"""

from __future__ import annotations

import json
import math
import tracemalloc

import numpy as np
import pytest

from engine.errors import ConfigError
from engine.optimizers import OPTIMIZERS, Optimizer, make_optimizer

NAMES = [
    "sgd",
    "momentum",
    "nesterov",
    "adagrad",
    "adadelta",
    "rmsprop",
    "adam",
    "adamw",
    "nadam",
    "amsgrad",
]

# PyTorch's documented defaults (torch.optim, 2.x), written out independently of the module.
DEFAULT_LR = {
    "sgd": 1e-3,
    "momentum": 1e-3,
    "nesterov": 1e-3,
    "adagrad": 1e-2,
    "adadelta": 1.0,
    "rmsprop": 1e-2,
    "adam": 1e-3,
    "adamw": 1e-3,
    "nadam": 2e-3,
    "amsgrad": 1e-3,
}
DEFAULTS = {
    "sgd": {},
    "momentum": {"momentum": 0.9},
    "nesterov": {"momentum": 0.9},
    "adagrad": {"eps": 1e-10},
    "adadelta": {"rho": 0.9, "eps": 1e-6},
    "rmsprop": {"rho": 0.99, "eps": 1e-8},
    "adam": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
    "adamw": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.01},
    "nadam": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "momentum_decay": 0.004},
    "amsgrad": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
}
# Non-default settings, to check every hyperparameter is wired to the rule.
CUSTOM = {
    "sgd": {},
    "momentum": {"momentum": 0.5},
    "nesterov": {"momentum": 0.5},
    "adagrad": {"eps": 1e-3},
    "adadelta": {"rho": 0.5, "eps": 1e-3},
    "rmsprop": {"rho": 0.9, "eps": 1e-4},
    "adam": {"beta1": 0.5, "beta2": 0.9, "eps": 1e-3},
    "adamw": {"beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.5},
    "nadam": {"beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "momentum_decay": 0.1},
    "amsgrad": {"beta1": 0.8, "beta2": 0.5, "eps": 1e-6},
}

P0 = [1.0, -2.0, 0.5]
# A different lr each step (lr may change live). Chosen so that no parameter lands near 0,
# where cancellation would make a relative comparison meaningless (e.g. RMSprop's first
# step moves every parameter by lr/√(1−ρ) = 10·lr).
LRS = [0.07, 0.06, 0.13]
FIXED_GRADS = [[0.3, -1.2, 0.0], [-0.5, 0.8, 2.0], [0.1, 0.1, -0.7]]


def quadratic_grad(p: list[float], k: int) -> list[float]:
    """Gradient of f(p) = ½‖p‖²."""
    return list(p)


def fixed_grad(p: list[float], k: int) -> list[float]:
    return list(FIXED_GRADS[k])


# --------------------------------------------------------------------------------------
# Reference rules, one element at a time, plain floats.
# Each takes the start parameters, a gradient function, the lr per step and the
# hyperparameters, and returns the parameters after every step.
# --------------------------------------------------------------------------------------


def ref_sgd(p, grad, lrs, h):
    p, out = list(p), []
    for k, lr in enumerate(lrs):
        g = grad(p, k)
        p = [p[i] - lr * g[i] for i in range(len(p))]
        out.append(p)
    return out


def ref_momentum(p, grad, lrs, h, nesterov=False):
    mu = h["momentum"]
    p, out = list(p), []
    v = [0.0] * len(p)
    for k, lr in enumerate(lrs):
        g = grad(p, k)
        new = []
        for i in range(len(p)):
            v[i] = mu * v[i] + g[i]
            d = g[i] + mu * v[i] if nesterov else v[i]
            new.append(p[i] - lr * d)
        p = new
        out.append(p)
    return out


def ref_nesterov(p, grad, lrs, h):
    return ref_momentum(p, grad, lrs, h, nesterov=True)


def ref_adagrad(p, grad, lrs, h):
    eps = h["eps"]
    p, out = list(p), []
    s = [0.0] * len(p)
    for k, lr in enumerate(lrs):
        g = grad(p, k)
        new = []
        for i in range(len(p)):
            s[i] = s[i] + g[i] ** 2
            new.append(p[i] - lr * g[i] / (math.sqrt(s[i]) + eps))
        p = new
        out.append(p)
    return out


def ref_adadelta(p, grad, lrs, h):
    rho, eps = h["rho"], h["eps"]
    p, out = list(p), []
    eg = [0.0] * len(p)
    ed = [0.0] * len(p)
    for k, lr in enumerate(lrs):
        g = grad(p, k)
        new = []
        for i in range(len(p)):
            eg[i] = rho * eg[i] + (1 - rho) * g[i] ** 2
            delta = math.sqrt(ed[i] + eps) / math.sqrt(eg[i] + eps) * g[i]
            ed[i] = rho * ed[i] + (1 - rho) * delta**2
            new.append(p[i] - lr * delta)
        p = new
        out.append(p)
    return out


def ref_rmsprop(p, grad, lrs, h):
    rho, eps = h["rho"], h["eps"]
    p, out = list(p), []
    v = [0.0] * len(p)
    for k, lr in enumerate(lrs):
        g = grad(p, k)
        new = []
        for i in range(len(p)):
            v[i] = rho * v[i] + (1 - rho) * g[i] ** 2
            new.append(p[i] - lr * g[i] / (math.sqrt(v[i]) + eps))
        p = new
        out.append(p)
    return out


def ref_adam(p, grad, lrs, h, weight_decay=0.0, amsgrad=False):
    b1, b2, eps = h["beta1"], h["beta2"], h["eps"]
    p, out = list(p), []
    m = [0.0] * len(p)
    v = [0.0] * len(p)
    vmax = [0.0] * len(p)
    for k, lr in enumerate(lrs):
        t = k + 1
        g = grad(p, k)
        new = []
        for i in range(len(p)):
            q = p[i] - lr * weight_decay * p[i]  # AdamW: decoupled decay first
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] ** 2
            m_hat = m[i] / (1 - b1**t)
            if amsgrad:
                vmax[i] = max(vmax[i], v[i])
                denom = math.sqrt(vmax[i]) / math.sqrt(1 - b2**t) + eps
            else:
                v_hat = v[i] / (1 - b2**t)
                denom = math.sqrt(v_hat) + eps
            new.append(q - lr * m_hat / denom)
        p = new
        out.append(p)
    return out


def ref_adamw(p, grad, lrs, h):
    return ref_adam(p, grad, lrs, h, weight_decay=h["weight_decay"])


def ref_amsgrad(p, grad, lrs, h):
    return ref_adam(p, grad, lrs, h, amsgrad=True)


def ref_nadam(p, grad, lrs, h):
    b1, b2, eps, psi = h["beta1"], h["beta2"], h["eps"], h["momentum_decay"]
    p, out = list(p), []
    m = [0.0] * len(p)
    v = [0.0] * len(p)
    mus = []  # μ_1 … μ_t
    for k, lr in enumerate(lrs):
        t = k + 1
        g = grad(p, k)
        mu_t = b1 * (1 - 0.5 * 0.96 ** (t * psi))
        mu_next = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi))
        mus.append(mu_t)
        prod_t = math.prod(mus)
        prod_next = prod_t * mu_next
        new = []
        for i in range(len(p)):
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] ** 2
            v_hat = v[i] / (1 - b2**t)
            denom = math.sqrt(v_hat) + eps
            new.append(
                p[i]
                - lr * (1 - mu_t) / (1 - prod_t) * g[i] / denom
                - lr * mu_next / (1 - prod_next) * m[i] / denom
            )
        p = new
        out.append(p)
    return out


REFERENCES = {
    "sgd": ref_sgd,
    "momentum": ref_momentum,
    "nesterov": ref_nesterov,
    "adagrad": ref_adagrad,
    "adadelta": ref_adadelta,
    "rmsprop": ref_rmsprop,
    "adam": ref_adam,
    "adamw": ref_adamw,
    "nadam": ref_nadam,
    "amsgrad": ref_amsgrad,
}


def run(opt: Optimizer, p0, grad, lrs) -> list[list[float]]:
    """Run ``opt`` on a float64 buffer, returning the parameters after every step."""
    params = np.array(p0, dtype=np.float64)
    out = []
    for k, lr in enumerate(lrs):
        grads = np.array(grad(params.tolist(), k), dtype=np.float64)
        opt.step(params, grads, lr)
        out.append(params.tolist())
    return out


# --------------------------------------------------------------------------------------
# Registry and defaults
# --------------------------------------------------------------------------------------


def test_registry_has_every_optimizer():
    assert list(OPTIMIZERS) == NAMES
    for name, cls in OPTIMIZERS.items():
        assert issubclass(cls, Optimizer)
        assert cls.name == name
        assert cls.label
        assert cls.__doc__ and "←" in cls.__doc__  # the rule is written in the docstring


@pytest.mark.parametrize("name", NAMES)
def test_defaults_are_pytorchs(name):
    cls = OPTIMIZERS[name]
    assert cls.default_lr == DEFAULT_LR[name]
    assert cls.hyperparameters == DEFAULTS[name]
    opt = make_optimizer(name, 3)
    assert type(opt) is cls
    assert opt.hyper == DEFAULTS[name]
    assert opt.size == 3


# --------------------------------------------------------------------------------------
# First three updates against the hand-computed rule
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("settings", ["default", "custom"])
@pytest.mark.parametrize("grad", [quadratic_grad, fixed_grad], ids=["quadratic", "fixed"])
@pytest.mark.parametrize("name", NAMES)
def test_first_three_steps_match_published_rule(name, grad, settings):
    hyper = CUSTOM[name] if settings == "custom" else {}
    h = {**DEFAULTS[name], **hyper}
    expected = REFERENCES[name](P0, grad, LRS, h)
    assert min(abs(x) for row in expected for x in row) > 1e-3  # rtol is meaningful
    got = run(make_optimizer(name, len(P0), **hyper), P0, grad, LRS)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=0)


def test_amsgrad_case_exercises_the_running_maximum():
    # With β2 = 0.5 and shrinking gradients v decreases, so v_max must make a difference.
    h = {**DEFAULTS["amsgrad"], **CUSTOM["amsgrad"]}
    assert not np.allclose(
        ref_amsgrad(P0, fixed_grad, LRS, h), ref_adam(P0, fixed_grad, LRS, h), rtol=1e-6
    )


def test_reference_values_spot_check():
    # A few numbers worked out by hand, to guard the references themselves.
    # SGD on ½‖p‖² with lr 0.1: p ← 0.9 p.
    assert ref_sgd([1.0], quadratic_grad, [0.1], {})[0] == [0.9]
    # Adam's first step is −η·sign(g) (up to ε): 1 − 0.1 = 0.9.
    (p1,) = ref_adam([1.0], quadratic_grad, [0.1], DEFAULTS["adam"])
    assert p1[0] == pytest.approx(0.9, abs=1e-8)
    # Momentum, two steps, fixed g = 1, μ = 0.9, η = 1: v = 1 then 1.9; p = −1 then −2.9.
    traj = ref_momentum([0.0], lambda p, k: [1.0], [1.0, 1.0], {"momentum": 0.9})
    assert traj == [[-1.0], [pytest.approx(-2.9)]]


# --------------------------------------------------------------------------------------
# Optional cross-check against PyTorch itself
# --------------------------------------------------------------------------------------


def _torch_optimizer(torch, name, param, lr):
    o = torch.optim
    return {
        "sgd": lambda: o.SGD([param], lr=lr),
        "momentum": lambda: o.SGD([param], lr=lr, momentum=0.9),
        "nesterov": lambda: o.SGD([param], lr=lr, momentum=0.9, nesterov=True),
        "adagrad": lambda: o.Adagrad([param], lr=lr, eps=1e-10),
        "adadelta": lambda: o.Adadelta([param], lr=lr, rho=0.9, eps=1e-6),
        "rmsprop": lambda: o.RMSprop([param], lr=lr, alpha=0.99, eps=1e-8),
        "adam": lambda: o.Adam([param], lr=lr, betas=(0.9, 0.999), eps=1e-8),
        "adamw": lambda: o.AdamW([param], lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01),
        "nadam": lambda: o.NAdam([param], lr=lr, betas=(0.9, 0.999), eps=1e-8, momentum_decay=4e-3),
        "amsgrad": lambda: o.Adam([param], lr=lr, betas=(0.9, 0.999), eps=1e-8, amsgrad=True),
    }[name]()


@pytest.mark.parametrize("name", NAMES)
def test_matches_torch_optim(name):
    torch = pytest.importorskip("torch")
    old_dtype = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)  # so torch's scalar state is float64 too
    try:
        lr = 0.05
        param = torch.tensor(P0, dtype=torch.float64, requires_grad=True)
        topt = _torch_optimizer(torch, name, param, lr)
        ours = make_optimizer(name, len(P0))
        params = np.array(P0)
        for _ in range(5):
            param.grad = param.detach().clone()  # ∇ ½‖p‖²
            topt.step()
            ours.step(params, params.copy(), lr)
            np.testing.assert_allclose(params, param.detach().numpy(), rtol=1e-10, atol=1e-14)
    finally:
        torch.set_default_dtype(old_dtype)


# --------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------


def test_unknown_optimizer_name():
    with pytest.raises(ConfigError) as info:
        make_optimizer("adamax", 3)
    assert info.value.field == "optimizer"
    assert info.value.value == "adamax"
    assert "unknown optimizer" in info.value.message
    for name in NAMES:
        assert name in info.value.message


@pytest.mark.parametrize(
    "name, key, value",
    [
        ("sgd", "momentum", 0.9),  # SGD has no hyperparameters
        ("adam", "rho", 0.9),
        ("rmsprop", "alpha", 0.99),  # ours is called rho
        ("momentum", "momentum", 1.0),
        ("nesterov", "momentum", -0.1),
        ("momentum", "momentum", float("nan")),
        ("adadelta", "rho", 1.0),
        ("rmsprop", "rho", -0.5),
        ("adam", "beta1", 1.0),
        ("adam", "beta2", 1.5),
        ("nadam", "beta2", -1e-9),
        ("amsgrad", "beta1", float("inf")),
        ("adagrad", "eps", 0.0),
        ("adam", "eps", -1e-8),
        ("rmsprop", "eps", float("inf")),
        ("adamw", "weight_decay", -0.01),
        ("adamw", "weight_decay", float("nan")),
        ("nadam", "momentum_decay", -0.004),
        ("adam", "beta1", "0.9"),
        ("adam", "beta1", True),
        ("adam", "beta1", None),
    ],
)
def test_invalid_hyperparameter_names_the_field(name, key, value):
    with pytest.raises(ConfigError) as info:
        make_optimizer(name, 3, **{key: value})
    assert info.value.field == f"optimizer.{key}"
    assert info.value.value is value


@pytest.mark.parametrize("name", NAMES)
def test_boundary_values_are_accepted(name):
    lows = {
        "momentum": 0.0,
        "rho": 0.0,
        "beta1": 0.0,
        "beta2": 0.0,
        "eps": 1e-300,
        "weight_decay": 0.0,
        "momentum_decay": 0,
    }
    hyper = {k: lows[k] for k in DEFAULTS[name]}
    opt = make_optimizer(name, 3, **hyper)
    assert all(isinstance(v, float) for v in opt.hyper.values())
    params = np.array(P0)
    opt.step(params, np.array(P0), 0.01)
    assert np.isfinite(params).all()


@pytest.mark.parametrize("size", [-1, 2.5, "3", True])
def test_invalid_size(size):
    with pytest.raises(ConfigError) as info:
        make_optimizer("adam", size)
    assert info.value.field == "optimizer.size"


# --------------------------------------------------------------------------------------
# State: reset, save/load
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_reset_makes_next_steps_identical_to_a_fresh_optimizer(name):
    opt = make_optimizer(name, 3, **CUSTOM[name])
    run(opt, P0, fixed_grad, LRS)
    opt.reset()
    assert opt.t == 0
    again = run(opt, P0, fixed_grad, LRS)
    fresh = run(make_optimizer(name, 3, **CUSTOM[name]), P0, fixed_grad, LRS)
    assert again == fresh  # bit-for-bit


@pytest.mark.parametrize("name", NAMES)
def test_state_dict_round_trips_through_json(name):
    opt = make_optimizer(name, 3, **CUSTOM[name])
    params = np.array(P0)
    for k in range(2):
        opt.step(params, np.array(FIXED_GRADS[k]), LRS[k])
    saved = json.loads(json.dumps(opt.state_dict()))
    assert saved["optimizer"] == name
    assert saved["step"] == 2
    for values in saved["buffers"].values():
        assert len(values) == 3 and all(type(x) is float for x in values)

    # Loaded into a default-configured optimizer: the saved hyperparameters come back too.
    other = make_optimizer(name, 3)
    other.load_state_dict(saved)
    assert other.hyper == opt.hyper
    assert other.state_dict() == opt.state_dict()
    p_a, p_b = params.copy(), params.copy()
    opt.step(p_a, np.array(FIXED_GRADS[2]), LRS[2])
    other.step(p_b, np.array(FIXED_GRADS[2]), LRS[2])
    assert p_a.tolist() == p_b.tolist()  # bit-for-bit


def _stateful(name="adam"):
    opt = make_optimizer(name, 3)
    opt.step(np.array(P0), np.array(FIXED_GRADS[0]), 0.1)
    return opt


def test_load_state_dict_rejects_length_mismatch_and_changes_nothing():
    opt = _stateful()
    before = opt.state_dict()
    bad = make_optimizer("adam", 4)
    bad.step(np.zeros(4), np.ones(4), 0.1)
    with pytest.raises(ConfigError) as info:
        opt.load_state_dict(bad.state_dict())
    assert info.value.field.startswith("optimizer.buffers.")
    assert opt.state_dict() == before


@pytest.mark.parametrize(
    "mutate, field",
    [
        (lambda d: d.update(optimizer="rmsprop"), "optimizer"),
        (lambda d: d.update(step=-1), "optimizer.step"),
        (lambda d: d.update(step=1.5), "optimizer.step"),
        (lambda d: d["buffers"].pop("v"), "optimizer.buffers.v"),
        (lambda d: d["buffers"]["m"].__setitem__(0, float("nan")), "optimizer.buffers.m"),
        (lambda d: d["buffers"].__setitem__("m", ["a", "b", "c"]), "optimizer.buffers.m"),
        (lambda d: d["hyperparameters"].update(beta1=2.0), "optimizer.beta1"),
        (lambda d: d["hyperparameters"].update(momentum=0.5), "optimizer.momentum"),
    ],
)
def test_load_state_dict_validates(mutate, field):
    opt = _stateful()
    before = opt.state_dict()
    d = opt.state_dict()
    mutate(d)
    with pytest.raises(ConfigError) as info:
        opt.load_state_dict(d)
    assert info.value.field == field
    assert opt.state_dict() == before


def test_nadam_scalar_state_is_saved_and_validated():
    opt = _stateful("nadam")
    d = opt.state_dict()
    assert 0.0 < d["scalars"]["mu_product"] < 1.0
    d["scalars"]["mu_product"] = float("inf")
    with pytest.raises(ConfigError) as info:
        make_optimizer("nadam", 3).load_state_dict(d)
    assert info.value.field == "optimizer.scalars.mu_product"


def test_load_keeps_buffer_identity():
    opt = _stateful()
    m = opt.m
    opt.load_state_dict(_stateful().state_dict())
    assert opt.m is m


# --------------------------------------------------------------------------------------
# Hot-path properties
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_step_allocates_nothing_big(name):
    n = 10_000  # one temporary array would be 80 kB
    rng = np.random.default_rng(0)
    params = rng.standard_normal(n)
    grads = np.empty(n)
    opt = make_optimizer(name, n)
    np.copyto(grads, params)
    opt.step(params, grads, 0.01)  # warm up any lazy caches
    np.copyto(grads, params)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        opt.step(params, grads, 0.01)
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert current - base < 1024
    assert peak - base < 4096


@pytest.mark.parametrize("name", NAMES)
def test_zero_learning_rate_changes_nothing(name):
    params = np.array(P0)
    make_optimizer(name, 3).step(params, np.array(FIXED_GRADS[1]), 0.0)
    assert params.tolist() == P0


# Per optimizer: a learning rate and step count that reach the minimum of a quadratic.
CONVERGENCE = {
    "sgd": (0.1, 300),
    "momentum": (0.05, 300),
    "nesterov": (0.05, 300),
    "adagrad": (0.5, 500),
    # At lr 1 Adadelta settles into a 2-cycle p ↔ −p on the steep axis (its step ratio
    # √E[Δ²]/√E[g²] locks at 2/a), a real property of the rule, so use a smaller lr.
    "adadelta": (0.5, 2000),
    "rmsprop": (0.01, 1000),
    "adam": (0.05, 1000),
    "adamw": (0.05, 1000),
    "nadam": (0.05, 1000),
    "amsgrad": (0.05, 1000),
}


@pytest.mark.parametrize("name", NAMES)
def test_minimises_a_quadratic(name):
    # f(p) = ½ Σ aᵢ pᵢ², an ill-conditioned bowl with its minimum at 0.
    a = np.array([1.0, 4.0, 0.25])
    params = np.array(P0)
    f0 = 0.5 * float(a @ params**2)
    lr, steps = CONVERGENCE[name]
    opt = make_optimizer(name, 3)
    grads = np.empty(3)
    for _ in range(steps):
        np.multiply(a, params, out=grads)
        opt.step(params, grads, lr)
    f = 0.5 * float(a @ params**2)
    assert f < 1e-4 * f0, f"{name}: f went from {f0} to {f}"
