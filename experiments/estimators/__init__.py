"""The estimator bank: standard ways of measuring migration, each with its uncertainty and source.

Each module holds one family of estimators, computed from what observers publish
(:class:`model.observation.observer.Observations`: tables and microdata) and set beside the truth:

* :mod:`.stocks`: the residual method for irregular migrants and the emigrant stock from the
  origin's household survey;
* :mod:`.flows`: demographic accounting of entries between censuses;
* :mod:`.flows_from_stocks`: flows from stock tables (Abel & Sander 2014; Abel 2018);
* :mod:`.combined_flows`: sending and receiving countries' flow statistics combined with their
  measurement errors (in the spirit of IMEM, Raymer et al. 2013);
* :mod:`.capture_recapture`: the irregular population from administrative lists;
* :mod:`.remittances`: the remittance scale-up;
* :mod:`.integration`: integration indicators from the census sample and the labour force survey.

:mod:`.bank` lists them all (name, target, unit, source, whether exact in principle) and
:mod:`.scoring` scores them against the truth over replications. Libraries: statsmodels for the
count models (zero-truncated Poisson regression, Poisson GLM), scipy for the likelihood of the
combined flow model and for quantiles; variance estimation by random groups and by the formulas
of simple random sampling is written here (Wolter 2007; Cochran 1977).
"""
