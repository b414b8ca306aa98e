"""Desktop integration on Linux (XDG): ``neurona --install-desktop`` / ``--uninstall-desktop``.

Installs, for the current user only, into ``$XDG_DATA_HOME`` (``~/.local/share`` when unset):

* ``applications/neurona.desktop`` — the menu entry (from ``resources/neurona.desktop``),
  ``Exec=<the neurona launcher> %f`` so that double-clicking a ``.neurona`` file opens it;
* ``icons/hicolor/scalable/apps/neurona.svg`` and ``icons/hicolor/NxN/apps/neurona.png``
  for N in :data:`PNG_SIZES` (rendered from ``resources/neurona.svg`` with ``QSvgRenderer``),
  and the same picture as the file type's icon (``…/mimetypes/application-x-neurona.*``);
* ``mime/packages/neurona.xml`` — the ``application/x-neurona`` type, glob ``*.neurona``
  (from ``resources/neurona-mime.xml``);

then runs ``update-mime-database``, ``update-desktop-database`` and
``gtk-update-icon-cache`` where they exist (they are optional: desktops rescan anyway).
Every step is printed. Exit status: 0 done, 1 a file could not be written or removed,
2 not a platform with XDG desktops (Windows and macOS use the packaged app instead:
``packaging/README.md``).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
DESKTOP_TEMPLATE = RESOURCES / "neurona.desktop"
MIME_TEMPLATE = RESOURCES / "neurona-mime.xml"
ICON_SVG = RESOURCES / "neurona.svg"
APP_ID = "neurona"
MIME_TYPE = "application/x-neurona"
MIME_ICON = MIME_TYPE.replace("/", "-")
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def data_home(env: dict | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``$HOME/.local/share``."""
    env = os.environ if env is None else env
    xdg = env.get("XDG_DATA_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg)
    home = env.get("HOME") or str(Path.home())
    return Path(home) / ".local" / "share"


@dataclass(frozen=True)
class Layout:
    """Where every installed file goes under one data folder."""

    root: Path

    @property
    def desktop_file(self) -> Path:
        return self.root / "applications" / f"{APP_ID}.desktop"

    @property
    def mime_file(self) -> Path:
        return self.root / "mime" / "packages" / f"{APP_ID}.xml"

    @property
    def icons(self) -> Path:
        return self.root / "icons" / "hicolor"

    def icon_files(self) -> list[Path]:
        files = [self.icons / "scalable" / "apps" / f"{APP_ID}.svg",
                 self.icons / "scalable" / "mimetypes" / f"{MIME_ICON}.svg"]
        for n in PNG_SIZES:
            files.append(self.icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png")
            files.append(self.icons / f"{n}x{n}" / "mimetypes" / f"{MIME_ICON}.png")
        return files

    def all_files(self) -> list[Path]:
        return [self.desktop_file, self.mime_file, *self.icon_files()]


def launcher_command() -> str:
    """How the menu entry starts Neurona: the ``neurona`` launcher if there is one (an
    absolute path, so that a virtual environment need not be on PATH), else this Python
    running ``main.py``."""
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name in ("neurona", "neurona.exe") and script.exists():
        return shlex.quote(str(script.resolve()))
    found = shutil.which("neurona")
    if found:
        return shlex.quote(str(Path(found).resolve()))
    main = Path(__file__).resolve().parents[1] / "main.py"
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(main))}"


def desktop_entry(command: str | None = None) -> str:
    """``resources/neurona.desktop`` with Exec/TryExec pointing at this installation."""
    command = command or launcher_command()
    program = shlex.split(command)[0]
    lines = []
    for line in DESKTOP_TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={command} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={program}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def render_png(size: int) -> bytes:
    """``resources/neurona.svg`` as a PNG of ``size``×``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _gui_application()
    renderer = QSvgRenderer(QByteArray(ICON_SVG.read_bytes()))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _gui_application():
    """A QGuiApplication for rendering (offscreen when there is no display)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([sys.argv[0] if sys.argv else "neurona"])
    return app


def _write(path: Path, data: bytes | str, out) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    print(f"  wrote   {path}", file=out)


def _refresh(layout: Layout, out) -> list[str]:
    """Run the desktop's cache tools that exist; returns the ones that ran."""
    ran = []
    steps = [
        ("update-mime-database", [str(layout.root / "mime")]),
        ("update-desktop-database", [str(layout.desktop_file.parent)]),
        ("gtk-update-icon-cache", ["--force", "--ignore-theme-index", "--quiet", str(layout.icons)]),
    ]
    for tool, args in steps:
        exe = shutil.which(tool)
        if exe is None:
            print(f"  skipped {tool} (not installed; the desktop will notice the change by itself)", file=out)
            continue
        target = Path(args[-1])
        if not target.is_dir():
            continue
        try:
            result = subprocess.run([exe, *args], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as exc:
            print(f"  {tool} failed: {exc}", file=out)
            continue
        if result.returncode == 0:
            print(f"  ran     {tool} {' '.join(args)}", file=out)
            ran.append(tool)
        else:
            print(f"  {tool} exited {result.returncode}: {result.stderr.strip()[:200]}", file=out)
    return ran


def install_desktop(root: Path | None = None, out=None, command: str | None = None) -> Layout:
    """Write the menu entry, the icons and the file type; raises OSError on failure."""
    out = out or sys.stdout
    layout = Layout(root or data_home())
    print(f"Installing Neurona's menu entry, icon and .neurona file type into {layout.root}", file=out)
    _write(layout.desktop_file, desktop_entry(command), out)
    layout.desktop_file.chmod(0o755)  # some desktops only trust executable launchers
    _write(layout.mime_file, MIME_TEMPLATE.read_bytes(), out)
    svg = ICON_SVG.read_bytes()
    for path in layout.icon_files():
        if path.suffix == ".svg":
            _write(path, svg, out)
        else:
            _write(path, render_png(int(path.parent.parent.name.split("x")[0])), out)
    _refresh(layout, out)
    print("Done: Neurona is in the applications menu, and double-clicking a .neurona file opens it.", file=out)
    return layout


def uninstall_desktop(root: Path | None = None, out=None) -> Layout:
    """Remove what :func:`install_desktop` wrote (and nothing else); raises OSError on failure."""
    out = out or sys.stdout
    layout = Layout(root or data_home())
    print(f"Removing Neurona's menu entry, icon and file type from {layout.root}", file=out)
    removed = 0
    for path in layout.all_files():
        if path.exists() or path.is_symlink():
            path.unlink()
            removed += 1
            print(f"  removed {path}", file=out)
    if removed:
        _refresh(layout, out)
        print("Done.", file=out)
    else:
        print("Nothing to remove: Neurona was not installed there.", file=out)
    return layout


def main(install: bool = True, root: Path | None = None) -> int:
    """``--install-desktop`` (``install=True``) or ``--uninstall-desktop``; the exit status."""
    if sys.platform in ("win32", "darwin"):
        print("neurona: --install-desktop is for Linux desktops (XDG). On Windows and macOS build "
              "the double-clickable app with PyInstaller: see packaging/README.md.", file=sys.stderr)
        return 2
    try:
        if install:
            install_desktop(root)
        else:
            uninstall_desktop(root)
    except OSError as exc:
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"neurona: could not {'install' if install else 'uninstall'}:{where}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    return 0
