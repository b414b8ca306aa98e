"""Pictures for slides and handouts: the network canvas, the decision region, the loss curve.

* :func:`canvas_image` / :func:`write_canvas_svg` — the whole network (not just what the
  view shows), :data:`SLIDE_WIDTH` pixels wide by default, with the canvas background.
* :func:`plot_image` / :func:`write_plot_svg` — a pyqtgraph plot (decision region or loss
  curve) on white; PNG through pyqtgraph's ``ImageExporter`` (fonts and markers grow with
  the picture), SVG by rendering the plot's scene into a ``QSvgGenerator``.
* :func:`export_canvas` / :func:`export_plot` pick PNG or SVG by the file's suffix.
* :func:`handout_image` lays out one page (2400×1400): title and description, the network,
  the decision region with its points, the loss curve and the final numbers.
* :func:`export_png_main` is ``python main.py --export-png OUT.png FILE [--epochs N]``:
  it opens FILE offscreen, trains N epochs synchronously with the engine
  (:class:`engine.training.Trainer`, no thread), puts the weights back into the document
  and writes the handout.
* :class:`ExportActions` adds File › Export entries and "Export image…" context menus on
  the canvas background and on both plots.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from gui.formatting import format_count
from gui.i18n import QT_TRANSLATE_NOOP, translate

#: width of exported pictures (a 1080p slide)
SLIDE_WIDTH = 1920
#: the handout page
HANDOUT_SIZE = (2400, 1400)
#: grid of the handout's decision region (the window computes 64×64)
HANDOUT_MAP_RESOLUTION = 200
#: empty space around the network in a canvas picture (scene units)
CANVAS_MARGIN = 28.0
#: translation marker (context "ExportActions"), translated where the dialog shows it
IMAGE_FILTER = QT_TRANSLATE_NOOP("ExportActions", "PNG image (*.png);;SVG drawing (*.svg)")
WHITE = QColor("#ffffff")


def _hints(painter: QPainter) -> None:
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
        | QPainter.RenderHint.TextAntialiasing
    )


def image_format(path: str | os.PathLike) -> str:
    """"png" or "svg" from the suffix; ValueError for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix in (".png", ".svg"):
        return suffix[1:]
    raise ValueError(translate("Export", "{name}: pictures are saved as .png or .svg").format(name=Path(path).name))


# ---------------------------------------------------------------------- the canvas
@contextmanager
def _scene_at_scale(canvas, scale: float, reading_scale: float | None = None):
    """Pre-rendered sprites at ``scale`` and labels sized for ``reading_scale`` (how large
    the picture will be seen, default ``scale``) while rendering, then as they were."""
    from gui.canvas import style

    scene, view = canvas.scene, canvas.view
    old_text = scene.text_scale
    scene.set_text_scale(style.text_scale_for(scale if reading_scale is None else reading_scale))
    scene.set_device_scale(scale)
    try:
        yield scene
    finally:
        scene.set_text_scale(old_text)
        scene.set_device_scale(view.zoom() * view.devicePixelRatioF())


def canvas_source(canvas) -> QRectF:
    rect = canvas.scene.network_rect()
    return rect.adjusted(-CANVAS_MARGIN, -CANVAS_MARGIN, CANVAS_MARGIN, CANVAS_MARGIN)


def canvas_image(canvas, width: int = SLIDE_WIDTH, max_height: int | None = None,
                 reading_factor: float = 1.0) -> QImage:
    """The whole network as an image ``width`` pixels wide (less if ``max_height`` binds).

    ``reading_factor`` < 1 says the picture will be seen shrunk (a handout page): layer
    headings and input names are then drawn larger, as the canvas does when zoomed out.
    """
    def fitting_scale(source: QRectF) -> float:
        scale = width / max(source.width(), 1.0)
        if max_height is not None:
            scale = min(scale, max_height / max(source.height(), 1.0))
        return scale

    scale = fitting_scale(canvas_source(canvas))
    with _scene_at_scale(canvas, scale, scale * reading_factor) as scene:
        source = canvas_source(canvas)  # labels may have grown with the scale
        scale = fitting_scale(source)
        w = max(1, round(source.width() * scale))
        h = max(1, round(source.height() * scale))
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(WHITE)
        painter = QPainter(image)
        _hints(painter)
        scene.render(painter, QRectF(0, 0, w, h), source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
    return image


def write_canvas_svg(canvas, path: str | os.PathLike, width: int = SLIDE_WIDTH, title: str = "") -> None:
    """The whole network as SVG (lines and text as vectors; neuron pictures embedded)."""

    source = canvas_source(canvas)
    scale = width / max(source.width(), 1.0)
    # embedded pictures (neuron thumbnails) at twice the drawing's scale stay sharp zoomed in
    with _scene_at_scale(canvas, scale * 2, scale):
        source = canvas_source(canvas)
        w, h = max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
        _render_svg(path, w, h, title or translate("Export", "Neurona network"),
                    lambda p: _paint_scene_for_svg(canvas.scene, p, source, scale), background=None)


class _CroppingPainter:
    """Stands in for a ``QPainter`` in Python ``paint()`` methods while drawing SVG.

    Qt's SVG engine ignores the source rectangle of ``drawPixmap``/``drawImage`` and embeds
    the whole picture: a neuron cut from the canvas's thumbnail atlas would show the whole
    atlas. This proxy cuts the source rectangle out first; everything else goes straight to
    the real painter.
    """

    def __init__(self, painter: QPainter):
        self._painter = painter

    def __getattr__(self, name):
        return getattr(self._painter, name)

    @staticmethod
    def _cut(picture, source):
        whole = QRectF(picture.rect())
        source = QRectF(source)
        if source.isEmpty() or source == whole:
            return picture, whole
        piece = picture.copy(source.toAlignedRect())
        return piece, QRectF(piece.rect())

    def drawPixmap(self, *args):  # noqa: N802 (QPainter's name)
        from PySide6.QtGui import QPixmap

        if len(args) == 3 and isinstance(args[1], QPixmap) and isinstance(args[2], (QRectF, QRect)):
            piece, source = self._cut(args[1], args[2])
            target = args[0]
            if not isinstance(target, (QRectF, QRect)):  # a point: the piece at its own size
                target = QRectF(QPointF(target), source.size())
            return self._painter.drawPixmap(QRectF(target), piece, source)
        return self._painter.drawPixmap(*args)

    def drawImage(self, *args):  # noqa: N802 (QPainter's name)
        if len(args) >= 3 and isinstance(args[1], QImage) and isinstance(args[2], (QRectF, QRect)):
            piece, source = self._cut(args[1], args[2])
            target = args[0]
            if not isinstance(target, (QRectF, QRect)):
                target = QRectF(QPointF(target), source.size())
            return self._painter.drawImage(QRectF(target), piece, source)
        return self._painter.drawImage(*args)


def _paint_scene_for_svg(scene, painter: QPainter, source: QRectF, scale: float) -> None:
    """Paint ``source`` of the scene item by item, bottom first, as
    ``QGraphicsScene.render`` does, but handing Python items a :class:`_CroppingPainter`
    (items' caches are bypassed too: every item draws itself afresh, as vectors where it can).
    """
    from PySide6.QtGui import QTransform
    from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

    proxy = _CroppingPainter(painter)
    base = QTransform()
    base.scale(scale, scale)
    base.translate(-source.left(), -source.top())

    def paint(draw, *args) -> None:
        try:
            draw(proxy, *args)  # a Python paint(): it gets the proxy
        except TypeError:  # a C++ paint() wants a real QPainter
            draw(painter, *args)

    painter.save()
    painter.setTransform(base)
    paint(scene.drawBackground, source)
    no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    for item in scene.items(source, Qt.ItemSelectionMode.IntersectsItemBoundingRect, Qt.SortOrder.AscendingOrder):
        if not item.isVisible() or item.flags() & no_contents:
            continue
        option = QStyleOptionGraphicsItem()
        option.exposedRect = item.boundingRect()
        painter.save()
        painter.setTransform(item.sceneTransform() * base)
        painter.setOpacity(item.effectiveOpacity())
        paint(lambda p, *a, it=item: it.paint(p, *a), option, None)
        painter.restore()
    painter.setTransform(base)
    paint(scene.drawForeground, source)
    painter.restore()


def _render_svg(path, w: int, h: int, title: str, draw, background: QColor | None = WHITE) -> None:
    from PySide6.QtSvg import QSvgGenerator

    path = Path(path)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(w, h))
    generator.setViewBox(QRect(0, 0, w, h))
    generator.setTitle(title)
    generator.setDescription(translate("Export", "Made with Neurona"))
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(translate("Export", "Cannot write {path}").format(path=path))
    _hints(painter)
    if background is not None:
        painter.fillRect(QRectF(0, 0, w, h), background)
    draw(painter)
    painter.end()
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(translate("Export", "Cannot write {path}").format(path=path))
    # QSvgGenerator states the size in millimetres at its resolution; say it in pixels, so
    # that browsers, office suites and Qt all open the drawing at the intended size
    text = path.read_text(encoding="utf-8")
    fixed = re.sub(r'(<svg\b[^>]*?)\swidth="[^"]*"\s+height="[^"]*"', rf'\1 width="{w}" height="{h}"', text, count=1)
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")


# ---------------------------------------------------------------------- plots
def plot_image(plot, width: int = SLIDE_WIDTH, height: int | None = None) -> QImage:
    """A pyqtgraph ``PlotWidget`` as an image on white, ``width`` pixels wide (the plot's
    own aspect ratio unless ``height`` is given)."""
    from pyqtgraph.exporters import ImageExporter

    exporter = ImageExporter(plot.getPlotItem())
    params = exporter.parameters()
    params["background"] = WHITE
    params["width"] = int(width)  # sets the height by the aspect ratio
    if height is not None:
        params.param("height").setValue(int(height), blockSignal=exporter.heightChanged)
    image = exporter.export(toBytes=True)
    if image is None or image.isNull():
        raise OSError(translate("Export", "The plot could not be drawn"))
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def write_plot_svg(plot, path: str | os.PathLike, width: int = 1200, title: str = "") -> None:
    """A pyqtgraph ``PlotWidget`` as SVG, scaled to ``width``."""
    source = plot.mapToScene(plot.viewport().rect()).boundingRect()
    scale = width / max(source.width(), 1.0)
    w, h = max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
    _render_svg(path, w, h, title or translate("Export", "Neurona plot"),
                lambda p: plot.scene().render(p, QRectF(0, 0, w, h), source, Qt.AspectRatioMode.KeepAspectRatio))


def export_canvas(canvas, path: str | os.PathLike, width: int = SLIDE_WIDTH) -> Path:
    path = Path(path)
    if image_format(path) == "svg":
        write_canvas_svg(canvas, path, width)
    elif not canvas_image(canvas, width).save(str(path), "PNG"):
        raise OSError(translate("Export", "Cannot write {path}").format(path=path))
    return path


def export_plot(plot, path: str | os.PathLike, width: int = SLIDE_WIDTH) -> Path:
    path = Path(path)
    if image_format(path) == "svg":
        write_plot_svg(plot, path, width)
    elif not plot_image(plot, width).save(str(path), "PNG"):
        raise OSError(translate("Export", "Cannot write {path}").format(path=path))
    return path


# ---------------------------------------------------------------------- the handout
def _font(px: float, bold: bool = False) -> QFont:
    from gui import theme

    font = QFont(theme.base_font())
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


def _fit(image: QImage, box: QRectF) -> QRectF:
    """Where ``image`` goes in ``box``: as large as fits, aspect kept, centred at the top."""
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return QRectF(box.topLeft(), box.topLeft())
    scale = min(box.width() / image.width(), box.height() / image.height())
    w, h = image.width() * scale, image.height() * scale
    return QRectF(box.left() + (box.width() - w) / 2, box.top(), w, h)


def _number(value, percent: bool = False) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    return f"{100 * value:.1f} %" if percent else f"{value:.4g}"


def handout_image(ws, *, title: str, description: str, metrics: dict, epoch: int, history=None,
                  source: str = "", size: tuple[int, int] = HANDOUT_SIZE) -> QImage:
    """One page: header, network (left), decision region and loss curve (right)."""
    from gui import theme
    from gui.panels.plots import TEST_LOSS_PEN, TRAIN_LOSS_PEN, LossPlot, make_pen

    W, H = size
    margin, gap = 64, 48
    page = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    page.fill(WHITE)
    p = QPainter(page)
    _hints(p)
    ink, muted, border = QColor(theme.COLORS.ink), QColor(theme.COLORS.muted), QColor(theme.COLORS.border)

    # header: title, description, numbers
    y = margin
    p.setPen(ink)
    p.setFont(_font(56, bold=True))
    head = QRectF(margin, y, W - 2 * margin, 72)
    p.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
               title or translate("Handout", "Neurona network"))
    y += 84
    if description:
        p.setPen(muted)
        p.setFont(_font(28))
        box = QRectF(margin, y, W - 2 * margin, 120)
        used = p.boundingRect(box, int(Qt.TextFlag.TextWordWrap), description)
        p.drawText(box, int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft), description)
        y += min(used.height(), box.height()) + 12
    has_acc = metrics.get("train_acc") is not None and not (
        isinstance(metrics.get("train_acc"), float) and math.isnan(metrics["train_acc"]))
    numbers = [translate("Handout", "Epoch {epoch}").format(epoch=format_count(epoch)),
               translate("Handout", "train loss {loss}").format(loss=_number(metrics.get("train_loss"))),
               translate("Handout", "test loss {loss}").format(loss=_number(metrics.get("test_loss")))]
    if has_acc:
        numbers.append(translate("Handout", "accuracy {train} train, {test} test").format(
            train=_number(metrics.get("train_acc"), True), test=_number(metrics.get("test_acc"), True)))
    p.setPen(ink)
    p.setFont(_font(30, bold=True))
    p.drawText(QRectF(margin, y, W - 2 * margin, 44), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
               "   ·   ".join(numbers))
    y += 60
    p.setPen(QPen(border, 2))
    p.drawLine(QPointF(margin, y), QPointF(W - margin, y))
    y += gap / 2

    footer_h = 40
    body = QRectF(margin, y, W - 2 * margin, H - y - margin - footer_h)
    right_w = min(960.0, body.width() * 0.40)
    left = QRectF(body.left(), body.top(), body.width() - right_w - gap, body.height())
    right = QRectF(left.right() + gap, body.top(), right_w, body.height())

    def heading(text: str, at: QPointF) -> float:
        p.setPen(muted)
        p.setFont(_font(26, bold=True))
        p.drawText(QRectF(at.x(), at.y(), right_w, 36), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   text.upper())
        return at.y() + 44

    # the network
    top = heading(translate("Handout", "Network"), left.topLeft())
    net_box = QRectF(left.left(), top, left.width(), left.bottom() - top)
    # the page is read at about half its pixel size (printed, or shown whole on a screen)
    net = canvas_image(ws.canvas, int(net_box.width()), int(net_box.height()), reading_factor=0.5)
    p.drawImage(_fit(net, net_box), net)

    # decision region
    top = heading(translate("Handout", "Decision region"), right.topLeft())
    region_side = min(right.width(), (right.height() - 2 * 44 - 28) * 0.64)
    region = plot_image(ws.output_panel.plot, int(region_side))
    region_rect = _fit(region, QRectF(right.left(), top, right.width(), region_side))
    p.drawImage(region_rect, region)

    # loss curve: a plot of its own at the handout's proportions
    top = heading(translate("Handout", "Loss"), QPointF(right.left(), region_rect.bottom() + 28))
    loss_box = QRectF(right.left(), top, right.width(), right.bottom() - top - 34)
    if history is not None and len(history):
        plot = LossPlot()
        plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        plot.resize(int(loss_box.width() / 2), int(loss_box.height() / 2))
        plot.show()
        plot.set_history(history["epoch"], history["train_loss"], history["test_loss"])
        plot._draw_history()
        last = float(history["epoch"][-1]) if len(history["epoch"]) else 1.0
        plot.getPlotItem().setXRange(0.0, max(last, 1.0), padding=0.02)  # the epochs trained, no more
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        loss = plot_image(plot, int(loss_box.width()), int(loss_box.height()))
        plot.close()
        plot.deleteLater()
        p.drawImage(_fit(loss, loss_box), loss)
        # legend
        ly = loss_box.bottom() + 8
        x = loss_box.left() + 80
        p.setFont(_font(22))
        import numpy as np

        shown = [(TRAIN_LOSS_PEN, translate("Handout", "train loss"))]
        if np.isfinite(np.asarray(history["test_loss"], dtype=float)).any():
            shown.append((TEST_LOSS_PEN, translate("Handout", "test loss")))
        for spec, label in shown:
            pen = make_pen(spec)
            pen.setWidthF(max(3.0, pen.widthF() * 2))
            p.setPen(pen)
            p.drawLine(QPointF(x, ly + 13), QPointF(x + 44, ly + 13))
            p.setPen(ink)
            label_w = p.fontMetrics().horizontalAdvance(label) + 4  # (translations differ in length)
            p.drawText(QRectF(x + 54, ly, label_w, 26), Qt.AlignmentFlag.AlignVCenter, label)
            x += max(250, 54 + label_w + 50)
    else:
        p.setPen(QPen(border, 2, Qt.PenStyle.DashLine))
        p.drawRect(loss_box)
        p.setPen(muted)
        p.setFont(_font(24))
        p.drawText(loss_box, Qt.AlignmentFlag.AlignCenter,
                   translate("Handout", "Not trained here: use --epochs N for a loss curve"))

    # footer
    p.setPen(muted)
    p.setFont(_font(20))
    stamp = datetime.date.today().isoformat()
    p.drawText(QRectF(margin, H - margin - footer_h + 10, W - 2 * margin, footer_h),
               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
               f"Neurona  ·  {source}  ·  {stamp}" if source else f"Neurona  ·  {stamp}")
    p.end()
    return page


def export_png_main(out: str | os.PathLike, file: str | os.PathLike, epochs: int = 0,
                    size: tuple[int, int] = HANDOUT_SIZE) -> int:
    """``--export-png``: 0 done, 1 the picture could not be written, 2 bad FILE."""
    from PySide6.QtWidgets import QApplication

    from engine.errors import DivergenceError, NeuronaError
    from engine.io import FileFormatError, load_experiment, localized
    from engine.training import History, Trainer
    from gui.main_window import MainWindow
    from gui.workspace import build_workspace

    file, out = Path(file), Path(out)
    try:
        exp = load_experiment(file)
    except FileFormatError as exc:
        print(f"neurona: cannot open {str(file)!r}: {exc.message}", file=sys.stderr)
        return 2
    window = MainWindow(persist_settings=False)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    ws = build_workspace(window)
    files = ws.files
    files.autosave_timer.stop()
    files._apply(exp, file.resolve())
    window.resize(1600, 1000)
    window.show()
    QApplication.processEvents()
    doc = ws.doc
    language = files.language
    title = localized((exp.meta or {}).get("title"), language) or file.stem
    description = localized((exp.meta or {}).get("description"), language)
    status = 0
    history: History | None = None
    try:
        trainer = Trainer(doc.network.clone(), doc.dataset, doc.training)
    except NeuronaError as exc:
        print(f"neurona: {file.name} cannot be trained: {exc}", file=sys.stderr)
        trainer = None
        metrics, epoch = dict(exp.state or {}), int((exp.state or {}).get("epoch") or 0)
    if trainer is not None:
        start = exp.state.get("epoch") if isinstance(exp.state.get("epoch"), int) else 0
        if epochs > 0:
            try:
                done = 0
                while done < epochs:
                    report = trainer.train_epochs(min(epochs - done, 500))
                    done += report.epochs
                    if report.stopped_early:
                        print(f"early stopping after epoch {trainer.epoch}", file=sys.stderr)
                        break
            except DivergenceError as exc:
                print(f"neurona: training diverged: {exc}", file=sys.stderr)
            history = trainer.history
            ws.controller.pause()
            doc.set_params(trainer.network.copy_params(), "user")
        metrics = trainer.evaluate()
        epoch = start + trainer.epoch
    # a finer grid than the window's 64×64: the page is printed large
    ws.maps.resolution = max(ws.maps.resolution, HANDOUT_MAP_RESOLUTION)
    ws.maps.recompute()
    ws.output_panel.set_metrics(epoch, metrics.get("train_loss"), metrics.get("test_loss"),
                                metrics.get("train_acc"), metrics.get("test_acc"))
    ws.canvas.fit()
    for _ in range(3):
        QApplication.processEvents()
    image = handout_image(ws, title=title, description=description, metrics=metrics, epoch=epoch,
                          history=history, source=file.name, size=size)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        print(f"neurona: could not write {str(out)!r}", file=sys.stderr)
        status = 1
    else:
        print(f"wrote {out} ({image.width()}×{image.height()}, {epoch} epochs)")
    files._weights_dirty = False  # nothing to ask: this window was never on screen
    window.close()
    return status


# ---------------------------------------------------------------------- menus
class ExportActions(QObject):
    """File › Export entries and the "Export image…" context menus."""

    def __init__(self, window, ws, files=None):
        super().__init__(window)
        self.window, self.ws, self.files = window, ws, files
        menu: QMenu = window.export_menu
        first = menu.actions()[0] if menu.actions() else None
        self.network_action = self._action(
            "export_network", translate("ExportActions", "&Network Image…"), self.export_network_dialog,
            translate("ExportActions", "Save the whole network as PNG or SVG, sized for slides"),
        )
        self.region_action = self._action(
            "export_region", translate("ExportActions", "&Decision Region Image…"), self.export_region_dialog,
            translate("ExportActions", "Save the decision region with its points as PNG or SVG"),
        )
        self.loss_action = self._action(
            "export_loss", translate("ExportActions", "&Loss Curve Image…"), self.export_loss_dialog,
            translate("ExportActions", "Save the loss curve as PNG or SVG"),
        )
        for action in (self.network_action, self.region_action, self.loss_action):
            if first is not None:
                menu.insertAction(first, action)
            else:
                menu.addAction(action)
        if first is not None:
            menu.insertSeparator(first)

        scene = getattr(ws.canvas, "scene", None)
        if scene is not None:
            scene.installEventFilter(self)
        for plot, slot in ((ws.output_panel.plot, self.export_region_dialog),
                           (ws.output_panel.loss_plot, self.export_loss_dialog)):
            plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            plot.customContextMenuRequested.connect(lambda pos, pl=plot, s=slot: self._plot_menu(pl, pos, s))

    def _action(self, name: str, text: str, slot, tip: str):
        from PySide6.QtGui import QAction

        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- context menus
    def plot_menu(self, plot, slot) -> QMenu:
        menu = QMenu(plot)
        action = menu.addAction(translate("ExportActions", "Export image…"))
        action.setObjectName("menu_export_image")
        action.triggered.connect(lambda _checked=False: slot())
        return menu

    def _plot_menu(self, plot, pos, slot) -> None:
        if plot is self.ws.output_panel.plot and self.ws.output_panel.is_draw_mode():
            return  # right-click removes points while drawing
        self.plot_menu(plot, slot).exec(plot.mapToGlobal(pos))

    def canvas_menu(self, scene_pos: QPointF) -> QMenu | None:
        """The canvas's own menu for what is at ``scene_pos``, plus "Export image…" on the
        empty background."""
        from gui.canvas import menus

        scene = self.ws.canvas.scene
        menu = menus.menu_at(scene, scene_pos)
        if menu is None:
            return None
        names = {a.objectName() for a in menu.actions()}
        if "menu_add_layer_here" in names:  # the background's menu
            menu.addSeparator()
            action = menu.addAction(translate("ExportActions", "Export image…"))
            action.setObjectName("menu_export_image")
            action.triggered.connect(lambda _checked=False: self.export_network_dialog())
        return menu

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.GraphicsSceneContextMenu and obj is getattr(self.ws.canvas, "scene", None):
            menu = self.canvas_menu(event.scenePos())
            if menu is not None:
                menu.exec(event.screenPos())
                event.accept()
                return True
        return super().eventFilter(obj, event)

    # -- dialogs
    def _stem(self) -> str:
        files = self.files
        if files is not None and files.path is not None:
            return files.path.stem
        title = getattr(self.ws.doc, "title", "") or "network"
        stem = "".join(c if c.isalnum() or c in "-_ " else " " for c in title).strip()
        return "-".join(stem.lower().split()) or "network"

    def _ask(self, caption: str, what: str) -> Path | None:
        folder = self.files._dialog_dir() if self.files is not None else str(Path.home())
        suggested = str(Path(folder) / f"{self._stem()}-{what}.png")
        filters = translate("ExportActions", IMAGE_FILTER)
        path, chosen = QFileDialog.getSaveFileName(self.window, caption, suggested, filters)
        if not path:
            return None
        path = Path(path)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + (".svg" if "*.svg" in (chosen or "").lower() else ".png"))
        return path

    def _run(self, caption: str, what: str, export) -> Path | None:
        path = self._ask(caption, what)
        if path is None:
            return None
        try:
            export(path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(
                self.window, translate("ExportActions", "Export failed"),
                translate("ExportActions", "Could not write the picture\n{path}\n\n{problem}").format(
                    path=path, problem=exc),
            )
            return None
        self.window.statusBar().showMessage(translate("ExportActions", "Saved {path}").format(path=path), 5000)
        return path

    def export_network_dialog(self) -> Path | None:
        return self._run(translate("ExportActions", "Export network image"), "network",
                         lambda p: export_canvas(self.ws.canvas, p))

    def export_region_dialog(self) -> Path | None:
        return self._run(translate("ExportActions", "Export decision region image"), "decision-region",
                         lambda p: export_plot(self.ws.output_panel.plot, p, 1200))

    def export_loss_dialog(self) -> Path | None:
        return self._run(translate("ExportActions", "Export loss curve image"), "loss",
                         lambda p: export_plot(self.ws.output_panel.loss_plot, p))
