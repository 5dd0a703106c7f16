"""Entry point of the frozen ``govsvc-desktop`` command (the same ``cli.main`` as pip's).

On Linux the window's ``govsvc-desktop-gui`` is a link to this same program: started under
that name, it runs ``entry_gui`` instead.
"""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    # Migrations are read as .py files: leave the installed folder as it was shipped.
    sys.dont_write_bytecode = True
    # Demo data is made in "spawn" workers, which start this same program again.
    multiprocessing.freeze_support()
    if os.path.basename(sys.argv[0]).startswith("govsvc-desktop-gui"):
        from entry_gui import main as gui_main

        sys.exit(gui_main())
    from govsvc_desktop.cli import main

    sys.exit(main())
