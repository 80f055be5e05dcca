"""Figures of the experiment commands (matplotlib, written as PNG into results folders)."""

import matplotlib

matplotlib.use("Agg")
