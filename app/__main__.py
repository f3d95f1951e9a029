# PYTHON_ARGCOMPLETE_OK: `python -m app` completes as the followup command does.
import sys

from app.cli import main

sys.exit(main())
