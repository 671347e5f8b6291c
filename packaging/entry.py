"""Entry script of the frozen app (PyInstaller): the same as the `btdesk` console script."""
import multiprocessing
import sys

from ui.main import main

if __name__ == "__main__":
    # a unit's import reads bundles in worker processes (btdesk.services.read_ahead): started from
    # this same executable, they must run their task instead of the app
    multiprocessing.freeze_support()
    sys.exit(main())
