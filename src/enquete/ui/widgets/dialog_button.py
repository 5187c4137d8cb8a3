"""A dialog's button, pressed by Space as well as Enter when it has the focus.

Textual's `Button` binds Enter only (its checkboxes and switches take both), and
nothing else in the app handles Space on a dialog: the quit dialog's focused
button ignored it, and a person who had tabbed to "Stay" and pressed Space, as
in any dialog of their desktop, was left wondering whether the app had heard.
Every dialog builds its buttons from this class.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Button


class DialogButton(Button):
    """A `Button` that Space presses too."""

    BINDINGS = [Binding("space", "press", show=False)]
    """Space, as Enter (Button's own binding, kept): presses the button."""
