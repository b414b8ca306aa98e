"""Classroom tools: what a teacher shows in front of a class.

* :mod:`gui.classroom.activation_viewer` — the slides' gallery of activation functions:
  f(x) and f′(x) of every activation, with formulas, a "when to use" note and live
  parameters (:class:`~gui.classroom.activation_viewer.ActivationViewer`).
"""
