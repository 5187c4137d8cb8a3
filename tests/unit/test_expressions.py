"""The expression language: XLSForm syntax, XPath 1.0 semantics, refusals with positions."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enquete.model.expressions import (
    MAX_DEPTH,
    Context,
    EvaluationError,
    ExpressionError,
    find_cycle,
    parse,
    unknown_references,
)
from enquete.model.expressions.parser import parse_tree
from enquete.model.expressions.syntax import (
    BINARY_OPERATORS,
    Binary,
    Call,
    Current,
    Negate,
    Node,
    Number,
    Reference,
    String,
    to_source,
)
from enquete.model.expressions.values import Value

TODAY = date(2025, 3, 15)
ANSWERS: dict[str, Value] = {
    "strategy": "yes",
    "tools": ("ocr", "ai"),
    "none": None,
    "examiners": 120,
    "share": 37.5,
    "since": date(2024, 5, 1),
    "name": "Office of Ruritania",
}


def value_of(source: str, current: Value = None, answers: dict[str, Value] | None = None) -> Value:
    context = Context((answers if answers is not None else ANSWERS).get, current, TODAY)
    return parse(source).value(context)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 2", 3),
        ("7 - 10", -3),
        ("6 * 7", 42),
        ("7 div 2", 3.5),
        ("7 mod 3", 1),
        ("-7 mod 3", -1),  # XPath mod keeps the dividend's sign
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),  # left-associative
        ("2 * 3 mod 4", 2),
        ("--3", 3),
        ("-(2 + 3)", -5),
        ("1 = 1", True),
        ("1 != 1", False),
        ("1 < 2", True),
        ("2 <= 2", True),
        ("3 > 4", False),
        ("4 >= 5", False),
        ("1 = 1 and 2 = 3", False),
        ("1 = 1 or 2 = 3", True),
        ("1 = 2 or 2 = 3 and 1 = 1", False),  # and binds tighter than or
        ("not(1 = 2)", True),
        ("true() and not(false())", True),
        ("if(1 < 2, 'a', 'b')", "a"),
        ("contains('Madrid Protocol', 'rid')", True),
        ("'a' = \"a\"", True),
        ("1 < 2 = true()", True),  # relational binds tighter than equality
    ],
)
def test_every_operator_and_function(source: str, expected: Value) -> None:
    assert value_of(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("${strategy} = 'yes'", True),
        ("${strategy} != 'yes'", False),
        ("selected(${tools}, 'ai')", True),
        ("selected(${tools}, 'cloud')", False),
        ("selected('ocr ai', 'ai')", True),  # XLSForm's space-separated form too
        ("count-selected(${tools})", 2),
        ("count-selected(${none})", 0),
        ("${examiners} >= 100 and ${examiners} <= 200", True),
        ("${share} * 2", 75.0),
        ("${since} < today()", True),
        ("${since} = '2024-05-01'", True),
        ("today() - ${since}", 318),  # days between, as ODK counts them
        ("${since} > '2024-06-01'", False),
        ("string-length(${name})", 19),
        ("regex(${name}, '^Office')", True),
        ("regex(${name}, '^office')", False),
    ],
)
def test_references_to_answers(source: str, expected: Value) -> None:
    assert value_of(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("${none} = ''", True),
        ("${none} != ''", False),
        ("${none} > 18", False),  # empty is NaN: no ordering holds
        ("${none} <= 18", False),
        ("${none} = 0", False),
        ("${none} != 0", True),
        ("string-length(${none})", 0),
        ("selected(${none}, 'yes')", False),
        ("not(${none})", True),
        ("${none} < today()", False),
        ("${missing} = ''", True),  # an unknown id at run time reads as empty
    ],
)
def test_empty_answers_follow_xlsform(source: str, expected: Value) -> None:
    assert value_of(source) == expected


def test_empty_answer_in_arithmetic_is_nan() -> None:
    result = value_of("${none} + 1")
    assert isinstance(result, float) and math.isnan(result)
    assert parse("${none} + 1 > 0").holds(Context(ANSWERS.get, None, TODAY)) is False


def test_division_by_zero_is_infinite_not_an_error() -> None:
    assert value_of("1 div 0") == math.inf
    assert value_of("-1 div 0") == -math.inf
    assert math.isnan(float(value_of("0 div 0")))  # type: ignore[arg-type]
    assert math.isnan(float(value_of("1 mod 0")))  # type: ignore[arg-type]


def test_dot_is_the_current_answer() -> None:
    assert value_of(". >= 0 and . <= 100", current=37.5) is True
    assert value_of(". >= 0 and . <= 100", current=150) is False
    assert value_of("string-length(.) <= 5", current="héllo") is True
    assert parse(". > 1").reads_current and not parse("${a} > 1").reads_current


def test_today_is_given_by_the_context() -> None:
    assert value_of("today()") == TODAY
    assert value_of(". <= today()", current=date(2025, 3, 16)) is False


def test_questions_named_are_listed_once_in_order() -> None:
    expression = parse("${b} = 1 or selected(${a}, 'x') or ${b} = 2")
    assert expression.questions == ("b", "a")


# --- errors, with positions ----------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "column", "words"),
    [
        ("1 +", 4, "a value"),
        ("${a} = ", 8, "a value"),
        ("(1 + 2", 7, "')'"),
        ("1 + 2)", 6, "the end"),
        ("${a} == 'x'", 6, "use '='"),
        ("${a} > 1 && ${a} < 5", 10, "'&&' is not an operator here: use 'and'"),
        ("${a} = 1 || ${b} = 'x&&y'", 10, "use 'or'"),
        ("${a} = 'x' and true", 16, "write true()"),
        ("${a} = 'x' and", 15, "a value"),
        ("selected(${a} 'x')", 15, "','"),
        ("'unclosed", 1, "unexpected"),
        ("${a} = yes", 8, "put text in quotes: 'yes'"),
        ("1 # 2", 3, "unexpected '#'"),
        ("", 1, "empty"),
    ],
)
def test_errors_name_the_column_and_what_was_expected(source: str, column: int, words: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert caught.value.column == column, str(caught.value)
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"column {column}: ")


@pytest.mark.parametrize(
    ("source", "column", "words"),
    [
        ("frobnicate(1)", 1, "unknown function 'frobnicate'"),
        ("1 = selected(${a})", 5, "selected() takes 2 arguments, not 1"),
        ("today(1)", 1, "takes 0 arguments"),
        ("regex(., '([a-z]')", 10, "not a valid regular expression"),
        ("${Office Code} = 1", 1, "is not a question id"),
        ("${a} = " + "9" * 30, 8, "longer than 24 digits"),
    ],
)
def test_meaning_errors_name_the_column(source: str, column: int, words: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert caught.value.column == column
    assert words in caught.value.message


# --- hostile input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os').system('echo pwned')",
        "${a}.__class__",
        "exec('1')",
        "eval('1')",
        "open('/etc/passwd')",
        "lambda: 1",
        "[x for x in ()]",
        "1; import os",
        "().__class__.__bases__[0]",
        "${a}\x1b[31m",
        "selected(${a}, 'x')\u202e",
    ],
)
def test_code_cannot_be_expressed(source: str) -> None:
    """Python syntax, dunders and unknown names are parse errors, never evaluated."""
    with pytest.raises(ExpressionError):
        parse(source)


def test_deep_parentheses_are_refused_before_parsing() -> None:
    with pytest.raises(ExpressionError) as caught:
        parse("(" * 100_000 + "1" + ")" * 100_000)
    assert "longer than" in caught.value.message  # the length bound comes first
    with pytest.raises(ExpressionError) as caught:
        parse("(" * 500 + "1" + ")" * 500)
    assert "nest more than" in caught.value.message and caught.value.column == MAX_DEPTH + 1


@pytest.mark.parametrize(
    "source",
    [
        "-" * 900 + "1",
        " + ".join(["1"] * 400),
        " and ".join(["not(1)"] * 150),
    ],
    ids=["unary minus", "sum", "and"],
)
def test_long_chains_are_refused_without_recursion_errors(source: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert "nest more than" in caught.value.message


def test_a_chain_within_the_limit_is_fine() -> None:
    assert value_of(" + ".join(["1"] * 30)) == 30


def test_huge_numbers_are_refused_or_stay_finite() -> None:
    with pytest.raises(ExpressionError):
        parse("1" * 5000)
    # Products of the largest literals allowed overflow to infinity, quickly.
    source = " * ".join(["999999999999999999999999"] * 30)
    assert value_of(source) == math.inf


def test_catastrophic_regex_is_cut_short() -> None:
    """`(a|aa)+$` backtracks exponentially: the time limit turns it into a clear error."""
    expression = parse("regex(., '^(a|aa)+$')")
    with pytest.raises(EvaluationError, match="took too long"):
        expression.value(Context(ANSWERS.get, "a" * 60 + "!", TODAY))


def test_long_patterns_are_refused() -> None:
    with pytest.raises(ExpressionError, match="longer than 500"):
        parse("regex(., '" + "a" * 600 + "')")


def test_a_computed_pattern_is_checked_at_evaluation() -> None:
    with pytest.raises(EvaluationError, match="not a valid regular expression"):
        value_of("regex('x', ${name})", answers={"name": "("})


# --- reference checks ----------------------------------------------------------------------


def test_unknown_references_are_reported_with_their_column() -> None:
    tree = parse_tree("${strategy} = 'yes' and ${stratgy} = 'no'")
    problems = unknown_references("budget", "relevant", tree, {"strategy", "budget"})
    assert [str(p) for p in problems] == [
        "question 'budget': relevant: column 25: '${stratgy}' names no question; did you mean 'strategy'?"
    ]
    far = unknown_references("budget", "relevant", parse_tree("${zzz} = 1"), {"strategy"})
    assert far[0].message == "'${zzz}' names no question"  # nothing close: no guess


def test_cycles_are_found_with_their_path() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"a"}}) == ["a", "a"]
    chain = {f"q{i}": {f"q{i + 1}"} for i in range(5000)}  # long chains: no recursion limit
    assert find_cycle(chain) is None
    chain["q5000"] = {"q0"}
    cycle = find_cycle(chain)
    assert cycle is not None and cycle[0] == cycle[-1] and len(cycle) == 5002


# --- properties ------------------------------------------------------------------------------

question_ids = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
numbers = st.one_of(
    st.integers(min_value=0, max_value=10**12),
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False).map(
        lambda d: float(d) if d != d.to_integral_value() else float(d) + 0.5
    ),
)
leaves = st.one_of(
    numbers.map(Number),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
    .filter(lambda s: not ("'" in s and '"' in s))
    .map(String),
    question_ids.map(Reference),
    st.just(Current()),
)


def _calls(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        st.tuples(children, st.text("abc", min_size=1, max_size=3)).map(
            lambda a: Call("selected", (a[0], String(a[1])))
        ),
        children.map(lambda c: Call("not", (c,))),
        children.map(lambda c: Call("string-length", (c,))),
        st.just(Call("today", ())),
        st.tuples(children, children, children).map(lambda a: Call("if", a)),
    )


trees: st.SearchStrategy[Node] = st.deferred(
    lambda: st.one_of(
        leaves,
        st.builds(Binary, st.sampled_from(BINARY_OPERATORS), trees, trees),
        st.builds(Negate, trees),
        _calls(trees),
    )
)
binary_trees = st.builds(Binary, st.sampled_from(BINARY_OPERATORS), trees, trees)
"""Binary nodes at the top: where a missing parenthesis would show."""


@given(st.one_of(trees, binary_trees))
def test_rendering_then_parsing_gives_the_same_tree(tree: Node) -> None:
    assert parse_tree(to_source(tree)) == tree


@given(trees)
def test_canonical_text_is_stable(tree: Node) -> None:
    once = parse(to_source(tree)).canonical()
    assert parse(once).canonical() == once


answer_values = st.one_of(
    st.none(),
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(),
    st.lists(st.sampled_from(["a", "b", "c"]), unique=True).map(tuple),
    st.booleans(),
)


@given(trees, st.dictionaries(question_ids, answer_values), answer_values)
def test_any_tree_evaluates_to_a_value_without_raising(
    tree: Node, answers: dict[str, Value], current: Value
) -> None:
    """Whatever the answers, evaluation gives a value (regex is the only possible error, absent here)."""
    result = parse(to_source(tree)).value(Context(answers.get, current, TODAY))
    assert result is None or isinstance(result, bool | int | float | str | date | tuple)


@given(st.integers(-(10**6), 10**6), st.integers(-(10**6), 10**6))
def test_arithmetic_on_integers_matches_ordinary_arithmetic(a: int, b: int) -> None:
    answers: dict[str, Value] = {"a": a, "b": b}
    assert value_of("${a} + ${b}", answers=answers) == a + b
    assert value_of("${a} - ${b}", answers=answers) == a - b
    assert value_of("${a} * ${b}", answers=answers) == a * b
    assert value_of("${a} < ${b}", answers=answers) == (a < b)
    assert value_of("${a} = ${b}", answers=answers) == (a == b)
    if b:
        assert value_of("${a} div ${b}", answers=answers) == pytest.approx(a / b)
        assert value_of("${a} mod ${b}", answers=answers) == math.fmod(a, b)


@given(st.text(max_size=60))
def test_any_text_parses_or_is_refused_cleanly(source: str) -> None:
    try:
        parse(source)
    except ExpressionError as error:
        assert 1 <= error.column <= len(source) + 1


def test_every_pair_of_operators_round_trips_with_the_right_grouping() -> None:
    """Exhaustive over operator pairs: left and right nesting, so no precedence slip hides."""
    a, b, c = Reference("a"), Reference("b"), Reference("c")
    for outer in BINARY_OPERATORS:
        for inner in BINARY_OPERATORS:
            for tree in (Binary(outer, Binary(inner, a, b), c), Binary(outer, a, Binary(inner, b, c))):
                assert parse_tree(to_source(tree)) == tree, to_source(tree)
