"""Entry point of the frozen app: the same as the ``archive-browser`` command."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
