"""A multi-select: a checklist moved with the arrows, a comment box under each ticked option.

Up/Down move between the options (never into a comment box), Home/End jump
to the first/last, PageUp/PageDown by five, Space ticks. Tab goes into the
ticked option's comment box, a real multi-line text area with a counter (or
into the question's own comment box, below the list). Tab and Shift+Tab never
step from option to option as the arrows do: on an option with no box to go
into, they leave the list for the control after (before) it, or stay where the
screen has none (the fill screen has none). Text typed or pasted on an option
is never dropped: it goes into that option's box, ticking the option as typing
in a form's "Other" box does, else into the question's box; where no box can
take it, the person is told. The rules (the exclusive option,
set-aside comments) are the session's: this widget posts what the person did
and shows what the session holds then.

Keys act where they were typed, in order, even in a burst. A terminal hands
a burst to the app in one read and Textual sends every key of it to the
widget focused then, so a key that moves the focus (Tab, a letter typed on an
option) must be acted on before the next key is handed out. So the checklist's
keys are handled here, as they come, on the option focused when each comes,
and a key that reached an option after the focus left for a comment box is
passed on to that box; Tab and Shift+Tab are priority keys that first let the
keys typed before them land, as Ctrl+N does (`screens/fill/typed_keys.py`).
"""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Static

from enquete.model.answers import MultiAnswer
from enquete.model.questionnaire import MultiQuestion
from enquete.text import printable
from enquete.ui.content import tr
from enquete.ui.keys_in_flight import let_typed_keys_land
from enquete.ui.widgets.answer_field import AnswerField
from enquete.ui.widgets.choice_box import ChoiceBox
from enquete.ui.widgets.counted_text import CountedText

PAGE = 5
MOVES = {"down": 1, "up": -1, "pagedown": PAGE, "pageup": -PAGE}
"""Checklist keys that move the highlight by a step, handled as they come (see the module's docstring)."""
JUMPS = {"home": 0, "end": -1}
"""Checklist keys that jump to the first or last option."""
TICKS = ("space", "enter")
"""Keys that tick or untick the highlighted option (Checkbox's own keys)."""
TOLD_AGAIN_AFTER_SECONDS = 4.0
"""One notice per burst of text that no box can take, not one per key."""


class MultiSelectField(AnswerField):
    """One checkbox per option; a comment box appears under each selected option that takes one."""

    DEFAULT_CSS = """
    MultiSelectField { height: auto; }
    MultiSelectField CountedText { margin: 0 0 0 6; }
    MultiSelectField .comment-label { padding: 1 1 0 1; }
    MultiSelectField .set-aside { padding: 0 1 0 7; color: $text-muted; text-style: italic; height: auto; }
    MultiSelectField .full-label { padding: 0 1; height: auto; text-style: italic; color: $text-muted; }
    """
    BINDINGS = [
        Binding("tab", "into_comment", "key.comment", id="comment", priority=True),
        Binding("shift+tab", "back_out", show=False, priority=True),
    ]
    """Tab into the comment box (the key bar says so where it leads to one) and Shift+Tab back
    (`action_into_comment`, `action_back_out` say where they go from an option).

    Priority keys, so that they act after the keys typed before them and before those
    typed after them (bug: in a burst, keys typed after Tab landed in the box just left).
    The arrows, Home/End, PageUp/PageDown and Space are handled as they come (`on_key`);
    a focused comment box keeps its own.
    """

    question: MultiQuestion

    class OptionToggled(Message):
        """The person ticked (`on`) or unticked an option."""

        def __init__(self, question_id: str, option_id: str, on: bool) -> None:
            super().__init__()
            self.question_id, self.option_id, self.on = question_id, option_id, on

    class OptionCommentEdited(Message):
        """The person changed the comment of one option."""

        def __init__(self, question_id: str, option_id: str, text: str) -> None:
            super().__init__()
            self.question_id, self.option_id, self.text = question_id, option_id, text

    class CommentEdited(Message):
        """The person changed the question's single comment."""

        def __init__(self, question_id: str, text: str) -> None:
            super().__init__()
            self.question_id, self.text = question_id, text

    def __init__(
        self,
        question: MultiQuestion,
        value: Any,
        language: str,
        set_aside: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(question, value, language, **kwargs)
        self.set_aside = dict(set_aside or {})
        self._told_at: float | None = None

    def _answer(self) -> MultiAnswer:
        return self.initial if isinstance(self.initial, MultiAnswer) else MultiAnswer()

    def compose(self) -> ComposeResult:
        answer = self._answer()
        limit = self.question.comment_max_length
        for option in self.question.options:
            short = option.short_in(self.language)
            yield ChoiceBox(Content(printable(short)), option.id in answer.selected, id=f"option-{option.id}")
            if self.question.option_comments and not option.exclusive:
                text = answer.comments.get(option.id, "")
                box = CountedText(
                    text,
                    limit,
                    self.language,
                    placeholder=tr("multi.comment_placeholder", self.language, option=short),
                    id=f"comment-{option.id}",
                )
                box.display = option.id in answer.selected
                yield box
                note = Static("", classes="set-aside", id=f"aside-{option.id}")
                note.display = False
                yield note
        yield Static("", classes="full-label", id="full-label")
        if self.question.comment:
            yield Static(tr("multi.comment", self.language), classes="comment-label", markup=False)
            yield CountedText(answer.comment or "", limit, self.language, id="comment")

    def on_mount(self) -> None:
        self._show_set_aside()
        for option in self.question.options:
            for box in self.query(f"#comment-{option.id}").results(CountedText):
                checkbox = self.query_one(f"#option-{option.id}", Checkbox)
                self.watch(checkbox, "value", partial(self._show_box, box), init=False)

    @staticmethod
    def _show_box(box: CountedText, ticked: bool) -> None:
        """Show a ticked option's box as the box is ticked (a watcher runs at once), so a Tab
        typed right after lands in it; the session's answer follows with `show_answer`."""
        box.display = ticked

    def show_answer(self, answer: Any) -> None:
        """Tick the boxes as the session says; fill a box whose comment came back from aside."""
        self.initial = answer
        current = self._answer()
        for option in self.question.options:
            checkbox = self.query_one(f"#option-{option.id}", Checkbox)
            with checkbox.prevent(Checkbox.Changed):
                checkbox.value = option.id in current.selected
            for box in self.query(f"#comment-{option.id}").results(CountedText):
                box.display = option.id in current.selected
                wanted = current.comments.get(option.id, "")
                editor = box.editor
                # Only into an empty box: text typed on the option as it ticked is already there.
                if option.id in current.selected and not editor.text and wanted:
                    editor.load_text(wanted)
                    editor.move_cursor(editor.document.end)
        self._show_set_aside()

    def update_set_aside(self, set_aside: dict[str, str]) -> None:
        self.set_aside = dict(set_aside)
        self._show_set_aside()

    def _show_set_aside(self) -> None:
        """Under an unticked option whose comment is kept aside, say so (nothing is lost)."""
        for option in self.question.options:
            for note in self.query(f"#aside-{option.id}").results(Static):
                text = self.set_aside.get(option.id, "")
                note.display = bool(text)
                if text:
                    note.update(Content(tr("multi.set_aside", self.language, count=len(text))))

    # --- what the person does -------------------------------------------------

    @on(Checkbox.Changed)
    def option_toggled(self, event: Checkbox.Changed) -> None:
        event.stop()
        option_id = (event.checkbox.id or "").removeprefix("option-")
        self.post_message(self.OptionToggled(self.question.id, option_id, event.value))
        self.screen.refresh_bindings()  # the key bar offers Tab into the box now shown, or no more

    @on(CountedText.Edited)
    def comment_edited(self, event: CountedText.Edited) -> None:
        event.stop()
        box_id = event.box.id or ""
        if box_id == "comment":
            self.post_message(self.CommentEdited(self.question.id, event.text))
        else:
            self.post_message(
                self.OptionCommentEdited(self.question.id, box_id.removeprefix("comment-"), event.text)
            )

    # --- moving ---------------------------------------------------------------

    def _boxes(self) -> list[ChoiceBox]:
        return list(self.query(ChoiceBox).results(ChoiceBox))

    def _current(self) -> int | None:
        focused = self.screen.focused
        boxes = self._boxes()
        if isinstance(focused, ChoiceBox) and focused in boxes:
            return boxes.index(focused)
        return None

    def _own_box(self, checkbox: ChoiceBox) -> CountedText | None:
        """The option's own comment box, if it takes one."""
        option_id = (checkbox.id or "").removeprefix("option-")
        return next(iter(self.query(f"#comment-{option_id}").results(CountedText)), None)

    def _question_box(self) -> CountedText | None:
        """The question's single comment box, below the list, if it has one."""
        return next(iter(self.query("#comment").results(CountedText)), None)

    def _comment_for(self, checkbox: ChoiceBox) -> CountedText | None:
        """Where Tab goes from `checkbox`: its own box when ticked, else the question's box."""
        own = self._own_box(checkbox)
        if own is not None and checkbox.value:
            return own
        return self._question_box()

    def action_move(self, step: int) -> None:
        index = self._current()
        boxes = self._boxes()
        if index is None or not boxes:
            return
        # Focus at once (not after a refresh): the next key of a burst acts on the new option.
        self.screen.set_focus(boxes[max(0, min(len(boxes) - 1, index + step))])

    def action_move_to(self, where: int) -> None:
        boxes = self._boxes()
        if boxes and self._current() is not None:
            self.screen.set_focus(boxes[where])

    async def _let_typed_keys_land(self) -> None:
        """Let every key typed before this one act (a letter on an option may move the focus
        into its box and pass the keys behind it on): see `keys_in_flight`."""
        await let_typed_keys_land(self)

    def _outside(self, checkbox: ChoiceBox, direction: int) -> Widget | None:
        """The first control after (1) or before (-1) this list in Tab's order, round the
        screen as Tab goes; None when the list and its boxes are all the screen holds."""
        chain = self.screen.focus_chain
        start = chain.index(checkbox)
        for step in range(1, len(chain)):
            widget = chain[(start + direction * step) % len(chain)]
            if self not in widget.ancestors:
                return widget
        return None

    async def action_into_comment(self) -> None:
        """Tab from an option goes into its comment box, when ticked (even straight after
        the Space that ticked it), else into the question's comment box, else out of the
        list to the next control; with none, the focus stays. The keys typed before Tab act first.

        Bug: on an option with no box to go into (unticked on Q4-Q6, or
        "Not Applicable"), Tab stepped to the next option as Down does, and the Space that
        followed ticked an option the person had not chosen. From a box, Tab goes on as usual.
        """
        await self._let_typed_keys_land()
        index = self._current()
        if index is None:
            self.screen.focus_next()
            return
        checkbox = self._boxes()[index]
        box = self._comment_for(checkbox)
        if box is not None:
            self._enter(box)
        elif (control := self._outside(checkbox, 1)) is not None:
            self.screen.set_focus(control)

    async def action_back_out(self) -> None:
        """Shift+Tab, once the keys typed before it have acted: from a box back to the list,
        from an option out of the list to the control before it (the mirror of Tab); with
        none, the focus stays (Up goes to the option above)."""
        await self._let_typed_keys_land()
        index = self._current()
        if index is None:
            self.screen.focus_previous()
        elif (control := self._outside(self._boxes()[index], -1)) is not None:
            self.screen.set_focus(control)

    def key_shown(self, action: str) -> bool:
        """The bar offers `tab Comment` only on an option from which Tab leads to a comment box."""
        if action != "into_comment":
            return True
        index = self._current()
        return index is not None and self._comment_for(self._boxes()[index]) is not None

    def on_key(self, event: events.Key) -> None:
        """The checklist's keys, as they come, on the option focused now (see the module's docstring).

        A key typed on an option that moved the focus into a comment box (a letter)
        sends the keys behind it, already handed to the option, on to the box.
        """
        focused = self.screen.focused
        boxes = self._boxes()
        if isinstance(focused, ChoiceBox) and focused in boxes:
            if event.key in MOVES:
                self.action_move(MOVES[event.key])
            elif event.key in JUMPS:
                self.action_move_to(JUMPS[event.key])
            elif event.key in TICKS:
                focused.toggle()
            elif event.is_printable and event.character:
                self._take_text(focused, events.Key(event.key, event.character))
            else:
                return
        elif focused is not None and self in focused.ancestors and (event.is_printable or event.key in TICKS):
            # Typed after a letter moved the focus into a box: the box's (it handles these itself,
            # so none of them comes from the box).
            focused.post_message(events.Key(event.key, event.character))
        else:
            return
        event.stop()
        event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        """A paste on an option goes where typed text would; pasted in a box, the box keeps it."""
        focused = self.screen.focused
        if isinstance(focused, ChoiceBox) and focused in self._boxes():
            self._take_text(focused, events.Paste(event.text))
        elif focused is not None and self in focused.ancestors:
            focused.post_message(events.Paste(event.text))  # reached an option the focus had left
        else:
            return
        event.stop()

    def _take_text(self, checkbox: ChoiceBox, text: events.Key | events.Paste) -> None:
        """Put a key or a paste that reached an option into the box it belongs to, or tell the person.

        Bug (office trial, Q4-Q8): it was thrown away silently, and its spaces ticked options.
        """
        own = self._own_box(checkbox)
        box = own if own is not None else self._question_box()
        if box is None:
            now = time.monotonic()
            if self._told_at is None or now - self._told_at >= TOLD_AGAIN_AFTER_SECONDS:
                self._told_at = now
                label = str(checkbox.label)
                self.app.notify(
                    tr("multi.no_comment_here", self.language, option=label), severity="warning", markup=False
                )
            return
        editor = box.editor
        if box is own and not checkbox.value:
            checkbox.value = True  # as typing in a form's "Other" box ticks it; posts OptionToggled
            option_id = (checkbox.id or "").removeprefix("option-")
            aside = self.set_aside.get(option_id, "")
            if aside and not editor.text:  # what was set aside comes back first, the new text after it
                editor.load_text(aside)
                editor.move_cursor(editor.document.end)
        self._enter(box)
        editor.post_message(text)

    def _enter(self, box: CountedText) -> None:
        """Show a comment box, put the cursor in it, and bring it into view once it has its place.

        Focusing scrolls to a widget's region, which a box shown a moment ago does not have
        yet: typed on an option low on the screen, the text went into a box below the fold
        (trial 2026-12).
        """
        box.display = True
        self.screen.set_focus(box.editor)
        self.call_after_refresh(box.scroll_visible, animate=False)

    def focus_subject(self, subject: str | None) -> None:
        """An option named by a problem: its comment box if it has one shown, else its checkbox."""
        for box in self.query(f"#comment-{subject}").results(CountedText):
            if box.display:
                self.screen.set_focus(box.editor)
                return
        for checkbox in self.query(f"#option-{subject}").results(ChoiceBox):
            self.screen.set_focus(checkbox)
            return
        self.focus_first()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Show the full label of the option under the cursor, when the box shows a shorter one."""
        widget: Widget | None = event.widget
        while widget is not None and not (widget.id or "").startswith(("option-", "comment-")):
            widget = widget.parent if isinstance(widget.parent, Widget) else None
        option_id = ((widget.id if widget else "") or "").removeprefix("option-").removeprefix("comment-")
        option = next((o for o in self.question.options if o.id == option_id), None)
        label = self.query_one("#full-label", Static)
        if option is not None and option.label_in(self.language) != option.short_in(self.language):
            label.update(Content(printable(option.label_in(self.language))))
        else:
            label.update(Content(""))
