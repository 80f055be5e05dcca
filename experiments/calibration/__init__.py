"""``run.py calibrate``: the uncertain parameters estimated from the calibration targets (ABC-SMC).

Likelihood-free Bayesian estimation (approximate Bayesian computation by sequential Monte Carlo,
Toni et al. 2009; Beaumont et al. 2009) with pyabc (Schälte et al. 2022), on the same kind of
Dask cluster as sweeps. :mod:`~experiments.calibration.schema` and
:mod:`~experiments.calibration.experiment` read and check the experiment file (priors, targets,
settings); :mod:`~experiments.calibration.targets` turns the calibration targets of
``model/calibration.yaml`` into a distance; :mod:`~experiments.calibration.simulator` is the model
pyabc calls; :mod:`~experiments.calibration.sampler` makes pyabc's Dask sampler reproducible;
:mod:`~experiments.calibration.smc` runs (or resumes) the estimation;
:mod:`~experiments.calibration.posterior` reads the posterior (and draws from it for ``compare
--posterior`` and ``sensitivity``); :mod:`~experiments.calibration.predictive`,
:mod:`~experiments.calibration.figures` and :mod:`~experiments.calibration.outputs` write the
results folder, whose file names are declared once in :mod:`~experiments.calibration.files`.
docs/calibration.md is the user's guide.
"""
