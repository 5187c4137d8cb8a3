"""A checkbox whose state reads without colour: `[x]` or `[ ]`.

Textual's Checkbox draws the same X whether it is on or off and tells them
apart by colour only, which is lost with NO_COLOR or on a monochrome terminal.
"""

from textual.content import Content
from textual.widgets import Checkbox


class ChoiceBox(Checkbox):
    """A one-line checkbox; focus shows as reverse video on the label, not as a border."""

    DEFAULT_CSS = """
    ChoiceBox, ChoiceBox:focus {
        border: none;
        padding: 0 1;
        height: 1;
        background: $surface;
    }
    ChoiceBox:focus > .toggle--label {
        text-style: reverse;
    }
    """

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble(("[x]" if self.value else "[ ]", style))
