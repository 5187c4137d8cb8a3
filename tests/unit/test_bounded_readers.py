"""Issue 10: every reader is bounded; each hostile shape gets a clear message from every command.

These tests assert the outcome only (a message, never a traceback or a
hang); `benchmarks/hostile.py` measures the time each shape takes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enquete.errors import QuestionnaireError
from enquete.merge import Outcome, merge
from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import aggregate_folder
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.responses import ResponseFolder
from enquete.storage.safe_read import MAX_KEY_PARTS, UnreadableFile, parse_toml, refuse_pathological
from enquete.verdicts import check_response_file
from tests.conftest import ROOT
from tests.unit.inbox_kit import response_bytes

VALID = response_bytes("AU", "au-1")

HOSTILE_SHAPES: dict[str, tuple[bytes, str]] = {
    "bare dotted key": (b"a" + b".a" * 40_000 + b" = 1\n", "dotted parts"),
    "quoted dotted key": (b'"+".' * 40_000 + b'"+" = 1\n', "dotted parts"),
    "literal-quoted dotted key": (b"'x'." * 40_000 + b"'x' = 1\n", "dotted parts"),
    "dotted key in an inline table": (b"x = {" + b"a." * 40_000 + b"b = 1}\n", "dotted parts"),
    "dotted table header": (b"[" + b"a." * 40_000 + b"b]\n", "dotted parts"),
    "dotted array-of-tables header": (b"[[" + b"a." * 40_000 + b"b]]\n", "dotted parts"),
    "key hidden after a multi-line string": (
        b'x = {y = """z"""", ' + b"b." * 20_000 + b'c = "q"}\n',
        "dotted parts",
    ),
    "5,000-digit integer": (VALID + b"x = " + b"7" * 5000 + b"\n", "digits"),
    "5,000-digit revision": (VALID.replace(b"revision = 1", b"revision = " + b"9" * 5000), "digits"),
    "1,000,000-digit integer": (b"x = " + b"1" * 1_000_000 + b"\n", "digits"),
    "huge float": (b"x = 1." + b"5" * 200 + b"\n", "digits"),
    "deep arrays": (b"a = " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "too deeply"),
    "deep inline tables": (b"a = " + b"{b = " * 30_000 + b"1" + b"}" * 30_000 + b"\n", "too deeply"),
    "half a megabyte of brackets": (b"[" * 500_000, "too deeply"),
    "huge array": (b"[response]\nid = [" + b"1," * 200_000 + b"]\n", "[response]"),
    "many keys": (b"".join(b"k%d = 1\n" % i for i in range(80_000)), "has no [response] table"),
    "bool revision": (VALID.replace(b"revision = 1", b"revision = true"), "[response] revision"),
    "string revision": (VALID.replace(b"revision = 1", b'revision = "2"'), "[response] revision"),
    "float version": (VALID.replace(b"version = 1", b"version = 1.0"), "[response] version"),
    "over a megabyte": (b"# " + b"x" * (1024 * 1024), "too large"),
    "100,000 selections": (
        VALID + b"\n[answers.current_focus]\nselected = [" + b",".join([b'"rec1"'] * 100_000) + b"]\n",
        "is selected twice",
    ),
    "50,000 comments": (
        VALID
        + b'\n[answers.current_focus]\nselected = ["rec1"]\n[answers.current_focus.comments]\n'
        + b"".join(b'c%d = "x"\n' % i for i in range(50_000)),
        "which is not selected",
    ),
    "UTF-16 without its byte-order mark, odd length": (b"\x00a" * 1000 + b"\x81", "is not valid UTF-8"),
    "UTF-16 byte-order mark over broken text": (b"\xff\xfe\x00\xd8", "UTF-16"),
}


@pytest.mark.parametrize("shape", sorted(HOSTILE_SHAPES))
def test_each_hostile_shape_gets_a_message_from_check_merge_and_report(
    survey: Questionnaire, tmp_path: Path, shape: str
) -> None:
    """A small file stalled every command (160 KB took 79 s); a 5,000-digit integer crashed check and merge."""
    data, reason = HOSTILE_SHAPES[shape]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.toml").write_bytes(data)
    (folder / "good.toml").write_bytes(response_bytes("BR", "br-1"))
    verdict = check_response_file(folder / "hostile.toml", survey)
    assert not verdict.ok and reason in " ".join(verdict.problems)
    steps = {s.name: s for s in merge([folder], tmp_path / "responses", survey)}
    assert steps["hostile.toml"].outcome is Outcome.REJECTED and reason in steps["hostile.toml"].reason
    assert steps["good.toml"].outcome is Outcome.IMPORTED, "the batch goes on"
    results = aggregate_folder(folder, survey)
    assert results.respondent_keys == ["BR"] and len(results.rejected) == 1


@pytest.mark.parametrize("shape", sorted(HOSTILE_SHAPES))
def test_a_hostile_draft_does_not_stop_the_drafts_list(
    survey: Questionnaire, tmp_path: Path, shape: str
) -> None:
    """A hostile draft in drafts/ blocked (or crashed) the app's start."""
    drafts = tmp_path / "responses" / "drafts"
    drafts.mkdir(parents=True)
    (drafts / "hostile.toml").write_bytes(HOSTILE_SHAPES[shape][0])
    (drafts / "mine.toml").write_bytes(response_bytes("AU", "mine", status="draft"))
    assert [r.id for _, r in ResponseFolder(tmp_path / "responses").drafts(survey)] == ["mine"]


@pytest.mark.parametrize("shape", sorted(HOSTILE_SHAPES))
def test_a_hostile_questionnaire_gets_a_message(tmp_path: Path, shape: str) -> None:
    """A 5,000-digit integer crashed `check --questionnaire` and the app's start."""
    path = tmp_path / "q.toml"
    path.write_bytes(HOSTILE_SHAPES[shape][0])
    with pytest.raises(QuestionnaireError):
        load_questionnaire(path)


def _shipped() -> str:
    return (ROOT / "questionnaire.toml").read_text("utf-8")


def _many_matrices(text: str) -> str:
    matrix = '\n[[questions]]\nid = "m{}"\ntype = "matrix"\ntext = "x"\nrows = "recommendations"\n'
    return text + "".join(matrix.format(i) + 'columns = "recommendations"\n' for i in range(300))


def _a_list_of_300_options(text: str) -> str:
    options = "".join(f'\n[[lists.big]]\nid = "o{i}"\nlabel = "o"\n' for i in range(300))
    return text + options + '\n[[questions]]\nid = "huge"\ntype = "choice"\ntext = "x"\noptions = "big"\n'


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_many_matrices, "options and matrix cells"),
        (_a_list_of_300_options, "the limit is 200"),
        (lambda text: text.replace("version = 1", "version = 1.0", 1), "whole number"),
        (lambda text: text.replace("version = 1", "version = true", 1), "whole number"),
    ],
)
def test_a_huge_or_mistyped_questionnaire_is_refused_before_it_is_built(
    tmp_path: Path, change: object, message: str
) -> None:
    """A 34 KB questionnaire drove `report` past 5.4 GB; `version = 1.0` was read as 1."""
    assert callable(change)
    path = tmp_path / "q.toml"
    path.write_text(change(_shipped()), "utf-8")
    with pytest.raises(QuestionnaireError, match=message):
        load_questionnaire(path)


def test_the_hostile_shapes_leave_the_real_commands_without_a_traceback(tmp_path: Path) -> None:
    """The installed command, as a person runs it: a message and exit 1, never a traceback."""
    for index, (data, _reason) in enumerate(HOSTILE_SHAPES.values()):
        (tmp_path / f"{index}.toml").write_bytes(data)
    for args in (["check", *sorted(str(p) for p in tmp_path.glob("*.toml"))], ["merge", str(tmp_path)]):
        result = subprocess.run(
            [sys.executable, "-m", "enquete", *args],
            capture_output=True,
            timeout=120,
            cwd=tmp_path,
            check=False,
        )
        assert result.returncode == 1 and b"Traceback" not in result.stdout + result.stderr


_PART = st.one_of(
    st.from_regex(r"[A-Za-z0-9_-]{1,4}", fullmatch=True),
    st.from_regex(r'"[a-z+.# ]{0,4}"', fullmatch=True),
    st.from_regex(r"'[a-z+.# ]{0,4}'", fullmatch=True),
)
_DECOY = st.sampled_from(
    ['x = "a.b.c.d"\n', "# a.b.c.d.e.f.g.h.i.j\n", "y = '''\n.a.b.\n'''\n", 'z = """"q""""\n']
)


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(_PART, min_size=MAX_KEY_PARTS + 1, max_size=40),
    before=_DECOY,
    spaces=st.sampled_from(["", " ", "\t"]),
)
def test_no_spelling_of_a_long_dotted_key_gets_past_the_guard(
    parts: list[str], before: str, spaces: str
) -> None:
    """The guard missed quoted parts and keys in inline tables: any spelling, anywhere, is refused."""
    key = f"{spaces}.{spaces}".join(parts)
    for text in (f"{before}{key} = 1\n", f"{before}t = {{ {key} = 1 }}\n", f"{before}[{key}]\n"):
        with pytest.raises(UnreadableFile, match="dotted parts"):
            refuse_pathological(text)


@settings(max_examples=100, deadline=None)
@given(parts=st.lists(_PART, min_size=1, max_size=MAX_KEY_PARTS))
def test_keys_of_a_few_parts_and_dots_inside_strings_pass(parts: list[str]) -> None:
    key = ".".join(parts)
    text = f'{key} = "{"." * 100}"\n# {"." * 100}\nw = 1.5\nd = 2025-05-03T10:12:00.5Z\n'
    try:
        parse_toml(text.encode())
    except UnreadableFile as error:
        assert "dotted" not in str(error) and "digits" not in str(error)


_TEXT = st.text(alphabet=st.sampled_from(list("ab.#'\"\\[]{}=\n 7日\u202e")), max_size=30)
_LEAF = st.one_of(_TEXT, st.integers(-(10**30), 10**30), st.floats(allow_nan=False), st.booleans())
_TABLES = st.recursive(
    st.dictionaries(_TEXT, _LEAF, max_size=4),
    lambda inner: st.dictionaries(_TEXT, st.one_of(inner, st.lists(_LEAF, max_size=4)), max_size=3),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(data=_TABLES, multiline=st.booleans())
def test_the_guard_never_refuses_an_ordinary_document(data: dict[str, object], multiline: bool) -> None:
    """Whatever the strings hold (dots, quotes, '#', brackets), a modest document reads as tomllib reads it."""
    import tomllib

    import tomli_w

    text = tomli_w.dumps(data, multiline_strings=multiline)
    assert parse_toml(text.encode()) == tomllib.loads(text)
