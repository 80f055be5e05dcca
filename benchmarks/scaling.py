"""Speed-up of a sweep on 2 workers over 1 worker.

Parallel sweeps (``run.py sweep`` on dask.distributed) do not exist yet: this script says so and
exits successfully; it will time a sweep of at least 200 runs on 1 and 2 workers once they do.
"""

from __future__ import annotations

import argparse


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="accepted for symmetry with the other scripts"
    )
    parser.parse_args()
    print("scaling: parallel sweeps (run.py sweep) are not implemented yet; nothing to measure.")


if __name__ == "__main__":
    main()
