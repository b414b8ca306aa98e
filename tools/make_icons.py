"""Render the application icon ``resources/neurona.svg`` into the raster files packages need.

    uv run python tools/make_icons.py          # rewrites the files below, prints each

* ``resources/app-icons/neurona-N.png`` for N in 16 … 512 (Linux packages, web pages);
* ``resources/neurona.ico`` — Windows: 16, 24, 32, 48, 64, 128 and 256 px PNG entries
  (the PNG-in-ICO form every Windows since Vista reads);
* ``resources/neurona.icns`` — macOS: 16 … 1024 px PNG entries, Retina sizes included.

Both containers are written here byte by byte (they are simple: a directory of PNGs), so
no image library beyond Qt is needed. PyInstaller's ``packaging/neurona.spec`` uses them.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gui.desktop import render_png  # noqa: E402

RESOURCES = ROOT / "resources"
PNG_DIR = RESOURCES / "app-icons"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types holding PNG data, by pixel size (Retina types share sizes)
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file whose images are the given PNGs (size → PNG bytes)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(elements: list[tuple[bytes, bytes]]) -> bytes:
    """An .icns file of (type, PNG bytes) elements."""
    body = b"".join(kind + struct.pack(">I", len(data) + 8) + data for kind, data in elements)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    cache: dict[int, bytes] = {}

    def png(size: int) -> bytes:
        if size not in cache:
            cache[size] = render_png(size)
        return cache[size]

    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        path = PNG_DIR / f"neurona-{size}.png"
        path.write_bytes(png(size))
        print("wrote", path.relative_to(ROOT))
    ico = RESOURCES / "neurona.ico"
    ico.write_bytes(ico_bytes({size: png(size) for size in ICO_SIZES}))
    print("wrote", ico.relative_to(ROOT))
    icns = RESOURCES / "neurona.icns"
    icns.write_bytes(icns_bytes([(kind, png(size)) for kind, size in ICNS_TYPES]))
    print("wrote", icns.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
