"""`multi`: several options; exclusive ones stand alone; comment boxes per option or for all."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from enquete.i18n.catalog import translate
from enquete.model.answer_domain import AnswerDomain
from enquete.model.problems import Problem, is_blank, text_problems, wrong_type
from enquete.model.question import Option, QuestionBase, unique_ids
from enquete.qtypes.base import Answer, AnswerModel, Certainty, Column, QuestionType
from enquete.qtypes.choice import option_table
from enquete.results.pieces import CommentGroup, CommentSection, Label, Piece
from enquete.results.question_result import Comment, QuestionResult
from enquete.text import one_line


class MultiQuestion(QuestionBase):
    """Several options; exclusive ones stand alone; comment boxes per option or for all."""

    type: Literal["multi"]
    options: list[Option]
    option_comments: bool = False
    """A comment box beside each selected (non-exclusive) option."""
    comment: bool = False
    """One comment box for the whole question."""
    comment_max_length: int = Field(default=4000, ge=1, le=100_000)
    min_selections: int = Field(default=0, ge=0)
    max_selections: int | None = Field(default=None, ge=1)

    @field_validator("options")
    @classmethod
    def _options_unique(cls, options: list[Option]) -> list[Option]:
        return unique_ids(options, "option")

    @model_validator(mode="after")
    def _bounds_fit(self) -> MultiQuestion:
        if self.max_selections is not None and self.max_selections < self.min_selections:
            raise ValueError("max_selections is smaller than min_selections")
        return self


class MultiAnswer(AnswerModel):
    """The selections of a multi-select, with their comments."""

    selected: tuple[str, ...] = ()
    comment: str | None = None
    """The question's single comment box."""
    comments: dict[str, str] = {}
    """One comment per selected option."""

    @property
    def is_empty(self) -> bool:
        return not self.selected and not self.comment and not self.comments

    def to_file(self) -> dict[str, Any]:
        table: dict[str, Any] = {"selected": list(self.selected)}
        if self.comment:
            table["comment"] = self.comment
        if self.comments:
            table["comments"] = dict(self.comments)
        return table


def toggle(question: MultiQuestion, selected: list[str], option_id: str, on: bool) -> list[str]:
    """The selection after ticking (`on`) or unticking one option, exclusive options kept alone.

    Ticking an exclusive option ("Not applicable") clears the others; ticking an
    ordinary one clears the exclusive ones. The widget and the checks share this rule.

    Args:
        question: The multi-select question.
        selected: The option ids selected before.
        option_id: The option ticked or unticked.
        on: True when ticked.

    Returns:
        The new selection, in the order the options were ticked.
    """
    if not on:
        return [s for s in selected if s != option_id]
    exclusive = {o.id for o in question.options if o.exclusive}
    if option_id in exclusive:
        return [option_id]
    return [s for s in selected if s not in exclusive and s != option_id] + [option_id]


_KEYS = frozenset({"selected", "comment", "comments"})
"""What a multi-select's table may hold."""


def _answer(answer: Answer | None) -> MultiAnswer:
    return answer if isinstance(answer, MultiAnswer) else MultiAnswer()


class MultiType(QuestionType[MultiQuestion]):
    """The answer is a `MultiAnswer`; counted per option; its comments are grouped by option."""

    name = "multi"
    schema = MultiQuestion

    def option_lists(self, question: MultiQuestion) -> dict[str, list[Option]]:
        return {"options": question.options}

    def answer_domain(self, question: MultiQuestion) -> AnswerDomain:
        return AnswerDomain("selection", tuple(o.id for o in question.options))

    def read(self, question: MultiQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
        qid = question.id
        if not isinstance(raw, dict):
            return None, [wrong_type(qid, "a table with 'selected'", raw)]
        problems = [
            Problem(qid, "unknown_key", params={"value": key})
            for key in raw
            if key not in ("selected", "comment", "comments")
        ]
        selected_raw = raw.get("selected", [])
        if not isinstance(selected_raw, list) or not all(isinstance(s, str) for s in selected_raw):
            return None, [*problems, wrong_type(qid, "a list of option ids in 'selected'", selected_raw)]
        options = {o.id: o for o in question.options}
        selected: list[str] = []
        for option in selected_raw:
            if option not in options:
                problems.append(Problem(qid, "unknown_option", params={"value": option}))
            elif option in selected:
                problems.append(Problem(qid, "duplicate_option", option))
            else:
                selected.append(option)
        exclusive = [s for s in selected if options[s].exclusive]
        if exclusive and len(selected) > 1:
            problems.append(Problem(qid, "exclusive_combined", exclusive[0]))
        if question.max_selections is not None and len(selected) > question.max_selections:
            problems.append(Problem(qid, "too_many", params={"limit": question.max_selections}))
        comment, found = self._read_comment(question, raw.get("comment"))
        problems += found
        comments, found = self._read_comments(question, raw.get("comments", {}), selected)
        problems += found
        answer = MultiAnswer(selected=tuple(selected), comment=comment, comments=comments)
        return (None if answer.is_empty else answer), problems

    @staticmethod
    def _read_comment(question: MultiQuestion, comment: Any) -> tuple[str | None, list[Problem]]:
        if comment is None:
            return None, []
        if not isinstance(comment, str):
            return None, [wrong_type(question.id, "text in 'comment'", comment)]
        if is_blank(comment):
            return None, []
        if not question.comment:
            return comment, [Problem(question.id, "comment_not_allowed")]
        return comment, text_problems(question.id, comment, question.comment_max_length)

    @staticmethod
    def _read_comments(
        question: MultiQuestion, raw_comments: Any, selected: list[str]
    ) -> tuple[dict[str, str], list[Problem]]:
        qid = question.id
        if not isinstance(raw_comments, dict):
            return {}, [wrong_type(qid, "a table in 'comments'", raw_comments)]
        comments: dict[str, str] = {}
        problems: list[Problem] = []
        for option, text in raw_comments.items():
            if not isinstance(text, str):
                problems.append(wrong_type(qid, f"text in comments.{option}", text))
            elif is_blank(text):
                continue
            elif not question.option_comments:
                problems.append(Problem(qid, "comments_not_allowed"))
            elif option not in selected:
                problems.append(Problem(qid, "comment_not_selected", option))
            else:
                problems += text_problems(qid, text, question.comment_max_length, option)
                comments[option] = text
        return comments, problems

    def certainty(self, question: MultiQuestion) -> Certainty:
        options = frozenset(o.id for o in question.options)
        exclusive = frozenset(o.id for o in question.options if o.exclusive)
        required = bool(question.required)
        least = max(question.min_selections, 1 if required else 0)
        most = question.max_selections if question.max_selections is not None else len(options)
        comment_allowed, comments_allowed = question.comment, question.option_comments
        limit = question.comment_max_length

        def text_fits(text: Any, allowed: bool) -> bool:
            return type(text) is str and (not text.strip() or (allowed and len(text) <= limit))

        def check(raw: Any) -> bool:
            if type(raw) is not dict or not _KEYS.issuperset(raw):
                return False
            selected = raw.get("selected", [])
            if type(selected) is not list:
                return False
            count = len(selected)
            if count == 0:
                if required:
                    return False
            elif count < least or count > most:
                return False
            else:
                try:  # an element that is a table or an array cannot be hashed: not sure
                    if not options.issuperset(selected) or len(set(selected)) != count:
                        return False
                except TypeError:
                    return False
                if count > 1 and not exclusive.isdisjoint(selected):
                    return False
            if "comment" in raw and not text_fits(raw["comment"], comment_allowed):
                return False
            comments = raw.get("comments")
            if comments is None:
                return True
            if type(comments) is not dict:
                return False
            for option, text in comments.items():
                if not text_fits(text, comments_allowed and option in selected):
                    return False
            return True

        return check

    def missing(self, question: MultiQuestion, answer: Answer | None) -> list[Problem]:
        count = len(answer.selected) if isinstance(answer, MultiAnswer) else 0
        least = max(question.min_selections, 1 if question.required else 0)
        if question.required and count == 0:
            return [Problem(question.id, "required")]
        if count and count < least:
            return [Problem(question.id, "too_few", params={"limit": least})]
        return []

    def examples(self, question: MultiQuestion) -> list[Answer]:
        plain = [o.id for o in question.options if not o.exclusive]
        first = plain[:1] or [question.options[0].id]
        comments = {first[0]: "• first\n• second"} if question.option_comments and plain else {}
        comment = "A [b]general[/b] comment" if question.comment else None
        return [
            MultiAnswer(selected=tuple(first), comments=comments, comment=comment),
            MultiAnswer(selected=tuple(plain) or tuple(first)),
        ]

    def new_result(self, question: MultiQuestion) -> QuestionResult:
        return QuestionResult(question.id, question.type, option_counts={o.id: 0 for o in question.options})

    def count(self, question: MultiQuestion, result: QuestionResult, respondent: str, answer: Answer) -> None:
        given = _answer(answer)
        for option in given.selected:
            result.option_counts[option] += 1
        for option, text in given.comments.items():
            result.comments.append(Comment(respondent, option, text))
        if given.comment:
            result.comments.append(Comment(respondent, None, given.comment))

    def summary(self, question: MultiQuestion, answer: Answer, language: str, width: int) -> str:
        given = _answer(answer)
        labels = [
            o.short_in(language).split("·")[0].strip() for o in question.options if o.id in given.selected
        ]
        text = ", ".join(labels) or translate("review.nothing_selected", language)
        comments = len(given.comments) + (1 if given.comment else 0)
        if comments:
            text += " · " + translate("review.comments", language, count=comments)
        return one_line(text, width)

    def report(self, question: MultiQuestion, result: QuestionResult, language: str) -> list[Piece]:
        pieces: list[Piece] = [option_table(question.options, result.option_counts, language)]
        groups = []
        for option in question.options:
            mine = tuple(c for c in result.comments if c.option == option.id)
            if mine:
                label = Label(option.label_in(language), option.short_in(language))
                groups.append(CommentGroup(option.id, label, mine))
        if groups:
            pieces.append(
                CommentSection(
                    translate("report.comments_by_option", language), tuple(groups), by_option=True
                )
            )
        general = tuple(c for c in result.comments if c.option is None)
        if general:
            pieces.append(
                CommentSection(translate("report.comments", language), (CommentGroup(None, None, general),))
            )
        return pieces

    def columns(self, question: MultiQuestion) -> list[Column]:
        names: list[Column] = []
        for o in question.options:
            names.append(Column(f"{question.id}.{o.id}", question.id, o.id, "flag"))
            if question.option_comments:
                names.append(Column(f"{question.id}.{o.id}.comment", question.id, o.id, "comment"))
        if question.comment:
            names.append(Column(f"{question.id}.comment", question.id, None, "comment"))
        return names

    def cells(self, question: MultiQuestion, answer: Answer) -> dict[str, str]:
        given = _answer(answer)
        cells = {f"{question.id}.{option}": "1" for option in given.selected}
        for option, text in given.comments.items():
            cells[f"{question.id}.{option}.comment"] = text
        if given.comment:
            cells[f"{question.id}.comment"] = given.comment
        return cells


TYPE = MultiType()
