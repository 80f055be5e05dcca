"""TripleWin: an agent-based simulator of international migration and co-development."""

from model.model import TripleWinModel
from model.simulation import RunResult, simulate

__all__ = ["RunResult", "TripleWinModel", "simulate"]
