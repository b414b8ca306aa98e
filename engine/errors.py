"""Errors the engine raises on purpose, each naming what is wrong in words a user can act on.

Every invalid configuration becomes one :class:`ConfigError` that names the field and the
value, so the GUI and the CLI can show it as it is; nothing deep inside NumPy ever reaches
the user as a traceback.
"""

from __future__ import annotations


class NeuronaError(Exception):
    """Base class of every error the engine raises deliberately."""


class ConfigError(NeuronaError, ValueError):
    """An invalid setting: ``field`` is where it is, ``value`` what was given."""

    def __init__(self, field: str, value: object, message: str):
        self.field = field
        self.value = value
        self.message = message
        super().__init__(f"{field} = {value!r}: {message}")


class DataError(NeuronaError, ValueError):
    """Invalid data, e.g. a CSV row that is not numbers; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None):
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}" if line is not None else message)


class DivergenceError(NeuronaError, ArithmeticError):
    """Training produced NaN or Inf; the network was put back to its last finite weights."""

    def __init__(self, epoch: int, what: str, learning_rate: float | None = None):
        self.epoch = epoch
        self.what = what
        self.learning_rate = learning_rate
        hint = "try a smaller learning rate"
        if learning_rate is not None:
            hint += f" (now {learning_rate:g}; e.g. {learning_rate / 10:g})"
        super().__init__(
            f"training diverged in epoch {epoch}: the {what} became NaN or infinite; "
            f"the last finite weights were kept — {hint}, a smaller batch-size-independent "
            f"optimizer such as Adam, or stronger regularization"
        )
