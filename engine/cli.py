"""Headless command line for teachers who script experiments.

    python -m engine train NET.neurona --epochs N -o OUT.neurona [--seed S] [--quiet]
    python -m engine info NET.neurona
    python -m engine export --format numpy|keras|pytorch NET.neurona [-o OUT.py]

``train`` loads a network file, trains it for N epochs with the file's settings, prints
progress and the final train/test loss and accuracy, and writes the result. Everything it
does not train (canvas positions, view, descriptions) is written back untouched. With
``--seed`` the weights are first re-initialised with that seed (and the shuffling uses
it), so a script can run the same experiment from several starting points.

``export`` writes the network (architecture and trained weights) as Python code: a
standalone NumPy script, Keras code or PyTorch code (see engine.export); without ``-o``
the code goes to standard output.

Exit status: 0 done, 1 training diverged (the last finite weights are written), 2 bad
input (a clear message on stderr, nothing written).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from typing import TextIO

from .errors import DivergenceError, NeuronaError
from .io import Experiment, load_experiment, save_experiment
from .training import Trainer


def _fmt_metrics(m: dict) -> str:
    def num(v):
        return "—" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.6g}"

    def pct(v):
        return "—" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{100 * v:.1f} %"

    text = f"train loss {num(m.get('train_loss'))}  test loss {num(m.get('test_loss'))}"
    if not math.isnan(m.get("train_acc", math.nan)):
        text += f"  accuracy {pct(m.get('train_acc'))} train, {pct(m.get('test_acc'))} test"
    return text


def _state(trainer: Trainer) -> dict:
    m = trainer.evaluate()
    return {"epoch": trainer.epoch, **{k: (None if math.isnan(v) else v) for k, v in m.items()}}


def cmd_train(args, out: TextIO, err: TextIO) -> int:
    exp = load_experiment(args.file)
    if args.seed is not None:
        exp.training.seed = args.seed
        exp.network.initialize(exp.network.init, args.seed)
        exp.state = {}
    trainer = Trainer(exp.network, exp.data, exp.training.validate())
    epoch = exp.state.get("epoch")
    trainer.epoch = epoch if isinstance(epoch, int) and not isinstance(epoch, bool) and epoch > 0 else 0
    start_epoch = trainer.epoch
    total = args.epochs
    status = 0
    started = last_print = time.perf_counter()
    done = 0
    try:
        while done < total:
            chunk = min(total - done, max(1, total // 100))
            report = trainer.train_epochs(chunk)
            done += report.epochs
            now = time.perf_counter()
            if not args.quiet and (now - last_print >= 1.0 or done == total or report.stopped_early):
                print(f"epoch {trainer.epoch:>8}  ({done}/{total})  {_fmt_metrics(report.metrics)}", file=out, flush=True)
                last_print = now
            if report.stopped_early:
                print(f"early stopping after epoch {trainer.epoch}: best test loss at epoch {trainer.best_epoch}", file=out)
                break
    except DivergenceError as exc:
        print(f"error: {exc}", file=err)
        status = 1
    elapsed = time.perf_counter() - started
    exp.state = {**exp.state, **_state(trainer)}
    save_experiment(args.output, Experiment(exp.network, exp.training, exp.data, exp.state, exp.extra))
    if not args.quiet:
        rate = (trainer.epoch - start_epoch) / elapsed if elapsed > 0 else float("inf")
        print(f"trained {trainer.epoch - start_epoch} epochs in {elapsed:.2f} s ({rate:.0f} epochs/s)", file=out)
    print(f"final: epoch {trainer.epoch}  {_fmt_metrics(trainer.evaluate())}", file=out)
    print(f"wrote {args.output}", file=out)
    return status


def cmd_info(args, out: TextIO, err: TextIO) -> int:
    exp = load_experiment(args.file)
    net, cfg, ds = exp.network, exp.training, exp.data
    print(f"network   {net.sizes} ({net.n_parameters} parameters), features {', '.join(net.features)}", file=out)
    for L in net.layers:
        extra = f", dropout {L.dropout:g}" if L.dropout else ""
        print(f"  layer {L.index}: {L.n_out} × {L.name}{extra}", file=out)
    print(f"training  {cfg.optimizer}, lr {cfg.learning_rate:g}, loss {cfg.loss}, batch {cfg.batch_size}", file=out)
    print(f"data      {ds.name} ({ds.kind}), {ds.n_train} train / {ds.n_test} test points", file=out)
    if exp.state.get("epoch"):
        print(f"state     epoch {exp.state['epoch']}", file=out)
    return 0


def cmd_export(args, out: TextIO, err: TextIO) -> int:
    from pathlib import Path

    from .export import export_code
    from .io import write_atomic

    if args.output not in (None, "-"):
        try:
            same = Path(args.output).resolve() == Path(args.file).resolve()
        except OSError:
            same = False
        if same:
            print(f"error: {args.output} is the network file itself: choose another output name", file=err)
            return 2
    exp = load_experiment(args.file)
    code = export_code(
        exp.network,
        args.format,
        training=exp.training,
        dataset=exp.data,
        title=exp.title(),
        description=exp.description(),
    )
    if args.output in (None, "-"):
        out.write(code)
        return 0
    write_atomic(args.output, code)
    print(f"wrote {args.output} ({args.format})", file=out)
    return 0


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m engine", description="Neurona's engine, without the window.")
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser("train", help="train a network file for some epochs")
    train.add_argument("file", help="network file (.neurona or .json)")
    train.add_argument("--epochs", type=_positive_int, required=True, help="epochs to train")
    train.add_argument("-o", "--output", required=True, help="where to write the trained network")
    train.add_argument("--seed", type=_seed, help="re-initialise the weights with this seed first")
    train.add_argument("--quiet", action="store_true", help="print only the final result")
    train.set_defaults(run=cmd_train)
    info = sub.add_parser("info", help="describe a network file")
    info.add_argument("file")
    info.set_defaults(run=cmd_info)
    export = sub.add_parser("export", help="write the network as NumPy, Keras or PyTorch code")
    export.add_argument("file", help="network file (.neurona or .json)")
    export.add_argument("--format", required=True, choices=("numpy", "keras", "pytorch"), help="kind of code")
    export.add_argument("-o", "--output", help="where to write the code (default: standard output)")
    export.set_defaults(run=cmd_export)
    return parser


def main(argv=None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        return args.run(args, out, err)
    except NeuronaError as exc:  # FileFormatError, ConfigError, DataError
        print(f"error: {exc}", file=err)
    except OSError as exc:
        print(f"error: cannot write {getattr(exc, 'filename', '') or 'the output'}: {exc.strerror or exc}", file=err)
    return 2
