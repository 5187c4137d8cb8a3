"""Lets `python -m enquete` behave exactly like the `enquete` command."""

from enquete.cli import main

raise SystemExit(main())
