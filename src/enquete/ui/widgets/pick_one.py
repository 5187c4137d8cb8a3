"""Pick one item from a list that filters as you type: the ST.3 code list, or a choice question."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from enquete.model.codes import st3_codes
from enquete.model.questionnaire import AnyQuestion, ChoiceQuestion
from enquete.text import fold
from enquete.ui.content import tr
from enquete.ui.widgets.answer_field import NOT_READ, AnswerField
from enquete.ui.widgets.end_stop_option_list import EndStopOptionList
from enquete.ui.widgets.one_line_input import OneLineInput

ALIASES: dict[str, str] = {
    "uk": "GB",
    "united kingdom": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "usa": "US",
    "us": "US",
    "united states": "US",
    "america": "US",
    "korea": "KR",
    "south korea": "KR",
    "holland": "NL",
    "netherlands": "NL",
    "swiss": "CH",
    "switzerland": "CH",
    "eu": "EM",
    "euipo": "EM",
    "european union": "EM",
    "epo": "EP",
    "wipo": "WO",
    "russia": "RU",
    "iran": "IR",
    "vietnam": "VN",
    "czechia": "CZ",
    "turkey": "TR",
}
"""Names people type for an office that the ST.3 list spells otherwise (or that match the wrong one)."""


class SearchInput(OneLineInput):
    """The search box: Backspace or Delete with nothing left to delete clears the choice."""

    class EmptyDeleted(Message):
        """Backspace or Delete was pressed on an empty search: the person wants no item chosen."""

    def action_delete_left(self) -> None:
        if not self.value:
            self.post_message(self.EmptyDeleted())
        else:
            super().action_delete_left()

    def action_delete_right(self) -> None:
        if not self.value:
            self.post_message(self.EmptyDeleted())
        else:
            super().action_delete_right()


class PickOneField(AnswerField):
    """An input to filter, a list to choose from; Enter picks the highlighted item."""

    DEFAULT_CSS = """
    PickOneField { height: auto; }
    PickOneField OptionList { height: 10; }
    PickOneField .chosen { padding: 0 1; text-style: bold; }
    """
    BINDINGS = [
        Binding("down", "to_list", show=False),
        Binding("backspace,delete", "clear_choice", show=False),
    ]
    """Down goes into the list; Backspace or Delete there clears the choice (as on an empty search)."""

    def __init__(self, question: AnyQuestion, value: Any, language: str, **kwargs: Any) -> None:
        super().__init__(question, value, language, **kwargs)
        if isinstance(question, ChoiceQuestion):
            self.items = [(o.id, o.label_in(language)) for o in question.options]
        else:
            self.items = [(c.code, c.name) for c in st3_codes(language)]
        self.names = dict(self.items)
        self.folded = [(code, fold(code), fold(name)) for code, name in self.items]
        self._picked = value if isinstance(value, str) else None
        self._chosen = self._picked
        """The item chosen outright (the answer given, Enter, a click): what the search falls back on."""
        self._changed_by_person = False
        self._enter_moved_on = False

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder=tr("pick.placeholder", self.language), id="filter")
        yield Static(self._chosen_text(self.initial), classes="chosen", id="chosen")
        yield EndStopOptionList(*self._options(""), id="choices")

    def _matches(self, text: str) -> list[str]:
        """The items the typed text finds, best first: an alias, codes or ids it starts, names it is in."""
        wanted = fold(text.strip())
        if not wanted:
            return [c for c, _, _ in self.folded]
        alias = ALIASES.get(wanted) if self._is_code_list else None
        first = [alias] if alias in self.names else []
        starts = [c for c, fc, _ in self.folded if fc.startswith(wanted) and c not in first]
        contains = [c for c, fc, fn in self.folded if wanted in fn and c not in starts and c not in first]
        return first + starts + contains

    def typed_item(self, text: str) -> str | None:
        """The one item the typed text names, or None: the choice follows the text as it is now.

        In order: an exact code or option id ("kr"), an alias ("Korea"), exactly one
        name or label ("China", "oui": accents and case ignored), or the only item
        the text still finds. Bug (author trial): "China" chose CH when "Ch" was
        typed, and kept it while the list showed only CN.
        """
        wanted = fold(text.strip())
        if not wanted:
            return None
        for exact in (
            [c for c, fc, _ in self.folded if fc == wanted],
            [ALIASES[wanted]] if self._is_code_list and ALIASES.get(wanted) in self.names else [],
            [c for c, _, fn in self.folded if fn == wanted],
            self._matches(text),
        ):
            if len(exact) == 1:
                return exact[0]
            if exact:  # two ids or labels alike: the text names none of them
                return None
        return None

    def _options(self, text: str) -> list[Option]:
        codes = self._matches(text)
        if isinstance(self.question, ChoiceQuestion):
            # Option ids are the questionnaire's internals: the person sees labels only
            # (ids were glued to labels: "feesOffice fees"). Typing an id still finds it.
            return [Option(Content(self.names[code]), id=code) for code in codes]
        width = max((len(code) for code in self.names), default=2) + 2
        return [
            Option(Content.assemble((code.ljust(width), "bold"), self.names[code]), id=code) for code in codes
        ]

    @property
    def _is_code_list(self) -> bool:
        return not isinstance(self.question, ChoiceQuestion)

    def _chosen_text(self, value: Any) -> Content:
        key = value.strip().upper() if isinstance(value, str) and self._is_code_list else value
        if not isinstance(key, str) or key not in self.names:
            # An unknown code given on the command line is never shown as chosen (trial #19).
            return Content(tr("pick.none", self.language))
        if isinstance(self.question, ChoiceQuestion):  # a label, not its id
            return Content(tr("pick.chosen", self.language, value=self.names[key]))
        return Content(tr("pick.chosen", self.language, value=f"{key}  {self.names[key]}".strip()))

    @on(Input.Changed, "#filter")
    def filter_list(self, event: Input.Changed) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.set_options(self._options(event.value))
        if choices.option_count:
            choices.highlighted = 0
        # What the text names is taken at once, so Ctrl+N does not drop it (trial #19); text
        # that names nothing on its own leaves the item chosen before the search.
        typed = self.typed_item(event.value)
        self._show_pick(typed if typed is not None else self._chosen)

    @on(Input.Submitted, "#filter")
    def pick_highlighted(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is not None:
            option = choices.get_option_at_index(choices.highlighted)
            self._pick(option.id or "")

    @on(OptionList.OptionSelected, "#choices")
    def pick_selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id or "")

    def _pick(self, code: str | None) -> None:
        """The person chose this item outright (Enter, a click)."""
        self._chosen = code
        self._show_pick(code)

    def _show_pick(self, code: str | None) -> None:
        if code == self._picked:
            return
        self._picked = code
        self._changed_by_person = True
        self.query_one("#chosen", Static).update(self._chosen_text(code))
        self.announce(code)
        self._enter_changed()

    @on(SearchInput.EmptyDeleted)
    def action_clear_choice(self) -> None:
        """No item chosen: an optional question answered by mistake can be left unanswered again."""
        self._pick(None)

    def current_value(self) -> Any:
        if self._picked:
            return self._picked
        return None if self._changed_by_person else NOT_READ

    def enter_may_move_on(self) -> bool:
        focused = self.screen.focused
        return focused is not None and focused.parent is self  # the filter or the list

    def enter_moves_on(self) -> bool:
        """Enter goes on once an item is chosen and is the one highlighted; before, it picks.

        With nothing typed in the search, Enter goes on and chooses nothing.
        Typing "KR" or "Korea" picks KR at once, so Enter goes to the next question;
        typing "Kor" highlights KR among others: Enter picks it, a second Enter goes on.
        """
        if not self.enter_may_move_on():
            return False
        search = self.query_one("#filter", Input)
        if search.has_focus and not search.value.strip():
            # Nothing typed, nothing highlighted by the person: Enter skips, as Ctrl+N does.
            # Bug (author trial): it picked the first option, an answer nobody gave.
            return True
        if self._picked not in self.names:
            return False
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is None:
            return True
        return choices.get_option_at_index(choices.highlighted).id == self._picked

    def enter_in_field(self) -> None:
        self.pick_highlighted()

    @on(OptionList.OptionHighlighted, "#choices")
    def highlight_moved(self) -> None:
        self._enter_changed()

    def _enter_changed(self) -> None:
        """Enter picks, or goes on: when that changes, the key bar follows."""
        moves_on = self.enter_moves_on()
        if moves_on != self._enter_moved_on:
            self._enter_moved_on = moves_on
            self.screen.refresh_bindings()

    def action_to_list(self) -> None:
        """Down in the search goes into the list, at once: the Downs behind it move down the list.

        Bug: `focus()` waits for the queued keys, and a held Down arrives in one read on a
        busy machine (or through tmux): every Down but the first was lost, and Enter picked
        the first item, not the one the person had held the key down to.
        """
        if self.query_one("#filter", Input).has_focus:
            self.screen.set_focus(self.query_one("#choices", OptionList))
