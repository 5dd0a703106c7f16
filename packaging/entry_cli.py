"""Entry point of the frozen ``govsvc-desktop`` command (the same ``cli.main`` as pip's)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Migrations are read as .py files: leave the installed folder as it was shipped.
    sys.dont_write_bytecode = True
    # Demo data is made in "spawn" workers, which start this same program again.
    multiprocessing.freeze_support()
    from govsvc_desktop.cli import main

    sys.exit(main())
