"""Network files: a whole experiment as one JSON document, read safely, written atomically.

A document (``.neurona`` or ``.json``) is a JSON object::

    {
      "format": "neurona",
      "format_version": 1,
      "network":  {...}   # engine.network.Network.to_dict(): features, layers, weights, masks
      "training": {...}   # engine.training.TrainingConfig.to_dict()
      "data":     {...}   # engine.datasets.dataset_to_dict(): generator settings or points
      "state":    {...}   # epoch and last metrics
      ...                 # anything else (canvas positions, view, description) is kept as is
    }

Loading never executes anything: ``json`` parses, and every name in the document goes
through a registry (activations, optimizers, losses, data generators). Every problem —
not JSON, too large, an unknown future version, a wrong type, a missing field — raises
one :class:`FileFormatError` naming the file and the place in it. Writing goes to a
temporary file in the same folder, flushed and fsynced, then ``os.replace``d over the
target, so a crash or a full disk leaves the old file intact.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .datasets import Dataset, dataset_from_dict, dataset_to_dict
from .errors import ConfigError, DataError, NeuronaError
from .network import Network
from .training import TrainingConfig

FORMAT = "neurona"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024


class FileFormatError(NeuronaError):
    """A file that cannot be used; the message names the file and the problem."""

    def __init__(self, message: str, path: str | os.PathLike | None = None):
        self.path = None if path is None else str(path)
        self.message = message
        super().__init__(f"{Path(path).name}: {message}" if path is not None else message)


@dataclass
class Experiment:
    """Everything a document describes, built and validated."""

    network: Network
    training: TrainingConfig
    data: Dataset
    state: dict = field(default_factory=dict)
    #: the document's other top-level entries (canvas, view, description…), untouched
    extra: dict = field(default_factory=dict)


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def read_json(path: str | os.PathLike) -> dict:
    """Parse a JSON object from ``path`` with a size limit and clear errors."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileFormatError(f"the file is {size / 2**20:.1f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB", p)
        raw = p.read_bytes()
    except FileFormatError:
        raise
    except FileNotFoundError:
        raise FileFormatError("no such file", p) from None
    except IsADirectoryError:
        raise FileFormatError("is a folder, not a file", p) from None
    except OSError as exc:
        raise FileFormatError(f"cannot be read ({exc.strerror or exc})", p) from None
    return parse_json(raw, p)


def parse_json(raw: bytes | str, path=None) -> dict:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FileFormatError(f"is not UTF-8 text (byte {exc.start})", path) from None
    if not raw.strip():
        raise FileFormatError("is empty", path)
    try:
        obj = json.loads(raw, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise FileFormatError(f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}", path) from None
    except (ValueError, RecursionError) as exc:
        raise FileFormatError(f"is not valid JSON: {exc}", path) from None
    if not isinstance(obj, dict):
        raise FileFormatError("must hold a JSON object at the top level", path)
    return obj


def dumps(doc: dict) -> str:
    """Stable text for a document: fixed indentation, exact floats (repr), no NaN."""
    return json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` so that either the old or the new file exists whole."""
    p = Path(path)
    data = text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable where the platform allows
        dfd = os.open(p.parent or ".", os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def experiment_to_dict(exp: Experiment) -> dict:
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "network": exp.network.to_dict(),
        "training": exp.training.to_dict(),
        "data": dataset_to_dict(exp.data),
        "state": _clean_state(exp.state),
    }
    for key, value in exp.extra.items():
        if key not in doc:
            doc[key] = value
    return doc


def _clean_state(state: dict) -> dict:
    return {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in state.items()}


def experiment_from_dict(doc: dict, path=None) -> Experiment:
    """Validate and build; every problem is a FileFormatError naming where it is."""
    if not isinstance(doc, dict):
        raise FileFormatError("must hold a JSON object at the top level", path)
    if doc.get("format", FORMAT) != FORMAT:
        raise FileFormatError(f"is not a Neurona file (format {doc.get('format')!r})", path)
    version = doc.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FileFormatError("format_version is missing or not a whole number", path)
    if version > FORMAT_VERSION:
        raise FileFormatError(
            f"was written by a newer Neurona (format version {version}; this one reads up to {FORMAT_VERSION})", path
        )
    if version < 1:
        raise FileFormatError(f"format_version {version} is not valid", path)
    for key in ("network", "training", "data"):
        if key not in doc:
            raise FileFormatError(f"the '{key}' section is missing", path)
    built = {}
    for section, build in (
        ("network", Network.from_dict),
        ("training", TrainingConfig.from_dict),
        ("data", dataset_from_dict),
    ):
        try:
            built[section] = build(doc[section])
        except ConfigError as exc:
            where = exc.field if exc.field.startswith(section + ".") else f"{section}.{exc.field}"
            raise FileFormatError(f"{where}: {exc.message} (found {_short(exc.value)})", path) from None
        except DataError as exc:
            raise FileFormatError(f"{section}: {exc}", path) from None
        except (TypeError, ValueError, KeyError) as exc:  # a wrong type no validator named
            raise FileFormatError(f"{section}: invalid content ({exc})", path) from None
    network, training, data = built["network"], built["training"], built["data"]
    state = doc.get("state", {})
    if not isinstance(state, dict):
        raise FileFormatError("'state' must be an object", path)
    extra = {k: v for k, v in doc.items() if k not in ("format", "format_version", "network", "training", "data", "state")}
    return Experiment(network, training, data, dict(state), extra)


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def load_experiment(path: str | os.PathLike) -> Experiment:
    return experiment_from_dict(read_json(path), path)


def save_experiment(path: str | os.PathLike, exp: Experiment) -> None:
    write_atomic(path, dumps(experiment_to_dict(exp)))
