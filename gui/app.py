"""Start Neurona: parse the command line, create the application, show the main window.

    neurona [FILE]                      open FILE (a saved network) at start
    neurona --screenshot OUT.png [FILE] render the window (with FILE open) to a PNG and exit
             [--size 1600x1000]         ... at this window size
             [--presentation]           ... in presentation mode (large text)
    neurona --presentation [FILE]       start full screen in presentation mode (F5/Escape leave)
    neurona --lang es|en [...]          the window's language (default: View › Language, else the system's)
    neurona --export-png OUT.png FILE [--epochs N]
                                        train FILE N epochs offscreen and render a handout:
                                        network, decision region and loss curve on one page
    neurona --install-desktop           menu entry, icon and .neurona file type (Linux, XDG)
    neurona --uninstall-desktop         remove them again
    neurona --version

``--screenshot`` works without a display: when ``QT_QPA_PLATFORM`` is unset and there is
no X11/Wayland display it switches to Qt's offscreen platform.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from pathlib import Path

APP_NAME = "Neurona"
ORGANIZATION = "Neurona"


@functools.lru_cache(maxsize=1)
def application_version() -> str:
    """The installed package version, or ``"dev"`` when running from a bare checkout.

    (``importlib.metadata`` takes tens of milliseconds to import: it is only asked when
    the version is shown, never on the way to the first paint.)
    """
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("neurona")
    except PackageNotFoundError:
        return "dev"


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1600x1000, not {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (320 <= width <= 8192 and 240 <= height <= 8192):
        raise argparse.ArgumentTypeError(f"size {width}x{height} is outside 320x240 … 8192x8192")
    return width, height


def _epochs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value <= 10_000_000:
        raise argparse.ArgumentTypeError("must be between 0 and 10,000,000")
    return value


class _VersionAction(argparse.Action):
    """``--version``, looking the version up only when asked."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{parser.prog} {application_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neurona",
        description="Neurona: a desktop lab for learning how neural networks work.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a saved network to open")
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="render the main window to a PNG file and exit (works without a display)",
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=(1600, 1000),
        metavar="WxH",
        help="window size for --screenshot (default: 1600x1000)",
    )
    parser.add_argument(
        "--lang", choices=["en", "es"], metavar="{en,es}",
        help="language of the window: en (English) or es (español); default: the one chosen "
        "in View › Language, else the system's",
    )
    parser.add_argument(
        "--presentation", action="store_true",
        help="start in presentation mode: full screen, large text (F5 or Escape leaves it)",
    )
    parser.add_argument(
        "--export-png",
        metavar="OUT.png",
        help="open FILE offscreen, train it --epochs N and save a handout picture "
        "(network, decision region, loss curve), then exit",
    )
    parser.add_argument(
        "--epochs", type=_epochs, default=0, metavar="N",
        help="with --export-png: epochs to train before drawing (default 0)",
    )
    parser.add_argument(
        "--install-desktop", action="store_true",
        help="add Neurona to the desktop menu and open .neurona files with it (Linux)",
    )
    parser.add_argument(
        "--uninstall-desktop", action="store_true",
        help="remove what --install-desktop added",
    )
    parser.add_argument(
        "--benchmark",
        action="store_true",
        help="train live in the window offscreen and print training and drawing speed",
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="time per --benchmark task (default 10)")
    parser.add_argument(
        "--soak-epochs", type=int, default=0, metavar="N",
        help="with --benchmark: also train N epochs and report memory growth",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    return parser


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def create_application(argv: list[str] | None = None):
    """The ``QApplication`` (reused if one exists) with Neurona's names, icon and theme."""
    from PySide6.QtWidgets import QApplication

    from gui import theme

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0] if sys.argv else "neurona"])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    # the version is looked up only when shown (About, --version): importlib.metadata is slow to import
    app.setDesktopFileName("neurona")
    app.setWindowIcon(theme.app_icon())
    theme.apply_theme(app)
    # the garbage collector runs in the GUI thread only (see gui/gc_main_thread.py)
    from gui import gc_main_thread

    gc_main_thread.install(app)
    return app


def _quiet_offscreen_noise() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" chatter.

    The offscreen plugin prints it for every window with a minimum size; it is harmless and
    would only bury real warnings. Everything else still reaches stderr.
    """
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def render_screenshot(window, path: Path, size: tuple[int, int]) -> bool:
    """Show ``window`` at ``size`` off screen, wait for its first full paint, save a PNG."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(*size)
    window.show()
    # Layouts and docks settle over a few event-loop turns after the first show. A layout
    # that needed more room for a moment (presentation mode enlarging its text before the
    # top bar sheds controls) may have grown the window: size it back to what was asked.
    for turn in range(6):
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        QApplication.processEvents()
        if turn >= 2:
            if window.size().toTuple() == tuple(size):
                break
            window.resize(*size)
    image = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    return image.save(str(path), "PNG")


def main(argv: list[str] | None = None) -> int:
    """Run Neurona; returns the process exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return int(exc.code or 0)

    if args.install_desktop or args.uninstall_desktop:
        from gui import desktop

        if args.install_desktop and args.uninstall_desktop:
            print("neurona: choose one of --install-desktop and --uninstall-desktop", file=sys.stderr)
            return 2
        return desktop.main(install=args.install_desktop)

    file = Path(args.file) if args.file else None
    if args.export_png and file is None:
        print("neurona: --export-png needs a network FILE to draw", file=sys.stderr)
        return 2
    if file is not None and not file.is_file():
        what = "is a folder, not a file" if file.is_dir() else "does not exist"
        print(f"neurona: cannot open {str(file)!r}: it {what}", file=sys.stderr)
        return 2

    offscreen = args.screenshot or args.benchmark or args.export_png
    if offscreen and not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    app = create_application()
    from gui.i18n import install_language, preferred_language

    install_language(preferred_language(args.lang))

    if args.export_png:
        from gui import export

        _quiet_offscreen_noise()
        return export.export_png_main(args.export_png, file, args.epochs)

    from gui.main_window import MainWindow
    from gui.workspace import build_workspace

    if args.screenshot:
        _quiet_offscreen_noise()
        window = MainWindow(persist_settings=False)
        ws = build_workspace(window)
        if file is not None and not ws.files.open_path(file, quiet=True):
            return 2
        if args.presentation:  # enlarged, at the --size asked for rather than the screen's
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication

            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            window.resize(*args.size)
            window.show()  # entered once shown, as on screen, so that the layout settles first
            QApplication.processEvents()
            ws.presentation.enter(full_screen=False)
        out = Path(args.screenshot)
        if not render_screenshot(window, out, args.size):
            print(f"neurona: could not write the screenshot to {str(out)!r}", file=sys.stderr)
            return 1
        window.close()
        return 0

    if args.benchmark:
        from PySide6.QtCore import Qt

        from gui import benchmark

        _quiet_offscreen_noise()
        window = MainWindow(persist_settings=False)
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        ws = build_workspace(window)
        return benchmark.main(window, ws, args.seconds, args.soak_epochs)

    window = MainWindow()
    loaded = _read_network_file(file) if file is not None else None
    if loaded is not None:  # the workspace is built once, around the file's network
        from gui.document import Document

        doc = Document(window, (loaded.network, loaded.training, loaded.data, loaded.canvas))
        ws = build_workspace(window, doc)
    else:
        ws = build_workspace(window)
    from PySide6.QtCore import QTimer

    if file is not None:
        window.initial_file = file.resolve()
        if loaded is not None:
            ws.files.open_loaded(loaded, window.initial_file)
        else:  # the window opens it and says what is wrong with it
            # Queued so that whatever opens documents has connected to open_requested by then.
            QTimer.singleShot(0, window, lambda: window.open_requested.emit(str(window.initial_file)))
    else:  # after a crash: offer the autosaved network (a FILE named on the command line wins)
        QTimer.singleShot(0, window, ws.files.offer_recovery)
    window.show()
    if os.environ.get("NEURONA_STARTUP_PROBE"):
        _startup_probe(window)  # (the window is exposed, and painted, in the event loop)
    if args.presentation:
        QTimer.singleShot(0, window, ws.presentation.enter)
    return app.exec()


def _read_network_file(path: Path):
    """The experiment in ``path``, or None when it cannot be read (the window then opens
    it the usual way, which tells the user why)."""
    from engine.io import FileFormatError, load_experiment

    try:
        return load_experiment(path)
    except (FileFormatError, OSError):
        return None


def _startup_probe(window) -> None:
    """tools/bench_startup.py: print "painted" once the window's first full paint is done, quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class Probe(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Expose and obj.isExposed():
                obj.removeEventFilter(self)
                # Qt paints the window and all its widgets while handling this event;
                # report once that is over
                QTimer.singleShot(0, lambda: (print("painted", flush=True), QApplication.quit()))
            return False

    window._startup_probe = Probe(window)
    window.windowHandle().installEventFilter(window._startup_probe)


if __name__ == "__main__":
    raise SystemExit(main())
