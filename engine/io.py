"""Network files: a whole experiment as one JSON document, read safely, written atomically.

A ``.neurona`` document (``docs/file-format.md`` describes every field; a JSON Schema is in
``resources/neurona.schema.json``) is a JSON object whose top-level keys are written in
this order::

    {
     "format": "neurona",
     "format_version": 1,
     "meta":     {...}   # optional: title, description ({"en": …, "es": …}), lesson
     "network":  {...}   # engine.network.Network.to_dict(): features, layers, weights, masks
     "training": {...}   # engine.training.TrainingConfig.to_dict()
     "data":     {...}   # engine.datasets.dataset_to_dict(): generator settings or points
     "state":    {...}   # epoch and the last train/test loss and accuracy (null = unknown)
     "canvas":   {...}   # optional: the canvas positions (gui.document.Document.layout_dict())
     "view":     {...}   # optional: zoom and centre of the canvas
     ...                 # anything else is kept as it is, after these
    }

Loading never executes anything: ``json`` parses, every name goes through a registry
(activations, optimizers, losses, data generators, features), and every size is checked
before anything is allocated. Every problem — not JSON, truncated, too large, too deeply
nested, an unknown future version, a wrong type, a missing field, an absurd size, a
non-finite number, weights that do not fit the topology — raises one
:class:`FileFormatError` naming the file, the JSON path (``network.weights[1][0][2]``) and
the problem. Older versions are upgraded by :data:`MIGRATIONS`.

Writing (:func:`dumps`) is deterministic: fixed key order, floats as Python's shortest
repr (so they round-trip exactly), one space of indentation per level and the innermost
lists of numbers on one line, so save → load → save gives identical bytes and files diff
cleanly. :func:`write_atomic` writes a temporary file in the same folder, flushes and
fsyncs it, then ``os.replace``\\ s it over the target: a crash or a full disk leaves the
old file intact.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np

from .activations import ACTIVATION_NAMES, MAXOUT
from .datasets import GENERATORS, MAX_POINTS, Dataset, dataset_from_dict, dataset_to_dict
from .errors import ConfigError, DataError, NeuronaError
from .features import FEATURE_NAMES
from .network import INITIALIZERS, MAX_LAYERS, MAX_NEURONS, MAX_PIECES, Network
from .training import TrainingConfig

FORMAT = "neurona"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
#: deepest nesting of lists and objects accepted (a document needs about 7)
MAX_DEPTH = 64
#: weights and biases in one network (any network of ≤ 32 layers of ≤ 256 plain neurons fits)
MAX_PARAMETERS = 2_500_000
#: largest magnitude of a whole number anywhere in a document
MAX_INT = 2**64
#: longest title, description or lesson text, in characters
MAX_TEXT = 100_000
#: order of the top-level keys when writing; other keys follow in their own order
TOP_LEVEL_KEYS = ("format", "format_version", "meta", "network", "training", "data", "state", "canvas", "view")
STATE_KEYS = ("epoch", "train_loss", "test_loss", "train_acc", "test_acc")
NETWORK_KEYS = ("features", "layers", "init", "weights", "biases", "removed", "frozen_weights", "frozen_biases")
LAYER_KEYS = ("size", "activation", "alpha", "pieces", "dropout")
META_KEYS = ("title", "description", "lesson")
TRAINING_KEYS = tuple(f.name for f in fields(TrainingConfig))
POINTS_KEYS = ("name", "kind", "n_classes", "class_names", "extent", "x_train", "y_train", "x_test", "y_test")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class FileFormatError(NeuronaError):
    """A file that cannot be used; the message names the file, the JSON path and the problem.

    ``path`` is the file (or None), ``where`` the JSON path (or None) and ``message`` the
    text without the file name, e.g. ``"network.layers[1].size: must be between 1 and 256"``.
    """

    def __init__(self, message: str, path: str | os.PathLike | None = None, where: str | None = None):
        self.path = None if path is None else str(path)
        self.where = where
        self.message = f"{where}: {message}" if where else message
        super().__init__(f"{Path(path).name}: {self.message}" if path is not None else self.message)


class _Problem(FileFormatError):
    """Raised by the validators below with a JSON path; the boundary adds the file name."""

    def __init__(self, where: str, message: str):
        super().__init__(message, None, where)
        self.problem = message


# ---------------------------------------------------------------------- the experiment


@dataclass
class Experiment:
    """Everything a document describes, built and validated.

    ``extra`` holds the document's other top-level entries untouched — ``meta``,
    ``canvas``, ``view`` and any key this version does not know — so whatever rebuilds an
    Experiment from ``network, training, data, state, extra`` (as the CLI does) keeps
    them. ``meta``, ``canvas`` and ``view`` are also available as properties.
    """

    network: Network
    training: TrainingConfig
    data: Dataset
    state: dict = field(default_factory=dict)
    #: the document's other top-level entries (meta, canvas, view, unknown keys), untouched
    extra: dict = field(default_factory=dict)

    def _get(self, key: str) -> dict | None:
        value = self.extra.get(key)
        return value if isinstance(value, dict) else None

    def _set(self, key: str, value: dict | None) -> None:
        if value is None:
            self.extra.pop(key, None)
        else:
            self.extra[key] = value

    @property
    def meta(self) -> dict | None:
        """``{"title": …, "description": …, "lesson": …}`` or None; texts may be localized."""
        return self._get("meta")

    @meta.setter
    def meta(self, value: dict | None) -> None:
        self._set("meta", value)

    @property
    def canvas(self) -> dict | None:
        """``{"columns": [x per column], "units": [[y per unit] per column]}`` or None."""
        return self._get("canvas")

    @canvas.setter
    def canvas(self, value: dict | None) -> None:
        self._set("canvas", value)

    @property
    def view(self) -> dict | None:
        """``{"zoom": z, "center": [x, y]}`` or None."""
        return self._get("view")

    @view.setter
    def view(self, value: dict | None) -> None:
        self._set("view", value)

    def title(self, language: str = "en") -> str:
        return localized((self.meta or {}).get("title"), language)

    def description(self, language: str = "en") -> str:
        return localized((self.meta or {}).get("description"), language)


def localized(text, language: str = "en") -> str:
    """The ``language`` version of a text that is a string or ``{"en": …, "es": …}``.

    Falls back to the base language (``es`` for ``es-AR``), then English, then the first
    entry; anything else gives "".
    """
    if isinstance(text, str):
        return text
    if isinstance(text, Mapping) and text:
        for key in (language, language.split("-")[0], "en"):
            if isinstance(text.get(key), str):
                return text[key]
        first = next(iter(text.values()))
        return first if isinstance(first, str) else ""
    return ""


# ---------------------------------------------------------------------- reading


def read_json(path: str | os.PathLike) -> dict:
    """Parse a JSON object from ``path`` with a size limit and clear errors.

    The size is checked before reading, and at most ``MAX_FILE_BYTES + 1`` bytes are
    ever read (a file that grows meanwhile is caught too).
    """
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise FileFormatError(_too_large(size), p)
            raw = fh.read(MAX_FILE_BYTES + 1)
    except FileFormatError:
        raise
    except FileNotFoundError:
        raise FileFormatError("no such file", p) from None
    except IsADirectoryError:
        raise FileFormatError("is a folder, not a file", p) from None
    except OSError as exc:
        if p.is_dir():
            raise FileFormatError("is a folder, not a file", p) from None
        raise FileFormatError(f"cannot be read ({exc.strerror or exc})", p) from None
    if len(raw) > MAX_FILE_BYTES:
        raise FileFormatError(_too_large(len(raw)), p)
    return parse_json(raw, p)


def _too_large(size: int) -> str:
    return f"the file is {size / 2**20:.1f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB"


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows (write a number or null)")


def parse_json(raw: bytes | str, path=None) -> dict:
    """Parse JSON text (bytes are UTF-8, a BOM is allowed) holding an object."""
    if isinstance(raw, (bytes, bytearray)):
        if len(raw) > MAX_FILE_BYTES:
            raise FileFormatError(_too_large(len(raw)), path)
        data = bytes(raw)
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        try:  # (not the "utf-8-sig" codec: importing it costs a start-up with a file 4 ms)
            raw = data[bom:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FileFormatError(f"is not UTF-8 text (byte {exc.start + bom})", path) from None
    if not isinstance(raw, str):
        raise FileFormatError("must be JSON text", path)
    if not raw.strip():
        raise FileFormatError("is empty", path)
    try:
        obj = json.loads(raw, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        hint = " — the file ends too early (truncated?)" if exc.pos >= len(raw.rstrip()) else ""
        raise FileFormatError(f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}{hint}", path) from None
    except RecursionError:
        raise FileFormatError(f"is not valid JSON: nested too deeply (the limit is {MAX_DEPTH} levels)", path) from None
    except (ValueError, MemoryError) as exc:  # NaN/Infinity literals, integers of > 4300 digits
        raise FileFormatError(f"is not valid JSON: {_short_text(str(exc))}", path) from None
    if not isinstance(obj, dict):
        raise FileFormatError("must hold a JSON object at the top level", path)
    return obj


# ---------------------------------------------------------------------- writing


def dumps(doc: dict) -> str:
    """Stable text for a document.

    One space of indentation per level; a list whose items are all numbers, strings,
    booleans or null goes on one line (a weight row, a point, a bias vector), and so does
    an object of such values inside a list (a layer's settings); floats are
    written as Python's shortest repr, which reads back as the same float; NaN and
    infinities are refused (``ValueError``). Key order is the dict's order: pass documents
    made by :func:`experiment_to_dict` for the canonical order.
    """
    out: list[str] = []
    _write(doc, 0, out)
    out.append("\n")
    return "".join(out)


def _scalar(value) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return int.__repr__(int(value))
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be written: JSON has no NaN or infinity")
        return float.__repr__(value)
    if isinstance(value, np.bool_):
        return "true" if value else "false"
    raise TypeError(f"{type(value).__name__} cannot be written to a document")


def _write(value, level: int, out: list[str]) -> None:
    if isinstance(value, Mapping):
        if not value:
            out.append("{}")
            return
        pad = "\n" + " " * (level + 1)
        sep = "{"
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"document keys must be text, not {type(key).__name__}")
            out.append(sep + pad + json.dumps(key, ensure_ascii=False) + ": ")
            _write(item, level + 1, out)
            sep = ","
        out.append("\n" + " " * level + "}")
    elif isinstance(value, (list, tuple, np.ndarray)):
        if isinstance(value, np.ndarray):
            value = value.tolist()
        if not value:
            out.append("[]")
            return
        if all(type(v) is float for v in value):  # the common case: fast and exact
            reprs = list(map(float.__repr__, value))
            if any(r in ("nan", "inf", "-inf") for r in reprs):
                raise ValueError("NaN or infinity cannot be written: JSON has no such numbers")
            out.append("[" + ", ".join(reprs) + "]")
            return
        if not any(isinstance(v, (Mapping, list, tuple, np.ndarray)) for v in value):
            out.append("[" + ", ".join(map(_scalar, value)) + "]")
            return
        pad = "\n" + " " * (level + 1)
        sep = "["
        for item in value:
            out.append(sep + pad)
            if isinstance(item, Mapping) and item and not any(
                isinstance(v, (Mapping, list, tuple, np.ndarray)) for v in item.values()
            ):  # a flat object in a list (a layer's settings) goes on one line
                if not all(isinstance(k, str) for k in item):
                    raise TypeError("document keys must be text")
                out.append("{" + ", ".join(json.dumps(k, ensure_ascii=False) + ": " + _scalar(v) for k, v in item.items()) + "}")
            else:
                _write(item, level + 1, out)
            sep = ","
        out.append("\n" + " " * level + "]")
    else:
        out.append(_scalar(value))


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: read once (reading the umask means setting it, which is not thread-safe later on)
_UMASK = _current_umask()


def _chmod(fd: int, tmp: str, mode: int) -> None:
    """mkstemp makes a private (0600) file; give it the mode the saved file should have."""
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        else:  # Windows: only the read-only flag exists
            os.chmod(tmp, mode)
    except OSError:
        pass


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` so that either the old or the new file exists whole.

    The text goes to a temporary file in the same folder, which is flushed, fsynced and
    then renamed over ``path`` with ``os.replace``; on any failure the temporary file is
    removed, the old file is untouched and the error (an ``OSError``) propagates.
    """
    p = Path(path)
    data = text.encode("utf-8")
    try:  # keep the permissions of the file being replaced; a new file gets the usual ones
        mode = stat.S_IMODE(os.stat(p).st_mode)
    except OSError:
        mode = 0o666 & ~_UMASK
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent or ".")
    try:
        _chmod(fd, tmp, mode)
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
    """The document for ``exp``, top-level keys in :data:`TOP_LEVEL_KEYS` order."""
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
    ordered = {key: doc.pop(key) for key in TOP_LEVEL_KEYS if key in doc}
    ordered.update(doc)
    return ordered


def _clean_state(state: dict) -> dict:
    """The five summary keys first (null when unknown or not finite), then any others."""
    state = state if isinstance(state, dict) else {}
    out = {}
    for key in STATE_KEYS:
        value = state.get(key)
        if isinstance(value, (float, np.floating)):
            value = float(value) if math.isfinite(value) else None
        elif isinstance(value, np.integer):
            value = int(value)
        out[key] = value
    if not isinstance(out["epoch"], int) or isinstance(out["epoch"], bool) or out["epoch"] < 0:
        out["epoch"] = 0
    for key, value in state.items():
        if key not in out:
            out[key] = None if isinstance(value, float) and not math.isfinite(value) else value
    return out


# ---------------------------------------------------------------------- versions


def _default_data_for(network) -> dict:
    """Data that fit a network of unknown purpose: Playground's circle, or blobs for C outputs."""
    n_out = 1
    layers = network.get("layers") if isinstance(network, dict) else None
    if isinstance(layers, list) and layers:
        last = layers[-1]
        size = last.get("size") if isinstance(last, dict) else last
        if isinstance(size, int) and not isinstance(size, bool):
            n_out = size
    if 2 <= n_out <= 8:
        return {"source": "generator", "params": {"generator": "blobs", "n_classes": n_out}}
    return {"source": "generator", "params": {"generator": "circle", "noise": 0.0, "train_ratio": 0.5, "seed": 0}}


def _migrate_0_to_1(doc: dict) -> dict:
    """Version 0 is a bare engine network, ``Network.to_dict()`` as it is.

    It is recognised by having no ``format_version`` but ``features`` and ``layers``
    (files saved by engine scripts before documents existed). It becomes the ``network``
    section of a version 1 document with the default training settings and, as data,
    Playground's circle (or blobs with one class per output neuron when the output layer
    has 2 to 8 neurons).
    """
    body = {k: v for k, v in doc.items() if k not in ("format", "format_version")}
    if "network" in body:  # "format_version": 0 written on a sectioned document: fill the gaps
        network = body["network"]
        body.setdefault("training", TrainingConfig().to_dict())
        body.setdefault("data", _default_data_for(network))
        return {"format": FORMAT, "format_version": 1, **body}
    return {
        "format": FORMAT,
        "format_version": 1,
        "network": body,
        "training": TrainingConfig().to_dict(),
        "data": _default_data_for(body),
    }


#: ``MIGRATIONS[v]`` turns a version-v document into a version v + 1 one; documents are
#: upgraded one step at a time up to FORMAT_VERSION. A new version adds one entry here.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _migrate_0_to_1}


def document_version(doc: dict) -> int:
    """The format version of a parsed document (0 for a bare network); FileFormatError if
    it has none, a wrong one or one newer than this Neurona reads."""
    if "format_version" not in doc:
        if "format" not in doc and "features" in doc and "layers" in doc:
            return 0
        raise _Problem("format_version", "missing: this is not a Neurona document")
    version = doc["format_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise _Problem("format_version", f"must be a whole number (found {_short(version)})")
    if version > FORMAT_VERSION:
        raise _Problem(
            "format_version",
            f"the file was written by a newer Neurona (format version {version}; this one reads up to "
            f"{FORMAT_VERSION}): update Neurona to open it",
        )
    if version < 0:
        raise _Problem("format_version", f"{version} is not a valid version")
    return version


def migrate(doc: dict) -> dict:
    """``doc`` upgraded to :data:`FORMAT_VERSION` (the same object when already current)."""
    version = document_version(doc)
    while version < FORMAT_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
    return doc


# ---------------------------------------------------------------------- validation helpers


def _join(where: str, key) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    key = str(key)
    if not _IDENTIFIER.match(key):
        key = json.dumps(key, ensure_ascii=False)
        return f"{where}[{key}]" if where else f"[{key}]"
    return f"{where}.{key}" if where else key


def _short(value) -> str:
    if isinstance(value, (dict, list)):
        n = len(value)
        kind = "an object" if isinstance(value, dict) else "a list"
        text = json.dumps(value, ensure_ascii=False, default=str) if n <= 8 else ""
        if text and len(text) <= 60:
            return text
        return f"{kind} of {n} {'entries' if isinstance(value, dict) else 'items'}"
    if isinstance(value, str):
        return _short_text(json.dumps(value[:80], ensure_ascii=False))
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15:
        return f"a {len(str(abs(value)))}-digit number"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return _short_text(repr(value))


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _deep(where: str) -> _Problem:
    if len(where) > 60:  # the path of a deep node is long and says little past its start
        where = where[:60] + "…"
    return _Problem(where or "(top)", f"nested too deeply (the limit is {MAX_DEPTH} levels)")


def _short_text(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def json_type_name(value) -> str:
    """How a JSON value's type is named in messages ("a number", "text", "a list"…)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _check_tree(doc) -> None:
    """One pass over everything: nesting depth, finite numbers, sane whole numbers.

    Iterative (no recursion), so a deep document cannot overflow the stack; paths are
    only built for containers, so a file of a million weights is checked in a moment.
    The first problem found is reported with its JSON path.
    """
    stack = [(doc, "", 1)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _deep(where)
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            kind = type(item)
            if kind is float:
                if not math.isfinite(item):
                    at = _join(where, key)
                    if math.isnan(item):
                        raise _Problem(at, "must be a finite number (found NaN)")
                    raise _Problem(at, "must be a finite number (this one is too large for a float)")
            elif kind is int:
                if not -MAX_INT <= item <= MAX_INT:
                    raise _Problem(_join(where, key), f"the number is too large ({_short(item)})")
            elif isinstance(item, (dict, list, tuple)):
                stack.append((item, _join(where, key), depth + 1))


def _obj(value, where: str, keys: tuple[str, ...] | None = None, required: tuple[str, ...] = ()) -> dict:
    if not isinstance(value, dict):
        raise _Problem(where, f"must be an object (found {json_type_name(value)})")
    if keys is not None:
        for key in value:
            if key not in keys:
                raise _Problem(_join(where, key), f"unknown key (the keys here are: {', '.join(keys)})")
    for key in required:
        if key not in value:
            raise _Problem(_join(where, key), "missing")
    return value


def _list(value, where: str, lo: int = 0, hi: int | None = None, what: str = "items") -> list:
    if not isinstance(value, list):
        raise _Problem(where, f"must be a list (found {json_type_name(value)})")
    if len(value) < lo:
        raise _Problem(where, f"needs at least {_count(lo, what.removesuffix('s'))} (found {len(value)})")
    if hi is not None and len(value) > hi:
        raise _Problem(where, f"too many {what}: {len(value)} (at most {hi})")
    return value


def _int(value, where: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Problem(where, f"must be a whole number (found {_short(value)})")
    if not lo <= value <= hi:
        raise _Problem(where, f"must be between {lo} and {hi} (found {_short(value)})")
    return value


def _num(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Problem(where, f"must be a number (found {_short(value)})")
    number = float(value)
    if not math.isfinite(number):
        raise _Problem(where, "must be a finite number")
    return number


def _name(value, where: str, choices, what: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise _Problem(where, f"unknown {what} {_short(value)}; choose one of: {', '.join(choices)}")
    return value


def _text(value, where: str) -> None:
    """A text, or localized texts ``{"en": …, "es": …}``."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise _Problem(where, f"too long ({len(value)} characters; at most {MAX_TEXT})")
        return
    if not isinstance(value, dict):
        raise _Problem(where, f'must be text or an object of texts by language, e.g. {{"en": …, "es": …}} (found {json_type_name(value)})')
    if not value:
        raise _Problem(where, "needs at least one language")
    for lang, item in value.items():
        if not _LANGUAGE.match(lang):
            raise _Problem(_join(where, lang), "is not a language code such as en, es or pt-BR")
        if not isinstance(item, str):
            raise _Problem(_join(where, lang), f"must be text (found {json_type_name(item)})")
        if len(item) > MAX_TEXT:
            raise _Problem(_join(where, lang), f"too long ({len(item)} characters; at most {MAX_TEXT})")


# ---------------------------------------------------------------------- sections


def _check_meta(meta) -> None:
    _obj(meta, "meta")
    for key, value in meta.items():
        if key in META_KEYS:
            _text(value, _join("meta", key))


def _layer_shapes(d: dict) -> list[tuple[int, int, int]]:
    """Check features and layers; return (n_in, n_out, pieces) per layer, before any allocation."""
    features = _list(d["features"], "network.features", 1, len(FEATURE_NAMES), "features")
    seen = set()
    for k, name in enumerate(features):
        _name(name, f"network.features[{k}]", FEATURE_NAMES, "feature")
        if name in seen:
            raise _Problem(f"network.features[{k}]", f"{name!r} is chosen twice")
        seen.add(name)
    layers = _list(d["layers"], "network.layers", 1, MAX_LAYERS, "layers")
    shapes = []
    n_in = len(features)
    for k, spec in enumerate(layers):
        where = f"network.layers[{k}]"
        if isinstance(spec, dict):
            _obj(spec, where, LAYER_KEYS, ("size",))
            size = _int(spec["size"], f"{where}.size", 1, MAX_NEURONS)
            activation = _name(spec.get("activation", "tanh"), f"{where}.activation", ACTIVATION_NAMES, "activation")
            pieces = _int(spec.get("pieces", 2), f"{where}.pieces", 2, MAX_PIECES) if activation == MAXOUT else 1
            if spec.get("alpha") is not None:
                _num(spec["alpha"], f"{where}.alpha")
            if "dropout" in spec:
                rate = _num(spec["dropout"], f"{where}.dropout")
                if not 0.0 <= rate < 1.0:
                    raise _Problem(f"{where}.dropout", f"must be at least 0 and less than 1 (found {_short(spec['dropout'])})")
        elif isinstance(spec, int) and not isinstance(spec, bool):
            size, pieces = _int(spec, where, 1, MAX_NEURONS), 1
        else:
            raise _Problem(where, f"a layer is a size or an object of settings (found {json_type_name(spec)})")
        shapes.append((n_in, size, pieces))
        n_in = size
    total = sum((n_in + 1) * n_out * k for n_in, n_out, k in shapes)
    if total > MAX_PARAMETERS:
        raise _Problem("network.layers", f"{total} weights and biases are too many (at most {MAX_PARAMETERS})")
    return shapes


def _check_network(d) -> None:
    _obj(d, "network", NETWORK_KEYS, ("features", "layers"))
    shapes = _layer_shapes(d)
    if "init" in d:
        init = _obj(d["init"], "network.init", ("method", "seed"))
        if "method" in init:
            _name(init["method"], "network.init.method", INITIALIZERS, "initializer")
        if "seed" in init:
            _int(init["seed"], "network.init.seed", 0, 2**63 - 1)
    if ("weights" in d) != ("biases" in d):
        missing = "biases" if "weights" in d else "weights"
        raise _Problem(f"network.{missing}", "missing: weights and biases are given together (or both left out)")
    if "weights" in d:
        weights = _list(d["weights"], "network.weights")
        biases = _list(d["biases"], "network.biases")
        for key, value in (("weights", weights), ("biases", biases)):
            if len(value) != len(shapes):
                raise _Problem(f"network.{key}", f"expected one entry per layer ({len(shapes)}), found {len(value)}")
        for k, (n_in, n_out, pieces) in enumerate(shapes):
            shape = (n_in, n_out) + ((pieces,) if pieces > 1 else ())
            _check_array(weights[k], shape, f"network.weights[{k}]")
            _check_array(biases[k], shape[1:], f"network.biases[{k}]")
    for key, width in (("removed", 3), ("frozen_weights", 3), ("frozen_biases", 2)):
        if key not in d:
            continue
        items = _list(d[key], f"network.{key}", 0, MAX_PARAMETERS)
        for k, item in enumerate(items):
            where = f"network.{key}[{k}]"
            what = "[layer, i, j]" if width == 3 else "[layer, j]"
            if not isinstance(item, list) or len(item) != width or not all(
                isinstance(v, int) and not isinstance(v, bool) for v in item
            ):
                raise _Problem(where, f"must be {what}: {width} whole numbers (found {_short(item)})")
            layer = item[0]
            if not 0 <= layer < len(shapes):
                raise _Problem(where, f"layer {layer} does not exist (the layers are 0..{len(shapes) - 1})")
            n_in, n_out, _ = shapes[layer]
            if width == 3 and not 0 <= item[1] < n_in:
                raise _Problem(where, f"input {item[1]} does not exist (layer {layer} has inputs 0..{n_in - 1})")
            if not 0 <= item[-1] < n_out:
                raise _Problem(where, f"neuron {item[-1]} does not exist (layer {layer} has neurons 0..{n_out - 1})")


def _check_array(value, shape: tuple[int, ...], where: str) -> None:
    """A nested list of exactly ``shape`` holding numbers (iterative; sizes before content)."""
    last = len(shape) - 1
    stack = [(value, 0, where)]
    while stack:
        item, dim, at = stack.pop()
        if not isinstance(item, list):
            what = "number" if dim == last else "list"
            raise _Problem(at, f"must be a list of {_count(shape[dim], what)} (found {json_type_name(item)})")
        if len(item) != shape[dim]:
            n = shape[dim]
            raise _Problem(at, f"must have {n} {'entry' if n == 1 else 'entries'} to fit the topology (found {len(item)})")
        if dim < last:
            stack.extend((item[k], dim + 1, f"{at}[{k}]") for k in range(len(item) - 1, -1, -1))
            continue
        for k, number in enumerate(item):  # the innermost list: numbers (finite: _check_tree)
            if type(number) is not float and (type(number) is not int):
                raise _Problem(f"{at}[{k}]", f"must be a number (found {_short(number)})")
            if not math.isfinite(number):
                raise _Problem(f"{at}[{k}]", "must be a finite number")


def _check_training(d) -> None:
    _obj(d, "training", TRAINING_KEYS)
    if "optimizer_params" in d:
        params = _obj(d["optimizer_params"], "training.optimizer_params")
        for key, value in params.items():
            _num(value, _join("training.optimizer_params", key))


def _check_points(value, where: str, allow_empty: bool) -> int:
    points = _list(value, where, 0 if allow_empty else 1, MAX_POINTS, "points")
    for k, p in enumerate(points):
        if not isinstance(p, list) or len(p) != 2:
            raise _Problem(f"{where}[{k}]", f"must be a point [x1, x2] (found {_short(p)})")
        _num(p[0], f"{where}[{k}][0]")
        _num(p[1], f"{where}[{k}][1]")
    return len(points)


def _check_data(d) -> None:
    _obj(d, "data", None, ("source",))
    source = d["source"]
    if source == "generator":
        _obj(d, "data", ("source", "params"), ("params",))
        params = _obj(d["params"], "data.params", None, ("generator",))
        name = _name(params["generator"], "data.params.generator", tuple(GENERATORS), "data set")
        allowed = ("generator", "n_points", "noise", "train_ratio", "seed", *GENERATORS[name].extras)
        _obj(params, "data.params", allowed)
    elif source == "points":
        _obj(d, "data", ("source", "points"), ("points",))
        pts = _obj(d["points"], "data.points", POINTS_KEYS, ("kind", "x_train", "y_train"))
        n_train = _check_points(pts["x_train"], "data.points.x_train", False)
        n_test = _check_points(pts.get("x_test", []), "data.points.x_test", True)
        if n_train + n_test > MAX_POINTS:
            raise _Problem("data.points", f"{n_train + n_test} points are too many (at most {MAX_POINTS})")
        for key, n in (("y_train", n_train), ("y_test", n_test)):
            labels = _list(pts.get(key, []), f"data.points.{key}")
            if len(labels) != n:
                raise _Problem(f"data.points.{key}", f"has {len(labels)} values for {n} points")
            for k, v in enumerate(labels):
                _num(v, f"data.points.{key}[{k}]")
    else:
        raise _Problem("data.source", f"must be \"generator\" or \"points\" (found {_short(source)})")


def _check_state(state) -> None:
    _obj(state, "state")
    epoch = state.get("epoch")
    if epoch is not None:
        _int(epoch, "state.epoch", 0, 10**15)
    for key in STATE_KEYS[1:]:
        value = state.get(key)
        if value is None:
            continue
        number = _num(value, f"state.{key}")
        if key.endswith("_acc") and not 0.0 <= number <= 1.0:
            raise _Problem(f"state.{key}", f"an accuracy is between 0 and 1 (found {_short(value)})")


def _check_canvas(canvas) -> None:
    _obj(canvas, "canvas")
    if "columns" in canvas:
        for k, x in enumerate(_list(canvas["columns"], "canvas.columns", 0, MAX_LAYERS + 1, "columns")):
            _num(x, f"canvas.columns[{k}]")
    if "units" in canvas:
        for c, ys in enumerate(_list(canvas["units"], "canvas.units", 0, MAX_LAYERS + 1, "columns")):
            for k, y in enumerate(_list(ys, f"canvas.units[{c}]", 0, MAX_NEURONS, "units")):
                _num(y, f"canvas.units[{c}][{k}]")


def _check_view(view) -> None:
    _obj(view, "view")
    if "zoom" in view:
        if _num(view["zoom"], "view.zoom") <= 0:
            raise _Problem("view.zoom", f"must be greater than 0 (found {_short(view['zoom'])})")
    if "center" in view:
        center = view["center"]
        if not isinstance(center, list) or len(center) != 2:
            raise _Problem("view.center", f"must be a point [x, y] (found {_short(center)})")
        _num(center[0], "view.center[0]")
        _num(center[1], "view.center[1]")


# ---------------------------------------------------------------------- building


def _config_where(section: str, exc: ConfigError) -> str:
    """The JSON path of an engine ConfigError raised while building ``section``."""
    f = exc.field
    if f.startswith(section + ".") or f == section:
        return f
    if section == "network":
        if f in ("init", "seed"):
            return "network.init.method" if f == "init" else "network.init.seed"
        return f"network.{f}"
    if section == "training":
        if f.startswith("optimizer."):
            return f"training.optimizer_params.{f.split('.', 1)[1]}"
        return f"training.{f}"
    if section == "data":
        if f in ("dataset",):
            return "data"
        if f in ("points", "source", "params") or f.startswith("params."):
            return f"data.{f}"
        return f"data.points.{f}"
    return f"{section}.{f}"


def _build(section: str, build, value, path):
    try:
        return build(value)
    except ConfigError as exc:
        raise FileFormatError(f"{exc.message} (found {_short(exc.value)})", path, _config_where(section, exc)) from None
    except DataError as exc:
        text = exc.message
        field_name, sep, rest = text.partition(": ")
        if sep and section == "data" and field_name in POINTS_KEYS:
            raise FileFormatError(rest, path, f"data.points.{field_name}") from None
        raise FileFormatError(text, path, section) from None


def _network_from_dict(d: dict) -> Network:
    """``Network.from_dict`` (it sets removed/frozen flags in bulk, however many)."""
    return Network.from_dict(d)


def _experiment_from_dict(doc, path) -> Experiment:
    if not isinstance(doc, dict):
        raise FileFormatError("must hold a JSON object at the top level", path)
    _check_tree(doc)
    doc = migrate(doc)
    if doc.get("format", FORMAT) != FORMAT:
        raise _Problem("format", f"this is not a Neurona document (format {_short(doc.get('format'))})")
    for key in ("network", "training", "data"):
        if key not in doc:
            raise FileFormatError(f"the '{key}' section is missing", path)
    if "meta" in doc:
        _check_meta(doc["meta"])
    _check_network(doc["network"])
    _check_training(doc["training"])
    _check_data(doc["data"])
    state = doc.get("state", {})
    _check_state(state)
    if "canvas" in doc:
        _check_canvas(doc["canvas"])
    if "view" in doc:
        _check_view(doc["view"])
    network = _build("network", _network_from_dict, doc["network"], path)
    training = _build("training", TrainingConfig.from_dict, doc["training"], path)
    data = _build("data", dataset_from_dict, doc["data"], path)
    extra = {k: v for k, v in doc.items() if k not in ("format", "format_version", "network", "training", "data", "state")}
    return Experiment(network, training, data, _clean_state(state), extra)


#: exceptions a malformed document could still provoke somewhere deep inside; they all
#: become FileFormatError at the boundary (the validators above give better messages for
#: the common cases)
_BOUNDARY_ERRORS = (
    TypeError, ValueError, KeyError, AttributeError, IndexError, LookupError,
    ArithmeticError, RecursionError, MemoryError,
)


def experiment_from_dict(doc: dict, path=None) -> Experiment:
    """Validate, migrate and build; every problem is a FileFormatError naming where it is."""
    try:
        return _experiment_from_dict(doc, path)
    except _Problem as exc:
        raise FileFormatError(exc.problem, path, exc.where) from None
    except FileFormatError:
        raise
    except NeuronaError as exc:
        raise FileFormatError(f"invalid content: {_short_text(str(exc))}", path) from None
    except RecursionError:
        raise FileFormatError(f"nested too deeply (the limit is {MAX_DEPTH} levels)", path) from None
    except MemoryError:
        raise FileFormatError("too large to load", path) from None
    except _BOUNDARY_ERRORS as exc:
        raise FileFormatError(f"invalid content ({type(exc).__name__}: {_short_text(str(exc))})", path) from None


def experiment_from_json(raw: bytes | str, path=None) -> Experiment:
    """Parse and build a document from its text (e.g. an autosave read elsewhere)."""
    return experiment_from_dict(parse_json(raw, path), path)


def load_experiment(path: str | os.PathLike) -> Experiment:
    """Read, validate and build the document at ``path``; FileFormatError on any problem."""
    return experiment_from_dict(read_json(path), path)


def experiment_dumps(exp: Experiment) -> str:
    """The document text for ``exp`` (what :func:`save_experiment` writes)."""
    return dumps(experiment_to_dict(exp))


def save_experiment(path: str | os.PathLike, exp: Experiment) -> None:
    """Write ``exp`` to ``path`` atomically (an ``OSError`` leaves the old file intact)."""
    write_atomic(path, experiment_dumps(exp))
