"""A list whose arrow keys stop at the first and last item: every list in the app is one of these.

Textual's `OptionList` (and `SelectionList`, built on it) wraps: Down on the
last item goes to the first, Up on the first to the last. A person holding an
arrow key over a long list (the results' sections, the review's answers, the
office codes) was carried past the end and back to the top without noticing,
and let go far from where they meant to be. Here the arrows stop at the ends,
as the matrix (a `DataTable`) and the multi-select's checklist already do.
Home/End and PageUp/PageDown are Textual's: they reach the ends and stop there.
The checklist version is `end_stop_selection_list` (apart, so that the home
screen's first paint does not import it).
"""

from __future__ import annotations

from textual.widgets import OptionList


def step_without_wrapping(options: OptionList, direction: int) -> None:
    """Highlight the next enabled item that way (1 down, -1 up), if there is one: at an end, stay.

    With nothing highlighted yet, the first or the last item, as Textual's own arrows do.
    """
    if options.highlighted is None:
        if direction > 0:
            options.action_first()
        else:
            options.action_last()
        return
    index = options.highlighted + direction
    while 0 <= index < options.option_count:
        if not options.get_option_at_index(index).disabled:
            options.highlighted = index
            return
        index += direction


class EndStopOptionList(OptionList):
    """An `OptionList` whose Up and Down stay put at either end (disabled items are stepped over)."""

    def action_cursor_up(self) -> None:
        step_without_wrapping(self, -1)

    def action_cursor_down(self) -> None:
        step_without_wrapping(self, 1)
