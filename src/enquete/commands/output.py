"""What every command front-end shares: exit codes and a safe `say`.

It lives here, not in `cli.py`, so that the command modules never import the
module that imports them (the cli <-> commands cycle the review found).
"""

from __future__ import annotations

import sys

from enquete.text import printable

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
"""0: all good; 1: some input had problems (each one printed); 2: the command could not run."""


def say(line: str = "", *, err: bool = False) -> None:
    """Print a line whose parts may come from files: control sequences never reach the terminal.

    Args:
        line: The text to print; escape sequences and bidi controls are replaced.
        err: Print to stderr instead of stdout.
    """
    print(printable(line), file=sys.stderr if err else sys.stdout)
