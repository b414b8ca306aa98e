"""The step-through overlay (#7): one phase of a traced training step, drawn on the network.

``TraceOverlay`` is one item on top of the scene. :meth:`TraceOverlay.set_state` takes an
:class:`engine.trace.StepTrace`, the phase (``("forward", l)``, ``("error",)``,
``("backward", l)`` or ``("update",)``) and the point shown (its position in the batch),
and builds :attr:`labels` — boxed numbers anchored to neurons and connections:

* forward — on each neuron of layer l: z = Σwx + b and a = f(z) (Maxout: the winning
  piece), on the previous column the values going in, on each incoming connection w·x;
* error — on the outputs: o and t; beside the output layer: Eₛ and the batch's E;
* backward — δ on the layer's neurons (and the batch mean δ̄), ∂E/∂w on its connections
  (the batch mean: what the step uses);
* update — w before → after on the connections, b before → after on the neurons.

The rest of the network is washed out and the active layer outlined. Labels are drawn at
a fixed size on screen (at least 11 pt, the application font when larger, so they grow
with the presentation mode's UI scale), with a box so they stay readable over the edges;
a label that would overlap one already placed is left out, and connection labels are
drawn only while there are few of them. Every value of the phase — drawn or not — is in
the hover text of its neuron or connection, to full precision (:meth:`tooltip_at`, which
the scene asks first through ``scene.tooltip_hook``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QApplication, QGraphicsItem

from gui import theme
from gui.i18n import translate
from gui.inside import stepthrough_text as txt

from . import style

#: connection labels are drawn only while a phase has at most this many
MAX_EDGE_LABELS = 40
LABEL_MIN_POINTS = 11.0
#: along an edge (0 = source, 1 = target), where its label may go, best first
EDGE_SPOTS = (0.62, 0.45, 0.75, 0.32, 0.85, 0.22)
WASH_ALPHA = 190
CTX = "TraceOverlay"


@dataclass
class OverlayLabel:
    """One boxed label: ``lines`` of text showing ``values`` (the exact numbers)."""

    kind: str  # "unit" (a neuron), "edge" (a connection) or "loss" (beside the output layer)
    column: int  # canvas column of the neuron (of the connection's target)
    i: int  # a connection's source index in the previous column (−1 otherwise)
    j: int  # the neuron's (the connection's target's) index
    lines: list[str]
    values: dict[str, float] = field(default_factory=dict)
    tooltip: str = ""
    active: bool = True  # in the active layer (drawn first, accent border)


def _tip(title: str, rows: list[tuple[str, float]], extra: list[str] | None = None) -> str:
    body = [f"<b>{title}</b>"]
    body += [f"{name} = {txt.exact(value)}" for name, value in rows]
    body += extra or []
    return txt.hats("<br>".join(body))


class TraceOverlay(QGraphicsItem):
    """See the module docstring."""

    def __init__(self):
        super().__init__()
        self.setZValue(40)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.trace = None
        self.phase: tuple | None = None
        self.point = 0
        self.labels: list[OverlayLabel] = []
        #: hover texts of every neuron and connection the phase is about
        self.unit_tips: dict[tuple[int, int], str] = {}
        self.edge_tips: dict[tuple[int, int, int], str] = {}
        #: columns washed out: None, or the (first, last) canvas columns left bright
        self.band: tuple[int, int] | None = None
        self.outline: list[int] = []
        #: labels drawn in the last paint: (device rect, label)
        self.painted: list[tuple[QRectF, OverlayLabel]] = []
        self._device = QTransform()

    # ------------------------------------------------------------------ state
    def set_state(self, trace, phase: tuple | None, point: int = 0) -> None:
        self.trace, self.phase, self.point = trace, phase, int(point)
        self.labels, self.unit_tips, self.edge_tips = [], {}, {}
        self.band, self.outline = None, []
        if trace is not None and phase is not None:
            kind = phase[0]
            if kind == "forward":
                self._forward(phase[1])
            elif kind == "error":
                self._error()
            elif kind == "backward":
                self._backward(phase[1])
            else:
                self._update()
        self.update()

    def clear(self) -> None:
        self.set_state(None, None)

    def _name(self, column: int, index: int) -> str:
        return txt.unit_label(self.trace, column, index)

    def _forward(self, l: int) -> None:
        tr, s = self.trace, self.point
        lay = tr.layers[l]
        c = l + 1
        self.band, self.outline = (l, c), [c]
        # the values going in
        for i in range(lay.n_in):
            value = float(lay.inputs[s, i])
            name = self._name(l, i)
            sym = "x" if l == 0 else "a"
            tip = _tip(name, [(sym, value)])
            self.unit_tips[(l, i)] = tip
            text = f"{name} = {txt.num(value)}" if l == 0 else f"a = {txt.num(value)}"
            self.labels.append(OverlayLabel("unit", l, -1, i, [text], {sym: value}, tip, active=False))
        for j in range(lay.n_out):
            name = self._name(c, j)
            a = float(lay.a[s, j])
            if lay.maxout:
                p = int(lay.winner[s, j])
                z = float(lay.z[s, j, p])
                rows = [(f"z{txt.sub(q + 1)}", float(lay.z[s, j, q])) for q in range(lay.pieces)] + [("a", a)]
                lines = [f"z{txt.sub(p + 1)} = {txt.num(z)} ★", f"a = {txt.num(a)}"]
                extra = [translate("TraceOverlay", "piece {p} wins: a = max of the pieces").format(p=p + 1)]
                values = {"z": z, "a": a, "piece": float(p)}
            else:
                z = float(lay.z[s, j])
                rows = [("z", z), ("a", a)]
                lines = [f"z = {txt.num(z)}", f"a = {txt.num(a)}"]
                extra = [f"b = {txt.exact(lay.biases[j])}", txt.tr_engine(lay.formula)]
                values = {"z": z, "a": a}
            tip = _tip(name, rows, extra)
            self.unit_tips[(c, j)] = tip
            self.labels.append(OverlayLabel("unit", c, -1, j, lines, values, tip))
        few = lay.n_in * lay.n_out <= MAX_EDGE_LABELS
        for j in range(lay.n_out):
            p = int(lay.winner[s, j]) if lay.maxout else None
            for i in range(lay.n_in):
                if lay.removed[i, j]:
                    continue
                idx = (i, j) if p is None else (i, j, p)
                w = float(lay.weights[idx])
                x = float(lay.inputs[s, i])
                wx = float(lay.products[(s,) + idx]) if lay.products is not None else w * x
                piece = "" if p is None else f" (p{txt.sub(p + 1)})"
                tip = _tip(f"{self._name(l, i)} → {self._name(c, j)}{piece}",
                           [("w", w), ("x" if l == 0 else "a", x), ("w·x", wx)])
                self.edge_tips[(c, i, j)] = tip
                if few:
                    self.labels.append(OverlayLabel("edge", c, i, j, [f"w·x = {txt.num(wx)}"], {"wx": wx}, tip))

    def _error(self) -> None:
        tr, s = self.trace, self.point
        err = tr.error
        c = len(tr.layers)
        self.band, self.outline = (c, c), [c]
        for k in range(err.outputs.shape[1]):
            o, t = float(err.outputs[s, k]), float(err.targets[s, k])
            tip = _tip(self._name(c, k), [("o", o), ("t", t)])
            self.unit_tips[(c, k)] = tip
            self.labels.append(OverlayLabel("unit", c, -1, k, [f"o = {txt.num(o)}", f"t = {txt.num(t)}"],
                                            {"o": o, "t": t}, tip))
        term, value = float(err.terms[s]), float(err.value)
        lines = [f"Eₛ = {txt.num(term)}" if tr.n > 1 else f"E = {txt.num(term)}"]
        values = {"E_point": term, "E": value}
        if tr.n > 1:
            lines.append(translate("TraceOverlay", "E (batch) = {v}").format(v=txt.num(value)))
        tip = _tip(txt.tr_engine(err.label), [("Eₛ", term), ("E", value)], [txt.tr_engine(err.formula)])
        self.labels.append(OverlayLabel("loss", c, -1, 0, lines, values, tip))

    def _backward(self, l: int) -> None:
        tr, s = self.trace, self.point
        lay = tr.layers[l]
        c = l + 1
        self.band, self.outline = (l, c), [c]
        batch = tr.n > 1
        for j in range(lay.n_out):
            p = int(lay.winner[s, j]) if lay.maxout else None
            idx = (s, j) if p is None else (s, j, p)
            d = float(lay.delta[idx])
            mean = float(lay.delta_mean[idx[1:]])
            lines = [f"δ = {txt.num(d)}" + ("" if p is None else f" (p{txt.sub(p + 1)})")]
            values = {"delta": d}
            rows = [("δ", d)]
            if batch:
                lines.append(f"δ̄ = {txt.num(mean)}")
                values["delta_mean"] = mean
                rows.append(("δ̄", mean))
            if lay.da is not None:
                rows.insert(0, ("∂E/∂a", float(lay.da[s, j])))
            if lay.slope is not None:
                rows.insert(1, ("f′(z)", float(lay.slope[s, j])))
            tip = _tip(self._name(c, j), rows, [txt.tr_engine(lay.derivative_formula)] if lay.slope is not None
                       or lay.maxout else [])
            self.unit_tips[(c, j)] = tip
            self.labels.append(OverlayLabel("unit", c, -1, j, lines, values, tip))
        few = lay.n_in * lay.n_out <= MAX_EDGE_LABELS
        for j in range(lay.n_out):
            for i in range(lay.n_in):
                if lay.removed[i, j]:
                    continue
                g, point, p = txt.grad_value(lay, i, j, s)
                rows = [("∂E/∂w", g)]
                if batch and point is not None:
                    rows.append((translate("TraceOverlay", "this point's a·δ"), point))
                piece = "" if p is None else f" (p{txt.sub(p + 1)})"
                tip = _tip(f"{self._name(l, i)} → {self._name(c, j)}{piece}", rows)
                self.edge_tips[(c, i, j)] = tip
                if few:
                    self.labels.append(OverlayLabel("edge", c, i, j, [f"∂E/∂w = {txt.num(g)}"], {"grad": g}, tip))

    def _update(self) -> None:
        tr = self.trace
        up = tr.update
        self.band, self.outline = None, list(range(1, len(tr.layers) + 1))
        n_edges = sum(int((~lay.removed).sum()) for lay in tr.layers)
        few = n_edges <= MAX_EDGE_LABELS
        for lay_up, lay in zip(up.layers, tr.layers):
            c = lay.index + 1
            for j in range(lay.n_out):
                before, g, after, vals = txt.update_values(lay_up, -1, j, 0 if lay.maxout else None)
                rows = [("b", before), ("g", g)] + [(txt.tr_engine(up.symbols.get(k, k)), v) for k, v in vals.items()
                                                     if k not in ("g",)] + [(translate("TraceOverlay", "after"), after)]
                tip = _tip(f"b {self._name(c, j)}", rows)
                self.unit_tips[(c, j)] = tip
                frozen = " ❄" if lay.frozen_biases[j] else ""
                self.labels.append(OverlayLabel("unit", c, -1, j, [f"b {txt.change(before, after)}{frozen}"],
                                                {"before": before, "after": after}, tip))
                for i in range(lay.n_in):
                    if lay.removed[i, j]:
                        continue
                    p = 0 if lay.maxout else None
                    before, g, after, vals = txt.update_values(lay_up, i, j, p)
                    rows = [("w", before), ("g", g)] + [(txt.tr_engine(up.symbols.get(k, k)), v) for k, v in vals.items()
                                                         if k not in ("g",)] + [(translate("TraceOverlay", "after"), after)]
                    piece = "" if p is None else " (p₁)"
                    tip = _tip(f"{self._name(c - 1, i)} → {self._name(c, j)}{piece}", rows)
                    self.edge_tips[(c, i, j)] = tip
                    if few:
                        frozen = " ❄" if lay.frozen_weights[i, j] else ""
                        self.labels.append(OverlayLabel("edge", c, i, j, [f"{txt.change(before, after)}{frozen}"],
                                                        {"before": before, "after": after}, tip))

    # ------------------------------------------------------------------ geometry
    def boundingRect(self) -> QRectF:  # noqa: N802
        scene = self.scene()
        return scene.sceneRect() if scene is not None else QRectF()

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never picked: the neurons and edges keep the mouse

    def _fits(self) -> bool:
        scene = self.scene()
        tr = self.trace
        if scene is None or tr is None:
            return False
        sizes = [tr.layers[0].n_in] + [lay.n_out for lay in tr.layers]
        return scene.sizes == sizes and len(scene.order) == sum(sizes)

    def _unit_pos(self, column: int, index: int) -> QPointF:
        scene = self.scene()
        start = sum(scene.sizes[:column])
        return scene.order[start + index].pos()

    @staticmethod
    def font() -> QFont:
        font = QFont(QApplication.font())
        font.setFamilies(theme.FONT_FAMILIES)
        font.setPointSizeF(max(LABEL_MIN_POINTS, QApplication.font().pointSizeF()))
        font.setWeight(QFont.Weight.DemiBold)
        return font

    # ------------------------------------------------------------------ painting
    def paint(self, painter, option, widget=None) -> None:
        self.painted = []
        if not self._fits() or self.phase is None:
            return
        scene = self.scene()
        xs = scene.column_xs()
        rect = scene.network_rect().adjusted(-60, -60, 60, 60)
        half = style.LANE_WIDTH / 2 + 8
        if self.band is not None:
            a, b = self.band
            band = QRectF(xs[a] - half, rect.top() - 10, xs[b] - xs[a] + 2 * half, rect.height() + 20)
            wash = QPainterPath()
            wash.addRect(rect)
            keep = QPainterPath()
            keep.addRect(band)
            colour = QColor(theme.COLORS.canvas)
            colour.setAlpha(WASH_ALPHA)
            painter.fillPath(wash.subtracted(keep), colour)
        pen = QPen(QColor(theme.COLORS.accent), 3.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for c in self.outline:
            layer = scene.columns[c]
            w = style.LANE_WIDTH / 2
            painter.drawRoundedRect(QRectF(xs[c] - w, layer.top, 2 * w, layer.bottom - layer.top),
                                    style.LANE_RADIUS, style.LANE_RADIUS)
        self._paint_labels(painter)

    def _paint_labels(self, painter) -> None:
        scene = self.scene()
        t = painter.worldTransform()
        self._device = t
        font = self.font()
        fm = QFontMetricsF(font)
        line_h = fm.height()
        pad_x, pad_y = 6.0, 3.0
        painter.save()
        painter.resetTransform()
        painter.setFont(font)
        device = QRectF(0, 0, painter.device().width(), painter.device().height())
        placed: list[QRectF] = []
        order = sorted(self.labels, key=lambda lab: (lab.kind == "edge", not lab.active))
        edges = scene.edges
        for lab in order:
            width = max(fm.horizontalAdvance(line) for line in lab.lines) + 2 * pad_x
            height = line_h * len(lab.lines) + 2 * pad_y
            spots: list[QRectF] = []
            if lab.kind == "unit":
                centre = t.map(self._unit_pos(lab.column, lab.j))
                spots.append(QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height))
            elif lab.kind == "loss":  # beside the output layer: right, left, or under it
                ys = [self._unit_pos(lab.column, k).y() for k in range(scene.sizes[lab.column])]
                cx = scene.column_xs()[lab.column]
                right = t.map(QPointF(cx + style.LANE_WIDTH / 2 + 10, sum(ys) / len(ys)))
                left = t.map(QPointF(cx - style.LANE_WIDTH / 2 - 10, sum(ys) / len(ys)))
                under = t.map(QPointF(cx, max(ys) + style.NEURON_SIZE / 2 + 14))
                spots.append(QRectF(right.x(), right.y() - height / 2, width, height))
                spots.append(QRectF(left.x() - width, left.y() - height / 2, width, height))
                spots.append(QRectF(under.x() - width / 2, under.y(), width, height))
                spots.append(QRectF(under.x() - width / 2, under.y() + height + 4, width, height))
            else:
                k = edges.index_of(lab.column, lab.i, lab.j)
                if k is None:
                    continue
                p0 = t.map(QPointF(float(edges.x0[k]), float(edges.y0[k])))
                p1 = t.map(QPointF(float(edges.x1[k]), float(edges.y1[k])))
                for f in EDGE_SPOTS:
                    cx, cy = p0.x() + (p1.x() - p0.x()) * f, p0.y() + (p1.y() - p0.y()) * f
                    spots.append(QRectF(cx - width / 2, cy - height / 2, width, height))
            for box in spots:
                if lab.kind != "edge":  # at the edge of the view: the label stays inside
                    box.moveLeft(min(max(box.left(), 2.0), device.width() - box.width() - 2.0))
                if lab.kind == "loss" and not device.contains(box):
                    continue
                grown = box.adjusted(-2, -2, 2, 2)
                if any(grown.intersects(other) for other in placed):
                    continue
                placed.append(box)
                self._draw_box(painter, box, lab, fm, pad_x, pad_y, line_h)
                self.painted.append((box, lab))
                break
        painter.restore()

    def _draw_box(self, painter, box: QRectF, lab: OverlayLabel, fm, pad_x, pad_y, line_h) -> None:
        border = QColor(theme.COLORS.accent) if lab.active and lab.kind != "edge" else QColor("#90a4ae")
        if lab.kind == "loss":
            border = QColor(theme.COLORS.error)
        pen = QPen(border, 2.0 if lab.kind != "edge" else 1.2)
        painter.setPen(pen)
        painter.setBrush(QColor(255, 255, 255, 240))
        painter.drawRoundedRect(box, 5, 5)
        painter.setPen(QColor(theme.COLORS.ink))
        y = box.top() + pad_y + fm.ascent()
        for line in lab.lines:
            painter.drawText(QPointF(box.left() + pad_x, y), line)
            y += line_h

    # ------------------------------------------------------------------ hover
    def tooltip_at(self, pos: QPointF) -> str:
        """The hover text at scene ``pos``: a label's, or an unlabelled neuron's or
        connection's in this phase; "" elsewhere."""
        if self.trace is None or not self._fits():
            return ""
        p = self._device.map(pos)
        for box, lab in reversed(self.painted):
            if box.contains(p):
                return lab.tooltip
        scene = self.scene()
        from .items import NeuronItem

        item = scene.item_at(pos)
        if isinstance(item, NeuronItem):
            return self.unit_tips.get((item.column, item.index), "")
        k = scene.edge_at(pos)
        if k is not None:
            return self.edge_tips.get(scene.edges.key(k), "")
        return ""
