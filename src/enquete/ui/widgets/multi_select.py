"""A multi-select: a checklist moved with the arrows, a comment box under each ticked option.

Up/Down move between the options (never into a comment box), Home/End jump
to the first/last, PageUp/PageDown by five, Space ticks. Tab goes into the
ticked option's comment box, a real multi-line text area with a counter.
The rules (the exclusive option, set-aside comments) are the session's: this
widget posts what the person did and shows what the session holds then.
"""

from __future__ import annotations

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
from enquete.ui.widgets.answer_field import AnswerField
from enquete.ui.widgets.choice_box import ChoiceBox
from enquete.ui.widgets.counted_text import CountedText

PAGE = 5


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
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("pagedown", "move(5)", show=False),
        Binding("pageup", "move(-5)", show=False),
        Binding("home", "move_to(0)", show=False),
        Binding("end", "move_to(-1)", show=False),
        Binding("tab", "into_comment", show=False),
    ]
    """Checklist keys; a focused comment box keeps its own arrows, Home and End."""

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
                if option.id in current.selected and editor.text != wanted and wanted:
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

    def action_move(self, step: int) -> None:
        index = self._current()
        boxes = self._boxes()
        if index is None or not boxes:
            return
        # Focus at once (not after a refresh): a burst of keys from a held arrow all count.
        self.screen.set_focus(boxes[max(0, min(len(boxes) - 1, index + step))])

    def action_into_comment(self) -> None:
        """Tab from a ticked option goes into its comment box, even straight after the Space
        that ticked it (before the box is laid out); otherwise Tab moves on as usual.

        Not a priority binding: it must come after the Space queued before it. (A burst such
        as Shift+Tab End Space from a text box still sends End and Space to the text box:
        Textual hands queued keys to the widget focused when they arrived.)"""
        index = self._current()
        if index is not None:
            checkbox = self._boxes()[index]
            option_id = (checkbox.id or "").removeprefix("option-")
            for box in self.query(f"#comment-{option_id}").results(CountedText):
                if checkbox.value:
                    box.display = True
                    self.screen.set_focus(box.editor)
                    return
        self.screen.focus_next()

    def action_move_to(self, where: int) -> None:
        boxes = self._boxes()
        if boxes and self._current() is not None:
            self.screen.set_focus(boxes[where])

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
