"""Going back in the training timeline as an undoable command.

:class:`GoBackCommand` ("Go back to epoch N") makes a timeline preview real: its redo
restores the training thread's trainer to a kept epoch (weights, epoch, optimizer and
random state, history) and the document and views follow; its undo puts back everything
as it was before — the trainer exactly (:class:`TrainerState`, so training on after Undo
continues the original run bit for bit) and the timeline with the snapshots the restore
dropped.

Both run the trainer part on the training thread through
:meth:`~gui.training.controller.TrainingController.rewind`, which pauses training first.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from engine.errors import ConfigError, NeuronaError
from gui.commands import DocumentCommand
from gui.formatting import format_count
from gui.i18n import translate

from .timeline import current_timeline


class TimelineError(NeuronaError):
    """Going back (or undoing it) was not possible; the message is for the user."""


def _signature(net) -> tuple:
    return (tuple(net.sizes), int(net.params.size))


@dataclass
class TrainerState:
    """Everything of a :class:`~engine.training.Trainer` that training changes, so that
    putting it back continues the run exactly (captured on the training thread)."""

    signature: tuple
    params: np.ndarray
    epoch: int
    position: int  # batches done in the current epoch
    optimizer: dict
    rng: dict
    history: object
    early_stopping: tuple
    last_good: np.ndarray
    batches: tuple | None  # the current epoch's shuffled data, when in mid-epoch
    timeline: object  # the recorder's Timeline as it was

    @classmethod
    def capture(cls, trainer, recorder) -> "TrainerState":
        opt = trainer.optimizer.state_dict()
        opt["buffers"] = {k: np.asarray(v, dtype=np.float64) for k, v in opt["buffers"].items()}
        best = trainer._best_params
        position = trainer.batch_position
        return cls(
            signature=_signature(trainer.network),
            params=trainer.network.copy_params(),
            epoch=int(trainer.epoch),
            position=int(position),
            optimizer=opt,
            rng=trainer._rng.bit_generator.state,
            history=copy.deepcopy(trainer.history),
            early_stopping=(trainer.stopped_early, trainer._best_loss, trainer._best_epoch,
                            None if best is None else best.copy(), trainer._wait),
            last_good=trainer._last_good.copy(),
            batches=(trainer._Xp.copy(), trainer._Tp.copy()) if position else None,
            timeline=recorder.save_state(),
        )

    def restore(self, trainer, recorder) -> None:
        """Put the trainer (and the timeline) back; ConfigError, changing nothing, if the
        trainer's network has another shape now."""
        net = trainer.network
        if _signature(net) != self.signature:
            raise ConfigError("network", "x".join(map(str, net.sizes)), "has another shape than when it was saved")
        try:
            trainer.optimizer.load_state_dict(self.optimizer)
        except ConfigError:  # another optimizer since: it starts fresh
            trainer.optimizer.reset()
        net.load_params(self.params)
        net.version += 1  # weights set from outside: compiled programs refresh
        trainer._rng.bit_generator.state = self.rng  # in place: the programs hold it
        trainer.epoch = self.epoch
        trainer.history = copy.deepcopy(self.history)
        (trainer.stopped_early, trainer._best_loss, trainer._best_epoch, best, trainer._wait) = self.early_stopping
        trainer._best_params = None if best is None else best.copy()
        position = self.position if self.position < trainer.batches_per_epoch else 0
        if position and self.batches is not None and self.batches[0].shape == trainer._Xp.shape \
                and self.batches[1].shape == trainer._Tp.shape:
            np.copyto(trainer._Xp, self.batches[0])
            np.copyto(trainer._Tp, self.batches[1])
        else:
            position = 0
        trainer._pos = position
        if self.last_good.shape == trainer._last_good.shape:
            np.copyto(trainer._last_good, self.last_good)
        recorder.load_state(self.timeline)


def _epoch_text(epoch: int) -> str:
    return format_count(epoch)


class GoBackCommand(DocumentCommand):
    """Edit › Undo "Go back to epoch N" (see the module docstring)."""

    def __init__(self, timeline, epoch: int):
        super().__init__(timeline.doc, translate("GoBackCommand", "Go back to epoch {epoch}")
                         .format(epoch=_epoch_text(epoch)))
        self._timeline = timeline
        self.epoch = int(epoch)
        self.before: TrainerState | None = None

    @property
    def timeline(self):
        """The document's timeline now (the window may have been rebuilt since)."""
        return current_timeline(self.doc) or self._timeline

    def apply(self) -> None:
        recorder, epoch = self.timeline.recorder, self.epoch

        def go_back(trainer):
            if trainer is None:
                raise TimelineError(translate(
                    "GoBackCommand", "Training cannot run with the current settings, so it cannot go back "
                    "to an earlier epoch either. Fix the problem shown above the network first."))
            before = TrainerState.capture(trainer, recorder)
            try:
                recorder.restore(trainer, epoch)
            except ConfigError as exc:
                raise TimelineError(translate(
                    "GoBackCommand", "Cannot go back to epoch {epoch}: that epoch is no longer kept, or the "
                    "network has changed since.").format(epoch=_epoch_text(epoch))) from exc
            return before

        self.before = self._rewind(go_back)

    def revert(self) -> None:
        before = self.before
        if before is None:
            return

        recorder = self.timeline.recorder

        def put_back(trainer):
            if trainer is None:
                raise TimelineError("")
            before.restore(trainer, recorder)

        try:
            self._rewind(put_back)
        except (NeuronaError, TimeoutError, RuntimeError):
            # The trainer could not take it (training cannot run now, or the network
            # changed shape): the document, which is the truth, still goes back; the
            # trainer takes its weights from it as from any edit.
            if before.params.shape == self.doc.network.params.shape:
                self.doc.set_params(before.params, "user")
            self.timeline.report(translate(
                "GoBackCommand", "Undo put the weights back, but training could not be put back to epoch "
                "{epoch}: it continues from here.").format(epoch=_epoch_text(before.epoch)))

    def _rewind(self, fn):
        try:
            return self.timeline.controller.rewind(fn)
        except TimelineError:
            raise
        except (TimeoutError, RuntimeError) as exc:
            raise TimelineError(translate(
                "GoBackCommand", "The training thread did not answer; nothing was changed.")) from exc

    def redo(self):
        super().redo()
        if self.error is not None and self.before is not None:
            # a redo after Undo that can no longer happen: say why (push reports the first)
            self.timeline.report(str(self.error))
