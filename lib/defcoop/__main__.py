"""`python -m defcoop ...` runs the command-line interface."""
from defcoop.cli import main

raise SystemExit(main())
