"""Which questions an expression names, and the checks a questionnaire needs on them.

A reference to a question that does not exist is a typo the author must
hear about at `enquete check`, not a condition silently always false. A
cycle among `relevant` expressions (a shown only if b, b only if a) has no
meaning and would loop, so it is refused with the path that closes it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from enquete.model.expressions.domains import suggestion
from enquete.model.expressions.syntax import Node, Reference, walk


@dataclass(frozen=True)
class ReferenceProblem:
    """A question named that does not exist, or a cycle; with the column of the reference."""

    owner: str
    """The question (or group) whose expression has the problem."""
    field: str
    """`relevant`, `constraint` or `required`."""
    message: str
    column: int

    def __str__(self) -> str:
        return f"question '{self.owner}': {self.field}: column {self.column}: {self.message}"


def references(node: Node) -> list[Reference]:
    """Every `${...}` in the tree, in source order."""
    return sorted((n for n in walk(node) if isinstance(n, Reference)), key=lambda r: r.column)


def unknown_references(owner: str, field: str, node: Node, known: Collection[str]) -> list[ReferenceProblem]:
    """One problem per `${...}` that names no question, with the closest id ("did you mean")."""
    ids = sorted(known)
    return [
        ReferenceProblem(
            owner, field, f"'${{{r.question}}}' names no question{suggestion(r.question, ids)}", r.column
        )
        for r in references(node)
        if r.question not in known
    ]


def find_cycle(depends_on: Mapping[str, Collection[str]]) -> list[str] | None:
    """A cycle in the graph `question -> questions its relevance reads`, as a closed path.

    Iterative depth-first search (a questionnaire may have hundreds of
    questions, more than Python's recursion allows for a long chain).
    """
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for start in depends_on:
        if state.get(start):
            continue
        path: list[str] = [start]
        iterators = [iter(sorted(depends_on.get(start, ())))]
        state[start] = 1
        while iterators:
            following = next(iterators[-1], None)
            if following is None:
                state[path.pop()] = 2
                iterators.pop()
                continue
            if state.get(following) == 1:
                return [*path[path.index(following) :], following]
            if not state.get(following):
                state[following] = 1
                path.append(following)
                iterators.append(iter(sorted(depends_on.get(following, ()))))
    return None
