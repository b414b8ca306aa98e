"""Frame-time benchmark of the live canvas against a bare QGraphicsView (the floor).

    uv run python -m gui.canvas.bench [--frames 200] [--mode full|minimal|both]

A network of six input features and six hidden layers of 8 neurons (Playground's
largest) is shown in the canvas offscreen at 1600 × 1000. Each frame does what a training
snapshot does: new random weights, N(0, 1) like a trained network's, (``doc.set_params(..., "training")``), new thumbnail maps
(``maps.set_live``), then a synchronous repaint of the viewport. The floor is a bare
``QGraphicsView`` with the same number of plain ``QGraphicsEllipseItem`` and
``QGraphicsLineItem`` whose pens are set every frame (one ``setPen`` per edge, the naive
way). Both run interleaved in the same process so machine noise hits both alike.

The last line is ``key=value`` pairs. Target: canvas median ≤ 16 ms and ≤ 3 × the floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

FEATURES = ["x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1"]
HIDDEN = [8] * 6
SIZE = (1600, 1000)


def build_canvas(mode):
    from PySide6.QtGui import QUndoStack

    from engine.network import Network
    from gui.canvas import NetworkCanvas
    from gui.document import Document
    from gui.editor import DocumentEditor
    from gui.maps import NeuronMaps

    doc = Document()
    doc.replace(Network(FEATURES, HIDDEN + [1], seed=1), doc.training, doc.dataset)
    editor = DocumentEditor(doc, QUndoStack())
    maps = NeuronMaps(doc)
    canvas = NetworkCanvas(doc, editor, maps)
    canvas.view.setViewportUpdateMode(mode)
    canvas.resize(*SIZE)
    canvas.show()
    return doc, maps, canvas


def build_floor(n_units: int, edges: list[tuple[int, int]], positions: np.ndarray):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPainter, QPen
    from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsLineItem, QGraphicsScene, QGraphicsView

    scene = QGraphicsScene()
    scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    view = QGraphicsView(scene)
    view.keep_scene = scene  # the view does not own its scene
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(*SIZE)
    lines = []
    for a, b in edges:
        (x0, y0), (x1, y1) = positions[a], positions[b]
        line = QGraphicsLineItem(x0 + 30, y0, x1 - 30, y1)
        scene.addItem(line)
        lines.append(line)
    ellipses = []
    for x, y in positions:
        e = QGraphicsEllipseItem(x - 30, y - 30, 60, 60)
        e.setBrush(QColor("#e8eaeb"))
        scene.addItem(e)
        ellipses.append(e)
    view.fitInView(scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
    view.show()
    blue, orange = QColor("#0877bd"), QColor("#f59322")

    def frame(weights: np.ndarray, values: np.ndarray) -> None:
        for line, w in zip(lines, weights.tolist()):
            line.setPen(QPen(blue if w >= 0 else orange, min(abs(w) * 2.5 + 1, 5)))
        for e, v in zip(ellipses, values.tolist()):
            e.setBrush(blue if v >= 0 else orange)

    return view, frame


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000.0


def run(frames: int, mode_name: str, quality: str = "live") -> dict:
    from PySide6.QtWidgets import QGraphicsView

    from gui.app import create_application
    from gui.canvas import style

    app = create_application()
    mode = {
        "full": QGraphicsView.ViewportUpdateMode.FullViewportUpdate,
        "minimal": QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate,
    }[mode_name]
    doc, maps, canvas = build_canvas(mode)
    for _ in range(5):
        app.processEvents()
    scene = canvas.scene
    positions = np.column_stack([scene.unit_x, scene.unit_y])
    edges = list(zip(scene.edges.src.tolist(), scene.edges.dst.tolist()))
    floor_view, floor_frame = build_floor(len(positions), edges, positions)
    for _ in range(5):
        app.processEvents()

    maps.set_training(True)  # what the training controller does while Play runs
    if quality == "antialiased":
        canvas.scene.edges.quality = "antialiased"
    rng = np.random.default_rng(0)
    n_params = doc.network.params.size
    shapes = [c.shape for c in maps.columns]
    extent = maps.extent
    # Precomputed inputs, so the loop times the GUI work only.
    param_sets = [rng.normal(0.0, 1.0, n_params) for _ in range(8)]
    map_sets = [[rng.uniform(-1, 1, s).astype(np.float32) for s in shapes] for _ in range(8)]
    edge_weights = [rng.normal(0.0, 1.0, len(edges)) for _ in range(8)]
    unit_values = [rng.uniform(-1, 1, len(positions)) for _ in range(8)]

    def canvas_frame(k: int) -> None:
        doc.set_params(param_sets[k % 8], "training")
        maps.set_live(map_sets[k % 8], extent)
        canvas.view.viewport().repaint()

    def floor(k: int) -> None:
        floor_frame(edge_weights[k % 8], unit_values[k % 8])
        floor_view.viewport().repaint()

    for k in range(10):  # warm up caches (pens, glyphs, fonts)
        canvas_frame(k)
        floor(k)
    canvas_ms, floor_ms = [], []
    for k in range(frames):
        canvas_ms.append(timed(lambda: canvas_frame(k)))
        floor_ms.append(timed(lambda: floor(k)))
        app.processEvents()
    canvas.close()
    floor_view.close()
    return {
        "mode": mode_name,
        "fast_edges": canvas.scene.edges.quality == "auto" and canvas.scene.edges.aa_ms > style.EDGE_AA_BUDGET_MS,
        "edges": len(edges),
        "units": len(positions),
        "canvas_median_ms": statistics.median(canvas_ms),
        "canvas_worst_ms": max(canvas_ms),
        "floor_median_ms": statistics.median(floor_ms),
        "floor_worst_ms": max(floor_ms),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=200)
    parser.add_argument("--mode", choices=["full", "minimal", "both"], default="full",
                        help="viewport update mode of the canvas (both: measure each)")
    parser.add_argument("--quality", choices=["live", "antialiased", "both"], default="both",
                        help="live: as during training (edges may switch to fast drawing when "
                             "antialiasing them exceeds the budget); antialiased: every frame "
                             "fully antialiased, as a still picture")
    args = parser.parse_args(argv)
    modes = ["minimal", "full"] if args.mode == "both" else [args.mode]
    qualities = ["antialiased", "live"] if args.quality == "both" else [args.quality]
    result = None
    for quality in qualities:
        for mode in modes:
            result = run(args.frames, mode, quality)
            ratio = result["canvas_median_ms"] / result["floor_median_ms"]
            result["ratio"] = ratio
            edges = "fast edges" if result["fast_edges"] else "antialiased edges"
            print(
                f"{quality:>11}, {mode:>7} update ({edges}): canvas median {result['canvas_median_ms']:.2f} ms, "
                f"worst {result['canvas_worst_ms']:.2f} ms | floor median {result['floor_median_ms']:.2f} ms, "
                f"worst {result['floor_worst_ms']:.2f} ms | ratio {ratio:.2f}"
            )
    print(f"({result['units']} neurons, {result['edges']} edges, {args.frames} frames at {SIZE[0]}×{SIZE[1]}; "
          f"the last line is the last configuration above)")
    print(
        f"canvas_median_ms={result['canvas_median_ms']:.2f} canvas_worst_ms={result['canvas_worst_ms']:.2f} "
        f"floor_median_ms={result['floor_median_ms']:.2f} ratio={result['ratio']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
