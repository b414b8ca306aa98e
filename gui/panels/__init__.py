"""The dock panels: DATA and FEATURES on the left, OUTPUT on the right.

Each panel mirrors the document (it listens to its signals) and changes it only through
the editor, so every change is one undo step:

* :class:`DataPanel` — data set tiles, noise, split, size, seed, drawing, CSV import;
* :class:`FeaturesPanel` — the input feature toggles;
* :class:`OutputPanel` — big numbers, decision region, loss curves.

``data_panel.attach_output(output_panel)`` lets drawing use the output plot.
"""

from .data_panel import DataPanel
from .features_panel import FeaturesPanel
from .output_panel import OutputPanel

__all__ = ["DataPanel", "FeaturesPanel", "OutputPanel"]
