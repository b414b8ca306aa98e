"""Test set-up shared by tests/engine and tests/gui.

* Qt runs on the offscreen platform with a 1920×1080 virtual screen, so no display is
  needed (set before any Qt import; an explicit other QT_QPA_PLATFORM is respected).
* QSettings write to a temporary folder for the whole session, so tests never read or
  change the user's real Neurona settings.
* The offscreen platform's harmless "This plugin does not support propagateSizeHints()"
  (and "raise()") messages are ignored, so that pytest-qt's ``qt_log_level_fail`` can fail on every real warning.
"""

from __future__ import annotations

import os

from pathlib import Path  # noqa: E402

# A 1920×1080 virtual screen instead of the offscreen default of 800×800, which is smaller
# than the window's minimum size and would make window geometry tests meaningless.
OFFSCREEN_SCREEN = Path(__file__).with_name("offscreen_screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={OFFSCREEN_SCREEN}"

import pytest  # noqa: E402

#: The offscreen platform cannot resize hints or raise windows and says so; both harmless.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


@pytest.fixture(scope="session", autouse=True)
def isolated_qsettings(tmp_path_factory):
    """Point every QSettings scope and format at a session-wide temporary folder."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # engine-only environment: nothing to isolate
        yield None
        return
    folder = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))
    yield folder


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
