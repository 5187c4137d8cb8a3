"""A checklist (items ticked with Space) whose arrow keys stop at its ends, like every list of the app.

`SelectionList` is built on Textual's `OptionList` and wraps the same way;
its arrows step as `EndStopOptionList`'s do (see there why). Not a subclass of
both: Textual takes a widget's styles from its first base only.
"""

from __future__ import annotations

from textual.widgets import SelectionList
from textual.widgets.selection_list import SelectionType

from enquete.ui.widgets.end_stop_option_list import step_without_wrapping


class EndStopSelectionList(SelectionList[SelectionType]):
    """A `SelectionList` whose Up and Down stop at its first and last item."""

    def action_cursor_up(self) -> None:
        step_without_wrapping(self, -1)

    def action_cursor_down(self) -> None:
        step_without_wrapping(self, 1)
