"""Global sensitivity analysis and scenario discovery: ``run.py sensitivity EXPERIMENT``.

A sensitivity file names uncertain *world* parameters (behaviour, applied to the scenario and to
its paired baseline alike) and *policy* levers (applied to the scenario only), each with a
distribution; a method (Morris, Sobol', eFAST or the delta moment-independent measure) and its
settings; replications per sample point. Every sample point is run with the replications' seeds
of :mod:`experiments.seeds` and paired with baseline runs on the same seeds and world, so its
welfare changes (equivalent variations, :mod:`experiments.welfare`) are the policies' effect
in that world. The analysis works on replicate means,
reports the replicate noise beside the indices, bootstrap intervals for every index and the
indices at N and N/2; PRIM boxes show where in parameter space a triple win is likely.

Modules: ``schema`` (the file) and ``checks`` (what the schema cannot check), ``parameters``
(distributions, the integer and categorical rules), ``design`` (SALib's samplers), ``plan``
(configurations and runs), ``points`` (replicate means and noise), ``indices`` (SALib's
analyses with intervals, at N and N/2), ``discovery`` (the triple-win probability and PRIM),
``figures``, ``outputs`` (every table and figure from the runs), ``finish`` (the manifest and
the summary) and ``testmodels`` (functions with known indices that stand in for the
simulator). The command is :mod:`experiments.commands.sensitivity`; docs/sensitivity.md says
how to write and read an analysis.
"""
