"""The course examples shipped in ``resources/examples/`` (File › Examples).

``resources/examples/index.json`` lists them in course order::

    {
     "format": "neurona-examples",
     "version": 1,
     "examples": [
      {"file": "01-mcculloch-pitts-and.neurona",
       "title": {"en": "…", "es": "…"},
       "description": {"en": "one line", "es": "una línea"}},
      …
     ]
    }

:func:`list_examples` reads and validates it (a bad index raises
:class:`~engine.io.FileFormatError`); :func:`example_path` finds one example's file and
:func:`load_example` loads it as an :class:`~engine.io.Experiment`. The files themselves
are built by ``tools/make_examples.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .io import Experiment, FileFormatError, load_experiment, localized, read_json

#: resources/examples next to the engine package (as gui/icons.py finds resources/icons)
EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "resources" / "examples"
INDEX_NAME = "index.json"
INDEX_FORMAT = "neurona-examples"
INDEX_VERSION = 1
#: plain file names only: nothing in the index can point outside the examples folder
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.neurona$")


@dataclass(frozen=True)
class ExampleInfo:
    """One entry of the index: the file name and its title and one-line description by language."""

    file: str
    title: dict[str, str]
    description: dict[str, str]
    directory: Path = EXAMPLES_DIR

    @property
    def name(self) -> str:
        """The file name without ``.neurona``, e.g. ``"07-xor-backprop"``."""
        return self.file.removesuffix(".neurona")

    @property
    def path(self) -> Path:
        return self.directory / self.file

    def title_in(self, language: str = "en") -> str:
        return localized(self.title, language)

    def description_in(self, language: str = "en") -> str:
        return localized(self.description, language)

    def load(self) -> Experiment:
        return load_experiment(self.path)


def _texts(value, where: str, index: Path) -> dict[str, str]:
    if (
        not isinstance(value, dict)
        or not value
        or not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items())
    ):
        raise FileFormatError("must be texts by language, e.g. {\"en\": …, \"es\": …}", index, where)
    for lang in ("en", "es"):
        if lang not in value:
            raise FileFormatError(f"the {lang!r} text is missing", index, where)
    return dict(value)


def list_examples(directory: str | Path | None = None) -> list[ExampleInfo]:
    """The examples in course order, from ``directory/index.json`` (default: the shipped ones).

    Every entry needs a plain ``.neurona`` file name that exists in the folder, and a title
    and description in English and Spanish; anything else raises FileFormatError.
    """
    folder = EXAMPLES_DIR if directory is None else Path(directory)
    index = folder / INDEX_NAME
    doc = read_json(index)
    if doc.get("format") != INDEX_FORMAT:
        raise FileFormatError(f"is not an examples index (format must be {INDEX_FORMAT!r})", index, "format")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= INDEX_VERSION:
        raise FileFormatError(f"unknown index version {version!r}", index, "version")
    entries = doc.get("examples")
    if not isinstance(entries, list):
        raise FileFormatError("must be a list", index, "examples")
    out, seen = [], set()
    for k, entry in enumerate(entries):
        where = f"examples[{k}]"
        if not isinstance(entry, dict):
            raise FileFormatError("must be an object", index, where)
        file = entry.get("file")
        if not isinstance(file, str) or not _FILE_NAME.match(file):
            raise FileFormatError(f"must be a plain .neurona file name (found {file!r})", index, f"{where}.file")
        if file in seen:
            raise FileFormatError(f"{file} is listed twice", index, f"{where}.file")
        seen.add(file)
        if not (folder / file).is_file():
            raise FileFormatError(f"{file} does not exist in {folder}", index, f"{where}.file")
        title = _texts(entry.get("title"), f"{where}.title", index)
        description = _texts(entry.get("description"), f"{where}.description", index)
        out.append(ExampleInfo(file, title, description, folder))
    return out


def example_path(name: str, directory: str | Path | None = None) -> Path:
    """The file of the example ``name``: its file name, with or without ``.neurona``
    (``"07-xor-backprop"``), or its number in the course order (``"7"``, ``"07"``).

    Raises KeyError for a name the index does not list.
    """
    examples = list_examples(directory)
    wanted = str(name)
    for ex in examples:
        if wanted in (ex.file, ex.name):
            return ex.path
    if wanted.isdigit() and 1 <= int(wanted) <= len(examples):
        return examples[int(wanted) - 1].path
    raise KeyError(f"no example {name!r}; the examples are: {', '.join(ex.name for ex in examples)}")


def load_example(name: str, directory: str | Path | None = None) -> Experiment:
    """Load the example ``name`` (see :func:`example_path`)."""
    return load_experiment(example_path(name, directory))
