<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ActivationViewer</name>
    <message>
        <source>Not differentiable at 0, and f′ = 0 everywhere else: backpropagation gets no signal — train it with the perceptron rule.</source>
        <extracomment>f in x: the engine&apos;s ``formula`` with z written as x (checked by a test) f′ in x when to use it, in one line of simple words what the plot shows that the formulas do not say</extracomment>
        <translation>No es derivable en 0 y f′ = 0 en todos los demás puntos: la retropropagación no recibe señal; entrénala con la regla del perceptrón.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Escalón</translation>
    </message>
    <message>
        <source>f(x) = 1 if x ≥ 0, else 0</source>
        <translation>f(x) = 1 si x ≥ 0; si no, 0</translation>
    </message>
    <message>
        <source>f′(x) = 0 for x ≠ 0 (undefined at 0)</source>
        <translation>f′(x) = 0 para x ≠ 0 (no definida en 0)</translation>
    </message>
    <message>
        <source>{0, 1}</source>
        <translation>{0, 1}</translation>
    </message>
    <message>
        <source>The McCulloch–Pitts neuron: it fires (1) or not (0). Logic gates, the perceptron.</source>
        <translation>La neurona de McCulloch–Pitts: se activa (1) o no (0). Puertas lógicas, el perceptrón.</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signo</translation>
    </message>
    <message>
        <source>f(x) = +1 if x ≥ 0, else −1</source>
        <translation>f(x) = +1 si x ≥ 0; si no, −1</translation>
    </message>
    <message>
        <source>{−1, +1}</source>
        <translation>{−1, +1}</translation>
    </message>
    <message>
        <source>A step that answers −1 or +1 (bipolar): the classic perceptron.</source>
        <translation>Un escalón que responde −1 o +1 (bipolar): el perceptrón clásico.</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Lineal</translation>
    </message>
    <message>
        <source>f(x) = x</source>
        <translation>f(x) = x</translation>
    </message>
    <message>
        <source>f′(x) = 1</source>
        <translation>f′(x) = 1</translation>
    </message>
    <message>
        <source>(−∞, ∞)</source>
        <translation>(−∞, ∞)</translation>
    </message>
    <message>
        <source>No bend: output layer for regression. Linear hidden layers add nothing.</source>
        <translation>Sin curvatura: capa de salida para regresión. Las capas ocultas lineales no aportan nada.</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoide</translation>
    </message>
    <message>
        <source>f(x) = 1 / (1 + e^(−x))</source>
        <translation>f(x) = 1 / (1 + e^(−x))</translation>
    </message>
    <message>
        <source>f′(x) = f(x) · (1 − f(x))</source>
        <translation>f′(x) = f(x) · (1 − f(x))</translation>
    </message>
    <message>
        <source>(0, 1)</source>
        <translation>(0, 1)</translation>
    </message>
    <message>
        <source>A probability: output layer for two classes. Flat at the ends (f′ ≤ 0.25), so deep networks learn slowly.</source>
        <translation>Una probabilidad: capa de salida para dos clases. Plana en los extremos (f′ ≤ 0,25), así que las redes profundas aprenden despacio.</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>f(x) = tanh(x)</source>
        <translation>f(x) = tanh(x)</translation>
    </message>
    <message>
        <source>f′(x) = 1 − f(x)²</source>
        <translation>f′(x) = 1 − f(x)²</translation>
    </message>
    <message>
        <source>(−1, 1)</source>
        <translation>(−1, 1)</translation>
    </message>
    <message>
        <source>Centred at 0 and steeper than the sigmoid (f′ up to 1): Playground&apos;s default for hidden layers.</source>
        <translation>Centrada en 0 y más empinada que la sigmoide (f′ hasta 1): la opción por defecto de Playground para las capas ocultas.</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>f(x) = max(0, x)</source>
        <translation>f(x) = máx(0, x)</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &gt; 0, else 0</source>
        <translation>f′(x) = 1 si x &gt; 0; si no, 0</translation>
    </message>
    <message>
        <source>[0, ∞)</source>
        <translation>[0, ∞)</translation>
    </message>
    <message>
        <source>Fast and simple: the default for deep networks. A neuron can &quot;die&quot; (always 0, so it stops learning).</source>
        <translation>Rápida y sencilla: la opción por defecto en redes profundas. Una neurona puede «morir» (siempre 0, así que deja de aprender).</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>f(x) = max(αx, x)</source>
        <translation>f(x) = máx(αx, x)</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &gt; 0, else α</source>
        <translation>f′(x) = 1 si x &gt; 0; si no, α</translation>
    </message>
    <message>
        <source>ReLU with a small slope α for x &lt; 0, so neurons never die.</source>
        <translation>ReLU con una pequeña pendiente α para x &lt; 0, así las neuronas nunca mueren.</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>f(x) = x if x &gt; 0, else α(eˣ − 1)</source>
        <translation>f(x) = x si x &gt; 0; si no, α(eˣ − 1)</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &gt; 0, else f(x) + α</source>
        <translation>f′(x) = 1 si x &gt; 0; si no, f(x) + α</translation>
    </message>
    <message>
        <source>(−α, ∞)</source>
        <translation>(−α, ∞)</translation>
    </message>
    <message>
        <source>A ReLU that bends smoothly down to −α: outputs closer to mean 0, often learns faster.</source>
        <translation>Una ReLU que se curva suavemente hasta −α: salidas con media más cercana a 0; suele aprender más rápido.</translation>
    </message>
    <message>
        <source>SELU</source>
        <translation>SELU</translation>
    </message>
    <message>
        <source>f(x) = λ·(x if x &gt; 0, else α(eˣ − 1))</source>
        <translation>f(x) = λ·(x si x &gt; 0; si no, α(eˣ − 1))</translation>
    </message>
    <message>
        <source>f′(x) = λ if x &gt; 0, else f(x) + λα    (λ ≈ 1.05, α ≈ 1.67)</source>
        <translation>f′(x) = λ si x &gt; 0; si no, f(x) + λα    (λ ≈ 1.05, α ≈ 1.67)</translation>
    </message>
    <message>
        <source>(−λα, ∞) ≈ (−1.76, ∞)</source>
        <translation>(−λα, ∞) ≈ (−1.76, ∞)</translation>
    </message>
    <message>
        <source>A scaled ELU that keeps activations normalised by itself in deep fully connected networks.</source>
        <translation>Una ELU escalada que mantiene normalizadas las activaciones por sí sola en redes profundas totalmente conectadas.</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>f(x) = ln(1 + eˣ)</source>
        <translation>f(x) = ln(1 + eˣ)</translation>
    </message>
    <message>
        <source>f′(x) = σ(x) = 1 / (1 + e^(−x))</source>
        <translation>f′(x) = σ(x) = 1 / (1 + e^(−x))</translation>
    </message>
    <message>
        <source>(0, ∞)</source>
        <translation>(0, ∞)</translation>
    </message>
    <message>
        <source>A smooth ReLU without a corner; its slope is the sigmoid.</source>
        <translation>Una ReLU suave, sin esquina; su pendiente es la sigmoide.</translation>
    </message>
    <message>
        <source>SiLU (Swish)</source>
        <translation>SiLU (Swish)</translation>
    </message>
    <message>
        <source>f(x) = x · σ(x)</source>
        <translation>f(x) = x · σ(x)</translation>
    </message>
    <message>
        <source>f′(x) = σ(x) · (1 + x(1 − σ(x)))</source>
        <translation>f′(x) = σ(x) · (1 + x(1 − σ(x)))</translation>
    </message>
    <message>
        <source>≈ [−0.28, ∞)</source>
        <translation>≈ [−0.28, ∞)</translation>
    </message>
    <message>
        <source>A smooth ReLU that dips a little below 0; works well in deep networks.</source>
        <translation>Una ReLU suave que baja un poco por debajo de 0; funciona bien en redes profundas.</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>f(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))</source>
        <translation>f(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))</translation>
    </message>
    <message>
        <source>f′(x) = ½(1 + tanh u) + ½x(1 − tanh² u)·u′,  u = √(2/π)(x + 0.044715x³)</source>
        <translation>f′(x) = ½(1 + tanh u) + ½x(1 − tanh² u)·u′,  u = √(2/π)(x + 0.044715x³)</translation>
    </message>
    <message>
        <source>≈ [−0.17, ∞)</source>
        <translation>≈ [−0.17, ∞)</translation>
    </message>
    <message>
        <source>Like SiLU, a smooth ReLU: the usual choice in Transformers (BERT, GPT).</source>
        <translation>Como SiLU, una ReLU suave: la elección habitual en los Transformers (BERT, GPT).</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>fᵢ(x) = e^(xᵢ) / Σⱼ e^(xⱼ)</source>
        <translation>fᵢ(x) = e^(xᵢ) / Σⱼ e^(xⱼ)</translation>
    </message>
    <message>
        <source>∂fᵢ/∂xᵢ = fᵢ · (1 − fᵢ)</source>
        <translation>∂fᵢ/∂xᵢ = fᵢ · (1 − fᵢ)</translation>
    </message>
    <message>
        <source>(0, 1), and the outputs add up to 1</source>
        <translation>(0, 1), y las salidas suman 1</translation>
    </message>
    <message>
        <source>Output layer for several classes: turns scores into probabilities.</source>
        <translation>Capa de salida para varias clases: convierte puntuaciones en probabilidades.</translation>
    </message>
    <message>
        <source>Drawn for two inputs (x, 0): softmax₁(x, 0) = eˣ / (eˣ + 1) = σ(x), the sigmoid.</source>
        <translation>Dibujada para dos entradas (x, 0): softmax₁(x, 0) = eˣ / (eˣ + 1) = σ(x), la sigmoide.</translation>
    </message>
    <message>
        <source>Maxout</source>
        <translation>Maxout</translation>
    </message>
    <message>
        <source>f(x) = maxₖ (wₖx + bₖ)</source>
        <translation>f(x) = máxₖ (wₖx + bₖ)</translation>
    </message>
    <message>
        <source>f′(x) = wₖ of the line on top</source>
        <translation>f′(x) = wₖ de la recta que queda arriba</translation>
    </message>
    <message>
        <source>(−∞, ∞), set by the lines</source>
        <translation>(−∞, ∞), según las rectas</translation>
    </message>
    <message>
        <source>Learns its own shape from k lines (k times the weights). With the lines 0 and x it is ReLU.</source>
        <translation>Aprende su propia forma a partir de k rectas (k veces los pesos). Con las rectas 0 y x es ReLU.</translation>
    </message>
    <message>
        <source>Dotted: the example lines. f is the highest one at each x; f′ is that line&apos;s slope.</source>
        <translation>Punteadas: las rectas de ejemplo. f es la más alta en cada x; f′ es la pendiente de esa recta.</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <extracomment>Everything else the viewer writes.</extracomment>
        <translation>Funciones de activación</translation>
    </message>
    <message>
        <source>Output range  {range}</source>
        <translation>Rango de salida  {range}</translation>
    </message>
    <message>
        <source>When to use:</source>
        <translation>Cuándo usarla:</translation>
    </message>
    <message>
        <source>Point at the plot to read f(x) and f′(x)</source>
        <translation>Señala el gráfico para leer f(x) y f′(x)</translation>
    </message>
    <message>
        <source>x = {x}     f(x) = {f}     f′(x) = {df}</source>
        <translation>x = {x}     f(x) = {f}     f′(x) = {df}</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>rectas</translation>
    </message>
    <message>
        <source>{label}: {formula}</source>
        <translation>{label}: {formula}</translation>
    </message>
    <message>
        <source>Activation function viewer</source>
        <translation>Visor de funciones de activación</translation>
    </message>
    <message>
        <source>Slope for x &lt; 0</source>
        <translation>Pendiente para x &lt; 0</translation>
    </message>
    <message>
        <source>Lowest value −α</source>
        <translation>Valor mínimo −α</translation>
    </message>
    <message>
        <source>Number of lines</source>
        <translation>Número de rectas</translation>
    </message>
</context>
<context>
    <name>Activations</name>
    <message>
        <source>Step</source>
        <extracomment>incoming weights listed in a neuron&apos;s hover text before &quot;… n more&quot; Activation names as shown everywhere (context &quot;Activations&quot;; the engine&apos;s ``label`` in English, which a test keeps equal), translated when shown by :func:`activation_label`.</extracomment>
        <translation>Escalón</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signo</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Lineal</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoide</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>SELU</source>
        <translation>SELU</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>SiLU (Swish)</source>
        <translation>SiLU (Swish)</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Maxout</source>
        <translation>Maxout</translation>
    </message>
    <message>
        <source>f(z) = 1 if z ≥ 0, else 0</source>
        <extracomment>The engine&apos;s formulas (``formula``, in z), the words in them translated when shown.</extracomment>
        <translation>f(z) = 1 si z ≥ 0; si no, 0</translation>
    </message>
    <message>
        <source>f(z) = +1 if z ≥ 0, else −1</source>
        <translation>f(z) = +1 si z ≥ 0; si no, −1</translation>
    </message>
    <message>
        <source>f(z) = z</source>
        <translation>f(z) = z</translation>
    </message>
    <message>
        <source>f(z) = 1 / (1 + e^(−z))</source>
        <translation>f(z) = 1 / (1 + e^(−z))</translation>
    </message>
    <message>
        <source>f(z) = tanh(z)</source>
        <translation>f(z) = tanh(z)</translation>
    </message>
    <message>
        <source>f(z) = max(0, z)</source>
        <translation>f(z) = máx(0, z)</translation>
    </message>
    <message>
        <source>f(z) = max(αz, z)</source>
        <translation>f(z) = máx(αz, z)</translation>
    </message>
    <message>
        <source>f(z) = z if z &gt; 0, else α(eᶻ − 1)</source>
        <translation>f(z) = z si z &gt; 0; si no, α(eᶻ − 1)</translation>
    </message>
    <message>
        <source>f(z) = λ·(z if z &gt; 0, else α(eᶻ − 1))</source>
        <translation>f(z) = λ·(z si z &gt; 0; si no, α(eᶻ − 1))</translation>
    </message>
    <message>
        <source>f(z) = ln(1 + eᶻ)</source>
        <translation>f(z) = ln(1 + eᶻ)</translation>
    </message>
    <message>
        <source>f(z) = z · σ(z)</source>
        <translation>f(z) = z · σ(z)</translation>
    </message>
    <message>
        <source>f(z) = ½z(1 + tanh(√(2/π)(z + 0.044715z³)))</source>
        <translation>f(z) = ½z(1 + tanh(√(2/π)(z + 0.044715z³)))</translation>
    </message>
    <message>
        <source>fᵢ(z) = e^(zᵢ) / Σⱼ e^(zⱼ)</source>
        <translation>fᵢ(z) = e^(zᵢ) / Σⱼ e^(zⱼ)</translation>
    </message>
    <message>
        <source>f = max over {pieces} linear pieces zₖ</source>
        <translation>f = máximo de {pieces} piezas lineales zₖ</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>White background, black text and thick outlines for a washed-out projector</source>
        <extracomment>(theme key, palette key) after either changed</extracomment>
        <translation>Fondo blanco, texto negro y contornos gruesos para un proyector desvaído</translation>
    </message>
    <message>
        <source>Dark blue and yellow: apart for every kind of colour blindness and in greyscale</source>
        <translation>Azul oscuro y amarillo: se distinguen con cualquier tipo de daltonismo y en escala de grises</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Colores</translation>
    </message>
</context>
<context>
    <name>CanvasActions</name>
    <message>
        <source>A layer on the canvas holds at most {most} neurons (this one has {have}). Bigger layers would be too small to read.</source>
        <extracomment>the type ids a palette drag carries</extracomment>
        <translation>Una capa del lienzo admite como máximo {most} neuronas (esta tiene {have}). Capas más grandes serían demasiado pequeñas para leerlas.</translation>
    </message>
    <message>
        <source>The canvas shows at most {most} hidden layers. Remove a layer before adding another.</source>
        <translation>El lienzo muestra como máximo {most} capas ocultas. Quita una capa antes de añadir otra.</translation>
    </message>
    <message>
        <source>A new layer has 1 to {most} neurons, not {size}.</source>
        <translation>Una capa nueva tiene de 1 a {most} neuronas, no {size}.</translation>
    </message>
    <message>
        <source>Neurons go into a hidden or output layer; inputs are the FEATURES.</source>
        <translation>Las neuronas van en una capa oculta o de salida; las entradas son las CARACTERÍSTICAS.</translation>
    </message>
    <message>
        <source>Add neuron</source>
        <translation>Añadir neurona</translation>
    </message>
    <message>
        <source>Centre layer</source>
        <translation>Centrar capa</translation>
    </message>
    <message>
        <source>Switch inputs off in FEATURES (or select one and press Delete).</source>
        <translation>Desactiva entradas en CARACTERÍSTICAS (o selecciona una y pulsa Supr).</translation>
    </message>
    <message>
        <source>A layer keeps at least one neuron; remove the layer from its menu instead.</source>
        <translation>Una capa conserva al menos una neurona; quita la capa desde su menú.</translation>
    </message>
    <message>
        <source>Remove neuron</source>
        <translation>Quitar neurona</translation>
    </message>
    <message>
        <source>The inputs are not a layer; switch features off in FEATURES.</source>
        <translation>Las entradas no son una capa; desactiva características en CARACTERÍSTICAS.</translation>
    </message>
    <message>
        <source>Every input feature is already in use.</source>
        <translation>Ya se usan todas las características de entrada.</translation>
    </message>
    <message>
        <source>{feature} is the only input; a network needs at least one.</source>
        <translation>{feature} es la única entrada; una red necesita al menos una.</translation>
    </message>
    <message>
        <source>Inputs are features: switch them on in FEATURES or drop an Input.</source>
        <translation>Las entradas son características: actívalas en CARACTERÍSTICAS o suelta una Entrada.</translation>
    </message>
    <message>
        <source>Move neuron</source>
        <translation>Mover neurona</translation>
    </message>
    <message>
        <source>Move {n} neurons</source>
        <translation>Mover {n} neuronas</translation>
    </message>
    <message>
        <source>Move layer</source>
        <translation>Mover capa</translation>
    </message>
</context>
<context>
    <name>CanvasLabels</name>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Hidden {layer}</source>
        <translation>Oculta {layer}</translation>
    </message>
    <message>
        <source>Input layer</source>
        <translation>Capa de entrada</translation>
    </message>
    <message>
        <source>Output layer</source>
        <translation>Capa de salida</translation>
    </message>
    <message>
        <source>Hidden layer {layer}</source>
        <translation>Capa oculta {layer}</translation>
    </message>
    <message>
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <source>output {n}</source>
        <translation>salida {n}</translation>
    </message>
    <message>
        <source>hidden {layer}·{n}</source>
        <translation>oculta {layer}·{n}</translation>
    </message>
    <message>
        <source>removed — the network computes with 0; right-click › Restore</source>
        <translation>quitada: la red calcula con 0; clic derecho › Restaurar</translation>
    </message>
    <message>
        <source>frozen — training keeps it</source>
        <translation>congelado: el entrenamiento lo conserva</translation>
    </message>
    <message>
        <source>from {source} to {target}</source>
        <translation>de {source} a {target}</translation>
    </message>
    <message>
        <source>click to edit · right-click for more</source>
        <translation>clic para editar · clic derecho para más</translation>
    </message>
    <message>
        <source>&lt;b&gt;input {feature}&lt;/b&gt;&lt;br&gt;the feature {feature} of each point;&lt;br&gt;switch inputs on and off in FEATURES or with the palette</source>
        <translation>&lt;b&gt;entrada {feature}&lt;/b&gt;&lt;br&gt;la característica {feature} de cada punto;&lt;br&gt;activa y desactiva entradas en CARACTERÍSTICAS o con la paleta</translation>
    </message>
    <message>
        <source>(frozen)</source>
        <translation>(congelado)</translation>
    </message>
    <message>
        <source>… {n} more</source>
        <translation>… {n} más</translation>
    </message>
    <message>
        <source>bias b = {value}</source>
        <translation>sesgo b = {value}</translation>
    </message>
    <message>
        <source>dropout {rate} while training</source>
        <translation>dropout {rate} al entrenar</translation>
    </message>
    <message>
        <source>incoming weights:</source>
        <translation>pesos de entrada:</translation>
    </message>
</context>
<context>
    <name>CanvasMenus</name>
    <message>
        <source>Inspect…	Enter</source>
        <translation>Inspeccionar…	Intro</translation>
    </message>
    <message>
        <source>Switch off input {feature}</source>
        <translation>Desactivar la entrada {feature}</translation>
    </message>
    <message>
        <source>Unfreeze bias</source>
        <translation>Descongelar sesgo</translation>
    </message>
    <message>
        <source>Freeze bias</source>
        <translation>Congelar sesgo</translation>
    </message>
    <message>
        <source>Remove neuron	Del</source>
        <translation>Quitar neurona	Supr</translation>
    </message>
    <message>
        <source>Remove {n} neurons	Del</source>
        <translation>Quitar {n} neuronas	Supr</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>Add neuron</source>
        <translation>Añadir neurona</translation>
    </message>
    <message>
        <source>Remove neuron</source>
        <translation>Quitar neurona</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activación</translation>
    </message>
    <message>
        <source>Dropout… ({rate})</source>
        <translation>Dropout… ({rate})</translation>
    </message>
    <message>
        <source>Layer settings…</source>
        <translation>Ajustes de la capa…</translation>
    </message>
    <message>
        <source>Insert layer before</source>
        <translation>Insertar capa antes</translation>
    </message>
    <message>
        <source>Insert layer after</source>
        <translation>Insertar capa después</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Quitar capa</translation>
    </message>
    <message>
        <source>Restore connection</source>
        <translation>Restaurar conexión</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Quitar conexión</translation>
    </message>
    <message>
        <source>Unfreeze weight</source>
        <translation>Descongelar peso</translation>
    </message>
    <message>
        <source>Freeze weight</source>
        <translation>Congelar peso</translation>
    </message>
    <message>
        <source>Set weight…</source>
        <translation>Fijar peso…</translation>
    </message>
    <message>
        <source>Add layer here</source>
        <translation>Añadir capa aquí</translation>
    </message>
    <message>
        <source>Add input feature</source>
        <translation>Añadir característica de entrada</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>Ordenar automáticamente</translation>
    </message>
    <message>
        <source>Fit to window	Ctrl+0</source>
        <translation>Ajustar a la ventana	Ctrl+0</translation>
    </message>
</context>
<context>
    <name>ClassroomDocks</name>
    <message>
        <source>LESSONS</source>
        <translation>LECCIONES</translation>
    </message>
    <message>
        <source>Show or hide the lessons panel ({keys})</source>
        <translation>Muestra u oculta el panel de lecciones ({keys})</translation>
    </message>
    <message>
        <source>ACTIVATION FUNCTIONS</source>
        <translation>FUNCIONES DE ACTIVACIÓN</translation>
    </message>
    <message>
        <source>Show or hide the activation functions panel ({keys})</source>
        <translation>Muestra u oculta el panel de funciones de activación ({keys})</translation>
    </message>
    <message>
        <source>Select a neuron or a layer on the canvas to give its layer this activation.</source>
        <translation>Selecciona una neurona o una capa en el lienzo para dar esta activación a su capa.</translation>
    </message>
    <message>
        <source>Lesson settings</source>
        <translation>Ajustes de la lección</translation>
    </message>
</context>
<context>
    <name>CodeExportActions</name>
    <message>
        <source>&amp;NumPy Script…</source>
        <translation>Script de &amp;NumPy…</translation>
    </message>
    <message>
        <source>A standalone Python script (NumPy only) that reproduces the predictions</source>
        <translation>Un script de Python independiente (solo NumPy) que reproduce las predicciones</translation>
    </message>
    <message>
        <source>&amp;Keras Code…</source>
        <translation>Código de &amp;Keras…</translation>
    </message>
    <message>
        <source>Keras code in the course&apos;s style, with the trained weights loaded</source>
        <translation>Código de Keras al estilo del curso, con los pesos entrenados ya cargados</translation>
    </message>
    <message>
        <source>&amp;PyTorch Code…</source>
        <translation>Código de &amp;PyTorch…</translation>
    </message>
    <message>
        <source>A PyTorch module with the trained weights and the same optimizer</source>
        <translation>Un módulo de PyTorch con los pesos entrenados y el mismo optimizador</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Código</translation>
    </message>
    <message>
        <source>Cannot export code</source>
        <translation>No se puede exportar el código</translation>
    </message>
    <message>
        <source>“{name}” could not be written:
{problem}</source>
        <translation>No se pudo escribir “{name}”:
{problem}</translation>
    </message>
    <message>
        <source>Wrote {name}</source>
        <translation>Código guardado en {name}</translation>
    </message>
    <message>
        <source>Export code</source>
        <translation>Exportar código</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Archivos de Python (*.py)</translation>
    </message>
</context>
<context>
    <name>ColorLegend</name>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Add neuron</source>
        <translation>Añadir neurona</translation>
    </message>
    <message>
        <source>Remove neuron</source>
        <translation>Eliminar neurona</translation>
    </message>
    <message>
        <source>Reorder neuron</source>
        <translation>Reordenar neurona</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>Añadir capa</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Eliminar capa</translation>
    </message>
    <message>
        <source>Change layer</source>
        <translation>Cambiar capa</translation>
    </message>
    <message>
        <source>Add input {name}</source>
        <translation>Añadir entrada {name}</translation>
    </message>
    <message>
        <source>Remove input {name}</source>
        <translation>Quitar entrada {name}</translation>
    </message>
    <message>
        <source>Set weight</source>
        <translation>Cambiar peso</translation>
    </message>
    <message>
        <source>Set bias</source>
        <translation>Cambiar sesgo</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Quitar conexión</translation>
    </message>
    <message>
        <source>Restore connection</source>
        <translation>Restaurar conexión</translation>
    </message>
    <message>
        <source>Freeze weight</source>
        <translation>Congelar peso</translation>
    </message>
    <message>
        <source>Unfreeze weight</source>
        <translation>Descongelar peso</translation>
    </message>
    <message>
        <source>Freeze bias</source>
        <translation>Congelar sesgo</translation>
    </message>
    <message>
        <source>Unfreeze bias</source>
        <translation>Descongelar sesgo</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Mover</translation>
    </message>
    <message>
        <source>Change training setting</source>
        <translation>Cambiar ajuste de entrenamiento</translation>
    </message>
    <message>
        <source>Change data</source>
        <translation>Cambiar datos</translation>
    </message>
</context>
<context>
    <name>CompactToolbar</name>
    <message>
        <source>Learning rate</source>
        <translation>Tasa aprend.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Tam. lote</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>the CSV content must be text</source>
        <extracomment>The engine&apos;s CSV problems (English, see ``engine.datasets.parse_csv``/``load_csv``) and how the GUI says them: (pattern of the engine&apos;s message, template with the same named fields). A message not listed here (a new one) is shown as the engine wrote it.</extracomment>
        <translation>el contenido CSV debe ser texto</translation>
    </message>
    <message>
        <source>the file is too large (more than {mb} MB)</source>
        <translation>el archivo es demasiado grande (más de {mb} MB)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>cannot read the row ({detail})</source>
        <translation>no se puede leer la fila ({detail})</translation>
    </message>
    <message>
        <source>expected 3 columns (x1, x2, label) but found {n}</source>
        <translation>se esperaban 3 columnas (x1, x2, etiqueta), pero hay {n}</translation>
    </message>
    <message>
        <source>“{field}” in column {column} is not a number</source>
        <translation>«{field}» en la columna {column} no es un número</translation>
    </message>
    <message>
        <source>“{field}” in column {column} is not a finite number (NaN and Inf are not allowed)</source>
        <translation>«{field}» en la columna {column} no es un número finito (no se admiten NaN ni Inf)</translation>
    </message>
    <message>
        <source>“{field}” in column {column} is too large (the limit is {limit})</source>
        <translation>«{field}» en la columna {column} es demasiado grande (el límite es {limit})</translation>
    </message>
    <message>
        <source>too many rows: at most {n} data rows are allowed</source>
        <translation>demasiadas filas: se admiten como máximo {n} filas de datos</translation>
    </message>
    <message>
        <source>there are no data rows (only a header or comments)</source>
        <translation>no hay filas de datos (solo una cabecera o comentarios)</translation>
    </message>
    <message>
        <source>every row has the same label ({label}); at least two classes are needed</source>
        <translation>todas las filas tienen la misma etiqueta ({label}); se necesitan al menos dos clases</translation>
    </message>
    <message>
        <source>cannot read {file}: {reason}</source>
        <translation>no se puede leer {file}: {reason}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; save it as “CSV UTF-8”</source>
        <translation>el archivo no es texto UTF-8; guárdalo como «CSV UTF-8»</translation>
    </message>
</context>
<context>
    <name>CsvPreviewDialog</name>
    <message>
        <source>Import {file}</source>
        <translation>Importar {file}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; — {rows} rows</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; — {rows} filas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Classification · {n} classes</source>
        <translation>Clasificación · {n} clases</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Clases</translation>
    </message>
    <message>
        <source>label &lt;b&gt;{label}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; {rows} rows</source>
        <translation>etiqueta &lt;b&gt;{label}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; {rows} filas</translation>
    </message>
    <message>
        <source>Regression · targets {low} … {high}</source>
        <translation>Regresión · objetivos {low} … {high}</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>Plano</translation>
    </message>
    <message>
        <source>label</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <source>first {shown} of {rows} rows</source>
        <translation>primeras {shown} de {rows} filas</translation>
    </message>
    <message>
        <source>all {rows} rows</source>
        <translation>las {rows} filas</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Share of the rows used for training; the rest tests.</source>
        <translation>Proporción de filas que se usa para entrenar; el resto sirve de prueba.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>Primeras filas</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>División</translation>
    </message>
    <message>
        <source>Too few rows for this split: choose a larger training share.</source>
        <translation>Muy pocas filas para esta división: elige una proporción de entrenamiento mayor.</translation>
    </message>
    <message>
        <source>{train} points train the network, {test} test it</source>
        <translation>{train} puntos entrenan la red y {test} la ponen a prueba</translation>
    </message>
</context>
<context>
    <name>DataPalette</name>
    <message>
        <source>&amp;Blue / Orange (Playground)</source>
        <extracomment>Okabe &amp; Ito&apos;s colour-blind-safe categorical colours (bluish green, reddish purple, vermillion, sky blue, yellow), for a third class and beyond</extracomment>
        <translation>&amp;Azul / naranja (Playground)</translation>
    </message>
    <message>
        <source>Blue / &amp;Yellow (light–dark, colour-blind safe)</source>
        <translation>Azul / a&amp;marillo (claro–oscuro, apto para daltonismo)</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <extracomment>Milliseconds a control must rest before its change is applied (keyboard, wheel, seed box). Largest seed the seed box holds (a QSpinBox is 32-bit) and largest &quot;Regenerate&quot; draws.</extracomment>
        <translation>Archivos CSV (*.csv *.txt *.tsv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Logic gate AND: true when both inputs are 1.</source>
        <extracomment>What each tile&apos;s tooltip says (the engine&apos;s own descriptions are English only).</extracomment>
        <translation>Puerta lógica AND (Y): verdadera cuando las dos entradas son 1.</translation>
    </message>
    <message>
        <source>Logic gate OR: true when at least one input is 1.</source>
        <translation>Puerta lógica OR (O): verdadera cuando al menos una entrada es 1.</translation>
    </message>
    <message>
        <source>Logic gate NAND (not AND): false only when both inputs are 1.</source>
        <translation>Puerta lógica NAND (NO Y): falsa solo cuando las dos entradas son 1.</translation>
    </message>
    <message>
        <source>Logic gate NOR (not OR): true only when both inputs are 0.</source>
        <translation>Puerta lógica NOR (NO O): verdadera solo cuando las dos entradas son 0.</translation>
    </message>
    <message>
        <source>Logic gate XOR: true when exactly one input is 1.</source>
        <translation>Puerta lógica XOR (O exclusivo): verdadera cuando exactamente una entrada es 1.</translation>
    </message>
    <message>
        <source>Logic gate XNOR: true when both inputs are equal.</source>
        <translation>Puerta lógica XNOR: verdadera cuando las dos entradas son iguales.</translation>
    </message>
    <message>
        <source>A disc of class 1 inside a ring of class 0.</source>
        <translation>Un disco de clase 1 dentro de un anillo de clase 0.</translation>
    </message>
    <message>
        <source>Exclusive or, Playground&apos;s version: class 1 (blue) where x₁·x₂ ≥ 0.</source>
        <translation>O exclusivo, versión de Playground: clase 1 (azul) donde x₁·x₂ ≥ 0.</translation>
    </message>
    <message>
        <source>Two Gaussian clouds: class 1 around (2, 2), class 0 around (−2, −2).</source>
        <translation>Dos nubes gaussianas: clase 1 alrededor de (2, 2), clase 0 alrededor de (−2, −2).</translation>
    </message>
    <message>
        <source>Two interleaved spiral arms.</source>
        <translation>Dos brazos de espiral entrelazados.</translation>
    </message>
    <message>
        <source>Gaussian clouds on a circle, one per class (set the number of classes).</source>
        <translation>Nubes gaussianas sobre un círculo, una por clase (elige el número de clases).</translation>
    </message>
    <message>
        <source>A spiral with one arm per class (set the number of classes).</source>
        <translation>Una espiral con un brazo por clase (elige el número de clases).</translation>
    </message>
    <message>
        <source>Regression: the target grows linearly with x₁ + x₂.</source>
        <translation>Regresión: el objetivo crece linealmente con x₁ + x₂.</translation>
    </message>
    <message>
        <source>Regression, Playground&apos;s “multi Gaussian”: six bumps of value +1 or −1.</source>
        <translation>Regresión, la «multigaussiana» de Playground: seis montículos de valor +1 o −1.</translation>
    </message>
    <message>
        <source>Draw your own points: click the output plot to add them, right-click to remove.</source>
        <translation>Dibuja tus propios puntos: haz clic en el gráfico de salida para añadirlos y clic derecho para quitarlos.</translation>
    </message>
    <message>
        <source>Import points from a CSV file with rows x1,x2,label.</source>
        <translation>Importa puntos desde un archivo CSV con filas x1,x2,etiqueta.</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Logic gates as their truth table: the four rows 00, 01, 10, 11</source>
        <translation>Puertas lógicas como su tabla de verdad: las cuatro filas 00, 01, 10, 11</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Nube</translation>
    </message>
    <message>
        <source>Logic gates as noisy clouds of points around the four corners</source>
        <translation>Puertas lógicas como nubes de puntos con ruido alrededor de las cuatro esquinas</translation>
    </message>
    <message>
        <source>Number of classes of Blobs and Spirals (3 to 8)</source>
        <translation>Número de clases de Nubes y Espirales (de 3 a 8)</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Clases</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Ruido</translation>
    </message>
    <message>
        <source>How much the points stray from the pattern (0–50)</source>
        <translation>Cuánto se alejan los puntos del patrón (0–50)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Ratio of training to test data: the share of points the network learns from; the rest test it</source>
        <translation>Proporción de datos de entrenamiento y de prueba: la parte de los puntos de la que aprende la red; el resto la pone a prueba</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>How many points to generate</source>
        <translation>Cuántos puntos generar</translation>
    </message>
    <message>
        <source>The random seed: the same seed gives the same points</source>
        <translation>La semilla aleatoria: la misma semilla da los mismos puntos</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <source>Regenerate: new random points with the same settings (a new seed)</source>
        <translation>Regenerar: nuevos puntos aleatorios con los mismos ajustes (una semilla nueva)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Change noise</source>
        <translation>Cambiar el ruido</translation>
    </message>
    <message>
        <source>Change train/test ratio</source>
        <translation>Cambiar la proporción entrenamiento/prueba</translation>
    </message>
    <message>
        <source>Change number of points</source>
        <translation>Cambiar el número de puntos</translation>
    </message>
    <message>
        <source>Change seed</source>
        <translation>Cambiar la semilla</translation>
    </message>
    <message>
        <source>New random data</source>
        <translation>Nuevos datos aleatorios</translation>
    </message>
    <message>
        <source>Import data from CSV</source>
        <translation>Importar datos desde CSV</translation>
    </message>
    <message>
        <source>Problem on line {line}: {problem}.</source>
        <translation>Problema en la línea {line}: {problem}.</translation>
    </message>
    <message>
        <source>Problem: {problem}.</source>
        <translation>Problema: {problem}.</translation>
    </message>
    <message>
        <source>Cannot import the CSV file</source>
        <translation>No se puede importar el archivo CSV</translation>
    </message>
    <message>
        <source>{file} could not be imported.

{problem}

Nothing was loaded; the current data are unchanged.
Each row needs three numbers: x1, x2, label.</source>
        <translation>No se pudo importar {file}.

{problem}

No se cargó nada; los datos actuales no cambian.
Cada fila necesita tres números: x1, x2, etiqueta.</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>Importar {file}</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>Borrar los puntos</translation>
    </message>
    <message>
        <source>Draw your own data</source>
        <translation>Dibujar tus propios datos</translation>
    </message>
    <message>
        <source>Data: {name}</source>
        <translation>Datos: {name}</translation>
    </message>
    <message>
        <source>Gate data: noisy cloud</source>
        <translation>Datos de la puerta: nube con ruido</translation>
    </message>
    <message>
        <source>Gate data: truth table</source>
        <translation>Datos de la puerta: tabla de verdad</translation>
    </message>
    <message>
        <source>Change number of classes</source>
        <translation>Cambiar el número de clases</translation>
    </message>
    <message>
        <source>A data set holds at most {n} points.</source>
        <translation>Un conjunto de datos admite como máximo {n} puntos.</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>Añadir punto</translation>
    </message>
    <message>
        <source>The last point stays: a data set needs at least one. Add another point first, or Clear.</source>
        <translation>El último punto se queda: un conjunto de datos necesita al menos uno. Añade antes otro punto, o usa Borrar.</translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation>Eliminar punto</translation>
    </message>
    <message>
        <source>Class {k} still has points: delete them first.</source>
        <translation>La clase {k} todavía tiene puntos: elimínalos primero.</translation>
    </message>
    <message>
        <source>Add class</source>
        <translation>Añadir clase</translation>
    </message>
    <message>
        <source>Remove class</source>
        <translation>Quitar clase</translation>
    </message>
    <message>
        <source>Drawn points all train the network; noise, size and seed do not apply.</source>
        <translation>Todos los puntos dibujados entrenan la red; el ruido, el tamaño y la semilla no se aplican.</translation>
    </message>
    <message>
        <source>Imported points: only the split (training share and seed) can change.</source>
        <translation>Puntos importados: solo puede cambiar la división (proporción de entrenamiento y semilla).</translation>
    </message>
    <message>
        <source>A truth table is exactly four rows: noise, size and split do not apply.</source>
        <translation>Una tabla de verdad tiene exactamente cuatro filas: el ruido, el tamaño y la división no se aplican.</translation>
    </message>
</context>
<context>
    <name>DataTiles</name>
    <message>
        <source>Logic gates</source>
        <extracomment>Space between the card&apos;s edge and the thumbnail, and under the label. Thumbnail of a compact tile (thumbnail left, name right): the logic gates. The tiles: (section, [(key, tile label)]). Keys are generator names, &quot;draw&quot; and &quot;csv&quot;; the words are translated (context &quot;DataTiles&quot;) when shown.</extracomment>
        <translation>Puertas lógicas</translation>
    </message>
    <message>
        <source>AND</source>
        <translation>AND</translation>
    </message>
    <message>
        <source>OR</source>
        <translation>OR</translation>
    </message>
    <message>
        <source>NAND</source>
        <translation>NAND</translation>
    </message>
    <message>
        <source>NOR</source>
        <translation>NOR</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>XNOR</source>
        <translation>XNOR</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>Círculo</translation>
    </message>
    <message>
        <source>Gauss</source>
        <translation>Gauss</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>Espiral</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>Nubes</translation>
    </message>
    <message>
        <source>Spirals</source>
        <translation>Espirales</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>Regresión</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>Plano</translation>
    </message>
    <message>
        <source>Bumps</source>
        <translation>Colinas</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Tus datos</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Dibujar</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
</context>
<context>
    <name>DockTitleBar</name>
    <message>
        <source>Detach this panel into its own window</source>
        <translation>Separar este panel en su propia ventana</translation>
    </message>
    <message>
        <source>Hide this panel (show it again from the View menu)</source>
        <translation>Ocultar este panel (se vuelve a mostrar desde el menú Ver)</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Neurons go into a hidden or output layer; inputs are the FEATURES on the left.</source>
        <extracomment>a message naming what was wrong with a refused edit</extracomment>
        <translation>Las neuronas van en una capa oculta o en la de salida; las entradas son las CARACTERÍSTICAS de la izquierda.</translation>
    </message>
    <message>
        <source>A layer holds at most {count} neurons.</source>
        <translation>Una capa admite como máximo {count} neuronas.</translation>
    </message>
    <message>
        <source>A network has at most {count} layers.</source>
        <translation>Una red admite como máximo {count} capas.</translation>
    </message>
    <message>
        <source>The output layer cannot be removed; change its neurons instead.</source>
        <translation>La capa de salida no se puede eliminar; cambia sus neuronas en su lugar.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Remove neuron</source>
        <translation>Eliminar neurona</translation>
    </message>
    <message>
        <source>Inputs stay in the input column; switch them in the FEATURES panel.</source>
        <translation>Las entradas se quedan en la columna de entrada; actívalas o desactívalas en el panel CARACTERÍSTICAS.</translation>
    </message>
    <message>
        <source>That neuron is the last of its layer; delete the layer instead.</source>
        <translation>Esa neurona es la última de su capa; elimina la capa en su lugar.</translation>
    </message>
    <message>
        <source>Move neuron to another layer</source>
        <translation>Mover neurona a otra capa</translation>
    </message>
    <message>
        <source>Activation {name}</source>
        <translation>Activación {name}</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>Disposición automática</translation>
    </message>
    <message>
        <source>Change data</source>
        <translation>Cambiar datos</translation>
    </message>
    <message>
        <source>Output activation</source>
        <translation>Activación de salida</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
</context>
<context>
    <name>DrawControls</name>
    <message>
        <source>Left-click the output plot to add a point of the chosen class; right-click removes the nearest point.</source>
        <extracomment>Name of a drawn data set (how the panel recognises one after undo or a reload). Where drawing starts: one point of class 0 (orange) and one of class 1 (blue). Farthest a right click may be from a point to delete it, as a share of the plane&apos;s side.</extracomment>
        <translation>Haz clic en el gráfico de salida para añadir un punto de la clase elegida; el clic derecho quita el punto más cercano.</translation>
    </message>
    <message>
        <source>Draw points of class {k}</source>
        <translation>Dibujar puntos de la clase {k}</translation>
    </message>
    <message>
        <source>Add a class (at most {n})</source>
        <translation>Añadir una clase (como máximo {n})</translation>
    </message>
    <message>
        <source>Remove the last class (only when it has no points)</source>
        <translation>Quitar la última clase (solo si no tiene puntos)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Remove the drawn points and start again from two points</source>
        <translation>Quita los puntos dibujados y vuelve a empezar desde dos puntos</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Dibujar</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <source>no such file</source>
        <translation>el archivo no existe</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>no se puede leer ({reason})</translation>
    </message>
    <message>
        <source>the file is {size} MB; the limit is {limit} MB</source>
        <translation>el archivo ocupa {size} MB; el límite es {limit} MB</translation>
    </message>
    <message>
        <source>is not UTF-8 text (byte {byte})</source>
        <translation>no es texto UTF-8 (byte {byte})</translation>
    </message>
    <message>
        <source>must be JSON text</source>
        <translation>debe ser texto JSON</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <source>is not valid JSON (not a Neurona network, or a damaged file): the problem is at line {line}, column {column}</source>
        <translation>no es JSON válido (no es una red de Neurona, o el archivo está dañado): el problema está en la línea {line}, columna {column}</translation>
    </message>
    <message>
        <source>is nested too deeply (the limit is {limit} levels)</source>
        <translation>tiene demasiados niveles anidados (el límite es {limit})</translation>
    </message>
    <message>
        <source>is not valid JSON (not a Neurona network, or a damaged file)</source>
        <translation>no es JSON válido (no es una red de Neurona, o el archivo está dañado)</translation>
    </message>
    <message>
        <source>is not a Neurona network (it must hold a JSON object at the top level)</source>
        <translation>no es una red de Neurona (debe contener un objeto JSON en el nivel superior)</translation>
    </message>
    <message>
        <source>the &apos;{key}&apos; section is missing</source>
        <translation>falta la sección &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>too large to load</source>
        <translation>es demasiado grande para cargarlo</translation>
    </message>
    <message>
        <source>Training diverged in epoch {epoch}: the {what} became NaN or infinite, so the last finite weights were kept. Try a smaller learning rate{rate}, an optimizer such as Adam, or stronger regularization.</source>
        <translation>El entrenamiento divergió en la época {epoch}: {what} se volvieron NaN o infinitos, así que se conservaron los últimos pesos finitos. Prueba una tasa de aprendizaje menor{rate}, un optimizador como Adam o una regularización más fuerte.</translation>
    </message>
    <message>
        <source>{loss_name} needs a {needed} output layer, not {activation}</source>
        <translation>{loss_name} necesita una capa de salida {needed}, no {activation}</translation>
    </message>
    <message>
        <source>{loss_name} needs at least 2 output neurons (one per class)</source>
        <translation>{loss_name} necesita al menos 2 neuronas de salida (una por clase)</translation>
    </message>
    <message>
        <source>the data set has {n} classes but the output layer has {k} neurons</source>
        <translation>el conjunto de datos tiene {n} clases, pero la capa de salida tiene {k} neuronas</translation>
    </message>
    <message>
        <source>the data set has {n} classes: use {n} output neurons, one per class</source>
        <translation>el conjunto de datos tiene {n} clases: usa {n} neuronas de salida, una por clase</translation>
    </message>
    <message>
        <source>regression needs exactly one output neuron (the output layer has {k})</source>
        <translation>la regresión necesita exactamente una neurona de salida (la capa de salida tiene {k})</translation>
    </message>
    <message>
        <source>regression uses squared error</source>
        <translation>la regresión usa el error cuadrático</translation>
    </message>
    <message>
        <source>the perceptron rule trains a single layer: remove the hidden layers</source>
        <translation>la regla del perceptrón entrena una sola capa: quita las capas ocultas</translation>
    </message>
    <message>
        <source>the perceptron rule needs step or sign outputs, not {activation}</source>
        <translation>la regla del perceptrón necesita salidas escalón o signo, no {activation}</translation>
    </message>
    <message>
        <source>use squared error with the perceptron rule</source>
        <translation>usa el error cuadrático con la regla del perceptrón</translation>
    </message>
    <message>
        <source>early stopping needs test data to watch: use a training share below 100 %</source>
        <translation>la parada temprana necesita datos de prueba que vigilar: usa una proporción de entrenamiento menor que 100 %</translation>
    </message>
    <message>
        <source>a network needs at least one input</source>
        <translation>una red necesita al menos una entrada</translation>
    </message>
    <message>
        <source>a layer needs at least one neuron; remove the layer instead</source>
        <translation>una capa necesita al menos una neurona; quita la capa en su lugar</translation>
    </message>
    <message>
        <source>the output layer cannot be removed</source>
        <translation>la capa de salida no se puede quitar</translation>
    </message>
    <message>
        <source>a network has at most {count} layers</source>
        <translation>una red tiene como máximo {count} capas</translation>
    </message>
    <message>
        <source>a layer holds at most {count} neurons</source>
        <translation>una capa tiene como máximo {count} neuronas</translation>
    </message>
    <message>
        <source>{setting} = {value}: must be between {lo} and {hi}</source>
        <translation>{setting} = {value}: debe estar entre {lo} y {hi}</translation>
    </message>
    <message>
        <source>{setting} = {value}: must be {op} {limit}</source>
        <translation>{setting} = {value}: debe ser {op} {limit}</translation>
    </message>
    <message>
        <source>{setting} = {value}: must be a {kind}</source>
        <translation>{setting} = {value}: debe ser {kind}</translation>
    </message>
    <message>
        <source>there are no training points</source>
        <translation>no hay puntos de entrenamiento</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>al menos</translation>
    </message>
    <message>
        <source>greater than</source>
        <translation>mayor que</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>como máximo</translation>
    </message>
    <message>
        <source>number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>finite number</source>
        <translation>un número finito</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>los valores de la pérdida</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>los pesos</translation>
    </message>
    <message>
        <source> (now {rate}; e.g. {smaller})</source>
        <translation> (ahora {rate}; p. ej. {smaller})</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>{name}: pictures are saved as .png or .svg</source>
        <translation>{name}: las imágenes se guardan como .png o .svg</translation>
    </message>
    <message>
        <source>Neurona network</source>
        <translation>Red de Neurona</translation>
    </message>
    <message>
        <source>Made with Neurona</source>
        <translation>Hecho con Neurona</translation>
    </message>
    <message>
        <source>Cannot write {path}</source>
        <translation>No se puede escribir {path}</translation>
    </message>
    <message>
        <source>The plot could not be drawn</source>
        <translation>No se pudo dibujar la gráfica</translation>
    </message>
    <message>
        <source>Neurona plot</source>
        <translation>Gráfica de Neurona</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <extracomment>the handout page grid of the handout&apos;s decision region (the window computes 64×64) empty space around the network in a canvas picture (scene units) translation marker (context &quot;ExportActions&quot;), translated where the dialog shows it</extracomment>
        <translation>Imagen PNG (*.png);;Dibujo SVG (*.svg)</translation>
    </message>
    <message>
        <source>&amp;Network Image…</source>
        <translation>Imagen de la &amp;red…</translation>
    </message>
    <message>
        <source>Save the whole network as PNG or SVG, sized for slides</source>
        <translation>Guardar la red completa como PNG o SVG, a tamaño de diapositiva</translation>
    </message>
    <message>
        <source>&amp;Decision Region Image…</source>
        <translation>Imagen de la región de &amp;decisión…</translation>
    </message>
    <message>
        <source>Save the decision region with its points as PNG or SVG</source>
        <translation>Guardar la región de decisión con sus puntos como PNG o SVG</translation>
    </message>
    <message>
        <source>&amp;Loss Curve Image…</source>
        <translation>Imagen de la curva de &amp;pérdida…</translation>
    </message>
    <message>
        <source>Save the loss curve as PNG or SVG</source>
        <translation>Guardar la curva de pérdida como PNG o SVG</translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation>Exportar imagen…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Could not write the picture
{path}

{problem}</source>
        <translation>No se pudo escribir la imagen
{path}

{problem}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>Export network image</source>
        <translation>Exportar imagen de la red</translation>
    </message>
    <message>
        <source>Export decision region image</source>
        <translation>Exportar imagen de la región de decisión</translation>
    </message>
    <message>
        <source>Export loss curve image</source>
        <translation>Exportar imagen de la curva de pérdida</translation>
    </message>
</context>
<context>
    <name>Features</name>
    <message>
        <source>sin x₁</source>
        <extracomment>input features whose symbol differs by language (Spanish writes the sine &quot;sen&quot;)</extracomment>
        <translation>sen x₁</translation>
    </message>
    <message>
        <source>sin x₂</source>
        <translation>sen x₂</translation>
    </message>
</context>
<context>
    <name>FeaturesPanel</name>
    <message>
        <source>x₁, the horizontal coordinate</source>
        <extracomment>Playground&apos;s order, two per row: the pairs belong together.</extracomment>
        <translation>x₁, la coordenada horizontal</translation>
    </message>
    <message>
        <source>x₂, the vertical coordinate</source>
        <translation>x₂, la coordenada vertical</translation>
    </message>
    <message>
        <source>x₁², large on the left and right edges</source>
        <translation>x₁², grande en los bordes izquierdo y derecho</translation>
    </message>
    <message>
        <source>x₂², large at the top and bottom</source>
        <translation>x₂², grande arriba y abajo</translation>
    </message>
    <message>
        <source>x₁·x₂, positive in two opposite quadrants</source>
        <translation>x₁·x₂, positiva en dos cuadrantes opuestos</translation>
    </message>
    <message>
        <source>sin x₁, stripes across x₁</source>
        <translation>sin x₁, franjas a lo largo de x₁</translation>
    </message>
    <message>
        <source>sin x₂, stripes across x₂</source>
        <translation>sin x₂, franjas a lo largo de x₂</translation>
    </message>
    <message>
        <source>Input {feature}</source>
        <translation>Entrada {feature}</translation>
    </message>
    <message>
        <source>What the network sees of each point. Click a feature to switch it on or off as an input.</source>
        <translation>Lo que la red ve de cada punto. Haz clic en una característica para activarla o desactivarla como entrada.</translation>
    </message>
    <message>
        <source>{description}.
The only input: a network needs at least one, so switch another feature on before switching this one off.</source>
        <translation>{description}.
Es la única entrada: una red necesita al menos una, así que activa otra característica antes de desactivar esta.</translation>
    </message>
    <message>
        <source>{description}.
Used as an input — click to switch it off.</source>
        <translation>{description}.
Se usa como entrada: haz clic para desactivarla.</translation>
    </message>
    <message>
        <source>{description}.
Not used — click to add it as an input.</source>
        <translation>{description}.
No se usa: haz clic para añadirla como entrada.</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Neurona networks (*.neurona *.json);;All files (*)</source>
        <extracomment>how many files File › Open Recent remembers autosave period while the document is modified file name suffixes Open, drops and the command line take translation markers (context &quot;FileController&quot;): translated where they are shown</extracomment>
        <translation>Redes de Neurona (*.neurona *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <extracomment>top-level key of an autosave naming the file it belongs to (removed on recovery) a document was loaded: its path (&quot;&quot; for New, an example or a recovered untitled one) the document was written to this path the file the document was loaded from or saved to; None while untitled the open document is an untitled copy of a course example the file&apos;s ``meta`` as read (texts may hold several languages) the file&apos;s other top-level entries this version does not use, written back as read the file&apos;s training summary, kept until training changes the weights epochs trained before this session&apos;s controller started counting (from the file) weights changed by training or Reset (not undoable, so the undo stack misses them) a recovered autosave is modified until it is saved the view as the file gave it (see view_dict)</extracomment>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>E&amp;jemplos</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>&amp;Borrar la lista de recientes</translation>
    </message>
    <message>
        <source>Examples unavailable: {problem}</source>
        <translation>Ejemplos no disponibles: {problem}</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>¿Guardar los cambios?</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved.

Save them before going on?</source>
        <translation>“{name}” tiene cambios sin guardar.

¿Guardarlos antes de continuar?</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>Abrir red</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>No se puede abrir el archivo</translation>
    </message>
    <message>
        <source>“{name}” cannot be opened.</source>
        <translation>No se puede abrir “{name}”.</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>No se puede abrir el ejemplo</translation>
    </message>
    <message>
        <source>The example “{title}” cannot be opened.</source>
        <translation>No se puede abrir el ejemplo “{title}”.</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>Archivo no encontrado</translation>
    </message>
    <message>
        <source>“{name}” no longer exists at
{path}

It was removed from the recent files.</source>
        <translation>“{name}” ya no existe en
{path}

Se quitó de la lista de archivos recientes.</translation>
    </message>
    <message>
        <source>Save network as</source>
        <translation>Guardar red como</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Error al guardar</translation>
    </message>
    <message>
        <source>“{name}” could not be saved.</source>
        <translation>No se pudo guardar “{name}”.</translation>
    </message>
    <message>
        <source>{reason}

Folder: {folder}
The file on disk was not changed; the network is still open and unsaved.</source>
        <translation>{reason}

Carpeta: {folder}
El archivo del disco no se modificó; la red sigue abierta y sin guardar.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>Autosave failed: {problem}</source>
        <translation>Falló el guardado automático: {problem}</translation>
    </message>
    <message>
        <source>Neurona did not close properly last time. Unsaved changes to “{name}” were saved automatically at {time}.

Recover them? (Discard deletes them; Ignore asks again next time.)</source>
        <translation>Neurona no se cerró correctamente la última vez. Los cambios sin guardar de “{name}” se guardaron automáticamente el {time}.

¿Recuperarlos? (Descartar los borra; Ignorar vuelve a preguntar la próxima vez).</translation>
    </message>
    <message>
        <source>Neurona did not close properly last time. Unsaved changes to “{name}” were saved automatically.

Recover them? (Discard deletes them; Ignore asks again next time.)</source>
        <translation>Neurona no se cerró correctamente la última vez. Los cambios sin guardar de “{name}” se guardaron automáticamente.

¿Recuperarlos? (Descartar los borra; Ignorar vuelve a preguntar la próxima vez).</translation>
    </message>
    <message>
        <source>Recover unsaved network?</source>
        <translation>¿Recuperar la red sin guardar?</translation>
    </message>
</context>
<context>
    <name>GoBackCommand</name>
    <message>
        <source>Go back to epoch {epoch}</source>
        <translation>Volver a la época {epoch}</translation>
    </message>
    <message>
        <source>Training cannot run with the current settings, so it cannot go back to an earlier epoch either. Fix the problem shown above the network first.</source>
        <translation>El entrenamiento no puede ejecutarse con la configuración actual, así que tampoco puede volver a una época anterior. Corrige primero el problema indicado encima de la red.</translation>
    </message>
    <message>
        <source>Cannot go back to epoch {epoch}: that epoch is no longer kept, or the network has changed since.</source>
        <translation>No se puede volver a la época {epoch}: esa época ya no está guardada, o la red ha cambiado desde entonces.</translation>
    </message>
    <message>
        <source>Undo put the weights back, but training could not be put back to epoch {epoch}: it continues from here.</source>
        <translation>Deshacer ha restaurado los pesos, pero el entrenamiento no ha podido volver a la época {epoch}: continúa desde aquí.</translation>
    </message>
    <message>
        <source>The training thread did not answer; nothing was changed.</source>
        <translation>El hilo de entrenamiento no respondió; no se ha cambiado nada.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Neurona network</source>
        <translation>Red de Neurona</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>Época {epoch}</translation>
    </message>
    <message>
        <source>train loss {loss}</source>
        <translation>pérdida de entrenamiento {loss}</translation>
    </message>
    <message>
        <source>test loss {loss}</source>
        <translation>pérdida de prueba {loss}</translation>
    </message>
    <message>
        <source>accuracy {train} train, {test} test</source>
        <translation>precisión {train} en entrenamiento, {test} en prueba</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Decision region</source>
        <translation>Región de decisión</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>pérdida de entrenamiento</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>pérdida de prueba</translation>
    </message>
    <message>
        <source>Not trained here: use --epochs N for a loss curve</source>
        <translation>No se entrenó aquí: usa --epochs N para obtener una curva de pérdida</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Drag to change it between {low} and {high}</source>
        <translation>Arrastra para cambiarlo entre {low} y {high}</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Congelado</translation>
    </message>
    <message>
        <source>Training keeps this weight at its value</source>
        <translation>El entrenamiento mantiene este peso en su valor</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Quitada</translation>
    </message>
    <message>
        <source>Cut this connection: the network computes with 0 (its weight is kept for when it is restored)</source>
        <translation>Corta esta conexión: la red calcula con 0 (su peso se guarda para cuando se restaure)</translation>
    </message>
    <message>
        <source>Training keeps this bias at its value</source>
        <translation>El entrenamiento mantiene este sesgo en su valor</translation>
    </message>
    <message>
        <source>Change α</source>
        <translation>Cambiar α</translation>
    </message>
    <message>
        <source>Maxout pieces</source>
        <translation>Piezas de maxout</translation>
    </message>
    <message>
        <source>Share of this layer&apos;s outputs switched off at random while training</source>
        <translation>Proporción de las salidas de esta capa que se apagan al azar durante el entrenamiento</translation>
    </message>
    <message>
        <source>Change dropout</source>
        <translation>Cambiar el dropout</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>Sesgo</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activación</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Piezas</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>from {source} to {target}</source>
        <translation>de {source} a {target}</translation>
    </message>
    <message>
        <source>adds w · {source} to the sum z of {target}</source>
        <translation>suma w · {source} a la suma z de {target}</translation>
    </message>
    <message>
        <source>Input {feature}</source>
        <translation>Entrada {feature}</translation>
    </message>
    <message>
        <source>An input feature: its value at each point of the plane.</source>
        <translation>Una característica de entrada: su valor en cada punto del plano.</translation>
    </message>
    <message>
        <source>Switch inputs on and off in FEATURES or from the palette&apos;s Input.</source>
        <translation>Activa y desactiva entradas en CARACTERÍSTICAS o con la Entrada de la paleta.</translation>
    </message>
    <message>
        <source>{layer} · neuron {n} of {total}</source>
        <translation>{layer} · neurona {n} de {total}</translation>
    </message>
    <message>
        <source>1 neuron</source>
        <translation>1 neurona</translation>
    </message>
    <message>
        <source>{n} neurons</source>
        <translation>{n} neuronas</translation>
    </message>
</context>
<context>
    <name>LaneCard</name>
    <message>
        <source>Use these weights</source>
        <translation>Usar estos pesos</translation>
    </message>
    <message>
        <source>Copy this lane&apos;s weights into the network in the main window (one step of Edit › Undo takes them back)</source>
        <translation>Copia los pesos de este carril a la red de la ventana principal (un paso de Edición › Deshacer los retira)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Diverged at epoch {epoch}</source>
        <translation>Divergió en la época {epoch}</translation>
    </message>
    <message>
        <source>The network in the main window changed shape since this race started: race the current network first</source>
        <translation>La red de la ventana principal cambió de forma desde que empezó esta carrera: haz competir antes a la red actual</translation>
    </message>
</context>
<context>
    <name>LaneRow</name>
    <message>
        <source>The optimizer of this lane</source>
        <translation>El optimizador de este carril</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <source>Learning rate of this lane: pick one or type a number and press Enter</source>
        <translation>Tasa de aprendizaje de este carril: elige una o escribe un número y pulsa Intro</translation>
    </message>
    <message>
        <source>Remove this lane</source>
        <translation>Quitar este carril</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>tasa</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>the main windows made by a switch (Python must hold a top-level window to keep it open)</extracomment>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>LayerItem</name>
    <message>
        <source>Add a neuron to this layer</source>
        <extracomment>global unit number: row of the thumbnail atlas, index into the scene&apos;s arrays header text and buttons are drawn this much larger, so that a network zoomed out to fit still has readable headings (set by the scene from the zoom)</extracomment>
        <translation>Añadir una neurona a esta capa</translation>
    </message>
    <message>
        <source>Remove this layer&apos;s last neuron</source>
        <translation>Quitar la última neurona de esta capa</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Lessons</source>
        <extracomment>languages every title and text must have (more, e.g. &quot;pt&quot;, are welcome) what a step&apos;s ``view.focus`` may ask for a file name in resources/examples (or next to the lesson file), or None the example&apos;s file, found when the lesson was read TrainingConfig fields to apply after loading (empty: none) &quot;canvas&quot;, &quot;output&quot;, &quot;both&quot; or None an activation name to show in the activation viewer, or None the file name without .json, e.g. &quot;02-and-gate&quot;</extracomment>
        <translation>Lecciones</translation>
    </message>
    <message>
        <source>Choose a lesson</source>
        <translation>Elige una lección</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>⚠ {file} (cannot be used)</source>
        <translation>⚠ {file} (no se puede usar)</translation>
    </message>
    <message>
        <source>This lesson file cannot be used</source>
        <translation>Este archivo de lección no se puede usar</translation>
    </message>
    <message>
        <source>The other lessons work as usual. Correct the file, then press ↻ beside the list to read the lesson files again. docs/lessons.md describes the format.</source>
        <translation>Las demás lecciones funcionan con normalidad. Corrige el archivo y pulsa ↻ junto a la lista para volver a leer las lecciones. El formato se describe en docs/lessons.md.</translation>
    </message>
    <message>
        <source>No lessons found</source>
        <translation>No hay lecciones</translation>
    </message>
    <message>
        <source>Lesson files (*.json) go in this folder:</source>
        <translation>Los archivos de lección (*.json) van en esta carpeta:</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Anterior</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Siguiente ›</translation>
    </message>
    <message>
        <source>Lesson {number} ›</source>
        <translation>Lección {number} ›</translation>
    </message>
    <message>
        <source>Next lesson: {title} (Page Down)</source>
        <translation>Siguiente lección: {title} (Av Pág)</translation>
    </message>
    <message>
        <source>Previous step (Page Up)</source>
        <translation>Paso anterior (Re Pág)</translation>
    </message>
    <message>
        <source>Next step (Page Down)</source>
        <translation>Paso siguiente (Av Pág)</translation>
    </message>
    <message>
        <source>Step {step} of {total}</source>
        <translation>Paso {step} de {total}</translation>
    </message>
    <message>
        <source>Network: {title}</source>
        <translation>Red: {title}</translation>
    </message>
    <message>
        <source>↺ Reload the network</source>
        <translation>↺ Recargar la red</translation>
    </message>
    <message>
        <source>Load the network</source>
        <translation>Cargar la red</translation>
    </message>
    <message>
        <source>Load this step&apos;s network as it was prepared (changes made to it are lost)</source>
        <translation>Carga la red de este paso tal como se preparó (se pierden los cambios que le hayas hecho)</translation>
    </message>
    <message>
        <source>Show f(x): {name}</source>
        <translation>Ver f(x): {name}</translation>
    </message>
    <message>
        <source>Open the activation function viewer</source>
        <translation>Abre el visor de funciones de activación</translation>
    </message>
    <message>
        <source>Read the lesson files again</source>
        <translation>Vuelve a leer los archivos de lección</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Epoch</source>
        <extracomment>vertices per pixel column of a loss curve (see LossPlot._curve) upper ends of the linear loss axis: 1, 1.2, 1.5, … 8 × 10ᵏ (the curve fills most of it)</extracomment>
        <translation>Época</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Accuracy %</source>
        <translation>Precisión %</translation>
    </message>
    <message>
        <source>Loss (log)</source>
        <extracomment>the curves redraw at most this often: a loss curve read by eye needs no 30 Hz, and every redraw re-lays out the axes, which costs the GUI thread (and so training) time a history that arrived between two redraws is drawn this long after the wait ends if no newer one came (training stopped); while snapshots keep coming they draw it</extracomment>
        <translation>Pérdida (log)</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <source>Squared error</source>
        <translation>Error cuadrático</translation>
    </message>
    <message>
        <source>½(output − target)², Playground&apos;s loss; for regression too</source>
        <translation>½(salida − objetivo)², la pérdida de Playground; también sirve para regresión</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>Entropía cruzada binaria</translation>
    </message>
    <message>
        <source>For two classes with a sigmoid output</source>
        <translation>Para dos clases con una salida sigmoide</translation>
    </message>
    <message>
        <source>Categorical cross-entropy</source>
        <translation>Entropía cruzada categórica</translation>
    </message>
    <message>
        <source>For several classes with softmax and one-hot targets</source>
        <translation>Para varias clases con softmax y objetivos one-hot</translation>
    </message>
    <message>
        <source>Sparse categorical cross-entropy</source>
        <translation>Entropía cruzada categórica dispersa</translation>
    </message>
    <message>
        <source>Categorical cross-entropy with class numbers as targets</source>
        <translation>Entropía cruzada categórica con números de clase como objetivos</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Neurona networks (*.neurona *.json);;All files (*)</source>
        <extracomment>Bump when docks are added or renamed, so an old saved layout is ignored, not misapplied. translation marker (context &quot;MainWindow&quot;): translate it where a dialog shows it</extracomment>
        <translation>Redes de Neurona (*.neurona *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{loss} (diverged)</source>
        <translation>{loss} (divergió)</translation>
    </message>
    <message>
        <source>Training</source>
        <extracomment>the window is closing: stop background work (training threads) now A file named on the command line, to be opened once a document controller listens.</extracomment>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>DATA</source>
        <translation>DATOS</translation>
    </message>
    <message>
        <source>Data sets and their settings appear here.</source>
        <translation>Aquí aparecen los conjuntos de datos y sus ajustes.</translation>
    </message>
    <message>
        <source>FEATURES</source>
        <translation>CARACTERÍSTICAS</translation>
    </message>
    <message>
        <source>Input features appear here.</source>
        <translation>Aquí aparecen las características de entrada.</translation>
    </message>
    <message>
        <source>OUTPUT</source>
        <translation>SALIDA</translation>
    </message>
    <message>
        <source>The decision region and loss curves appear here.</source>
        <translation>Aquí aparecen la región de decisión y las curvas de pérdida.</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <source>Start a new network</source>
        <translation>Empezar una red nueva</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open a saved network</source>
        <translation>Abrir una red guardada</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the network</source>
        <translation>Guardar la red</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>Save the network under a new name</source>
        <translation>Guardar la red con otro nombre</translation>
    </message>
    <message>
        <source>Window as &amp;Image (PNG)…</source>
        <translation>&amp;Ventana como imagen (PNG)…</translation>
    </message>
    <message>
        <source>Save a picture of the whole window, e.g. for slides</source>
        <translation>Guardar una imagen de toda la ventana, p. ej. para diapositivas</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit Neurona</source>
        <translation>Salir de Neurona</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Delete the selected neurons, layers or links</source>
        <translation>Eliminar las neuronas, capas o conexiones seleccionadas</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Fit Network</source>
        <translation>A&amp;justar la red a la vista</translation>
    </message>
    <message>
        <source>Zoom so that the whole network is visible</source>
        <translation>Ajustar el zoom para que se vea toda la red</translation>
    </message>
    <message>
        <source>&amp;Restore Panel Layout</source>
        <translation>&amp;Restaurar la disposición de los paneles</translation>
    </message>
    <message>
        <source>Put the panels back where they were when Neurona was installed</source>
        <translation>Devolver los paneles al lugar que tenían al instalar Neurona</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Entrenar / Pausar</translation>
    </message>
    <message>
        <source>Start or pause training</source>
        <translation>Iniciar o pausar el entrenamiento</translation>
    </message>
    <message>
        <source>&amp;Step One Epoch</source>
        <translation>&amp;Avanzar una época</translation>
    </message>
    <message>
        <source>Train one epoch (one pass over the training data), then pause</source>
        <translation>Entrenar una época (una pasada por los datos de entrenamiento) y pausar</translation>
    </message>
    <message>
        <source>Step One &amp;Batch</source>
        <translation>Avanzar un &amp;lote</translation>
    </message>
    <message>
        <source>Train one mini-batch, then pause</source>
        <translation>Entrenar un mini-lote y pausar</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Reiniciar</translation>
    </message>
    <message>
        <source>Back to the same starting weights (same seed), epoch 0</source>
        <translation>Volver a los mismos pesos iniciales (misma semilla), época 0</translation>
    </message>
    <message>
        <source>Reset with &amp;New Seed</source>
        <translation>Reiniciar con &amp;nueva semilla</translation>
    </message>
    <message>
        <source>New random starting weights (a new seed), epoch 0</source>
        <translation>Nuevos pesos iniciales aleatorios (una semilla nueva), época 0</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Neurona</source>
        <translation>Acerca &amp;de Neurona</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Paneles</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Características</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>E&amp;ntrenar</translation>
    </message>
    <message>
        <source>Sp&amp;eed</source>
        <translation>&amp;Velocidad</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Epoch {epoch}  ·  Train loss {train_loss}  ·  Test loss {test_loss}</source>
        <translation>Época {epoch}  ·  Pérdida de entrenamiento {train_loss}  ·  Pérdida de prueba {test_loss}</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>Abrir red</translation>
    </message>
    <message>
        <source>Save network as</source>
        <translation>Guardar red como</translation>
    </message>
    <message>
        <source>Save window image</source>
        <translation>Guardar imagen de la ventana</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Could not write the image to
{path}</source>
        <translation>No se pudo escribir la imagen en
{path}</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>azul</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>naranja</translation>
    </message>
    <message>
        <source>A desktop lab for learning how neural networks work: build a network, press Play and watch the weights, the loss and the decision region change.</source>
        <translation>Un laboratorio de escritorio para aprender cómo funcionan las redes neuronales: construye una red, pulsa ▶ para entrenarla y observa cómo cambian los pesos, la pérdida y la región de decisión.</translation>
    </message>
    <message>
        <source>Colours follow TensorFlow Playground: {blue} for positive values and {orange} for negative ones.</source>
        <translation>Los colores son los de TensorFlow Playground: {blue} para los valores positivos y {orange} para los negativos.</translation>
    </message>
    <message>
        <source>MIT licence.</source>
        <translation>Licencia MIT.</translation>
    </message>
    <message>
        <source>About Neurona</source>
        <translation>Acerca de Neurona</translation>
    </message>
</context>
<context>
    <name>MetricsGrid</name>
    <message>
        <source>Epoch</source>
        <extracomment>the decision region and the loss curve go side by side in a panel at least this wide and this many times wider than tall</extracomment>
        <translation>Época</translation>
    </message>
    <message>
        <source>Passes over the training data so far</source>
        <translation>Pasadas por los datos de entrenamiento hasta ahora</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Pérdida entren.</translation>
    </message>
    <message>
        <source>Average loss on the training points</source>
        <translation>Pérdida media en los puntos de entrenamiento</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Pérdida prueba</translation>
    </message>
    <message>
        <source>Average loss on the test points, which the network never learns from</source>
        <translation>Pérdida media en los puntos de prueba, de los que la red nunca aprende</translation>
    </message>
    <message>
        <source>Epochs / s</source>
        <translation>Épocas / s</translation>
    </message>
    <message>
        <source>Epochs/s</source>
        <translation>Épocas/s</translation>
    </message>
    <message>
        <source>Training speed</source>
        <translation>Velocidad de entrenamiento</translation>
    </message>
    <message>
        <source>Train accuracy</source>
        <translation>Precisión entren.</translation>
    </message>
    <message>
        <source>Train acc.</source>
        <translation>Prec. entren.</translation>
    </message>
    <message>
        <source>Share of training points classified right</source>
        <translation>Proporción de puntos de entrenamiento bien clasificados</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>Precisión prueba</translation>
    </message>
    <message>
        <source>Test acc.</source>
        <translation>Prec. prueba</translation>
    </message>
    <message>
        <source>Share of test points classified right</source>
        <translation>Proporción de puntos de prueba bien clasificados</translation>
    </message>
</context>
<context>
    <name>NetworkScene</name>
    <message>
        <source>1 feature</source>
        <extracomment>the selection (neurons, a connection or a layer) changed the mouse is over unit ``index`` of ``column`` / left it the user asked to inspect a target: (&quot;unit&quot;, uid), (&quot;edge&quot;, (column, i, j)) or (&quot;layer&quot;, cid) items were re-synced with the document; True after a structure change, False when only positions moved (pixmap, resolution) when the maps fit the structure, else None (neutral squares) (&quot;edge&quot;, (src uid, dst uid)) or (&quot;layer&quot;, cid) or None headers and input labels drawn this much larger (see set_text_scale) asked first for hover texts: fn(scene pos) -&gt; str (&quot;&quot; for the usual text); the step-through overlay&apos;s numbers (gui/canvas/trace_overlay.py)</extracomment>
        <translation>1 característica</translation>
    </message>
    <message>
        <source>{n} features</source>
        <translation>{n} características</translation>
    </message>
    <message>
        <source>1 neuron</source>
        <translation>1 neurona</translation>
    </message>
    <message>
        <source>{n} neurons</source>
        <translation>{n} neuronas</translation>
    </message>
    <message>
        <source>Drag to move this layer · click for its settings · right-click for more</source>
        <translation>Arrastra para mover esta capa · clic para sus ajustes · clic derecho para más</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Plain stochastic gradient descent: w ← w − η·g</source>
        <translation>Descenso de gradiente estocástico simple: w ← w − η·g</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>SGD with momentum 0.9: a velocity that remembers past gradients</source>
        <translation>SGD con momentum 0.9: una velocidad que recuerda los gradientes anteriores</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Momentum that looks ahead before taking the gradient</source>
        <translation>Momentum que mira hacia adelante antes de calcular el gradiente</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Per-weight steps that shrink with the sum of squared gradients</source>
        <translation>Pasos propios de cada peso que se reducen con la suma de los gradientes al cuadrado</translation>
    </message>
    <message>
        <source>Adadelta</source>
        <translation>Adadelta</translation>
    </message>
    <message>
        <source>Adagrad with a moving window instead of the full sum</source>
        <translation>Adagrad con una ventana móvil en lugar de la suma completa</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Per-weight steps scaled by a moving average of squared gradients</source>
        <translation>Pasos propios de cada peso escalados por una media móvil de los gradientes al cuadrado</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Momentum plus RMSprop scaling, with bias correction (Kingma &amp; Ba)</source>
        <translation>Momentum más el escalado de RMSprop, con corrección del sesgo (Kingma y Ba)</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Adam with weight decay applied directly to the weights</source>
        <translation>Adam con decaimiento de pesos aplicado directamente a los pesos</translation>
    </message>
    <message>
        <source>Nadam</source>
        <translation>Nadam</translation>
    </message>
    <message>
        <source>Adam with Nesterov&apos;s look-ahead momentum</source>
        <translation>Adam con el momentum anticipado de Nesterov</translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>Adam that never lets the step size grow again</source>
        <translation>Adam que nunca deja que el tamaño del paso vuelva a crecer</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>Hover over the plot to read the output</source>
        <translation>Pasa el ratón por el gráfico para leer la salida</translation>
    </message>
    <message>
        <source>Left-click adds a point · right-click removes the nearest</source>
        <translation>Clic: añade un punto · clic derecho: quita el más cercano</translation>
    </message>
    <message>
        <source>Decision region</source>
        <extracomment>a click on the plot in draw mode: plane coordinates and the ``Qt.MouseButton``</extracomment>
        <translation>Región de decisión</translation>
    </message>
    <message>
        <source>Show test data</source>
        <extracomment>the loss curve with its heading and legend (presentation&apos;s &quot;network and decision region&quot; layout hides it, to give the region the room)</extracomment>
        <translation>Mostrar datos de prueba</translation>
    </message>
    <message>
        <source>Show the test points (diamonds with a dark outline)</source>
        <translation>Muestra los puntos de prueba (rombos con borde oscuro)</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>Discretizar la salida</translation>
    </message>
    <message>
        <source>Show only which side of the boundary each point of the plane is on</source>
        <translation>Muestra solo a qué lado de la frontera queda cada punto del plano</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Escala log.</translation>
    </message>
    <message>
        <source>Logarithmic loss axis: small losses stay visible</source>
        <translation>Eje de pérdida logarítmico: las pérdidas pequeñas siguen viéndose</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Also draw the accuracy, on the right axis (0–100 %)</source>
        <translation>Dibuja también la precisión, en el eje derecho (0–100 %)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Test data</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Discretize</source>
        <translation>Discretizar</translation>
    </message>
    <message>
        <source>Input {feature}</source>
        <translation>Entrada {feature}</translation>
    </message>
    <message>
        <source>Output neuron {n}</source>
        <translation>Neurona de salida {n}</translation>
    </message>
    <message>
        <source>Neuron {n} · hidden layer {layer}</source>
        <translation>Neurona {n} · capa oculta {layer}</translation>
    </message>
    <message>
        <source>(hovered)</source>
        <translation>(bajo el ratón)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>· drawing class {k}</source>
        <translation>· dibujando la clase {k}</translation>
    </message>
    <message>
        <source>Neuron</source>
        <translation>Neurona</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>class {name}</source>
        <translation>clase {name}</translation>
    </message>
    <message>
        <source>value {v}</source>
        <translation>valor {v}</translation>
    </message>
    <message>
        <source>output {v}</source>
        <translation>salida {v}</translation>
    </message>
    <message>
        <source>(class {name})</source>
        <translation>(clase {name})</translation>
    </message>
    <message>
        <source>class {name} (p {p})</source>
        <translation>clase {name} (p {p})</translation>
    </message>
    <message>
        <source>class {name} (output {p})</source>
        <translation>clase {name} (salida {p})</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Pérdida entren.</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Pérdida prueba</translation>
    </message>
    <message>
        <source>Train acc.</source>
        <translation>Prec. entren.</translation>
    </message>
    <message>
        <source>Test acc.</source>
        <translation>Prec. prueba</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <source>Drag a new hidden layer onto the canvas (or click to add one before the output)</source>
        <translation>Arrastra una capa oculta nueva al lienzo (o haz clic para añadirla antes de la salida)</translation>
    </message>
    <message>
        <source> neurons</source>
        <translation> neuronas</translation>
    </message>
    <message>
        <source>How many neurons a new layer gets</source>
        <translation>Cuántas neuronas tiene una capa nueva</translation>
    </message>
    <message>
        <source>Neuron</source>
        <extracomment>a palette item was clicked (not dragged): add it where it usually goes</extracomment>
        <translation>Neurona</translation>
    </message>
    <message>
        <source>Drag a neuron into a layer, or between layers for a new one-neuron layer (click: add to the last hidden layer)</source>
        <translation>Arrastra una neurona a una capa, o entre capas para crear una capa de una neurona (clic: se añade a la última capa oculta)</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Switch on the next input feature (x₁, x₂, x₁², …)</source>
        <translation>Activa la siguiente característica de entrada (x₁, x₂, x₁², …)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Add an output neuron (one per class for multi-class data)</source>
        <translation>Añade una neurona de salida (una por clase para datos con varias clases)</translation>
    </message>
    <message>
        <source>NETWORK</source>
        <translation>RED</translation>
    </message>
    <message>
        <source>drag onto the canvas · right-click anything for more</source>
        <translation>arrastra al lienzo · clic derecho en cualquier cosa para más</translation>
    </message>
    <message>
        <source>Auto layout: line the layers and neurons up again</source>
        <translation>Ordenar automáticamente: vuelve a alinear las capas y neuronas</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−, or Ctrl+wheel)</source>
        <translation>Alejar (Ctrl+−, o Ctrl+rueda)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++, or Ctrl+wheel)</source>
        <translation>Acercar (Ctrl++, o Ctrl+rueda)</translation>
    </message>
    <message>
        <source>Fit the network to the window (Ctrl+0)</source>
        <translation>Ajustar la red a la ventana (Ctrl+0)</translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <source>&amp;Everything</source>
        <translation>&amp;Todo</translation>
    </message>
    <message>
        <source>&amp;Network and Decision Region</source>
        <translation>&amp;Red y región de decisión</translation>
    </message>
    <message>
        <source>&amp;Decision Region and Loss</source>
        <translation>Región de &amp;decisión y pérdida</translation>
    </message>
    <message>
        <source>Presentation &amp;Mode</source>
        <extracomment>below this window width, presentation mode starts without the left panels keys a focused text field keeps even though the window maps them to a command</extracomment>
        <translation>&amp;Modo presentación</translation>
    </message>
    <message>
        <source>Full screen with large text for a projector (Escape leaves it)</source>
        <translation>Pantalla completa con texto grande para un proyector (Escape lo abandona)</translation>
    </message>
    <message>
        <source>Lea&amp;ve Presentation Mode</source>
        <translation>&amp;Salir del modo presentación</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Next &amp;Focus Layout</source>
        <translation>&amp;Siguiente enfoque</translation>
    </message>
    <message>
        <source>Network · decision region and loss · everything</source>
        <translation>Red · región de decisión y pérdida · todo</translation>
    </message>
    <message>
        <source>&amp;Black Screen</source>
        <translation>Pantalla ne&amp;gra</translation>
    </message>
    <message>
        <source>Blank the projector; any key or click brings the window back</source>
        <translation>Apaga la imagen del proyector; cualquier tecla o clic devuelve la ventana</translation>
    </message>
    <message>
        <source>&amp;Step One Epoch</source>
        <translation>Entrenar &amp;una época</translation>
    </message>
    <message>
        <source>Train one epoch (a clicker&apos;s Next button)</source>
        <translation>Entrena una época (el botón Siguiente del mando)</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Entrenar / pausa</translation>
    </message>
    <message>
        <source>Start or pause training (a clicker&apos;s Back button)</source>
        <translation>Inicia o pausa el entrenamiento (el botón Atrás del mando)</translation>
    </message>
    <message>
        <source>UI &amp;Scale</source>
        <translation>Escala de la inter&amp;faz</translation>
    </message>
    <message>
        <source>Foc&amp;us</source>
        <translation>E&amp;nfoque</translation>
    </message>
    <message>
        <source>Presenter Clic&amp;ker</source>
        <translation>Man&amp;do del presentador</translation>
    </message>
</context>
<context>
    <name>RaceLauncher</name>
    <message>
        <source>&amp;Optimizer Race…</source>
        <translation>&amp;Carrera de optimizadores…</translation>
    </message>
    <message>
        <source>Train copies of this network with 2–4 optimizers side by side, from the same start, and watch their paths on the loss surface</source>
        <translation>Entrena copias de esta red con 2–4 optimizadores a la vez, desde el mismo punto de partida, y mira sus caminos sobre la superficie de pérdida</translation>
    </message>
</context>
<context>
    <name>RaceLossPlot</name>
    <message>
        <source>Epoch</source>
        <extracomment>Losses above this are drawn at this height (a diverging lane reaches 1e300; Qt cannot draw it).</extracomment>
        <translation>Época</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Loss (log)</source>
        <translation>Pérdida (log)</translation>
    </message>
</context>
<context>
    <name>RaceSetup</name>
    <message>
        <source>SGD</source>
        <extracomment>Okabe &amp; Ito (2008): black, vermillion, bluish green, reddish purple. line styles per lane as well, so the curves stay apart in grey print and for any eye (registry name, label to show): the optimizers a lane can use, in menu order.</extracomment>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Adadelta</source>
        <translation>Adadelta</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Nadam</source>
        <translation>Nadam</translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>{optimizer} (lr {rate})</source>
        <extracomment>A learning rate that suits each optimizer on Playground-sized problems (adaptive optimizers take smaller steps than plain SGD needs).</extracomment>
        <translation>{optimizer} (tasa {rate})</translation>
    </message>
    <message>
        <source>out</source>
        <translation>sal</translation>
    </message>
    <message>
        <source>Valley: a linear neuron fits a plane (weight and bias)</source>
        <extracomment>key → (menu text, description)</extracomment>
        <translation>Valle: una neurona lineal ajusta un plano (peso y sesgo)</translation>
    </message>
    <message>
        <source>One linear neuron on x₁, trained on the Plane data set with the whole data set as one batch. Its loss surface is a long, narrow valley: plain SGD zig-zags across it, momentum overshoots, RMSprop and Adam take even steps.</source>
        <translation>Una neurona lineal sobre x₁, entrenada con el conjunto de datos Plano usando todo el conjunto como un solo lote. Su superficie de pérdida es un valle largo y estrecho: el SGD simple lo cruza en zigzag, el momentum se pasa de largo, RMSprop y Adam dan pasos regulares.</translation>
    </message>
    <message>
        <source>AND gate: a sigmoid neuron, its bias frozen (two weights)</source>
        <translation>Puerta AND: una neurona sigmoide con el sesgo congelado (dos pesos)</translation>
    </message>
    <message>
        <source>One sigmoid neuron learns the AND truth table with cross-entropy; the bias is frozen at −3, so only the weights of x₁ and x₂ learn. They start far apart, so the paths curve.</source>
        <translation>Una neurona sigmoide aprende la tabla de verdad de AND con entropía cruzada; el sesgo está congelado en −3, así que solo aprenden los pesos de x₁ y x₂. Empiezan muy distintos, por eso los caminos se curvan.</translation>
    </message>
</context>
<context>
    <name>RaceWindow</name>
    <message>
        <source>Optimizer Race</source>
        <extracomment>More free parameters than this: only the pictured pair&apos;s paths are recorded. seconds between two redraws of the lanes&apos; decision regions while the race plays</extracomment>
        <translation>Carrera de optimizadores</translation>
    </message>
    <message>
        <source>The network in the main window</source>
        <translation>La red de la ventana principal</translation>
    </message>
    <message>
        <source>What races: a copy of the network, data and training settings in the main window, or a two-weight demo</source>
        <translation>Qué compite: una copia de la red, los datos y los ajustes de entrenamiento de la ventana principal, o una demostración con dos pesos</translation>
    </message>
    <message>
        <source>Two-weight demo</source>
        <translation>Demo con dos pesos</translation>
    </message>
    <message>
        <source>The classic picture in one click: one neuron with two free weights, and SGD, Momentum, RMSprop and Adam finding the minimum (the main window is not changed)</source>
        <translation>La imagen clásica con un clic: una neurona con dos pesos libres, y SGD, Momentum, RMSprop y Adam buscando el mínimo (la ventana principal no cambia)</translation>
    </message>
    <message>
        <source>Train every lane one epoch (→)</source>
        <translation>Entrenar todos los carriles una época (→)</translation>
    </message>
    <message>
        <source>Train every lane one mini-batch (Shift+→)</source>
        <translation>Entrenar todos los carriles un mini-lote (Mayús+→)</translation>
    </message>
    <message>
        <source>Every lane back to the common starting weights, epoch 0 (R)</source>
        <translation>Todos los carriles vuelven a los pesos iniciales comunes, época 0 (R)</translation>
    </message>
    <message>
        <source>How much every lane trains between two pictures</source>
        <translation>Cuánto entrena cada carril entre dos imágenes</translation>
    </message>
    <message>
        <source>Epochs every lane has trained (in lock-step)</source>
        <translation>Épocas que ha entrenado cada carril (al mismo paso)</translation>
    </message>
    <message>
        <source>{eps} epochs/s</source>
        <translation>{eps} épocas/s</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Carrera</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <source>The network, data or settings in the main window changed since this race started.</source>
        <translation>La red, los datos o los ajustes de la ventana principal cambiaron desde que empezó esta carrera.</translation>
    </message>
    <message>
        <source>Race the current network</source>
        <translation>Competir con la red actual</translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation>Optimizadores</translation>
    </message>
    <message>
        <source>+ Add optimizer</source>
        <translation>+ Añadir optimizador</translation>
    </message>
    <message>
        <source>Race up to four optimizers</source>
        <translation>Compiten hasta cuatro optimizadores</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Escala logarítmica</translation>
    </message>
    <message>
        <source>Logarithmic loss axis: small losses stay apart</source>
        <translation>Eje de pérdida logarítmico: las pérdidas pequeñas se distinguen</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Pérdida de prueba</translation>
    </message>
    <message>
        <source>Also draw each lane&apos;s test loss (dotted)</source>
        <translation>Dibujar también la pérdida de prueba de cada carril (punteada)</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>Superficie de pérdida</translation>
    </message>
    <message>
        <source>The free parameter on the horizontal axis</source>
        <translation>El parámetro libre del eje horizontal</translation>
    </message>
    <message>
        <source>The free parameter on the vertical axis</source>
        <translation>El parámetro libre del eje vertical</translation>
    </message>
    <message>
        <source>over</source>
        <translation>sobre</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Lane {n} ({lane}): {problem}</source>
        <translation>Carril {n} ({lane}): {problem}</translation>
    </message>
    <message>
        <source>Cannot race these optimizers: {problem}</source>
        <translation>No pueden competir estos optimizadores: {problem}</translation>
    </message>
    <message>
        <source>The loss surface needs two free parameters; this network has {n}.

To get the picture, freeze all but two weights: right-click an edge › Freeze — or choose a Two-weight demo at the top.</source>
        <translation>La superficie de pérdida necesita dos parámetros libres; esta red tiene {n}.

Para obtener la imagen, congela todos los pesos salvo dos: clic derecho en una conexión › Congelar — o elige arriba una Demo con dos pesos.</translation>
    </message>
    <message>
        <source>A slice: the other {n} free parameters are held at their starting values for the picture, while the lanes train them too. Pick the two parameters above.</source>
        <translation>Un corte: para la imagen, los otros {n} parámetros libres se mantienen en sus valores iniciales, aunque los carriles también los entrenan. Elige arriba los dos parámetros.</translation>
    </message>
    <message>
        <source>The network has exactly these two free parameters: the picture is its whole loss surface.  ○ start   ● now   ☆ lowest point on the grid</source>
        <translation>La red tiene exactamente estos dos parámetros libres: la imagen es toda su superficie de pérdida.  ○ inicio   ● ahora   ☆ punto más bajo de la rejilla</translation>
    </message>
    <message>
        <source>(Choosing another pair restarts the race.)</source>
        <translation>(Elegir otro par reinicia la carrera.)</translation>
    </message>
    <message>
        <source>Pause the race (Space)</source>
        <translation>Pausar la carrera (Espacio)</translation>
    </message>
    <message>
        <source>Start the race: every lane trains in lock-step (Space)</source>
        <translation>Empezar la carrera: todos los carriles entrenan al mismo paso (Espacio)</translation>
    </message>
    <message>
        <source>Every lane has stopped: change a learning rate or press Reset.</source>
        <translation>Todos los carriles se han detenido: cambia una tasa de aprendizaje o pulsa Reiniciar.</translation>
    </message>
    <message>
        <source>No loss surface: {problem}</source>
        <translation>Sin superficie de pérdida: {problem}</translation>
    </message>
    <message>
        <source>{lane}: {message}</source>
        <translation>{lane}: {message}</translation>
    </message>
    <message>
        <source>The network in the main window changed shape since this race started; press “Race the current network” first.</source>
        <translation>La red de la ventana principal cambió de forma desde que empezó esta carrera; pulsa antes «Competir con la red actual».</translation>
    </message>
    <message>
        <source>Use the weights of {lane}</source>
        <translation>Usar los pesos de {lane}</translation>
    </message>
    <message>
        <source>The main window now has the weights of {lane} (Edit › Undo takes them back).</source>
        <translation>La ventana principal tiene ahora los pesos de {lane} (Edición › Deshacer los retira).</translation>
    </message>
    <message>
        <source>1 batch per frame</source>
        <extracomment>decision-region maps per lane: n × n loss-surface grid (n × n): finer for small data sets (one forward pass per grid point: about 0.1 s for 61×61 on 200 points) how far (in parameter units, around the start) the surface grows to follow the paths Longest the loop leaves the interpreter lock to the GUI thread while it draws a frame. (label, unit, count): how much every lane trains per frame; None = as fast as it can.</extracomment>
        <translation>1 lote por imagen</translation>
    </message>
    <message>
        <source>1 epoch per frame</source>
        <translation>1 época por imagen</translation>
    </message>
    <message>
        <source>5 epochs per frame</source>
        <translation>5 épocas por imagen</translation>
    </message>
    <message>
        <source>20 epochs per frame</source>
        <translation>20 épocas por imagen</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>Lo más rápido posible</translation>
    </message>
</context>
<context>
    <name>RaceWorker</name>
    <message>
        <source>The race stopped after an internal error: {error}</source>
        <extracomment>the loop paused by itself: &quot;stopped&quot; (every lane diverged) or &quot;error&quot;</extracomment>
        <translation>La carrera se detuvo tras un error interno: {error}</translation>
    </message>
</context>
<context>
    <name>Regularizations</name>
    <message>
        <source>None</source>
        <translation>Nula</translation>
    </message>
    <message>
        <source>No penalty on large weights</source>
        <translation>Sin penalización de los pesos grandes</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>Penalty rate·Σ|w|: pushes unhelpful weights to exactly zero</source>
        <translation>Penalización tasa·Σ|w|: lleva los pesos que no ayudan exactamente a cero</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Penalty rate·Σw²/2: keeps all weights small</source>
        <translation>Penalización tasa·Σw²/2: mantiene pequeños todos los pesos</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>  or  </source>
        <translation>  o  </translation>
    </message>
</context>
<context>
    <name>Speeds</name>
    <message>
        <source>1 epoch per frame</source>
        <extracomment>(label, epochs per frame); None trains as fast as possible. The labels are translation markers: show them with ``translate(&quot;Speeds&quot;, label)``.</extracomment>
        <translation>1 época por imagen</translation>
    </message>
    <message>
        <source>3 epochs per frame</source>
        <translation>3 épocas por imagen</translation>
    </message>
    <message>
        <source>10 epochs per frame</source>
        <translation>10 épocas por imagen</translation>
    </message>
    <message>
        <source>30 epochs per frame</source>
        <translation>30 épocas por imagen</translation>
    </message>
    <message>
        <source>100 epochs per frame</source>
        <translation>100 épocas por imagen</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>Lo más rápido posible</translation>
    </message>
    <message>
        <source>Fastest</source>
        <extracomment>Height of the combo and spin boxes: a comfortable target on a touchpad or a smartboard.</extracomment>
        <translation>Máxima</translation>
    </message>
    <message>
        <source>{n}/frame</source>
        <translation>{n}/img</translation>
    </message>
    <message>
        <source>Train as fast as the machine allows; the pictures refresh about 30 times a second</source>
        <translation>Entrenar tan rápido como permita el equipo; las imágenes se actualizan unas 30 veces por segundo</translation>
    </message>
    <message>
        <source>Train 1 epoch, then show the result, about 30 times a second: watch every step</source>
        <translation>Entrenar 1 época y mostrar el resultado, unas 30 veces por segundo: se ve cada paso</translation>
    </message>
    <message>
        <source>Train {n} epochs, then show the result, about 30 times a second</source>
        <translation>Entrenar {n} épocas y mostrar el resultado, unas 30 veces por segundo</translation>
    </message>
</context>
<context>
    <name>StepThrough</name>
    <message>
        <source>Step &amp;Through Backpropagation</source>
        <extracomment>keys that move through the phases while the canvas or the dock has the keyboard windows shorter than this lend the FEATURES dock&apos;s place to the step-through the trace, the phase or the point(s) changed (the panel and canvas follow) on or off</extracomment>
        <translation>Retropropagación &amp;paso a paso</translation>
    </message>
    <message>
        <source>Walk through one training step on one point: forward pass, error, backward pass and update, with every number</source>
        <translation>Recorre un paso de entrenamiento sobre un punto: propagación hacia adelante, error, retropropagación y actualización, con todos sus números</translation>
    </message>
    <message>
        <source>STEP-THROUGH</source>
        <translation>PASO A PASO</translation>
    </message>
    <message>
        <source>Step-through</source>
        <translation>Paso a paso</translation>
    </message>
    <message>
        <source>Show or hide the step-through panel ({keys})</source>
        <translation>Mostrar u ocultar el panel paso a paso ({keys})</translation>
    </message>
    <message>
        <source>Step-through closed: training is running. Pause and press Ctrl+B to step through again.</source>
        <translation>Paso a paso cerrado: el entrenamiento está en marcha. Pausa y pulsa Ctrl+B para volver al paso a paso.</translation>
    </message>
    <message>
        <source>The data set has no training points: raise the training share in DATA.</source>
        <translation>El conjunto de datos no tiene puntos de entrenamiento: sube la proporción de entrenamiento en DATOS.</translation>
    </message>
    <message>
        <source>This step cannot be traced: {problem}</source>
        <translation>No se puede calcular este paso: {problem}</translation>
    </message>
    <message>
        <source>The training thread did not answer ({problem}). Try again.</source>
        <translation>El hilo de entrenamiento no respondió ({problem}). Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The network cannot be trained with these settings, so there is no step to show. {problem}</source>
        <translation>La red no se puede entrenar con estos ajustes, así que no hay ningún paso que mostrar. {problem}</translation>
    </message>
    <message>
        <source>Step applied (Edit › Undo takes it back). The loss on this point went from {before} to {after}.</source>
        <translation>Paso aplicado (Edición › Deshacer lo revierte). La pérdida en este punto pasó de {before} a {after}.</translation>
    </message>
    <message>
        <source>Step applied (Edit › Undo takes it back). The loss on these points went from {before} to {after}.</source>
        <translation>Paso aplicado (Edición › Deshacer lo revierte). La pérdida en estos puntos pasó de {before} a {after}.</translation>
    </message>
    <message>
        <source>The weights changed since this step was traced; here it is again with the new weights.</source>
        <translation>Los pesos cambiaron desde que se calculó este paso; aquí está de nuevo con los pesos nuevos.</translation>
    </message>
    <message>
        <source>The step could not be applied: {problem}</source>
        <translation>No se pudo aplicar el paso: {problem}</translation>
    </message>
    <message>
        <source>Backpropagation step on point #{i}</source>
        <translation>Paso de retropropagación en el punto n.º {i}</translation>
    </message>
    <message>
        <source>Backpropagation step on {n} points</source>
        <translation>Paso de retropropagación en {n} puntos</translation>
    </message>
</context>
<context>
    <name>StepThroughPanel</name>
    <message>
        <source>The previous training point</source>
        <extracomment>wider than this, the controls sit beside the details</extracomment>
        <translation>El punto de entrenamiento anterior</translation>
    </message>
    <message>
        <source>The next training point</source>
        <translation>El punto de entrenamiento siguiente</translation>
    </message>
    <message>
        <source>The number of the training point (0 is the first)</source>
        <translation>El número del punto de entrenamiento (0 es el primero)</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Al azar</translation>
    </message>
    <message>
        <source>Pick a training point (or batch) at random</source>
        <translation>Elegir un punto de entrenamiento (o un lote) al azar</translation>
    </message>
    <message>
        <source>One point</source>
        <translation>Un punto</translation>
    </message>
    <message>
        <source>A mini-batch of</source>
        <translation>Un mini-lote de</translation>
    </message>
    <message>
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <source>How many training points the step averages over</source>
        <translation>Sobre cuántos puntos de entrenamiento promedia el paso</translation>
    </message>
    <message>
        <source>Numbers shown for</source>
        <translation>Números mostrados de</translation>
    </message>
    <message>
        <source>Whose per-point numbers the canvas shows; the step uses the batch mean</source>
        <translation>De qué punto muestra el lienzo sus números; el paso usa la media del lote</translation>
    </message>
    <message>
        <source>or click one in the decision region</source>
        <translation>o haz clic en uno en la región de decisión</translation>
    </message>
    <message>
        <source>Apply this step</source>
        <translation>Aplicar este paso</translation>
    </message>
    <message>
        <source>Take exactly this step for real: the weights become the “after” values (Edit › Undo takes it back)</source>
        <translation>Dar exactamente este paso de verdad: los pesos toman los valores «después» (Edición › Deshacer lo revierte)</translation>
    </message>
    <message>
        <source>Next sample</source>
        <translation>Siguiente muestra</translation>
    </message>
    <message>
        <source>Go on with the next training point (or batch), from the first phase</source>
        <translation>Seguir con el siguiente punto de entrenamiento (o lote), desde la primera fase</translation>
    </message>
    <message>
        <source>Training point</source>
        <translation>Punto de entrenamiento</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>The previous phase (← key)</source>
        <translation>La fase anterior (tecla ←)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>The next phase (→ key)</source>
        <translation>La fase siguiente (tecla →)</translation>
    </message>
    <message>
        <source>#{i} ({k} of {n})</source>
        <translation>n.º {i} ({k} de {n})</translation>
    </message>
</context>
<context>
    <name>StepThroughText</name>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Hidden {n}</source>
        <translation>Oculta {n}</translation>
    </message>
    <message>
        <source>Forward · layer {n} ({name})</source>
        <translation>Adelante · capa {n} ({name})</translation>
    </message>
    <message>
        <source>Backward · layer {n} ({name})</source>
        <translation>Atrás · capa {n} ({name})</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Actualización</translation>
    </message>
    <message>
        <source>Forward pass through layer {n}: weighted sums and activations</source>
        <translation>Propagación hacia adelante por la capa {n}: sumas ponderadas y activaciones</translation>
    </message>
    <message>
        <source>Backward pass through layer {n}: δ of each neuron and ∂E/∂w of each weight</source>
        <translation>Retropropagación por la capa {n}: δ de cada neurona y ∂E/∂w de cada peso</translation>
    </message>
    <message>
        <source>The error at the output: outputs, targets and the loss</source>
        <translation>El error en la salida: salidas, objetivos y la pérdida</translation>
    </message>
    <message>
        <source>The update: each weight before and after, with the optimizer&apos;s rule</source>
        <translation>La actualización: cada peso antes y después, con la regla del optimizador</translation>
    </message>
    <message>
        <source>point #{i} at ({x}, {y})</source>
        <translation>punto n.º {i} en ({x}, {y})</translation>
    </message>
    <message>
        <source>class {c}</source>
        <translation>clase {c}</translation>
    </message>
    <message>
        <source>target {t}</source>
        <translation>objetivo {t}</translation>
    </message>
    <message>
        <source>One training point: {point}, {label}.</source>
        <translation>Un punto de entrenamiento: {point}, {label}.</translation>
    </message>
    <message>
        <source>A mini-batch of {n} points; the numbers are those of {point} ({label}), {k} of {n}.</source>
        <translation>Un mini-lote de {n} puntos; los números son los del {point} ({label}), {k} de {n}.</translation>
    </message>
    <message>
        <source>… and {n} more: hover over the neurons and connections on the canvas.</source>
        <translation>… y {n} más: pasa el ratón por las neuronas y conexiones del lienzo.</translation>
    </message>
    <message>
        <source>Forward pass · layer {n} of {total} ({name}, {act})</source>
        <translation>Propagación hacia adelante · capa {n} de {total} ({name}, {act})</translation>
    </message>
    <message>
        <source>Each neuron adds up its inputs times their weights, plus its bias, then applies its activation f:</source>
        <translation>Cada neurona suma sus entradas multiplicadas por sus pesos, más su sesgo, y luego aplica su función de activación f:</translation>
    </message>
    <message>
        <source>(piece {p} wins)</source>
        <translation>(gana la pieza {p})</translation>
    </message>
    <message>
        <source>The terms are w·x for the inputs {inputs}, in order, then the bias b.</source>
        <translation>Los términos son w·x para las entradas {inputs}, en orden, y luego el sesgo b.</translation>
    </message>
    <message>
        <source>Error at the output · {loss}</source>
        <translation>Error en la salida · {loss}</translation>
    </message>
    <message>
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <source>target</source>
        <translation>objetivo</translation>
    </message>
    <message>
        <source>Predicted class {p}, the point&apos;s class is {c}: {verdict}.</source>
        <translation>Clase predicha {p}, la clase del punto es {c}: {verdict}.</translation>
    </message>
    <message>
        <source>right</source>
        <translation>acierto</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>fallo</translation>
    </message>
    <message>
        <source>This point&apos;s error</source>
        <translation>El error de este punto</translation>
    </message>
    <message>
        <source>The batch&apos;s loss is the mean of its points&apos; errors:</source>
        <translation>La pérdida del lote es la media de los errores de sus puntos:</translation>
    </message>
    <message>
        <source>With the L1/L2 penalty {p}, the objective the step descends is {o}.</source>
        <translation>Con la penalización L1/L2 {p}, el objetivo que desciende el paso es {o}.</translation>
    </message>
    <message>
        <source>The backward pass starts from:</source>
        <translation>La retropropagación parte de:</translation>
    </message>
    <message>
        <source>Backward pass · layer {n} of {total} ({name}, {act})</source>
        <translation>Retropropagación · capa {n} de {total} ({name}, {act})</translation>
    </message>
    <message>
        <source>(piece {p}; the others 0)</source>
        <translation>(pieza {p}; las demás 0)</translation>
    </message>
    <message>
        <source>batch mean</source>
        <translation>media del lote</translation>
    </message>
    <message>
        <source>Gradients of this layer&apos;s weights and biases (what the step uses):</source>
        <translation>Gradientes de los pesos y sesgos de esta capa (lo que usa el paso):</translation>
    </message>
    <message>
        <source>piece {p}</source>
        <translation>pieza {p}</translation>
    </message>
    <message>
        <source>mean of δ</source>
        <translation>media de δ</translation>
    </message>
    <message>
        <source>mean of a·δ; this point: {a}·{d} = {v}</source>
        <translation>media de a·δ; este punto: {a}·{d} = {v}</translation>
    </message>
    <message>
        <source>sum over the batch</source>
        <translation>suma sobre el lote</translation>
    </message>
    <message>
        <source>Update · {optimizer}</source>
        <translation>Actualización · {optimizer}</translation>
    </message>
    <message>
        <source>Each weight and bias: before → after, then g (its gradient) and the optimizer&apos;s numbers:</source>
        <translation>Cada peso y sesgo: antes → después, luego g (su gradiente) y los números del optimizador:</translation>
    </message>
</context>
<context>
    <name>StepTraceText</name>
    <message>
        <source>Squared error</source>
        <extracomment>at most this many neurons (or weights) are written out in the details; the rest are on the canvas and in its hover texts English texts of engine.trace, for the translators (shown through tr_engine)</extracomment>
        <translation>Error cuadrático</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>Entropía cruzada binaria</translation>
    </message>
    <message>
        <source>Categorical cross-entropy</source>
        <translation>Entropía cruzada categórica</translation>
    </message>
    <message>
        <source>Sparse categorical cross-entropy</source>
        <translation>Entropía cruzada categórica dispersa</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>SGD con momento</translation>
    </message>
    <message>
        <source>SGD with Nesterov momentum</source>
        <translation>SGD con momento de Nesterov</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Escalón</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signo</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Lineal</translation>
    </message>
    <message>
        <source>f(z) = 1 if z ≥ 0, else 0</source>
        <translation>f(z) = 1 si z ≥ 0, si no 0</translation>
    </message>
    <message>
        <source>f(z) = +1 if z ≥ 0, else −1</source>
        <translation>f(z) = +1 si z ≥ 0, si no −1</translation>
    </message>
    <message>
        <source>f(z) = z if z &gt; 0, else α(eᶻ − 1)</source>
        <translation>f(z) = z si z &gt; 0, si no α(eᶻ − 1)</translation>
    </message>
    <message>
        <source>f(z) = λ·(z if z &gt; 0, else α(eᶻ − 1))</source>
        <translation>f(z) = λ·(z si z &gt; 0, si no α(eᶻ − 1))</translation>
    </message>
    <message>
        <source>(before)</source>
        <translation>(antes)</translation>
    </message>
    <message>
        <source>w after the optimizer (before max-norm)</source>
        <translation>w tras el optimizador (antes de max-norm)</translation>
    </message>
    <message>
        <source>(sigmoid and cross-entropy together)</source>
        <translation>(sigmoide y entropía cruzada juntas)</translation>
    </message>
    <message>
        <source>(softmax and cross-entropy together)</source>
        <translation>(softmax y entropía cruzada juntas)</translation>
    </message>
    <message>
        <source>(softmax and cross-entropy together; t one-hot)</source>
        <translation>(softmax y entropía cruzada juntas; t one-hot)</translation>
    </message>
    <message>
        <source>Eₛ = −log o_y   (y the point&apos;s class)</source>
        <translation>Eₛ = −log o_y   (y la clase del punto)</translation>
    </message>
    <message>
        <source>(y the point&apos;s class)</source>
        <translation>(y la clase del punto)</translation>
    </message>
    <message>
        <source>δ = −(t − y) = y − t</source>
        <translation>δ = −(t − y) = y − t</translation>
    </message>
    <message>
        <source>(the perceptron rule uses the error itself, no derivative)</source>
        <translation>(la regla del perceptrón usa el propio error, sin derivada)</translation>
    </message>
    <message>
        <source>f′(z) = 0 (almost everywhere): nothing flows back</source>
        <translation>f′(z) = 0 (casi en todas partes): nada fluye hacia atrás</translation>
    </message>
    <message>
        <source>f′(z) = 1 if z &gt; 0, else 0</source>
        <translation>f′(z) = 1 si z &gt; 0, si no 0</translation>
    </message>
    <message>
        <source>f′(z) = 1 if z &gt; 0, else α</source>
        <translation>f′(z) = 1 si z &gt; 0, si no α</translation>
    </message>
    <message>
        <source>f′(z) = 1 if z &gt; 0, else f(z) + α</source>
        <translation>f′(z) = 1 si z &gt; 0, si no f(z) + α</translation>
    </message>
    <message>
        <source>f′(z) = λ if z &gt; 0, else f(z) + λα</source>
        <translation>f′(z) = λ si z &gt; 0, si no f(z) + λα</translation>
    </message>
    <message>
        <source>δ = ∂E/∂a for each neuron&apos;s winning piece, 0 for the others</source>
        <translation>δ = ∂E/∂a para la pieza ganadora de cada neurona, 0 para las demás</translation>
    </message>
    <message>
        <source>∂E/∂aᵢ = Σⱼ wᵢⱼ·δⱼ (next layer),</source>
        <translation>∂E/∂aᵢ = Σⱼ wᵢⱼ·δⱼ (capa siguiente),</translation>
    </message>
    <message>
        <source>∂E/∂aᵢ = Σⱼ wᵢⱼ·δⱼ (next layer)</source>
        <translation>∂E/∂aᵢ = Σⱼ wᵢⱼ·δⱼ (capa siguiente)</translation>
    </message>
    <message>
        <source>∂E/∂wᵢⱼ = mean over the batch of aᵢ·δⱼ,</source>
        <translation>∂E/∂wᵢⱼ = media sobre el lote de aᵢ·δⱼ,</translation>
    </message>
    <message>
        <source>∂E/∂bⱼ = mean of δⱼ</source>
        <translation>∂E/∂bⱼ = media de δⱼ</translation>
    </message>
    <message>
        <source>(summed over the batch)</source>
        <translation>(sumado sobre el lote)</translation>
    </message>
    <message>
        <source>zⱼₚ = Σᵢ wᵢⱼₚ·aᵢ + bⱼₚ for each piece p</source>
        <translation>zⱼₚ = Σᵢ wᵢⱼₚ·aᵢ + bⱼₚ para cada pieza p</translation>
    </message>
    <message>
        <source>w ← w − η·λ·w</source>
        <translation>w ← w − η·λ·w</translation>
    </message>
    <message>
        <source>(decoupled weight decay, first)</source>
        <translation>(decaimiento de pesos desacoplado, primero)</translation>
    </message>
    <message>
        <source>g = −Σₛ (t − y)·x</source>
        <translation>g = −Σₛ (t − y)·x</translation>
    </message>
    <message>
        <source>(the perceptron rule&apos;s pseudo-gradient; x = 1 for the bias)</source>
        <translation>(el pseudogradiente de la regla del perceptrón; x = 1 para el sesgo)</translation>
    </message>
    <message>
        <source>(weights only, not biases)</source>
        <translation>(solo pesos, no sesgos)</translation>
    </message>
    <message>
        <source>then each neuron&apos;s incoming weights: w ← w · min(‖w‖, c) / (‖w‖ + 10⁻⁷)</source>
        <translation>después, los pesos de entrada de cada neurona: w ← w · min(‖w‖, c) / (‖w‖ + 10⁻⁷)</translation>
    </message>
    <message>
        <source>Dropout is not applied here: this is the step without dropout masks (training drops units at random).</source>
        <translation>Aquí no se aplica dropout: es el paso sin máscaras de dropout (el entrenamiento apaga unidades al azar).</translation>
    </message>
    <message>
        <source>Removed connections carry 0: their gradient shows as 0 and they are not updated.</source>
        <translation>Las conexiones eliminadas valen 0: su gradiente se muestra como 0 y no se actualizan.</translation>
    </message>
    <message>
        <source>Frozen weights and biases have a gradient but keep their value: no update.</source>
        <translation>Los pesos y sesgos congelados tienen gradiente pero conservan su valor: no se actualizan.</translation>
    </message>
    <message>
        <source>Step and sign have f′ = 0 almost everywhere, so no gradient flows back through them.</source>
        <translation>Escalón y signo tienen f′ = 0 casi en todas partes, así que ningún gradiente fluye hacia atrás a través de ellas.</translation>
    </message>
    <message>
        <source>L1/L2 add λ₁·sign(w) and λ₂·w to each weight&apos;s gradient (not to the biases).</source>
        <translation>L1/L2 suman λ₁·sign(w) y λ₂·w al gradiente de cada peso (no a los sesgos).</translation>
    </message>
    <message>
        <source>The batch is too large to keep every edge&apos;s value per point: those arrays are left out.</source>
        <translation>El lote es demasiado grande para guardar el valor de cada conexión por punto: esos datos se omiten.</translation>
    </message>
    <message>
        <source>Removed connections show gradient 0 and are not updated; frozen weights and biases show their gradient but keep their value. The optimizer&apos;s numbers are its state after this step (it updates its state for every parameter, even those the step then puts back).</source>
        <translation>Las conexiones eliminadas muestran gradiente 0 y no se actualizan; los pesos y sesgos congelados muestran su gradiente pero conservan su valor. Los números del optimizador son su estado después de este paso (actualiza su estado para todos los parámetros, incluso los que el paso luego restablece).</translation>
    </message>
    <message>
        <source>The perceptron rule sums over the {n} points of the batch (it does not average).</source>
        <extracomment>notes of engine.trace that carry a number: {n} stands for it</extracomment>
        <translation>La regla del perceptrón suma sobre los {n} puntos del lote (no promedia).</translation>
    </message>
    <message>
        <source>The gradient is the mean over the {n} points of the batch; each point&apos;s δ and ∂E/∂w are kept too.</source>
        <translation>El gradiente es la media sobre los {n} puntos del lote; también se guardan δ y ∂E/∂w de cada punto.</translation>
    </message>
    <message>
        <source>Max-norm: after the update each neuron&apos;s incoming weights are rescaled to norm ≤ {n}.</source>
        <translation>Max-norm: tras la actualización, los pesos de entrada de cada neurona se reescalan a norma ≤ {n}.</translation>
    </message>
    <message>
        <source>aⱼ = maxₚ zⱼₚ over {n} pieces</source>
        <translation>aⱼ = maxₚ zⱼₚ sobre {n} piezas</translation>
    </message>
</context>
<context>
    <name>StopAfterBar</name>
    <message>
        <source>Pause by itself after this many epochs, counted from each press of Play.
Untick to train until you press Pause.</source>
        <translation>Pausar solo tras este número de épocas, contadas desde cada inicio del entrenamiento.
Desmarca la casilla para entrenar hasta que pulses Pausa.</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>Parar tras</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> épocas</translation>
    </message>
    <message>
        <source>Epochs trained in this run, of the limit</source>
        <translation>Épocas entrenadas en esta ejecución, del límite fijado</translation>
    </message>
    <message>
        <source>{done} / {total} epochs</source>
        <translation>{done} / {total} épocas</translation>
    </message>
    <message>
        <source>{done} / {total} epochs · paused</source>
        <translation>{done} / {total} épocas · en pausa</translation>
    </message>
    <message>
        <source>Stopped after {total} epochs</source>
        <translation>Detenido tras {total} épocas</translation>
    </message>
</context>
<context>
    <name>SurfacePlot</name>
    <message>
        <source>Computing the loss surface…</source>
        <extracomment>low loss pale, high loss a muted blue-grey: the coloured paths stay the brightest thing</extracomment>
        <translation>Calculando la superficie de pérdida…</translation>
    </message>
    <message>
        <source>({x:.2f}, {y:.2f}) → loss {loss:.4f}</source>
        <extracomment>where each lane is now: one item for all lanes (one call a frame, not four)</extracomment>
        <translation>({x:.2f}, {y:.2f}) → pérdida {loss:.4f}</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;Light</source>
        <extracomment>value −1, negative weight, class 0 (whatever the palette&apos;s colour) value 0 value +1, positive weight, class 1 Colours for up to eight classes: the palette&apos;s negative and positive colours first, then its categorical set. outlines, borders and curves are this many times as wide</extracomment>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;High Contrast (for projectors)</source>
        <translation>&amp;Alto contraste (para proyectores)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>TIMELINE</source>
        <extracomment>the slider is never shorter than this on the one-row bar; when the row would not fit the slider gets a row of its own, and when even the words and buttons do not fit beside each other they get shorter (&quot;Epoch 20&quot;, &quot;Resume&quot;) keys the focused slider keeps for itself (the window uses the arrows for stepping) the user moved the slider to ``position`` (an index into the kept epochs) the user grabbed the slider (training pauses before anything moves)</extracomment>
        <translation>LÍNEA DE TIEMPO</translation>
    </message>
    <message>
        <source>Drag to look back at the network at an earlier epoch (training pauses). Each position is one kept epoch: every recent one, sparser further back.</source>
        <translation>Arrastra para ver la red en una época anterior (el entrenamiento se pausa). Cada posición es una época guardada: todas las recientes, y más espaciadas cuanto más atrás.</translation>
    </message>
    <message>
        <source>Training timeline</source>
        <translation>Línea de tiempo del entrenamiento</translation>
    </message>
    <message>
        <source>{kept} snapshots kept</source>
        <translation>{kept} instantáneas guardadas</translation>
    </message>
    <message>
        <source>Memory stays bounded: all recent epochs are kept, older ones at wider and wider intervals.</source>
        <translation>La memoria está acotada: se guardan todas las épocas recientes, y las antiguas a intervalos cada vez mayores.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>Back to the latest state of training</source>
        <translation>Volver al estado más reciente del entrenamiento</translation>
    </message>
    <message>
        <source>Resume from here</source>
        <translation>Continuar desde aquí</translation>
    </message>
    <message>
        <source>Go back to this epoch and continue training from it, exactly as the run went on from here (Edit › Undo returns to where you were)</source>
        <translation>Volver a esta época y seguir entrenando desde ella, exactamente como siguió el entrenamiento desde aquí (Editar › Deshacer te devuelve adonde estabas)</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>Época {epoch}</translation>
    </message>
    <message>
        <source>Previewing epoch {epoch} of {latest}</source>
        <translation>Vista previa: época {epoch} de {latest}</translation>
    </message>
    <message>
        <source>Epoch {epoch} (latest)</source>
        <translation>Época {epoch} (la última)</translation>
    </message>
    <message>
        <source>Press Play</source>
        <translation>Pulsa Entrenar</translation>
    </message>
    <message>
        <source>Train to fill the timeline</source>
        <translation>Entrena para llenar la línea de tiempo</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Continuar</translation>
    </message>
</context>
<context>
    <name>TraceOverlay</name>
    <message>
        <source>piece {p} wins: a = max of the pieces</source>
        <extracomment>connection labels are drawn only while a phase has at most this many along an edge (0 = source, 1 = target), where its label may go, best first hover texts of every neuron and connection the phase is about columns washed out: None, or the (first, last) canvas columns left bright labels drawn in the last paint: (device rect, label)</extracomment>
        <translation>gana la pieza {p}: a = máximo de las piezas</translation>
    </message>
    <message>
        <source>E (batch) = {v}</source>
        <translation>E (lote) = {v}</translation>
    </message>
    <message>
        <source>this point&apos;s a·δ</source>
        <translation>a·δ de este punto</translation>
    </message>
    <message>
        <source>after</source>
        <translation>después</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>Change learning rate</source>
        <extracomment>How long pause() waits for the worker to finish its chunk (it normally takes ms). each applied :class:`Snapshot` (stale ones with ``params``/``columns`` None) divergence or an invalid combination of settings, network and data the invalid combination was fixed: training can run again epochs done and total with &quot;stop after N epochs&quot; the worker paused itself: &quot;diverged&quot;, &quot;invalid&quot;, &quot;stop_after&quot;, &quot;early_stopping&quot; every epoch&apos;s metrics so far, gathered from the snapshots (bounded, like the engine&apos;s): ``history[&quot;train_loss&quot;]`` etc. for the loss plot the Edit › Undo text of a change made in the top bar (translated when shown)</extracomment>
        <translation>Cambiar la tasa de aprendizaje</translation>
    </message>
    <message>
        <source>Change optimizer</source>
        <translation>Cambiar el optimizador</translation>
    </message>
    <message>
        <source>Change loss</source>
        <translation>Cambiar la función de pérdida</translation>
    </message>
    <message>
        <source>Change batch size</source>
        <translation>Cambiar el tamaño del lote</translation>
    </message>
    <message>
        <source>Change regularization</source>
        <translation>Cambiar la regularización</translation>
    </message>
    <message>
        <source>Change regularization rate</source>
        <translation>Cambiar la tasa de regularización</translation>
    </message>
    <message>
        <source>Change training setting</source>
        <translation>Cambiar un ajuste del entrenamiento</translation>
    </message>
</context>
<context>
    <name>TrainingTimeline</name>
    <message>
        <source>Epoch {epoch} · preview</source>
        <extracomment>while training runs the bar follows at this rate, not at every frame: it is read by eye (the top bar shows the live epoch), and each repaint of it costs the frame time that training shares</extracomment>
        <translation>Época {epoch} · vista previa</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>Época {epoch}</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <extracomment>the epoch previewed, or None when the live state is on show again</extracomment>
        <translation>Línea de &amp;tiempo</translation>
    </message>
    <message>
        <source>Show or hide the training timeline under the network</source>
        <translation>Mostrar u ocultar la línea de tiempo del entrenamiento bajo la red</translation>
    </message>
</context>
<context>
    <name>TrainingToolbar</name>
    <message>
        <source>{name} is empty: type a number such as 0.03</source>
        <translation>{name}: el campo está vacío; escribe un número como 0.03</translation>
    </message>
    <message>
        <source>“{text}” is not a number: type a number such as 0.03</source>
        <translation>“{text}” no es un número: escribe un número como 0.03</translation>
    </message>
    <message>
        <source>{name} must be a finite number, not “{text}”</source>
        <translation>{name}: debe ser un número finito, no “{text}”</translation>
    </message>
    <message>
        <source>{name} must be 0 or more, not {text}</source>
        <translation>{name}: debe ser 0 o más, no {text}</translation>
    </message>
    <message>
        <source>{name} must be greater than 0, not {text}</source>
        <translation>{name}: debe ser mayor que 0, no {text}</translation>
    </message>
    <message>
        <source>{problem}
The rate in use is still {rate}.</source>
        <translation>{problem}
La tasa en uso sigue siendo {rate}.</translation>
    </message>
    <message>
        <source>Reset the network (R): back to the same starting weights, epoch 0
Shift+click: new random starting weights (Shift+R)</source>
        <translation>Reiniciar la red (R): vuelve a los mismos pesos iniciales, época 0
Mayús+clic: nuevos pesos iniciales aleatorios (Mayús+R)</translation>
    </message>
    <message>
        <source>Reset the network</source>
        <translation>Reiniciar la red</translation>
    </message>
    <message>
        <source>Train one epoch (→)</source>
        <translation>Entrenar una época (→)</translation>
    </message>
    <message>
        <source>Train one epoch</source>
        <translation>Entrenar una época</translation>
    </message>
    <message>
        <source>Train one mini-batch (Shift+→)</source>
        <translation>Entrenar un mini-lote (Mayús+→)</translation>
    </message>
    <message>
        <source>Train one mini-batch</source>
        <translation>Entrenar un mini-lote</translation>
    </message>
    <message>
        <source>Epochs trained: one epoch is one pass over the training data</source>
        <translation>Épocas entrenadas: una época es una pasada por todos los datos de entrenamiento</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <source>Learning rate η: how far each update moves the weights.
Pick a preset or type any positive number and press Enter.</source>
        <translation>Tasa de aprendizaje η: cuánto mueve los pesos cada actualización.
Elige un valor de la lista o escribe cualquier número positivo y pulsa Intro.</translation>
    </message>
    <message>
        <source>Optimizer: the rule that turns gradients into weight updates</source>
        <translation>Optimizador: la regla que convierte los gradientes en actualizaciones de los pesos</translation>
    </message>
    <message>
        <source>Loss: how the error between output and target is measured</source>
        <translation>Pérdida: cómo se mide el error entre la salida y el objetivo</translation>
    </message>
    <message>
        <source>Batch size: training examples averaged per weight update (1 … 1000)</source>
        <translation>Tamaño del lote: ejemplos de entrenamiento que se promedian en cada actualización de los pesos (1 … 1000)</translation>
    </message>
    <message>
        <source>Regularization: a penalty on large weights that fights overfitting</source>
        <translation>Regularización: una penalización de los pesos grandes que combate el sobreajuste</translation>
    </message>
    <message>
        <source>Regularization rate</source>
        <translation>Tasa de regularización</translation>
    </message>
    <message>
        <source>Regularization rate: the strength of the weight penalty.
Pick a preset or type any number ≥ 0 and press Enter.</source>
        <translation>Tasa de regularización: la intensidad de la penalización de los pesos.
Elige un valor de la lista o escribe cualquier número ≥ 0 y pulsa Intro.</translation>
    </message>
    <message>
        <source>Training speed: epochs trained between two pictures.
One epoch per frame shows every step; as fast as possible trains
as fast as the machine allows while the pictures stay live.</source>
        <translation>Velocidad de entrenamiento: épocas entrenadas entre dos imágenes.
Una época por imagen muestra cada paso; lo más rápido posible entrena
tan rápido como permite el equipo y las imágenes siguen actualizándose.</translation>
    </message>
    <message>
        <source>Training speed in epochs per second</source>
        <translation>Velocidad de entrenamiento en épocas por segundo</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <source>Epochs / s</source>
        <translation>Épocas / s</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Tamaño del lote</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimizador</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>Regularización</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Reg. rate</source>
        <translation>Tasa de reg.</translation>
    </message>
    <message>
        <source>Pause training (Space)</source>
        <translation>Pausar el entrenamiento (Espacio)</translation>
    </message>
    <message>
        <source>Pause training</source>
        <translation>Pausar el entrenamiento</translation>
    </message>
    <message>
        <source>Start training (Space)</source>
        <translation>Iniciar el entrenamiento (Espacio)</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Iniciar el entrenamiento</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Nothing to train</source>
        <extracomment>Longest the loop stands aside while the GUI thread applies and draws a snapshot, counted from the frame&apos;s start. Both threads need the interpreter lock, and drawing calls back into Python many times a frame, each time waiting for the lock if the worker holds it: a frame that takes 20 ms alone took seconds against a busy worker. Standing aside — before each chunk of training and before computing the next snapshot — until the GUI has drawn (but never longer than this, so training always gets a share) keeps frames whole. Most snapshots a timeline keeps (the engine&apos;s default), and the memory it may use: a network too large for TIMELINE_CAPACITY snapshots within TIMELINE_BYTES keeps fewer (at least TIMELINE_MIN_CAPACITY). the run&apos;s kept snapshots (see TimelineRecorder); read by the GUI thread</extracomment>
        <translation>No hay nada que entrenar</translation>
    </message>
    <message>
        <source>Cannot train: {problem}</source>
        <translation>No se puede entrenar: {problem}</translation>
    </message>
    <message>
        <source>Training stopped after an internal error: {error}</source>
        <translation>El entrenamiento se detuvo tras un error interno: {error}</translation>
    </message>
</context>
</TS>
