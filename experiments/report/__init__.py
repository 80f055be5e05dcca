"""Self-contained HTML reports of results folders (``run.py report RESULTS_DIR``).

A results folder's ``manifest.json`` names the command that made it; the module
``experiments.report.kinds.<command>`` turns the folder into sections of the page with
``sections(folder, manifest) -> list[Section]`` and may set ``TITLE`` and ``INTRODUCTION``.
:mod:`experiments.report.page` assembles the page: figures embedded as data URIs, no external
files, scripts or fonts, so the page can be mailed or pasted into a brief as it is.
"""
