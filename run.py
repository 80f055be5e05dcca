"""TripleWin's one entry point: ``uv run run.py COMMAND ...``; ``uv run run.py --help`` lists them."""

import sys

# Importing experiments imports model first, which pins numpy's code path (model/numerics.py).
from experiments.cli import main
from experiments.process_exit import finish

if __name__ == "__main__":
    sys.exit(finish(main()))
