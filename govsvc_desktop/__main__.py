import sys

from govsvc_desktop.cli import main

sys.exit(main())
