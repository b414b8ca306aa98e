"""Seeing inside training (#7): step-through backpropagation, the optimizer race and the
training timeline. Each part adds its menu entries at start-up and builds its widgets
only when first used, so start-up stays fast.

    ws.stepthrough = stepthrough.install(window, ws)   # Train › Step Through Backpropagation
    ws.race = race_window.install(window, ws)          # Train › Optimizer Race
    ws.timeline = timeline.install(window, ws)         # the timeline bar under the canvas
"""

from __future__ import annotations


def install(window, ws) -> None:
    from . import race_window, stepthrough, timeline

    ws.stepthrough = stepthrough.install(window, ws)
    ws.race = race_window.install(window, ws)
    ws.timeline = timeline.install(window, ws)
