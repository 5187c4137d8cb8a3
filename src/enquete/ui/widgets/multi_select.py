"""A multi-select: checkboxes, exclusive options that clear the rest, comment boxes beside."""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Checkbox, Input, Static, TextArea

from enquete.model.answers import MultiAnswer
from enquete.model.questionnaire import MultiQuestion
from enquete.qtypes.multi import toggle
from enquete.text import without_surrogates
from enquete.ui.content import tr
from enquete.ui.widgets.answer_field import AnswerField
from enquete.ui.widgets.choice_box import ChoiceBox


class MultiSelectField(AnswerField):
    """One checkbox per option; a comment input appears under each selected option that takes one."""

    DEFAULT_CSS = """
    MultiSelectField { height: auto; }
    MultiSelectField Input { margin: 0 0 0 6; height: 3; }
    MultiSelectField .comment-label { padding: 1 1 0 1; }
    MultiSelectField TextArea { height: 5; }
    MultiSelectField .full-label { padding: 0 1; height: auto; text-style: italic; color: $text-muted; }
    """

    question: MultiQuestion

    def __init__(self, question: MultiQuestion, value: Any, language: str, **kwargs: Any) -> None:
        super().__init__(question, value, language, **kwargs)
        raw = (
            value.model_dump() if isinstance(value, MultiAnswer) else value if isinstance(value, dict) else {}
        )
        self.selected: list[str] = [s for s in raw.get("selected", []) if isinstance(s, str)]
        self.comments: dict[str, str] = {
            k: v for k, v in (raw.get("comments") or {}).items() if isinstance(v, str)
        }
        self.comment: str = raw.get("comment") or ""

    def compose(self) -> ComposeResult:
        for option in self.question.options:
            yield ChoiceBox(
                Content(option.short_in(self.language)), option.id in self.selected, id=f"option-{option.id}"
            )
            if self.question.option_comments and not option.exclusive:
                box = Input(
                    self.comments.get(option.id, ""),
                    placeholder=tr(
                        "multi.comment_placeholder", self.language, option=option.short_in(self.language)
                    ),
                    id=f"comment-{option.id}",
                )
                box.display = option.id in self.selected
                yield box
        yield Static("", classes="full-label", id="full-label")
        if self.question.comment:
            yield Static(tr("multi.comment", self.language), classes="comment-label", markup=False)
            yield TextArea(self.comment, id="comment", tab_behavior="focus")

    def current_value(self) -> Any:
        return self.value()

    def value(self) -> dict[str, Any]:
        comments = {k: v for k, v in self.comments.items() if k in self.selected and v.strip()}
        value: dict[str, Any] = {"selected": [o.id for o in self.question.options if o.id in self.selected]}
        if comments:
            value["comments"] = comments
        if self.comment.strip():
            value["comment"] = self.comment
        return value

    @on(Checkbox.Changed)
    def option_toggled(self, event: Checkbox.Changed) -> None:
        event.stop()
        option_id = (event.checkbox.id or "").removeprefix("option-")
        self.selected = toggle(self.question, self.selected, option_id, event.value)
        self._sync_boxes()
        self.announce(self.value())
        if event.value:
            # Straight into the comment box: Tab then goes on to the next option.
            boxes = self.query(f"#comment-{option_id}")
            if boxes:
                boxes.first().focus()

    def _sync_boxes(self) -> None:
        """Show the selection on every box; `prevent` keeps these changes from echoing back."""
        for option in self.question.options:
            checkbox = self.query_one(f"#option-{option.id}", Checkbox)
            with checkbox.prevent(Checkbox.Changed):
                checkbox.value = option.id in self.selected
            for box in self.query(f"#comment-{option.id}"):
                box.display = option.id in self.selected

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Show the full label of the option under the cursor (checkboxes show the short one)."""
        option_id = (event.widget.id or "").removeprefix("option-").removeprefix("comment-")
        option = next((o for o in self.question.options if o.id == option_id), None)
        if option is not None:
            self.query_one("#full-label", Static).update(Content(option.label_in(self.language)))

    @on(Input.Changed)
    def option_comment_changed(self, event: Input.Changed) -> None:
        event.stop()
        option_id = (event.input.id or "").removeprefix("comment-")
        self.comments[option_id] = without_surrogates(event.value)
        self.announce(self.value())

    @on(TextArea.Changed, "#comment")
    def comment_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.comment = without_surrogates(event.text_area.text)
        self.announce(self.value())
