"""Entry script of the frozen app (PyInstaller): the same as the `btdesk` console script."""
import sys

from ui.main import main

if __name__ == "__main__":
    sys.exit(main())
