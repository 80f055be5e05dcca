"""Validation against known patterns (pattern-oriented modelling: Grimm et al. 2005).

``checks.yaml`` declares every check and experiment; :mod:`~experiments.validation.registry`
reads it, :mod:`~experiments.validation.runner` runs the experiments with the probes of
:mod:`~experiments.validation.probes`, :mod:`~experiments.validation.statistics` computes each
check's statistic, :mod:`~experiments.validation.evaluate` judges it against its band,
:mod:`~experiments.validation.figures` draws one figure per check and
:mod:`~experiments.validation.outputs` writes the results folder. The command is
``uv run run.py validate`` (:mod:`experiments.commands.validate`); docs/validation.md reports the
results and the gaps.
"""
