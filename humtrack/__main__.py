"""``python -m humtrack`` runs the command line."""

import sys

from humtrack.cli import main

sys.exit(main())
