"""(Re)build the course examples in ``resources/examples/`` from the code below.

    uv run python tools/make_examples.py            # write the .neurona files and index.json
    uv run python tools/make_examples.py --check    # exit 1 if a file differs from what it would write

The example files are the data the window opens (File › Examples); this script documents
how each one was made and rebuilds them byte for byte: every network, data set and
setting is given here explicitly, with fixed seeds, and the files are written with
``engine.io`` (stable key order, exact floats). Each example opens untrained (or with the
weights set by hand), at epoch 0, without canvas positions (the window lays it out).
``tests/engine/test_examples.py`` checks that the files are up to date and that every
example behaves as its description says.

Texts are in English and Spanish (the course's language); keep the course's vocabulary:
umbral, neurona de McCulloch-Pitts, regla del perceptrón, retropropagación, sobreajuste,
parada temprana.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from engine.datasets import generate  # noqa: E402
from engine.io import Experiment, dumps, experiment_to_dict  # noqa: E402
from engine.network import Network  # noqa: E402
from engine.training import TrainingConfig  # noqa: E402

EXAMPLES_DIR = ROOT / "resources" / "examples"
INDEX_FORMAT = "neurona-examples"
INDEX_VERSION = 1


@dataclass(frozen=True)
class Example:
    file: str
    title: dict[str, str]
    #: one line, for the File › Examples menu
    summary: dict[str, str]
    #: what the window shows: what the example is and what to look at
    description: dict[str, str]
    lesson: dict[str, str]
    build: Callable[[], tuple[Network, TrainingConfig, object]]


# ---------------------------------------------------------------------- helpers

STEP = {"size": 1, "activation": "step"}


def hand_set(layers, weights, biases) -> Network:
    """A network of step neurons with the given weights and biases, all frozen.

    ``weights[l][i][j]`` is the weight from unit i of the previous column to neuron j of
    layer l; ``biases[l][j]`` the bias (−threshold) of neuron j.
    """
    net = Network(["x1", "x2"], layers, init="zeros", seed=0)
    for layer, (w, b) in enumerate(zip(weights, biases)):
        for i, row in enumerate(w):
            for j, value in enumerate(row):
                net.set_weight(layer, i, j, float(value))
                net.freeze_weight(layer, i, j)
        for j, value in enumerate(b):
            net.set_bias(layer, j, float(value))
            net.freeze_bias(layer, j)
    return net


def gate(name: str):
    """A logic gate's truth table: the 4 rows, all for training."""
    return generate(name, train_ratio=1.0)


def perceptron_rule(lr: float = 0.1) -> TrainingConfig:
    """Rosenblatt's rule, one row at a time, in the table's order."""
    return TrainingConfig(learning_rate=lr, optimizer="sgd", loss="mse", batch_size=1, shuffle=False,
                          rule="perceptron")


def hand_gate(gate_name: str, w1: float, w2: float, bias: float):
    def build():
        net = hand_set([STEP], [[[w1], [w2]]], [[bias]])
        return net, perceptron_rule(), gate(gate_name)

    return build


# ---------------------------------------------------------------------- the examples

MCP = {"en": "McCulloch-Pitts neuron", "es": "Neurona de McCulloch-Pitts"}
PERCEPTRON = {"en": "The perceptron", "es": "El perceptrón"}
MULTILAYER = {"en": "Multilayer networks and backpropagation", "es": "Redes multicapa y retropropagación"}
PLAYGROUND = {"en": "Playground", "es": "Playground"}
MULTICLASS = {"en": "Multi-class classification", "es": "Clasificación multiclase"}
REGULARIZATION = {"en": "Overfitting and regularization", "es": "Sobreajuste y regularización"}
REGRESSION = {"en": "Regression", "es": "Regresión"}


def _perceptron_and():
    net = Network(["x1", "x2"], [STEP], init="zeros", seed=0)
    return net, perceptron_rule(0.1), gate("and")


def _perceptron_xor():
    net = Network(["x1", "x2"], [STEP], init="zeros", seed=0)
    return net, perceptron_rule(0.1), gate("xor_gate")


def _xor_by_hand():
    net = hand_set(
        [{"size": 2, "activation": "step"}, STEP],
        # h1 = x1 AND NOT x2 (weights 1, −1), h2 = NOT x1 AND x2 (−1, 1), both threshold 0.5
        [[[1.0, -1.0], [-1.0, 1.0]], [[1.0], [1.0]]],  # output: h1 OR h2 (1, 1, threshold 0.5)
        [[-0.5, -0.5], [-0.5]],
    )
    cfg = TrainingConfig(learning_rate=0.1, optimizer="sgd", loss="mse", batch_size=4, shuffle=False)
    return net, cfg, gate("xor_gate")


def _xor_backprop():
    # 2-2-1, tanh everywhere, Playground's initializer; full-batch gradient descent.
    # With seed 0 it reaches 100 % after about 240 epochs (93 of 100 seeds do within 3000).
    net = Network(["x1", "x2"], [{"size": 2, "activation": "tanh"}, {"size": 1, "activation": "tanh"}],
                  init="uniform", seed=0)
    cfg = TrainingConfig(learning_rate=0.5, optimizer="sgd", loss="mse", batch_size=4, shuffle=False)
    return net, cfg, gate("xor_gate")


def _playground_circle():
    net = Network(["x1", "x2"], [4, 2, {"size": 1, "activation": "tanh"}], init="uniform", seed=0)
    cfg = TrainingConfig(learning_rate=0.03, optimizer="sgd", loss="mse", batch_size=10)
    return net, cfg, generate("circle", noise=0, train_ratio=0.5, seed=0)


def _spiral_deep():
    hidden = [{"size": 8, "activation": "tanh"} for _ in range(4)]
    net = Network(["x1", "x2"], [*hidden, {"size": 1, "activation": "tanh"}], init="glorot", seed=0)
    cfg = TrainingConfig(learning_rate=0.01, optimizer="adam", loss="mse", batch_size=10)
    return net, cfg, generate("spiral", noise=0, train_ratio=0.5, seed=0)


def _blobs_softmax():
    net = Network(["x1", "x2"], [{"size": 6, "activation": "tanh"}, {"size": 4, "activation": "softmax"}],
                  init="glorot", seed=0)
    cfg = TrainingConfig(learning_rate=0.01, optimizer="adam", loss="sparse_cce", batch_size=10)
    return net, cfg, generate("blobs", n_classes=4, noise=10, train_ratio=0.5, seed=0)


def _overfitting():
    # 100 noisy training points, 609 weights: the best test loss comes at about epoch 33,
    # then the test loss climbs while the training loss keeps falling; stops at about 133.
    hidden = [{"size": 16, "activation": "tanh", "dropout": 0.1} for _ in range(3)]
    net = Network(["x1", "x2"], [*hidden, {"size": 1, "activation": "tanh"}], init="glorot", seed=1)
    cfg = TrainingConfig(learning_rate=0.01, optimizer="adam", loss="mse", batch_size=10,
                         early_stopping=True, patience=100, restore_best=True)
    return net, cfg, generate("circle", noise=40, train_ratio=0.2, seed=1)


def _regression_plane():
    net = Network(["x1", "x2"], [4, 2, {"size": 1, "activation": "linear"}], init="uniform", seed=0)
    cfg = TrainingConfig(learning_rate=0.01, optimizer="sgd", loss="mse", batch_size=10)
    return net, cfg, generate("reg_plane", noise=0, train_ratio=0.5, seed=0)


EXAMPLES: list[Example] = [
    Example(
        "01-mcculloch-pitts-and.neurona",
        {"en": "McCulloch-Pitts neuron: AND", "es": "Neurona de McCulloch-Pitts: AND"},
        {"en": "A threshold neuron with hand-set weights computes AND.",
         "es": "Una neurona con umbral y pesos puestos a mano calcula AND."},
        {"en": "A McCulloch-Pitts neuron computes AND: the weights 1 and 1 and the threshold 1.5 "
               "(bias −1.5) were set by hand and are frozen, so Play changes nothing — it is already "
               "right on all four rows. It fires only when x1 + x2 reaches 1.5.",
         "es": "Una neurona de McCulloch-Pitts calcula AND: los pesos 1 y 1 y el umbral 1,5 "
               "(sesgo −1,5) se han puesto a mano y están congelados, así que Play no cambia nada: "
               "ya acierta las cuatro filas. Solo se activa cuando x1 + x2 llega a 1,5."},
        MCP,
        hand_gate("and", 1.0, 1.0, -1.5),
    ),
    Example(
        "02-or.neurona",
        {"en": "McCulloch-Pitts neuron: OR", "es": "Neurona de McCulloch-Pitts: OR"},
        {"en": "The same neuron with threshold 0.5 computes OR.",
         "es": "La misma neurona con umbral 0,5 calcula OR."},
        {"en": "Only the threshold changes: with weights 1 and 1 and threshold 0.5 (bias −0.5), set by "
               "hand and frozen, the neuron fires when at least one input is 1. Compare it with AND.",
         "es": "Solo cambia el umbral: con pesos 1 y 1 y umbral 0,5 (sesgo −0,5), puestos a mano y "
               "congelados, la neurona se activa cuando al menos una entrada vale 1. Compárala con AND."},
        MCP,
        hand_gate("or", 1.0, 1.0, -0.5),
    ),
    Example(
        "03-nand.neurona",
        {"en": "McCulloch-Pitts neuron: NAND", "es": "Neurona de McCulloch-Pitts: NAND"},
        {"en": "Negative weights give NAND, the gate every circuit can be built from.",
         "es": "Con pesos negativos sale NAND, la puerta con la que se construye cualquier circuito."},
        {"en": "Weights −1 and −1 and threshold −1.5 (bias +1.5), set by hand and frozen: the neuron "
               "fires unless both inputs are 1. Negative weights are inhibitory inputs.",
         "es": "Pesos −1 y −1 y umbral −1,5 (sesgo +1,5), puestos a mano y congelados: la neurona se "
               "activa salvo cuando las dos entradas valen 1. Los pesos negativos son entradas inhibidoras."},
        MCP,
        hand_gate("nand", -1.0, -1.0, 1.5),
    ),
    Example(
        "04-perceptron-learns-and.neurona",
        {"en": "The perceptron learns AND", "es": "El perceptrón aprende AND"},
        {"en": "Starting from zero weights, the perceptron rule finds weights for AND.",
         "es": "Partiendo de pesos cero, la regla del perceptrón encuentra los pesos de AND."},
        {"en": "One step neuron starts with all weights at 0 and learns AND with the perceptron rule "
               "(η = 0.1, one row at a time). Press Step to watch w ← w + η(t − y)x row by row; after a "
               "few epochs every row is right and nothing changes any more.",
         "es": "Una neurona escalón empieza con todos los pesos a 0 y aprende AND con la regla del "
               "perceptrón (η = 0,1, fila a fila). Pulsa Paso para ver w ← w + η(t − y)x en cada fila; "
               "en pocas épocas acierta todas y ya no cambia nada."},
        PERCEPTRON,
        _perceptron_and,
    ),
    Example(
        "05-perceptron-fails-xor.neurona",
        {"en": "The perceptron fails on XOR", "es": "El perceptrón falla con XOR"},
        {"en": "XOR is not linearly separable: the perceptron never gets all four rows right.",
         "es": "XOR no es linealmente separable: el perceptrón nunca acierta las cuatro filas."},
        {"en": "The same perceptron on XOR. No straight line separates the two classes, so the weights "
               "keep changing forever and the accuracy never reaches 100 %. One neuron is not enough.",
         "es": "El mismo perceptrón con XOR. Ninguna recta separa las dos clases, así que los pesos "
               "cambian sin parar y la precisión nunca llega al 100 %. Una sola neurona no basta."},
        PERCEPTRON,
        _perceptron_xor,
    ),
    Example(
        "06-xor-by-hand.neurona",
        {"en": "XOR built by hand", "es": "XOR construido a mano"},
        {"en": "Two hidden threshold neurons and an OR give XOR = A·¬B + ¬A·B.",
         "es": "Dos neuronas ocultas con umbral y un OR dan XOR = A·¬B + ¬A·B."},
        {"en": "XOR = A·¬B + ¬A·B, as on the slides: h1 = A AND NOT B (weights 1, −1, threshold 0.5), "
               "h2 = NOT A AND B (−1, 1, threshold 0.5) and the output is h1 OR h2 (1, 1, threshold 0.5). "
               "All set by hand and frozen: right on all four rows without training.",
         "es": "XOR = A·¬B + ¬A·B, como en las transparencias: h1 = A AND NOT B (pesos 1, −1, umbral 0,5), "
               "h2 = NOT A AND B (−1, 1, umbral 0,5) y la salida es h1 OR h2 (1, 1, umbral 0,5). "
               "Todo puesto a mano y congelado: acierta las cuatro filas sin entrenar."},
        MULTILAYER,
        _xor_by_hand,
    ),
    Example(
        "07-xor-backprop.neurona",
        {"en": "A 2-2-1 network learns XOR", "es": "Una red 2-2-1 aprende XOR"},
        {"en": "With a hidden layer and backpropagation, XOR is learned.",
         "es": "Con una capa oculta y retropropagación, XOR se aprende."},
        {"en": "Two tanh hidden neurons and a tanh output learn XOR with backpropagation (gradient "
               "descent, η = 0.5, all four rows per step). Watch the loss stall on a plateau and then drop; "
               "after a few hundred epochs all four rows are right. Another seed may get stuck in a local minimum.",
         "es": "Dos neuronas ocultas tanh y una salida tanh aprenden XOR con retropropagación (descenso "
               "de gradiente, η = 0,5, las cuatro filas en cada paso). Observa cómo el error se estanca y "
               "luego baja; tras unos cientos de épocas acierta las cuatro filas. Con otra semilla puede "
               "quedarse atascada en un mínimo local."},
        MULTILAYER,
        _xor_backprop,
    ),
    Example(
        "08-playground-circle.neurona",
        {"en": "Playground: the circle", "es": "Playground: el círculo"},
        {"en": "TensorFlow Playground's opening network on the circle data.",
         "es": "La red con la que se abre TensorFlow Playground, con los datos del círculo."},
        {"en": "Playground's default: x1 and x2, hidden layers of 4 and 2 tanh neurons, SGD with "
               "η = 0.03, batches of 10, half of the points for training. Watch the hidden neurons' "
               "pictures combine into a closed region around the blue disc.",
         "es": "La configuración inicial de Playground: x1 y x2, capas ocultas de 4 y 2 neuronas tanh, "
               "SGD con η = 0,03, lotes de 10 y la mitad de los puntos para entrenar. Observa cómo las "
               "imágenes de las neuronas ocultas se combinan en una región cerrada alrededor del disco azul."},
        PLAYGROUND,
        _playground_circle,
    ),
    Example(
        "09-spiral-deep.neurona",
        {"en": "A deep network for the spiral", "es": "Una red profunda para la espiral"},
        {"en": "Four hidden layers of 8 tanh neurons untangle the spiral from x1 and x2 alone.",
         "es": "Cuatro capas ocultas de 8 neuronas tanh desenredan la espiral solo con x1 y x2."},
        {"en": "The spiral from x1 and x2 only: four hidden layers of 8 tanh neurons trained with Adam "
               "(η = 0.01). Each layer bends the previous one's regions a little more; look at the "
               "neurons' pictures from the first layer to the last.",
         "es": "La espiral solo con x1 y x2: cuatro capas ocultas de 8 neuronas tanh entrenadas con Adam "
               "(η = 0,01). Cada capa dobla un poco más las regiones de la anterior; mira las imágenes de "
               "las neuronas de la primera capa a la última."},
        MULTILAYER,
        _spiral_deep,
    ),
    Example(
        "10-blobs-softmax.neurona",
        {"en": "Four classes with softmax", "es": "Cuatro clases con softmax"},
        {"en": "Four clouds of points, one output neuron per class, softmax and cross-entropy.",
         "es": "Cuatro nubes de puntos, una neurona de salida por clase, softmax y entropía cruzada."},
        {"en": "Four classes need four output neurons: softmax turns their values into probabilities "
               "that add up to 1, and the loss is (sparse) categorical cross-entropy. Adam, η = 0.01. "
               "Each point gets the class of the largest output.",
         "es": "Cuatro clases necesitan cuatro neuronas de salida: softmax convierte sus valores en "
               "probabilidades que suman 1, y el error es la entropía cruzada categórica (dispersa). "
               "Adam, η = 0,01. Cada punto recibe la clase de la salida mayor."},
        MULTICLASS,
        _blobs_softmax,
    ),
    Example(
        "11-overfitting-early-stopping.neurona",
        {"en": "Overfitting and early stopping", "es": "Sobreajuste y parada temprana"},
        {"en": "Few noisy points and a big network: the test loss turns up, early stopping halts.",
         "es": "Pocos puntos con ruido y una red grande: el error de test sube y la parada temprana detiene."},
        {"en": "Only 20 % of very noisy circle points train a big network (three hidden layers of 16). "
               "Watch the loss plot: the training loss keeps falling while the test loss turns up — "
               "overfitting. Early stopping (patience 100) halts and restores the best epoch; dropout "
               "(0.1) also helps. Turn both off to see the test loss keep climbing.",
         "es": "Solo el 20 % de los puntos del círculo, con mucho ruido, entrena una red grande (tres capas "
               "ocultas de 16). Mira la gráfica del error: el de entrenamiento sigue bajando mientras el de "
               "test empieza a subir: sobreajuste. La parada temprana (paciencia 100) se detiene y recupera "
               "la mejor época; el dropout (0,1) también ayuda. Desactiva los dos para ver cómo sigue subiendo "
               "el error de test."},
        REGULARIZATION,
        _overfitting,
    ),
    Example(
        "12-regression-plane.neurona",
        {"en": "Regression: a plane", "es": "Regresión: un plano"},
        {"en": "A linear output neuron predicts a number instead of a class.",
         "es": "Una neurona de salida lineal predice un número en lugar de una clase."},
        {"en": "Regression: the target is a number, (x1 + x2)/10, so the output neuron is linear and the "
               "loss is the squared error. The colours show the predicted value. One linear neuron would "
               "do: try removing the hidden layers.",
         "es": "Regresión: el objetivo es un número, (x1 + x2)/10, así que la neurona de salida es lineal "
               "y el error es el cuadrático. Los colores muestran el valor predicho. Bastaría una neurona "
               "lineal: prueba a quitar las capas ocultas."},
        REGRESSION,
        _regression_plane,
    ),
]


# ---------------------------------------------------------------------- writing


def example_text(example: Example) -> str:
    """The .neurona text of one example."""
    net, cfg, data = example.build()
    meta = {"title": dict(example.title), "description": dict(example.description), "lesson": dict(example.lesson)}
    exp = Experiment(net, cfg, data, {}, {"meta": meta})
    return dumps(experiment_to_dict(exp))


def index_text() -> str:
    index = {
        "format": INDEX_FORMAT,
        "version": INDEX_VERSION,
        "examples": [
            {"file": ex.file, "title": dict(ex.title), "description": dict(ex.summary)} for ex in EXAMPLES
        ],
    }
    return json.dumps(index, indent=1, ensure_ascii=False) + "\n"


def outputs() -> dict[str, str]:
    """File name → text, for every file this script writes."""
    files = {ex.file: example_text(ex) for ex in EXAMPLES}
    files["index.json"] = index_text()
    return files


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if a file differs")
    parser.add_argument("--dir", type=Path, default=EXAMPLES_DIR, help="where the examples live")
    args = parser.parse_args(argv)
    from engine.io import write_atomic

    stale = []
    args.dir.mkdir(parents=True, exist_ok=True)
    for name, text in outputs().items():
        path = args.dir / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            write_atomic(path, text)
    verb = "differ" if args.check else "written"
    print(f"{len(stale)} file(s) {verb}" + (": " + ", ".join(stale) if stale else ""))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
