"""The questionnaire schema (pydantic): what a survey author writes in TOML.

The shape follows XLSForm's split between questions and reusable choice
lists: `[lists.NAME]` arrays of options may be named by any question in
place of an inline option list, so the ten Recommendations are written once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field, SerializeAsAny, WrapValidator, field_validator, model_validator

from enquete.model.localized import LocalizedText, localize
from enquete.model.question import ID_PATTERN, Id, Option, QuestionBase, Strict, readable_expression
from enquete.qtypes import type_of
from enquete.qtypes.base import identifying_type_names, validate_question
from enquete.qtypes.choice import ChoiceQuestion
from enquete.qtypes.code import CodeQuestion
from enquete.qtypes.matrix import MatrixQuestion
from enquete.qtypes.multi import MultiQuestion
from enquete.qtypes.text import TextQuestion

if TYPE_CHECKING:
    from enquete.model.logic import Rules

__all__ = [
    "ID_PATTERN",
    "WINDOWS_RESERVED",
    "AnyQuestion",
    "ChoiceQuestion",
    "CodeQuestion",
    "MatrixQuestion",
    "MultiQuestion",
    "Option",
    "Question",
    "Questionnaire",
    "TextQuestion",
]

# Names Windows refuses as file names, whatever the extension.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)]
)

AnyQuestion = QuestionBase
"""A question of any registered type (ask `enquete.qtypes.type_of(question)` what it can do)."""

Question = Annotated[SerializeAsAny[QuestionBase], WrapValidator(validate_question)]
"""A question table, validated by the schema class of the type its `type` key names."""

_LIST_FIELDS = ("options", "rows", "columns")


def _splice(lists: dict[str, Any], entries: list[Any], qid: str, field: str) -> list[Any]:
    spliced: list[Any] = []
    for entry in entries:
        if not isinstance(entry, str):
            spliced.append(entry)
        elif isinstance(lists.get(entry), list):
            spliced.extend(lists[entry])
        else:
            raise ValueError(
                f"question '{qid}': {field} names the list '{entry}', which [lists] does not define"
            )
    return spliced


def resolve_questions(data: Any) -> Any:
    """Questionnaire data with named lists spliced in and the "please specify" follow-ups added.

    What `Questionnaire` validates; `enquete check` reads pydantic's positions in it.
    """
    if not isinstance(data, dict):
        return data
    lists = data.get("lists") or {}
    questions = data.get("questions")
    if not isinstance(questions, list) or not isinstance(lists, dict):
        return data
    resolved = []
    for question in questions:
        if isinstance(question, dict):
            question = dict(question)
            for field in _LIST_FIELDS:
                value = question.get(field)
                entries = [value] if isinstance(value, str) else value
                if isinstance(entries, list) and any(isinstance(e, str) for e in entries):
                    question[field] = _splice(lists, entries, question.get("id", "?"), field)
        resolved.append(question)
        if isinstance(question, dict):
            resolved.extend(_specify_questions(question, data.get("languages")))
    return {**data, "questions": resolved}


def _specify_questions(question: dict[str, Any], languages: Any) -> list[dict[str, Any]]:
    """For each option with `other = true`, the "please specify" question it brings.

    It is an ordinary single-line text question, `<question>_<option>`, shown
    and required only while that option is chosen, so its answer is stored,
    checked, merged and reported (as texts, with its own denominator) by the
    same machinery as any conditional question.
    """
    from enquete.i18n.catalog import translate

    qid = question.get("id")
    options = question.get("options")
    if not isinstance(qid, str) or not isinstance(options, list):
        return []
    codes = [c for c in (languages if isinstance(languages, list) else ["en"]) if isinstance(c, str)]
    follow_ups = []
    for option in options:
        if not (
            isinstance(option, dict) and option.get("other") is True and isinstance(option.get("id"), str)
        ):
            continue
        label = option.get("label")
        labels = (
            label if isinstance(label, dict) else {"en": label if isinstance(label, str) else option["id"]}
        )
        condition = (
            f"selected(${{{qid}}}, '{option['id']}')"
            if question.get("type") == "multi"
            else f"${{{qid}}} = '{option['id']}'"
        )
        text = {
            code: translate(
                "other.label",
                code,
                label=labels.get(code) or labels.get("en", option["id"]),
                specify=translate("other.specify", code),
            )
            for code in codes
        }
        follow_ups.append(
            {
                "id": f"{qid}_{option['id']}"[:64],
                "type": "text",
                "multiline": False,
                "max_length": 500,
                "required": True,
                "relevant": condition,
                "text": text,
            }
        )
    return follow_ups


class Group(Strict):
    """A section: questions naming it with `group = "NAME"` share its `relevant`."""

    title: LocalizedText | None = None
    relevant: str | None = None

    @field_validator("relevant")
    @classmethod
    def _relevant_reads(cls, source: str | None) -> str | None:
        return readable_expression(source, current=False)


@dataclass(frozen=True)
class ExpressionFinding:
    """A problem found in one expression, with where it is (pydantic's location) and its severity."""

    location: tuple[str | int, ...]
    """`("questions", 6, "relevant")` or `("groups", "name", "relevant")`."""
    column: int
    message: str
    severity: str = "error"

    def where(self) -> str:
        """`question 7 (id).relevant` (from 1) or `groups.name.relevant`, as the other errors say it."""
        if self.location[0] == "questions" and isinstance(self.location[1], int):
            return f"question {self.location[1] + 1} ({self.owner}).{self.location[2]}"
        return ".".join(str(part) for part in self.location)

    owner: str = ""

    def __str__(self) -> str:
        return f"{self.where()}: column {self.column}: {self.message}"


def expression_findings(questionnaire: Questionnaire) -> list[ExpressionFinding]:
    """Unknown questions (with the closest id) and comparisons that can never hold, in every expression.

    Each question type describes what its answers can be (`answer_domain`):
    this never asks which type a question is.
    """
    ids = set(questionnaire.ids)
    places: list[tuple[tuple[str | int, ...], str, str, str]] = [
        (("groups", name, "relevant"), "", name, group.relevant)
        for name, group in questionnaire.groups.items()
        if group.relevant
    ]
    for index, q in _as_written(questionnaire):
        for field in ("relevant", "constraint", "required"):
            source = getattr(q, field)
            if isinstance(source, str):
                places.append((("questions", index, field), q.id, q.id, source))
    if not places:
        return []  # most surveys have no expressions: nothing to compute, nor lark to import, at load
    from enquete.model.expressions import parse, unknown_references
    from enquete.model.expressions.domains import domain_findings

    domains = {q.id: type_of(q).answer_domain(q) for q in questionnaire.questions}
    found: list[ExpressionFinding] = []
    for location, own, owner, source in places:
        tree = parse(source).tree
        for unknown in unknown_references(owner, str(location[-1]), tree, ids):
            found.append(ExpressionFinding(location, unknown.column, unknown.message, owner=owner))
        own_domain = domains.get(own) if own else None
        for finding in domain_findings(tree, domains, own_domain):
            found.append(
                ExpressionFinding(location, finding.column, finding.message, finding.severity, owner=owner)
            )
    return found


def _twice(questionnaire: Questionnaire, qid: str) -> str:
    """Why `qid` is a duplicate, naming the `other = true` option that brings it when one does.

    Trial 4: a question written as `filing_system_other` was "appears twice",
    though it appeared once in the file: the other was the automatic
    "please specify" follow-up of the option `other` of `filing_system`.
    """
    for question in questionnaire.questions:
        for option in type_of(question).options(question):
            if option.other and f"{question.id}_{option.id}"[:64] == qid:
                return (
                    f"question id '{qid}' appears twice: option '{option.id}' of '{question.id}' has "
                    f"other = true, which adds a \"please specify\" question named '{qid}'; "
                    "rename your question, or remove it and let enquete add the follow-up"
                )
    return f"question id '{qid}' appears twice"


def _language_free(text: str) -> bool:
    """Digits, punctuation, symbols and spaces only ("10", "0 %", "1-5"): no word to translate."""
    return all(not c.isalpha() for c in text)


def _as_written(questionnaire: Questionnaire) -> Iterator[tuple[int, QuestionBase]]:
    """Each question the author wrote with its index in the file's `[[questions]]`.

    The "please specify" questions that `other = true` options bring are
    skipped: they are not in the file, and counting them would shift the
    `questions[N]` of every later question away from what the author sees.
    """
    brought: set[str] = set()
    index = 0
    for question in questionnaire.questions:
        if question.id in brought:
            continue
        yield index, question
        index += 1
        brought.update(f"{question.id}_{o.id}"[:64] for o in type_of(question).options(question) if o.other)


def _refuse(findings: list[ExpressionFinding]) -> None:
    """Raise every error at once, each at its place (`questions[6] (id).relevant`), as pydantic reports."""
    from pydantic import ValidationError
    from pydantic_core import InitErrorDetails, PydanticCustomError

    raise ValidationError.from_exception_data(
        "Questionnaire",
        [
            InitErrorDetails(
                type=PydanticCustomError(
                    "expression", "{message}", {"message": f"column {f.column}: {f.message}"}
                ),
                loc=f.location,
                input=f.message,
            )
            for f in findings
        ],
    )


def _check_expressions(questionnaire: Questionnaire) -> None:
    """Unknown questions, impossible comparisons, unknown groups and cycles are refused, with their place."""
    for q in questionnaire.questions:
        if q.group is not None and q.group not in questionnaire.groups:
            raise ValueError(f"question '{q.id}': group '{q.group}' is not under [groups]")
    if not any(True for _ in questionnaire.expressions()):
        return  # nothing to check, and the expression language (lark) need not be imported
    from enquete.model.expressions import find_cycle, parse

    depends_on: dict[str, set[str]] = {q.id: set() for q in questionnaire.questions}
    errors = [f for f in expression_findings(questionnaire) if f.severity == "error"]
    if errors:  # every one at once, not one per run of check
        _refuse(errors)
    for q in questionnaire.questions:
        conditions = [q.relevant, questionnaire.groups[q.group].relevant if q.group else None]
        for condition in conditions:
            if condition:
                depends_on[q.id].update(parse(condition).questions)
    cycle = find_cycle(depends_on)
    if cycle:
        message = (
            "relevant expressions go round in a circle: "
            + " -> ".join(cycle)
            + " (each is asked only if the next is answered)"
        )
        _refuse([_cycle_place(questionnaire, cycle[0], cycle[1], message)])


def _cycle_place(questionnaire: Questionnaire, owner: str, read: str, message: str) -> ExpressionFinding:
    """Where the circle starts: the `${read}` in `owner`'s relevant (or its group's), with its column."""
    from enquete.model.expressions import parse
    from enquete.model.expressions.references import references

    for index, question in _as_written(questionnaire):
        if question.id != owner:
            continue
        group = question.group
        places: list[tuple[tuple[str | int, ...], str | None]] = [
            (("questions", index, "relevant"), question.relevant),
            (("groups", group or "", "relevant"), questionnaire.groups[group].relevant if group else None),
        ]
        for location, source in places:
            columns = (
                [r.column for r in references(parse(source).tree) if r.question == read] if source else []
            )
            if columns:
                return ExpressionFinding(location, columns[0], message, owner=owner)
    return ExpressionFinding(
        ("questions", questionnaire.ids.index(owner), "relevant"), 1, message, owner=owner
    )


class Questionnaire(Strict):
    """A whole survey: identity, languages, and ordered questions."""

    id: Id
    version: int = Field(ge=1)
    title: LocalizedText
    description: LocalizedText | None = None
    after_submit: LocalizedText | None = None
    """What to do with the submitted file, shown once it is saved ("Please e-mail it to ...")."""
    languages: list[str] = Field(default_factory=lambda: ["en"])
    respondent_key: Id | None = None
    """The question whose answer identifies the respondent and names the response file.

    Absent for an anonymous survey: each response is then known by its own
    id (a UUID), which names its file and is what merge and reports key on."""
    contact: str | None = Field(default=None, max_length=300)
    """Whom to send the finished file to (an e-mail address, a name): said after submitting."""
    deadline: date | None = None
    """The date by which the file should be sent: said after submitting."""
    lists: dict[str, list[dict[str, Any]]] = Field(default_factory=dict, exclude=True)
    groups: dict[Id, Group] = Field(default_factory=dict)
    """Named groups of questions that share a `relevant` (a section asked only sometimes)."""
    questions: list[Question]

    @model_validator(mode="before")
    @classmethod
    def _resolve_list_names(cls, data: Any) -> Any:
        """Splice named lists in: `options = "recs"` or `options = ["recs", "not_applicable"]`.

        An entry of the array may also be an inline option table, so a list
        can be extended in place.
        """
        return resolve_questions(data)

    @field_validator("languages")
    @classmethod
    def _english_first_class(cls, languages: list[str]) -> list[str]:
        if "en" not in languages:
            raise ValueError("'en' must be among the languages (it is the fallback)")
        if len(set(languages)) != len(languages):
            raise ValueError("a language is listed twice")
        for language in languages:
            if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", language):
                raise ValueError(f"'{language}' is not a language code such as 'en' or 'zh'")
        return languages

    @model_validator(mode="after")
    def _questions_fit_together(self) -> Questionnaire:
        ids = [q.id for q in self.questions]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(_twice(self, duplicates[0]))
        if not self.questions:
            raise ValueError("a questionnaire needs at least one question")
        _check_expressions(self)
        if self.respondent_key is None:
            return self
        key = self.question(self.respondent_key) if self.respondent_key in ids else None
        if key is None:
            raise ValueError(f"respondent_key '{self.respondent_key}' is not a question id")
        if not type_of(key).identifies_respondent:
            allowed = " or ".join(f"'{name}'" for name in identifying_type_names())
            raise ValueError(f"the respondent_key question must be of type {allowed}")
        if key.required is not True or key.relevant or key.group:
            raise ValueError("the respondent_key question must be required (true) and always asked")
        reserved = [o.id for o in type_of(key).options(key) if o.id in WINDOWS_RESERVED]
        if reserved:
            raise ValueError(f"option id '{reserved[0]}' cannot name a file on Windows")
        return self

    @property
    def anonymous(self) -> bool:
        """No respondent key: responses are known only by their ids."""
        return self.respondent_key is None

    def rules(self) -> Rules:
        """The skip logic and constraints, parsed once per questionnaire."""
        from enquete.model.logic import rules_of

        return rules_of(self)

    def expressions(self) -> Iterator[tuple[str, str, str]]:
        """Every expression as (owner, field, source): `relevant`, `constraint`, `required`."""
        for name, group in self.groups.items():
            if group.relevant:
                yield f"group {name}", "relevant", group.relevant
        for q in self.questions:
            for field in ("relevant", "constraint", "required"):
                source = getattr(q, field)
                if isinstance(source, str):
                    yield q.id, field, source

    def question(self, question_id: str) -> AnyQuestion:
        """The question with this id; KeyError when there is none."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    @property
    def ids(self) -> list[str]:
        """The question ids, in order."""
        return [q.id for q in self.questions]

    def title_in(self, language: str) -> str:
        """The questionnaire's title in `language`."""
        return localize(self.title, language)

    def texts(self) -> Iterator[tuple[str, dict[str, str]]]:
        """Every human-readable string with its key path, for translation checks."""
        yield "title", self.title
        if self.description:
            yield "description", self.description
        if self.after_submit:
            yield "after_submit", self.after_submit
        for q in self.questions:
            yield f"questions.{q.id}.text", q.text
            if q.short:
                yield f"questions.{q.id}.short", q.short
            if q.help:
                yield f"questions.{q.id}.help", q.help
            if q.constraint_message:
                yield f"questions.{q.id}.constraint_message", q.constraint_message
            for field, options in type_of(q).option_lists(q).items():
                for option in options:
                    yield f"questions.{q.id}.{field}.{option.id}.label", option.label
                    if option.short:
                        yield f"questions.{q.id}.{field}.{option.id}.short", option.short

    def expression_warnings(self) -> list[str]:
        """Expressions that work but are probably not what was meant, one line each (check prints them)."""
        return [str(f) for f in expression_findings(self) if f.severity == "warning"]

    def missing_translations(self) -> list[str]:
        """One line per string that lacks a language the questionnaire declares.

        A text of digits and punctuation only (a 0-10 scale's "0" .. "10",
        "1-5") reads the same in every language: it needs no translation.
        Trial 4: such a scale gave 21 warnings.
        """
        missing = []
        for path, text in self.texts():
            if any(text.values()) and all(_language_free(t) for t in text.values()):
                continue
            absent = [lang for lang in self.languages if not text.get(lang, "").strip()]
            if absent:
                missing.append(f"{path}: no {', '.join(absent)} text")
        return missing
