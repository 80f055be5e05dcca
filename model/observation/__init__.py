"""The measurement layer: what censuses, surveys, registers and administrative lists would see.

The simulator knows the true population; observers do not. This package emits, beside the truth,
the tables that a destination census, an origin household survey, a permit register and a
bilateral stock-and-flow compilation would publish, and (in :mod:`model.observation.microdata`)
the person records of a census sample, a labour force survey, registers and lists of irregular
migrants, each with its own documented errors (UN Statistics Division, Recommendations on
Statistics of International Migration, Rev. 1, 1998; UN Expert Group on Migration Statistics,
conceptual framework, 2021). Observing never changes a run: the observers draw their random
numbers from their own streams of the run's seed.

Import the pieces from their modules (``model.observation.observer`` and so on). The events the
observers read (returns, exits, naturalisations, reunifications) are recorded by the model itself
(:mod:`model.events`).
"""
