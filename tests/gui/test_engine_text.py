"""The engine's messages a user meets in ordinary use, said in the window's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from engine.errors import DivergenceError
from engine.io import FileFormatError, load_experiment
from gui.engine_text import engine_text
from gui.i18n import install_language


class Marker(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return f"⟦{source}⟧" if context == "EngineMessages" and source else ""

    def isEmpty(self):  # noqa: N802 (Qt override)
        return False


def _file_problems(tmp_path) -> list[str]:
    cases = {
        "missing.neurona": None,
        "empty.neurona": b"",
        "notes.neurona": b"shopping list: eggs",
        "truncated.neurona": b'{"format_version": 1, "network": {',
        "list.neurona": b"[1, 2, 3]",
        "latin1.neurona": "{\"title\": \"canción\"}".encode("latin-1"),
        "deep.neurona": b"[" * 300 + b"]" * 300,
        "partial.neurona": b'{"format_version": 1}',
    }
    found = []
    for name, content in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        with pytest.raises(FileFormatError) as info:
            load_experiment(path)
        found.append(info.value.message)
    with pytest.raises(FileFormatError) as info:
        load_experiment(tmp_path)
    found.append(info.value.message)
    return found


def _settings_problems() -> list[str]:
    """What the engine says when the network, the data and the settings do not fit."""
    from engine.datasets import generate
    from engine.errors import ConfigError
    from engine.network import Network
    from engine.training import Trainer, TrainingConfig

    def net(*layers):
        return Network(["x1", "x2"], list(layers), seed=0)

    tanh1 = {"size": 1, "activation": "tanh"}
    cases = [
        (net(tanh1), generate("circle"), TrainingConfig(loss="bce")),
        (net(tanh1), generate("circle"), TrainingConfig(loss="cce")),
        (net(tanh1), generate("blobs", n_classes=3), TrainingConfig()),
        (net({"size": 2, "activation": "softmax"}), generate("blobs", n_classes=3), TrainingConfig(loss="cce")),
        (net({"size": 2, "activation": "tanh"}), generate("reg_plane"), TrainingConfig()),
        (net({"size": 1, "activation": "sigmoid"}), generate("reg_plane"), TrainingConfig(loss="bce")),
        (net(2, {"size": 1, "activation": "step"}), generate("and"), TrainingConfig(rule="perceptron")),
        (net(tanh1), generate("and"), TrainingConfig(rule="perceptron")),
        (net(tanh1), generate("circle", train_ratio=1.0), TrainingConfig(early_stopping=True)),
    ]
    found = []
    for network, data, config in cases:
        with pytest.raises(ConfigError) as info:
            Trainer(network, data, config)
        found.append(str(info.value))
    return found


def test_settings_that_do_not_fit_are_said_in_spanish(qapp):
    install_language("es")
    try:
        said = [engine_text(m) for m in _settings_problems()]
    finally:
        install_language("en")
    assert said[0] == "Entropía cruzada binaria necesita una capa de salida Sigmoide, no Tanh"
    assert said[2] == "el conjunto de datos tiene 3 clases: usa 3 neuronas de salida, una por clase"
    assert said[7] == "la regla del perceptrón necesita salidas escalón o signo, no Tanh"


def test_every_common_file_problem_setting_problem_and_divergence_is_recognised(qapp, tmp_path):
    marker = Marker()
    QCoreApplication.instance().installTranslator(marker)
    try:
        messages = _file_problems(tmp_path) + _settings_problems() + [
            str(DivergenceError(7, "loss", 0.3)), str(DivergenceError(9, "weights"))]
        for message in messages:
            said = engine_text(message)
            assert said.startswith("⟦") and said.endswith("⟧"), (message, said)
    finally:
        QCoreApplication.instance().removeTranslator(marker)


def test_divergence_in_spanish_keeps_the_numbers(qapp):
    install_language("es")
    try:
        said = engine_text(str(DivergenceError(12, "loss", 0.3)))
        assert said.startswith("El entrenamiento divergió en la época 12")
        assert "(ahora 0.3; p. ej. 0.03)" in said
    finally:
        install_language("en")


def test_refused_edits_and_bad_values_in_spanish(qapp):
    from engine.training import TrainingConfig

    install_language("es")
    try:
        with pytest.raises(Exception) as info:
            TrainingConfig.from_dict({**TrainingConfig().to_dict(), "learning_rate": -1})
        assert engine_text(str(info.value)) == "learning_rate = -1: debe ser mayor que 0"
        assert engine_text("layer = 2: the output layer cannot be removed") == "la capa de salida no se puede quitar"
    finally:
        install_language("en")


def test_unknown_messages_are_shown_as_the_engine_wrote_them(qapp):
    text = "weights.layers[0]: must be a list (found 3)"
    assert engine_text(text) == text
    assert engine_text("") == ""
