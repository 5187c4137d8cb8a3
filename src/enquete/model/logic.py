"""Skip logic, conditional requirements and constraints: the questionnaire's rules, applied.

A question is asked only while its `relevant` (and its group's) holds. An
irrelevant question is not required, its answer is set aside (kept in the
draft, left out of what is submitted and counted), and other expressions
read it as empty, as XLSForm does. `required` may be an expression;
`constraint` is checked on a non-empty answer only (emptiness is
`required`'s business). Pure: the session, validation and reports share it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from enquete.i18n.catalog import translate
from enquete.model.localized import localize
from enquete.model.questionnaire import Questionnaire

if TYPE_CHECKING:  # the expression language (lark) is imported only by a questionnaire that has expressions
    from enquete.model.expressions import Context, Expression, Value


def expression_value(answer: Any) -> Value:
    """What an expression sees of a stored answer.

    Text and option ids as text, numbers as numbers, dates as dates, a
    multi-select as its selected option ids; a matrix (a table) as empty,
    since XLSForm has no expression for it.
    """
    if answer is None or isinstance(answer, bool | int | float | str | date):
        return answer
    if isinstance(answer, list | tuple):
        return tuple(str(item) for item in answer)
    selected = getattr(answer, "selected", None)
    if isinstance(selected, tuple | list):
        return tuple(str(item) for item in selected)
    return None


@dataclass(frozen=True)
class ConstraintFailure:
    """A constraint that the answer breaks, with the author's message (or why it could not be checked)."""

    question: str
    message: str
    """The author's message in the person's language ("" when none), or why it was not checked."""
    unchecked: bool = False
    """True when the constraint could not be evaluated (a pattern too slow): `message` says why."""


class Rules:
    """A questionnaire's expressions, parsed once, evaluated as answers change."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self._relevant: dict[str, list[Expression]] = {}
        self._constraint: dict[str, Expression] = {}
        self._required: dict[str, Expression] = {}
        if any(True for _ in questionnaire.expressions()):
            self._parse_expressions()
        self._order = self._dependency_order()

    def _parse_expressions(self) -> None:
        from enquete.model.expressions import parse

        questionnaire = self.questionnaire
        for question in questionnaire.questions:
            conditions = []
            if question.group is not None and questionnaire.groups[question.group].relevant:
                conditions.append(parse(str(questionnaire.groups[question.group].relevant)))
            if question.relevant:
                conditions.append(parse(question.relevant))
            self._relevant[question.id] = conditions
            if question.constraint:
                self._constraint[question.id] = parse(question.constraint)
            if isinstance(question.required, str):
                self._required[question.id] = parse(question.required)

    @property
    def has_logic(self) -> bool:
        """Whether any question is conditional (most surveys have none: nothing to compute)."""
        return any(self._relevant.values()) or bool(self._required)

    def _dependency_order(self) -> list[str]:
        """Question ids with every question a relevance reads before it (no cycles: check refused them)."""
        order: list[str] = []
        placed: set[str] = set()
        for start in self.questionnaire.ids:
            stack: list[tuple[str, bool]] = [(start, False)]
            while stack:
                qid, expanded = stack.pop()
                if qid in placed:
                    continue
                if expanded:
                    placed.add(qid)
                    order.append(qid)
                    continue
                stack.append((qid, True))
                for condition in self._relevant.get(qid, []):
                    stack.extend((dep, False) for dep in condition.questions if dep not in placed)
        return order

    def relevance(self, answers: Mapping[str, Any], today: date | None = None) -> dict[str, bool]:
        """Which questions are asked, given the answers (an irrelevant one reads as empty)."""
        if not any(self._relevant.values()):
            return dict.fromkeys(self._order, True)
        from enquete.model.expressions import Context

        today = today or date.today()
        relevant: dict[str, bool] = {}

        def seen(qid: str) -> Value:
            return expression_value(answers.get(qid)) if relevant.get(qid, True) else None

        for qid in self._order:
            context = Context(seen, None, today)
            relevant[qid] = all(_holds(condition, context) for condition in self._relevant.get(qid, []))
        return relevant

    def is_required(
        self,
        question_id: str,
        answers: Mapping[str, Any],
        relevant: Mapping[str, bool],
        today: date | None = None,
    ) -> bool:
        """Whether an answer is needed now: never for an irrelevant question."""
        if not relevant.get(question_id, True):
            return False
        required = self.questionnaire.question(question_id).required
        if required is True or required is False:
            return required
        from enquete.model.expressions import Context

        context = Context(_reader(answers, relevant), None, today or date.today())
        return _holds(self._required[question_id], context)

    def constraint_failure(
        self,
        question_id: str,
        answers: Mapping[str, Any],
        relevant: Mapping[str, bool],
        language: str = "en",
        today: date | None = None,
    ) -> ConstraintFailure | None:
        """The failure of the question's constraint for its current answer, or None when it holds.

        An empty or irrelevant answer is not checked. A pattern too slow to
        check is a failure that says so (an answer is never accepted unchecked).
        """
        constraint = self._constraint.get(question_id)
        answer = expression_value(answers.get(question_id))
        if constraint is None or answer in (None, "", ()) or not relevant.get(question_id, True):
            return None
        from enquete.model.expressions import Context, EvaluationError

        context = Context(_reader(answers, relevant), answer, today or date.today())
        try:
            if constraint.holds(context):
                return None
        except EvaluationError as error:
            return ConstraintFailure(question_id, str(error), unchecked=True)
        question = self.questionnaire.question(question_id)
        if question.constraint_message:
            return ConstraintFailure(question_id, localize(question.constraint_message, language))
        return ConstraintFailure(question_id, "")


_CACHE: dict[int, Rules] = {}
_CACHE_SIZE = 32


def rules_of(questionnaire: Questionnaire) -> Rules:
    """The questionnaire's rules, parsed once (a small cache by identity, outside the model).

    Not a private attribute of the model: pydantic compares those, so two
    equal questionnaires would differ by whether their rules were asked for.
    """
    rules = _CACHE.get(id(questionnaire))
    if rules is None or rules.questionnaire is not questionnaire:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        rules = _CACHE[id(questionnaire)] = Rules(questionnaire)
    return rules


def _reader(answers: Mapping[str, Any], relevant: Mapping[str, bool]) -> Callable[[str], Value]:
    def seen(qid: str) -> Value:
        return expression_value(answers.get(qid)) if relevant.get(qid, True) else None

    return seen


def _holds(expression: Expression, context: Context) -> bool:
    """Truth of a relevance or requirement; a regex too slow to check counts as true (ask, not hide)."""
    from enquete.model.expressions import EvaluationError

    try:
        return expression.holds(context)
    except EvaluationError:
        return True


def describe_condition(questionnaire: Questionnaire, question_id: str, language: str = "en") -> str | None:
    """The common conditions in words, for a report's denominator; None when it is not one of them.

    `${q} = 'opt'` reads "who answered “Yes” to question 6", `selected(${q}, 'opt')`
    "who chose “Other” in question 8", in `language` (the catalogs' `report.who_*`):
    the figure then says of whom it is a share.
    """
    from enquete.model.expressions import parse
    from enquete.model.expressions.syntax import Binary, Call, Reference, String

    question = questionnaire.question(question_id)
    conditions = [c for c in (question.relevant, _group_condition(questionnaire, question.group)) if c]
    if len(conditions) != 1:
        return None
    tree = parse(conditions[0]).tree
    if isinstance(tree, Binary) and tree.operator == "=" and isinstance(tree.left, Reference):
        asked, option, key = tree.left.question, tree.right, "report.who_answered"
    elif isinstance(tree, Call) and tree.name == "selected" and isinstance(tree.arguments[0], Reference):
        asked, option, key = tree.arguments[0].question, tree.arguments[1], "report.who_chose"
    else:
        return None
    if not isinstance(option, String) or asked not in questionnaire.ids:
        return None
    from enquete.qtypes import type_of

    source = questionnaire.question(asked)
    label = type_of(source).value_label(source, option.value, language) or option.value
    number = questionnaire.ids.index(asked) + 1
    return translate(key, language, label=label, number=number)


def _group_condition(questionnaire: Questionnaire, group: str | None) -> str | None:
    return questionnaire.groups[group].relevant if group else None
