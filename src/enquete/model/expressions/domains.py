"""What values a question's answer can take, and the comparisons that can never hold.

`${outsourcing} = 'yess'` parses, names a real question, and is never true:
the follow-up it guards is never asked, and nothing tells the author. Each
question type says what an expression sees of its answers (`AnswerDomain`,
from `QuestionType.answer_domain`), and `domain_findings` walks a tree
comparing literals with it. No question type is named here: the types
describe themselves, so a new type needs no change in this checker.

An error is a condition that cannot work (an option id that is not one, a
note that has no answer, text compared with a number); a warning is one
that works but is probably not what was meant (`${multi} = 'a'`, `'5'` in
quotes).
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from typing import Literal

from enquete.model.expressions.syntax import Binary, Call, Current, Node, Number, Reference, String, walk
from enquete.model.expressions.values import to_date, to_number

Kind = Literal["nothing", "text", "number", "date", "option", "selection", "table"]
"""`option`: one option id; `selection`: several ids; `nothing`: no answer (a note);
`table`: an answer expressions cannot read (a matrix)."""

_COMPARISONS = ("=", "!=", "<", "<=", ">", ">=")


@dataclass(frozen=True)
class AnswerDomain:
    """What an expression reads from one question's answer."""

    kind: Kind
    options: tuple[str, ...] = ()
    """The ids an `option` or `selection` answer can hold."""
    noun: str = ""
    """What the question is, for messages: `a note`, `a matrix`."""


@dataclass(frozen=True)
class DomainFinding:
    """A comparison that can never hold (an error) or probably misleads (a warning)."""

    column: int
    message: str
    severity: Literal["error", "warning"] = "error"


def suggestion(word: str, known: tuple[str, ...] | list[str]) -> str:
    """`; did you mean 'yes'?` for the closest known word, or "" when none is close."""
    by_case = [k for k in known if k.casefold() == word.casefold()]
    close = by_case or difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _listed(options: tuple[str, ...]) -> str:
    shown = ", ".join(f"'{o}'" for o in options[:8])
    return shown + (", ..." if len(options) > 8 else "")


def _literal_text(node: String | Number) -> str:
    if isinstance(node, String):
        return node.value
    from enquete.model.expressions.syntax import number_source

    return number_source(node.value)


def _not_an_option(name: str, literal: String | Number, domain: AnswerDomain) -> DomainFinding:
    text = _literal_text(literal)
    hint = suggestion(text, domain.options) or f"; its options are {_listed(domain.options)}"
    return DomainFinding(literal.column, f"'{text}' is not an option of {name}, so this is never true{hint}")


def _compared(
    name: str, domain: AnswerDomain, operator: str, literal: String | Number
) -> list[DomainFinding]:
    """What is wrong with `subject OPERATOR literal` for a subject of `domain`."""
    equality = operator in ("=", "!=")
    if isinstance(literal, String) and not literal.value:
        return []  # `${q} = ''`: XLSForm's test for an empty answer, right for every kind
    if domain.kind in ("option", "selection") and equality and domain.options:
        if _literal_text(literal) not in domain.options:
            return [_not_an_option(name, literal, domain)]
        if domain.kind == "selection":
            value = _literal_text(literal)
            return [
                DomainFinding(
                    literal.column,
                    f"{name} allows several options: '{operator}' '{value}' holds only when '{value}' "
                    f"is the only one chosen; use selected({name}, '{value}')",
                    "warning",
                )
            ]
    if domain.kind == "number" and isinstance(literal, String):
        if math.isnan(to_number(literal.value)):
            return [DomainFinding(literal.column, f"{name} is a number and '{literal.value}' is not one")]
        return [
            DomainFinding(
                literal.column, f"{name} is a number: write {literal.value} without quotes", "warning"
            )
        ]
    if domain.kind == "date":
        if isinstance(literal, Number):
            return [
                DomainFinding(
                    literal.column,
                    f"{name} is a date, not a number: compare it with a date such as '2024-05-01' or today()",
                )
            ]
        if to_date(literal.value) is None:
            return [
                DomainFinding(
                    literal.column, f"{name} is a date and '{literal.value}' is not one: write '2024-05-01'"
                )
            ]
    if domain.kind == "text" and isinstance(literal, Number) and equality:
        text = _literal_text(literal)
        return [
            DomainFinding(literal.column, f"{name} is text: put the value in quotes, '{text}'", "warning")
        ]
    return []


_NEVER_EQUAL = {
    frozenset({"number", "date"}),
    frozenset({"date", "option"}),
    frozenset({"number", "selection"}),
}
"""Kinds of answers that a comparison between two questions cannot sensibly relate."""


def _answers_compared(
    node: Binary, domains: dict[str, AnswerDomain], own: AnswerDomain | None
) -> list[DomainFinding]:
    """`${since} > ${staff}`: two answers of kinds that cannot be compared (a date and a number)."""
    left, right = _subject(node.left, domains, own), _subject(node.right, domains, own)
    if left is None or right is None or frozenset({left[1].kind, right[1].kind}) not in _NEVER_EQUAL:
        return []
    return [
        DomainFinding(
            node.column,
            f"'{node.operator}' compares {left[0]}, a {_KIND_WORDS[left[1].kind]}, "
            f"with {right[0]}, a {_KIND_WORDS[right[1].kind]}: they cannot be compared",
        )
    ]


_KIND_WORDS = {"number": "number", "date": "date", "option": "choice", "selection": "multiple choice"}


def _subject(
    node: Node, domains: dict[str, AnswerDomain], own: AnswerDomain | None
) -> tuple[str, AnswerDomain] | None:
    if isinstance(node, Reference) and node.question in domains:
        return "${" + node.question + "}", domains[node.question]
    if isinstance(node, Current) and own is not None:
        return "'.'", own
    return None


def domain_findings(
    node: Node, domains: dict[str, AnswerDomain], own: AnswerDomain | None = None
) -> list[DomainFinding]:
    """Every comparison in the tree that cannot hold or probably misleads, in column order.

    Args:
        node: The parsed expression.
        domains: What each question's answer can be, by question id (unknown ids are skipped:
            they are reported on their own).
        own: The domain of `.`, the answer of the question the expression belongs to.
    """
    found: list[DomainFinding] = []
    for current in walk(node):
        if isinstance(current, Reference) and current.question in domains:
            domain = domains[current.question]
            if domain.kind == "nothing":
                found.append(
                    DomainFinding(
                        current.column,
                        f"'${{{current.question}}}' is {domain.noun}: it has no answer to refer to",
                    )
                )
            elif domain.kind == "table":
                found.append(
                    DomainFinding(
                        current.column,
                        f"'${{{current.question}}}' is {domain.noun}: an expression cannot read its answers",
                    )
                )
        elif isinstance(current, Binary) and current.operator in _COMPARISONS:
            for subject, literal in ((current.left, current.right), (current.right, current.left)):
                named = _subject(subject, domains, own)
                if named is not None and isinstance(literal, String | Number):
                    found.extend(_compared(*named, current.operator, literal))
            found.extend(_answers_compared(current, domains, own))
        elif isinstance(current, Call) and current.name == "count-selected":
            named = _subject(current.arguments[0], domains, own)
            if named is not None and named[1].kind in ("option", "number", "date"):
                found.append(
                    DomainFinding(
                        current.column,
                        f"{named[0]} holds one answer: count-selected() counts a multiple choice's options "
                        "(it gives 1 when answered, 0 otherwise)",
                        "warning",
                    )
                )
        elif isinstance(current, Call) and current.name == "selected":
            named = _subject(current.arguments[0], domains, own)
            option = current.arguments[1]
            if named is None or not isinstance(option, String | Number):
                continue
            name, domain = named
            if domain.kind in ("option", "selection") and domain.options:
                if _literal_text(option) not in domain.options:
                    found.append(_not_an_option(name, option, domain))
            elif domain.kind in ("number", "date"):
                found.append(
                    DomainFinding(
                        current.column, f"selected() reads chosen options, and {name} is a {domain.kind}"
                    )
                )
    return sorted(found, key=lambda f: f.column)
