"""TripleWin's one entry point: ``python run.py COMMAND ...``; ``python run.py --help`` lists them."""

import sys

from experiments.cli import main

if __name__ == "__main__":
    sys.exit(main())
