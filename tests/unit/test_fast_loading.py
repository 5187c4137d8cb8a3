"""The fast loading path (rtoml, certifier, workers, caches) changes nothing anyone can see.

The reports of a large, messy folder are compared byte for byte with the
ones the reference path gives: tomllib and pydantic for every file, the whole
response of every file kept, the original choice of the counted file.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from enquete.cli import main
from enquete.errors import ResponseFileError
from enquete.model.answers import answer_problems
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response
from enquete.results import loading
from enquete.results.aggregate import Conflict, Results, Superseded, aggregate_folder, tally
from enquete.results.certify import Certifier
from enquete.storage import fast_toml
from enquete.storage.responses import ResponseFolder, load_valid_response
from enquete.storage.safe_read import parse_toml
from tests.conftest import FIXTURES, ROOT
from tests.unit.strategies import valid_answers

RECS = [f"rec{i}" for i in range(1, 11)]
LEVELS = ["implemented", "ongoing", "decided", "considering", "not_planned"]
OFFICES = ["AU", "BR", "CA", "CN", "DE", "EP", "ES", "FR", "GB", "IN", "JP", "KR", "MX", "RU", "SE", "US"]
LONG_COMMENT = (
    "Our Office’s plans for 2025–2026:\n"
    "- move e-filing to “ST.96” (see https://www.wipo.int/standards/en/st96/);\n"
    "- [bold]digital-first[/bold] examination, 数字化 pilot;\n"
    "- control sequences pasted by mistake: \x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07 \u202eevil\u202c \x9b;\n"
) * 6
TIMES = [
    "2025-05-{day:02d} 10:{minute:02d}:00+00:00",
    "2025-05-{day:02d} 12:{minute:02d}:00+02:00",
    "2025-05-{day:02d} 04:{minute:02d}:00-05:30",
    "2025-05-{day:02d}T10:{minute:02d}:00Z",
    "2025-05-{day:02d} 10:{minute:02d}:00",  # no offset: read as UTC
]


def answers(index: int, office: str) -> dict[str, Any]:
    focus = [RECS[(index + k) % 10] for k in range(1 + index % 3)]
    result: dict[str, Any] = {
        "office": office,
        "implementation": {r: LEVELS[(index + i) % 5] for i, r in enumerate(RECS)},
        "current_focus": {
            "selected": focus,
            "comments": {f: LONG_COMMENT[: 200 + index % 900] for f in focus},
        },
        "low_priority": {"selected": ["not_applicable"]},
        "challenges": {"selected": [RECS[index % 10]], "comments": {RECS[index % 10]: "Budget 预算"}},
        "future_topics": {"selected": RECS[: index % 4], "comment": "Demonstrations" if index % 2 else ""},
    }
    if index % 3:
        result["implementation_comments"] = LONG_COMMENT if index % 5 else "   "
    if index % 4:
        result["proposals"] = "=SUM(A1:A9) and a `pipe|` " * (index % 3)
    return result


def header_text(response_id: str, revision: int, saved: str, **more: Any) -> str:
    lines = [
        "[response]",
        'questionnaire = "cws-ict-2025"',
        f"version = {more.pop('version', 1)}",
        f'id = "{response_id}"',
        f"revision = {more.pop('revision_text', revision)}",
        f'status = "{more.pop("status", "submitted")}"',
        'language = "fr"' if revision % 2 else 'language = "en"',
        "started = 2025-05-01 09:00:00+00:00",
        f"saved = {saved}",
    ]
    return "\n".join(lines) + "\n"


def write(folder: Path, name: str, head: str, body: dict[str, Any], *, extra: str = "") -> None:
    text = head + extra + tomli_w.dumps({"answers": body}, multiline_strings=True)
    (folder / name).write_text(text, "utf-8")


def messy_folder(folder: Path) -> Path:
    """About 1,300 files: revisions, conflicts, time zones, and every kind of file not counted."""
    folder.mkdir(parents=True)
    index = 0
    for number, office in enumerate(OFFICES):
        for revision in range(1, 76):
            index += 1
            saved = TIMES[index % len(TIMES)].format(day=1 + revision % 28, minute=number)
            write(
                folder,
                f"{office}.r{revision:03d}.toml",
                header_text(f"id-{office}", revision, saved),
                answers(index, office),
            )
    # Conflicts: a second response (another id) for some offices, newer or older.
    for number, office in enumerate(OFFICES[:6]):
        saved = f"2025-06-0{1 + number % 2} 08:00:00+00:00" if number % 3 else "2025-04-01 08:00:00+00:00"
        write(
            folder, f"{office}-other.toml", header_text(f"other-{office}", 1, saved), answers(number, office)
        )
    # Accepted by the reference path only after coercion: the fast path must defer to it.
    write(
        folder,
        "CA-float-version.toml",
        header_text("id-CA", 90, "2025-07-01 10:00:00+00:00", version="1.0"),
        answers(3, "CA"),
    )
    write(
        folder,
        "GB-string-revision.toml",
        header_text("id-GB", 91, "2025-07-01 10:00:00+00:00", revision_text='"91"'),
        answers(4, "GB"),
    )
    write(
        folder,
        "IN-string-saved.toml",
        header_text("id-IN", 92, '"2025-07-01T10:00:00+00:00"'),
        answers(5, "IN"),
    )
    write(
        folder, "JP-lowercase.toml", header_text("id-JP", 93, "2025-07-01 10:00:00+00:00"), answers(6, "jp")
    )
    write(
        folder,
        "KR-draft-table.toml",
        header_text("id-KR", 94, "2025-07-01 10:00:00+00:00"),
        answers(7, "KR"),
        extra='[draft]\ncurrent_question = "proposals"\n',
    )
    crlf = header_text("id-MX", 95, "2025-07-01 10:00:00+00:00") + tomli_w.dumps(
        {"answers": answers(8, "MX")}
    )
    (folder / "MX-crlf-bom.toml").write_bytes(b"\xef\xbb\xbf" + crlf.replace("\n", "\r\n").encode())
    # Not counted, each for its own reason.
    write(
        folder,
        "RU-draft.toml",
        header_text("id-RU", 99, "2025-07-01 10:00:00+00:00", status="draft"),
        answers(9, "RU"),
    )
    write(
        folder,
        "SE-other-version.toml",
        header_text("id-SE", 99, "2025-07-01 10:00:00+00:00", version=2),
        answers(9, "SE"),
    )
    bad = answers(10, "US")
    bad["current_focus"]["selected"].append("rec99")
    write(folder, "US-bad-option.toml", header_text("id-US", 99, "2025-07-01 10:00:00+00:00"), bad)
    no_office = answers(11, "AU")
    del no_office["office"]
    write(folder, "no-office.toml", header_text("id-none", 1, "2025-07-01 10:00:00+00:00"), no_office)
    write(
        folder,
        "AU-huge-revision.toml",
        header_text("id-AU", 2_000_000_000, "2025-07-01 10:00:00+00:00"),
        answers(1, "AU"),
    )
    write(folder, "bad-id.toml", header_text("../etc", 1, "2025-07-01 10:00:00+00:00"), answers(12, "FR"))
    (folder / "broken.toml").write_text("[response\nid = ", "utf-8")
    (folder / "latin1.toml").write_bytes('[response]\nid = "caf\xe9"\n'.encode("latin-1"))
    (folder / "a-folder.toml").mkdir()
    (folder / "link.toml").symlink_to(folder / "AU.r001.toml")
    for hostile in sorted((FIXTURES / "hostile").glob("*.toml")):
        shutil.copy(hostile, folder / f"hostile-{hostile.name}")
    return folder


def reference_results(folder: Path, questionnaire: Questionnaire) -> Results:
    """The report's figures as the code before issue 13 computed them: tomllib, every response whole."""
    loaded: list[tuple[str, Response]] = []
    rejected: list[loading.Rejected] = []
    for path in ResponseFolder(folder).submitted_files():
        try:
            response = load_valid_response(path, questionnaire)
        except ResponseFileError as error:
            rejected.append(loading.Rejected(str(path), str(error)))
            continue
        except (OSError, ValueError, RecursionError, MemoryError) as error:
            rejected.append(loading.Rejected(str(path), f"cannot be read ({type(error).__name__})"))
            continue
        if response.status != "submitted":
            rejected.append(loading.Rejected(str(path), "is a draft; only submitted responses are counted"))
        elif response.key(questionnaire) is None:
            rejected.append(loading.Rejected(str(path), "does not say who the respondent is"))
        else:
            loaded.append((str(path), response))
    by_key: dict[str, list[tuple[str, Response]]] = defaultdict(list)
    for file, response in loaded:
        by_key[str(response.key(questionnaire))].append((file, response))
    counted: dict[str, tuple[str, Response]] = {}
    superseded: list[Superseded] = []
    conflicts: list[Conflict] = []
    for key in sorted(by_key):
        by_id: dict[str, list[tuple[str, Response]]] = defaultdict(list)
        for file, response in by_key[key]:
            by_id[response.id].append((file, response))
        newest_per_id = []
        for items in by_id.values():
            items.sort(key=lambda i: (i[1].revision, i[1].saved, i[0]), reverse=True)
            newest, *older = items
            newest_per_id.append(newest)
            superseded += [Superseded(f, key, r.id, r.revision, newest[0]) for f, r in older]
        newest_per_id.sort(key=lambda i: (i[1].saved, i[0]), reverse=True)
        winner, *others = newest_per_id
        counted[key] = winner
        if others:
            conflicts.append(Conflict(key, winner[0], tuple(f for f, _ in others)))
    return Results(
        questionnaire=questionnaire.id,
        version=questionnaire.version,
        respondent_keys=sorted(counted),
        questions=tally(questionnaire, {k: r for k, (_, r) in counted.items()}),
        rejected=rejected,
        superseded=superseded,
        conflicts=conflicts,
        files={k: f for k, (f, _) in counted.items()},
        responses={k: r for k, (_, r) in counted.items()},
    )


def rendered(results: Results, questionnaire: Questionnaire) -> dict[str, str]:
    """The reference figures written by the report command's own renderer, in each text format."""
    import argparse

    from enquete.commands.report_command import render

    texts = {}
    for form in ("json", "md", "csv", "summary"):
        args = argparse.Namespace(format=form, lang="en", template=None, codes=False)
        texts[form] = render(args, results, questionnaire).decode("utf-8")
    return texts


def report(folder: Path, form: str, tmp_path: Path) -> str:
    out = tmp_path / f"report.{form}"
    assert main(["report", "--format", form, "--responses", str(folder), "-o", str(out)]) == 0
    return out.read_bytes().decode("utf-8")


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file without `saved` is stamped "now": the same now for both paths."""
    from datetime import UTC, datetime

    monkeypatch.setattr("enquete.model.response.now", lambda: datetime(2025, 8, 1, tzinfo=UTC))


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return messy_folder(tmp_path_factory.mktemp("messy") / "responses")


def test_reports_are_byte_identical_to_the_reference_path(
    messy: Path, survey: Questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """json, md and csv of ~1,300 messy files: the same bytes cold, from the file cache, from the memo."""
    monkeypatch.chdir(messy.parent)
    folder = Path(messy.name)  # relative, as people type it: file names in the report stay relative
    expected = rendered(reference_results(folder, survey), survey)
    assert '"counted": "responses/BR-other.toml"' in expected["json"]  # a conflict, won by the newer id
    assert expected["json"].count('"superseded_by"') > 1100 and "hostile-deep-nesting" in expected["json"]
    # Files just written count as settled, so the second and third runs use the caches.
    monkeypatch.setattr("enquete.results.cache_files.RACY_NS", -(10**18))
    for form in ("json", "md", "csv", "summary"):
        for run in ("cold", "file cache", "memo"):
            assert report(folder, form, tmp_path) == expected[form], (form, run)
    monkeypatch.setenv("ENQUETE_CACHE", "off")
    assert report(folder, "json", tmp_path) == expected["json"]


def test_the_whole_results_match_the_reference_in_workers_and_serially(
    messy: Path, survey: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = reference_results(messy, survey)
    parallel = aggregate_folder(messy, survey, cached=False)
    assert parallel == expected
    monkeypatch.setattr(loading, "PARALLEL_FROM", 10**9)
    assert aggregate_folder(messy, survey, cached=False) == expected


def test_without_rtoml_every_file_takes_the_reference_path(
    messy: Path, survey: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fast_toml, "rtoml", None)
    monkeypatch.setattr(loading, "PARALLEL_FROM", 10**9)
    assert aggregate_folder(messy, survey, cached=False) == reference_results(messy, survey)


def test_workers_send_back_whole_responses_only_for_the_newest_revisions(
    messy: Path, survey: Questionnaire
) -> None:
    """Memory grows with respondents, not files: 1,200 revisions of 16 offices keep about 25 responses."""
    paths = ResponseFolder(messy).submitted_files()
    assert len(paths) >= loading.PARALLEL_FROM
    outcomes = loading.load_all(paths, survey)
    whole = [o for o in outcomes if isinstance(o, loading.Loaded) and o.response is not None]
    groups = {(o.key, o.id) for o in outcomes if isinstance(o, loading.Loaded)}
    assert len(whole) == len(groups) < 40


def test_fast_parse_gives_what_tomllib_gives_with_portable_time_zones() -> None:
    """rtoml's time-zone objects cannot be pickled to another process; tomllib's can."""
    import pickle

    for path in sorted((FIXTURES / "sample").glob("*.toml")):
        if path.name == "broken.toml":
            continue
        data = path.read_bytes()
        fast = fast_toml.parse_fast(data)
        assert fast is not None, path.name  # ordinary files take the fast path (offsets included)
        assert fast == parse_toml(data)
        moment = fast_toml.portable_time(fast["response"]["saved"])
        assert pickle.loads(pickle.dumps(moment)) == moment
        assert moment.isoformat() == parse_toml(data)["response"]["saved"].isoformat()


QUESTIONNAIRES = sorted(
    [ROOT / "questionnaire.toml", *(ROOT / "examples").glob("*.toml"), *FIXTURES.glob("*.toml")]
)


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.name)
def test_a_questionnaire_read_fast_is_what_tomllib_reads(path: Path) -> None:
    """The questionnaire is read by rtoml (the app's first paint waits for it), and must not differ."""
    fast = fast_toml.read_toml_fast(path)
    assert fast == parse_toml(path.read_bytes())
    assert repr(fast) == repr(parse_toml(path.read_bytes()))  # the same types, down to time zones


def test_reading_fast_makes_every_offset_time_portable(tmp_path: Path) -> None:
    import pickle

    path = tmp_path / "times.toml"
    path.write_text("[t]\nwhen = [1979-05-27T07:32:00+02:00]\n[t.deeper]\nat = 2025-01-02T03:04:05Z\n")
    fast = fast_toml.read_toml_fast(path)
    assert repr(fast) == repr(parse_toml(path.read_bytes()))
    assert pickle.loads(pickle.dumps(fast)) == fast


@pytest.mark.parametrize(
    "text", ["title = \n", 'title = "a"\ntitle = "b"\n', "when = 10:30\n", "x = {a = 1,}\n", "\r"]
)
def test_reading_fast_words_a_refusal_as_the_reference_path_does(tmp_path: Path, text: str) -> None:
    from enquete.storage.safe_read import UnreadableFile, read_toml

    path = tmp_path / "q.toml"
    path.write_text(text, newline="")
    with pytest.raises(UnreadableFile) as reference:
        read_toml(path)
    with pytest.raises(UnreadableFile) as fast:
        fast_toml.read_toml_fast(path)
    assert str(fast.value) == str(reference.value)


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "hostile").glob("*.toml")))
def test_hostile_files_are_parsed_identically_or_left_to_tomllib(name: str) -> None:
    data = (FIXTURES / "hostile" / name).read_bytes()
    fast = fast_toml.parse_fast(data)
    if fast is not None:
        assert fast == parse_toml(data)


@pytest.mark.parametrize(
    "text",
    [
        "a = 1\na = 2\n",  # duplicate key
        "a = 'x\ny'\n",  # newline in a basic string
        "a = 1979-05-27T25:00:00Z\n",  # no such hour
        "a = [1,,2]\n",
        "a = { b = 1, }\n",  # TOML 1.1, which rtoml speaks: a trailing comma in an inline table,
        "a = {\n b = 1\n}\n",  # an inline table over several lines,
        'a = "\\e"\n',  # the \e and \x escapes,
        'a = "\\x41"\n',
        "a = 1979-05-27T07:32Z\n",  # times without seconds
        "a = 07:32\n",
        "a = [1979-05-27 07:32]\n",
        "[a]\nb = 1\n[a]\nc = 2\n",  # table defined twice
        'a = "\x01"\n',  # control character
        "a = 0x\n",
        "a = 1__0\n",
    ],
)
def test_what_tomllib_refuses_the_fast_path_refuses_too(text: str) -> None:
    with pytest.raises(ResponseFileError):
        parse_toml(text.encode())
    assert fast_toml.parse_fast(text.encode()) is None


def _mutations(answers: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A valid answer set, then one change that may or may not make it invalid."""
    keys = sorted(answers)
    values = st.one_of(
        st.text(max_size=5),
        st.just(""),
        st.just("   "),
        st.integers(),
        st.lists(st.sampled_from([*RECS, "not_applicable", "zz", ""]), max_size=4),
        st.dictionaries(
            st.sampled_from(["selected", "comment", "comments", "other", *RECS]),
            st.just(["rec1"]) | st.text(max_size=3),
            max_size=3,
        ),
        st.sampled_from(["AU", "au", "XX", "implemented"]),
    )
    return st.one_of(
        st.just(answers),
        st.builds(lambda k, v: {**answers, k: v}, st.sampled_from([*keys, "unknown"]), values),
        st.builds(lambda k: {a: b for a, b in answers.items() if a != k}, st.sampled_from(keys)),
        st.builds(
            lambda k, sub, v: (
                {**answers, k: {**answers[k], sub: v}} if isinstance(answers[k], dict) else answers
            ),
            st.sampled_from(keys),
            st.sampled_from(["selected", "comment", "comments", "rec1", "rec11", "other"]),
            values,
        ),
    )


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_the_certifier_never_vouches_for_answers_the_model_finds_wrong(
    survey: Questionnaire, data: st.DataObject
) -> None:
    """Property: whenever the certifier says yes, `model.answers` finds no problem at all."""
    valid = data.draw(valid_answers(survey))
    raw = tomli_roundtrip(valid)
    candidate = data.draw(_mutations(raw))
    if Certifier(survey).certain(candidate):
        assert answer_problems(survey, candidate, complete=True)[1] == []


@settings(max_examples=300, deadline=None)
@given(
    question=st.sampled_from(["current_focus", "low_priority", "challenges", "future_topics"]),
    selected=st.lists(st.sampled_from(["rec1", "rec2", "rec3", "not_applicable", "zz"]), max_size=5),
)
def test_the_certifier_never_vouches_for_a_selection_the_model_finds_wrong(
    survey: Questionnaire, question: str, selected: list[str]
) -> None:
    """Property: duplicates, exclusive options combined, unknown options, too few or too many."""
    candidate = {**tomli_roundtrip(answers(1, "AU")), question: {"selected": selected}}
    if Certifier(survey).certain(candidate):
        assert answer_problems(survey, candidate, complete=True)[1] == []


def tomli_roundtrip(answers: dict[str, Any]) -> dict[str, Any]:
    """Answers as a response file holds them (multi-selects as tables)."""
    import tomllib

    from enquete.model.response import Response, dump_response

    response = Response(questionnaire="cws-ict-2025", version=1, answers=answers, status="submitted")
    return tomllib.loads(dump_response(response).decode())["answers"]  # type: ignore[no-any-return]


def test_the_certifier_vouches_for_ordinary_responses_only(survey: Questionnaire) -> None:
    """Yes for an ordinary response (else the fast path is never taken); no for each kind of fault."""
    certifier = Certifier(survey)
    ordinary = tomli_roundtrip(answers(1, "AU"))
    assert certifier.certain(ordinary)
    faults: list[tuple[str, Any]] = [
        ("low_priority", {"selected": ["not_applicable", "rec1"]}),
        ("current_focus", {"selected": ["rec1", "rec1"]}),
        ("current_focus", {"selected": ["rec1"], "comments": {"rec2": "not selected"}}),
        ("current_focus", {"selected": [], "comment": "x"}),
        ("implementation", {"rec1": "implemented"}),
        ("implementation", {**ordinary["implementation"], "rec1": "done"}),
        ("office", "XX"),
        ("proposals", "x" * 4001),
        ("unknown", "x"),
    ]
    for question, answer in faults:
        assert not certifier.certain({**ordinary, question: answer}), question
        assert answer_problems(survey, {**ordinary, question: answer}, complete=True)[1], question


PATHOLOGICAL = [
    "a.b.c.d.e.f.g.h.i = 1\n",  # 9 dotted parts: legal TOML, refused by the guard
    '"a"."b"."c"."d"."e"."f"."g"."h"."i" = 1\n',
    "[a.b.c.d.e.f.g.h.i]\nx = 1\n",
    "[[a.b.c.d.e.f.g.h.i]]\nx = 1\n",
    "x = { a.b.c.d.e.f.g.h.i = 1 }\n",
    "x = " + "[" * 40 + "]" * 40 + "\n",
    "x = 1." + "0" * 120 + "1\n",
    "x = " + "1" * 120 + "\n",
]


@pytest.mark.parametrize("text", PATHOLOGICAL)
def test_the_fast_path_refuses_what_the_guard_refuses(text: str) -> None:
    """The guard's verdict is kept: such a file is left to the reference path, which words it."""
    with pytest.raises(ResponseFileError):
        parse_toml(text.encode())
    assert fast_toml.parse_fast(text.encode()) is None


@settings(max_examples=300, deadline=None)
@given(
    parts=st.integers(1, 12),
    depth=st.integers(0, 36),
    digits=st.integers(1, 130),
    quoted=st.booleans(),
    in_string=st.booleans(),
)
def test_the_cheap_guard_verdict_agrees_with_the_guard(
    parts: int, depth: int, digits: int, quoted: bool, in_string: bool
) -> None:
    """Property: whatever the fast path accepts, the reference guard accepts, with the same tables."""
    from enquete.storage.safe_read import refuse_pathological

    key = ".".join(f'"k{i}"' if quoted else f"k{i}" for i in range(parts))
    number = "9" * digits
    lines = [
        f"{key} = 1",
        "v = " + "[" * depth + "1" + "]" * depth,
        f'n = "{number}"' if in_string else f"n = 0.{number}",
        '[answers]\ntext = """line one\nline. two. three. four. five. six. seven. eight. nine."""',
    ]
    text = "\n".join(lines) + "\n"
    fast = fast_toml.parse_fast(text.encode())
    if fast is not None:
        refuse_pathological(text)
        assert fast == parse_toml(text.encode())
