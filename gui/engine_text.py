"""The engine's messages in the window's language.

The engine (``engine/``, no Qt) writes its messages in English. The ones a user meets in
ordinary use — a file that cannot be opened, training that diverged — are recognised here
by their pattern and said again from a translatable template, with the same numbers and
names; anything else is shown as the engine wrote it. (The CSV import's messages are
matched the same way in :mod:`gui.panels.csv_dialog`, the step-through's formulas in
:mod:`gui.inside.stepthrough_text`.)
"""

from __future__ import annotations

import re

from gui.i18n import QT_TRANSLATE_NOOP, translate

#: (pattern of the engine's English, the same as a translatable template with named fields)
PATTERNS: list[tuple[str, str]] = [  # compiled when first used (re caches them)
    (r"no such file", QT_TRANSLATE_NOOP("EngineMessages", "no such file")),
    (r"is a folder, not a file", QT_TRANSLATE_NOOP("EngineMessages", "is a folder, not a file")),
    (r"cannot be read \((?P<reason>.*)\)",
     QT_TRANSLATE_NOOP("EngineMessages", "cannot be read ({reason})")),
    (r"the file is (?P<size>[\d.]+) MB; the limit is (?P<limit>\d+) MB",
     QT_TRANSLATE_NOOP("EngineMessages", "the file is {size} MB; the limit is {limit} MB")),
    (r"is not UTF-8 text \(byte (?P<byte>\d+)\)",
     QT_TRANSLATE_NOOP("EngineMessages", "is not UTF-8 text (byte {byte})")),
    (r"must be JSON text", QT_TRANSLATE_NOOP("EngineMessages", "must be JSON text")),
    (r"is empty", QT_TRANSLATE_NOOP("EngineMessages", "is empty")),
    (r"is not valid JSON: .* at line (?P<line>\d+), column (?P<column>\d+)(?P<hint>.*)",
     QT_TRANSLATE_NOOP("EngineMessages",
                       "is not valid JSON (not a Neurona network, or a damaged file): "
                       "the problem is at line {line}, column {column}")),
    (r"(is not valid JSON: )?nested too deeply \(the limit is (?P<limit>\d+) levels\)",
     QT_TRANSLATE_NOOP("EngineMessages", "is nested too deeply (the limit is {limit} levels)")),
    (r"is not valid JSON: .*",
     QT_TRANSLATE_NOOP("EngineMessages", "is not valid JSON (not a Neurona network, or a damaged file)")),
    (r"must hold a JSON object at the top level",
     QT_TRANSLATE_NOOP("EngineMessages", "is not a Neurona network (it must hold a JSON object at the top level)")),
    (r"the '(?P<key>[^']+)' section is missing",
     QT_TRANSLATE_NOOP("EngineMessages", "the '{key}' section is missing")),
    (r"too large to load", QT_TRANSLATE_NOOP("EngineMessages", "too large to load")),
    ((r"training diverged in epoch (?P<epoch>\d+): the (?P<what>loss|weights) became NaN or infinite; "
                r"the last finite weights were kept — try a smaller learning rate"
                r"(?: \(now (?P<rate>[^;]+?); e\.g\. (?P<smaller>[^)]+)\))?, .*"),
     QT_TRANSLATE_NOOP("EngineMessages",
                       "Training diverged in epoch {epoch}: the {what} became NaN or infinite, so the last "
                       "finite weights were kept. Try a smaller learning rate{rate}, an optimizer such as "
                       "Adam, or stronger regularization.")),
]

# the settings that do not fit together (shown as "Cannot train: …" above the canvas)
PATTERNS += [
    (r"loss = '(?P<loss>\w+)': (?P<label>.+) needs a (?P<needed>\w+) output layer, not (?P<activation>[\w ]+)",
     QT_TRANSLATE_NOOP("EngineMessages", "{loss_name} needs a {needed} output layer, not {activation}")),
    (r"loss = '(?P<loss>\w+)': (?P<label>.+) needs at least 2 output neurons \(one per class\)",
     QT_TRANSLATE_NOOP("EngineMessages", "{loss_name} needs at least 2 output neurons (one per class)")),
    (r"output neurons = (?P<k>\d+): the data set has (?P<n>\d+) classes but the output layer has \d+ neurons",
     QT_TRANSLATE_NOOP("EngineMessages", "the data set has {n} classes but the output layer has {k} neurons")),
    (r"output neurons = 1: the data set has (?P<n>\d+) classes: use \d+ output neurons, one per class",
     QT_TRANSLATE_NOOP("EngineMessages", "the data set has {n} classes: use {n} output neurons, one per class")),
    (r"output neurons = (?P<k>\d+): regression needs exactly one output neuron",
     QT_TRANSLATE_NOOP("EngineMessages", "regression needs exactly one output neuron (the output layer has {k})")),
    (r"loss = '\w+': regression uses squared error \(mse\)",
     QT_TRANSLATE_NOOP("EngineMessages", "regression uses squared error")),
    (r"rule = 'perceptron': the perceptron rule trains a single layer: remove the hidden layers",
     QT_TRANSLATE_NOOP("EngineMessages", "the perceptron rule trains a single layer: remove the hidden layers")),
    (r"rule = 'perceptron': the perceptron rule needs step or sign outputs, not (?P<activation>[\w ]+)",
     QT_TRANSLATE_NOOP("EngineMessages", "the perceptron rule needs step or sign outputs, not {activation}")),
    (r"loss = '\w+': use squared error with the perceptron rule",
     QT_TRANSLATE_NOOP("EngineMessages", "use squared error with the perceptron rule")),
    (r"early_stopping = True: needs test data to watch: use a train ratio below 100 %",
     QT_TRANSLATE_NOOP("EngineMessages", "early stopping needs test data to watch: use a training share below 100 %")),
    (r"features = '\w+': a network needs at least one input",
     QT_TRANSLATE_NOOP("EngineMessages", "a network needs at least one input")),
    (r"neuron = \d+: a layer needs at least one neuron; remove the layer instead",
     QT_TRANSLATE_NOOP("EngineMessages", "a layer needs at least one neuron; remove the layer instead")),
    (r"layer = \d+: the output layer cannot be removed",
     QT_TRANSLATE_NOOP("EngineMessages", "the output layer cannot be removed")),
    (r"layers = \d+: at most (?P<count>\d+) layers",
     QT_TRANSLATE_NOOP("EngineMessages", "a network has at most {count} layers")),
    (r"layers\[\d+\]\.size = \d+: a layer holds at most (?P<count>\d+) neurons",
     QT_TRANSLATE_NOOP("EngineMessages", "a layer holds at most {count} neurons")),
    (r"(?P<setting>[\w.]+) = (?P<value>.+): must be between (?P<lo>\S+) and (?P<hi>\S+)",
     QT_TRANSLATE_NOOP("EngineMessages", "{setting} = {value}: must be between {lo} and {hi}")),
    (r"(?P<setting>[\w.]+) = (?P<value>.+): must be (?P<op>at least|greater than|at most) (?P<limit>\S+)",
     QT_TRANSLATE_NOOP("EngineMessages", "{setting} = {value}: must be {op} {limit}")),
    (r"(?P<setting>[\w.]+) = (?P<value>.+): must be a (?P<kind>number|finite number|whole number)",
     QT_TRANSLATE_NOOP("EngineMessages", "{setting} = {value}: must be a {kind}")),
    (r"data = 0: there are no training points",
     QT_TRANSLATE_NOOP("EngineMessages", "there are no training points")),
]

_WORDS = {"at least": QT_TRANSLATE_NOOP("EngineMessages", "at least"),
          "greater than": QT_TRANSLATE_NOOP("EngineMessages", "greater than"),
          "at most": QT_TRANSLATE_NOOP("EngineMessages", "at most"),
          "number": QT_TRANSLATE_NOOP("EngineMessages", "number"),
          "finite number": QT_TRANSLATE_NOOP("EngineMessages", "finite number"),
          "whole number": QT_TRANSLATE_NOOP("EngineMessages", "whole number")}

_WHAT = {"loss": QT_TRANSLATE_NOOP("EngineMessages", "loss"),
         "weights": QT_TRANSLATE_NOOP("EngineMessages", "weights")}


def engine_text(message: str) -> str:
    """``message`` from the engine in the window's language when its pattern is known."""
    text = str(message or "")
    for pattern, template in PATTERNS:
        match = re.fullmatch(pattern, text)
        if match is None:
            continue
        fields = {k: v for k, v in match.groupdict().items() if v is not None}
        if "activation" in fields:
            from gui.canvas.labels import activation_label

            fields["activation"] = activation_label(fields["activation"])
        for key in ("op", "kind"):
            if key in fields:
                fields[key] = translate("EngineMessages", _WORDS.get(fields[key], fields[key]))
        if "needed" in fields:
            from gui.canvas.labels import activation_label

            fields["needed"] = activation_label(fields["needed"])
        if "loss" in fields:
            fields["loss_name"] = _loss_name(fields.pop("loss"), fields.pop("label", ""))
        if "what" in fields:
            fields["what"] = translate("EngineMessages", _WHAT[fields["what"]])
        if template.startswith("Training diverged"):
            rate, smaller = fields.pop("rate", None), fields.pop("smaller", None)
            fields["rate"] = (translate("EngineMessages", " (now {rate}; e.g. {smaller})").format(rate=rate, smaller=smaller)
                              if rate and smaller else "")
        try:
            return translate("EngineMessages", template).format(**fields)
        except (KeyError, IndexError):  # a translation that names a field wrongly
            return text
    return text


def _loss_name(key: str, label: str) -> str:
    """A loss by the name the top bar gives it ("Entropía cruzada binaria")."""
    from gui.toolbar import LOSSES

    for name, text, _tip in LOSSES:
        if name == key:
            return translate("Losses", text)
    return label or key
