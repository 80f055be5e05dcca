"""TripleWin's one entry point: ``python run.py COMMAND ...``; ``python run.py --help`` lists them."""

import sys

from model.numerics import pin_simd

# Before numpy is imported: the same numbers by seed on every x86 machine (model/numerics.py).
pin_simd()

from experiments.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
