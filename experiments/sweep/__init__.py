"""Sweeps: experiment files, their design points, summaries and outputs (``run.py sweep``)."""
