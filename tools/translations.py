"""Keep Neurona's translations up to date (Qt Linguist workflow, see docs/translations.md).

    python tools/translations.py update          # lupdate: gui/**/*.py → resources/translations/neurona_es.ts
    python tools/translations.py fill FILE.json  # put translations from a JSON list into the .ts
    python tools/translations.py release         # lrelease: neurona_es.ts → neurona_es.qm (shipped)
    python tools/translations.py check           # what is missing or unfinished (exit 1 if anything)
    python tools/translations.py all             # update, then release

A translator can also open ``resources/translations/neurona_es.ts`` in Qt Linguist
(``pyside6-linguist``). ``fill`` takes ``[{"context": …, "source": …, "translation": …}, …]``.
The .ts keeps no line numbers (``-locations none``), so it only changes when texts do.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("es",)


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` next to this Python, else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (uv sync)")
    return found


def sources() -> list[str]:
    """Every Python file of the window, as paths relative to the repository (sorted)."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"neurona_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"neurona_{lang}.qm"


def run_lupdate(target: Path, lang: str) -> str:
    result = subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
         "-target-language", lang, "-ts", str(target)],
        cwd=ROOT, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"lupdate failed:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def run_lrelease(ts: Path, qm: Path) -> None:
    result = subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"lrelease failed:\n{result.stdout}{result.stderr}")


def messages(ts: Path) -> dict[tuple[str, str, str], tuple[str, bool]]:
    """(context, source, comment) → (translation, finished) for every message of a .ts."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            tr = message.find("translation")
            text = (tr.text or "") if tr is not None else ""
            finished = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete") and bool(text)
            found[(name, source, comment)] = (text, finished)
    return found


def problems(lang: str) -> list[str]:
    """Texts in the code that the committed .ts lacks or leaves untranslated."""
    committed = messages(ts_path(lang)) if ts_path(lang).exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        run_lupdate(fresh, lang)
        wanted = messages(fresh)
    out = []
    for key in sorted(wanted):
        context, source, comment = key
        where = f"[{context}] {source!r}" + (f" ({comment})" if comment else "")
        if key not in committed:
            out.append(f"not in {ts_path(lang).name} (run: python tools/translations.py update): {where}")
        elif not committed[key][1]:
            out.append(f"no {lang} translation: {where}")
    return out


def fill(lang: str, files: list[Path]) -> None:
    """Put the translations of the JSON files into the .ts (matching context and source)."""
    entries = {}
    for file in files:
        for item in json.loads(file.read_text(encoding="utf-8")):
            entries[(item["context"], item["source"])] = item["translation"]
    tree = ET.parse(ts_path(lang))
    used, changed = set(), 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            if key in entries:
                tr = message.find("translation")
                if tr is None:
                    tr = ET.SubElement(message, "translation")
                if tr.text != entries[key] or tr.get("type"):
                    tr.text = entries[key]
                    tr.attrib.pop("type", None)
                    changed += 1
                used.add(key)
    unused = sorted(set(entries) - used)
    with open(ts_path(lang), "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    run_lupdate(ts_path(lang), lang)  # back to lupdate's own layout
    print(f"{changed} translations filled in {ts_path(lang).name}")
    for context, source in unused:
        print(f"  not in the code (skipped): [{context}] {source!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["update", "fill", "release", "check", "all"])
    parser.add_argument("files", nargs="*", type=Path, help="JSON files for fill")
    parser.add_argument("--lang", default="es", choices=LANGUAGES)
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if args.command in ("update", "all"):
        print(run_lupdate(ts_path(args.lang), args.lang).strip())
    if args.command == "fill":
        fill(args.lang, args.files)
    if args.command in ("release", "all"):
        run_lrelease(ts_path(args.lang), qm_path(args.lang))
        print(f"wrote {qm_path(args.lang).relative_to(ROOT)}")
    if args.command == "check":
        found = problems(args.lang)
        for line in found:
            print(line)
        print(f"{len(found)} problem(s)")
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
