"""Finding and loading the questionnaire, with errors that name the key path.

The default is found the same way from any folder: `--questionnaire PATH`,
else `questionnaire.toml` in the current folder, else the copy shipped inside
the package (the repository's root file, in a development checkout).

Reading (rtoml, or tomllib for anything unusual) and validating (pydantic) are separate steps: the app paints
its first screen from the raw title and validates right after, because
importing pydantic and building the schema costs more than starting Textual.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from enquete.errors import QuestionnaireError, ResponseFileError
from enquete.storage.fast_toml import read_toml_fast

if TYPE_CHECKING:
    from pydantic import ValidationError

    from enquete.model.questionnaire import Questionnaire

DEFAULT_NAME = "questionnaire.toml"


def default_questionnaire_path() -> Path:
    """The questionnaire `enquete` opens when none is named."""
    local = Path.cwd() / DEFAULT_NAME
    if local.is_file():
        return local
    shipped = Path(__file__).resolve().parents[1] / "data" / DEFAULT_NAME  # placed there by the wheel
    if shipped.is_file():
        return shipped
    # An editable install of a checkout: the file at the repository root.
    return Path(__file__).resolve().parents[3] / DEFAULT_NAME


def read_questionnaire_data(path: Path | None = None) -> tuple[Path, dict[str, Any]]:
    """The questionnaire file as TOML tables, unvalidated; `QuestionnaireError` if unreadable."""
    path = path or default_questionnaire_path()
    try:
        return path, read_toml_fast(path)
    except ResponseFileError as error:
        raise QuestionnaireError(f"{path}: {error}") from None


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    """Load and validate a questionnaire; `QuestionnaireError` says what is wrong and where."""
    path, data = read_questionnaire_data(path)
    return questionnaire_from_data(data, source=str(path))


def header_text(data: dict[str, Any], key: str, language: str) -> str:
    """`title` or `description` of unvalidated questionnaire data, in `language` if given."""
    header = data.get("questionnaire")
    value = header.get(key) if isinstance(header, dict) else None
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        text = value.get(language) or value.get("en")
        return text if isinstance(text, str) else ""
    return ""


def header_languages(data: dict[str, Any]) -> list[str]:
    """The languages unvalidated questionnaire data declares (`["en"]` when it says none)."""
    header = data.get("questionnaire")
    languages = header.get("languages") if isinstance(header, dict) else None
    if isinstance(languages, list) and languages and all(isinstance(x, str) for x in languages):
        return list(dict.fromkeys(languages))
    return ["en"]


def check_language(language: str | None, languages: list[str]) -> str:
    """The language asked for on the command line, if the questionnaire has it; else English.

    Raises QuestionnaireError naming the questionnaire's languages, so
    `--lang de` on an English/French survey is a clear refusal, not a
    silently English screen.
    """
    if language is None:
        return "en" if "en" in languages else languages[0]
    if language not in languages:
        raise QuestionnaireError(
            f"--lang {language}: this questionnaire is in {', '.join(languages)}; choose one of those"
        )
    return language


def questionnaire_from_data(data: dict[str, Any], *, source: str) -> Questionnaire:
    """Validate a parsed questionnaire table (the `[questionnaire]` header plus the rest)."""
    from pydantic import ValidationError

    from enquete.model.questionnaire import Questionnaire

    header = data.get("questionnaire")
    if not isinstance(header, dict):
        raise QuestionnaireError(f"{source}: no [questionnaire] table")
    version = header.get("version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        raise QuestionnaireError(f"{source}: questionnaire.version must be a whole number, such as 1")
    _refuse_oversized(data, source)
    merged = {**header, **{k: v for k, v in data.items() if k != "questionnaire"}}
    try:
        return Questionnaire.model_validate(merged)
    except ValidationError as error:
        raise QuestionnaireError(_describe(source, merged, error)) from None


MAX_QUESTIONS = 500
MAX_ENTRIES = 200
"""Options, rows or columns of one question, once named lists are spliced in."""
MAX_CELLS = 20_000
"""Options plus matrix cells over the whole questionnaire: what aggregation counts."""


def _entries(value: Any, lists: dict[str, Any]) -> int:
    entries = [value] if isinstance(value, str) else value
    if not isinstance(entries, list):
        return 0
    named = [lists.get(e) if isinstance(e, str) else None for e in entries]
    return sum(len(n) if isinstance(n, list) else 1 for n in named)


def _refuse_oversized(data: dict[str, Any], source: str) -> None:
    """Refuse a questionnaire too large to show or count, before any model is built.

    A 34 KB questionnaire naming one list of 200 options as the rows and the
    columns of many matrices drove `report` past 5 GB: the size that matters is
    the one after named lists are spliced in, so it is measured that way.
    """
    questions = data.get("questions")
    raw_lists = data.get("lists")
    lists: dict[str, Any] = raw_lists if isinstance(raw_lists, dict) else {}
    if not isinstance(questions, list):
        return
    if len(questions) > MAX_QUESTIONS:
        raise QuestionnaireError(f"{source}: {len(questions):,} questions; the limit is {MAX_QUESTIONS}")
    cells = 0
    for question in questions:
        if not isinstance(question, dict):
            continue
        sizes = {field: _entries(question.get(field), lists) for field in ("options", "rows", "columns")}
        for field, size in sizes.items():
            if size > MAX_ENTRIES:
                raise QuestionnaireError(
                    f"{source}: question '{question.get('id', '?')}': {size:,} {field}; "
                    f"the limit is {MAX_ENTRIES}"
                )
        cells += sizes["options"] + sizes["rows"] * max(sizes["columns"], 1)
        if cells > MAX_CELLS:
            raise QuestionnaireError(
                f"{source}: more than {MAX_CELLS:,} options and matrix cells in all; "
                "split it into several questionnaires"
            )


def _describe(source: str, data: dict[str, Any], error: ValidationError) -> str:
    from enquete.model.questionnaire import resolve_questions

    try:  # pydantic's positions are in the questions once "please specify" follow-ups are added
        resolved = resolve_questions(data)
    except ValueError:
        resolved = data
    lines = [f"{source}: {error.error_count()} problem(s) in the questionnaire"]
    for item in error.errors():
        # An expression's place is already counted as written (`_as_written`).
        written = item["type"] == "expression"
        path = _key_path(data if written else resolved, item["loc"], as_written=written)
        lines.append(f"  {path}: {_message(item, resolved)}")
    return "\n".join(lines)


def _message(item: Any, data: dict[str, Any]) -> str:
    """pydantic's message, except for a misspelt key: "unknown key 'maxx'; did you mean 'max'?".

    Trial 4: "Extra inputs are not permitted" did not say the key was unknown, nor which was meant.
    """
    if item["type"] == "extra_forbidden" and item["loc"]:
        key = str(item["loc"][-1])
        near = difflib.get_close_matches(key, _known_keys(data, tuple(item["loc"][:-1])), n=1, cutoff=0.6)
        return f"unknown key '{key}'" + (f"; did you mean '{near[0]}'?" if near else "")
    message = str(item["msg"])
    return message.removeprefix("Value error, ")


def _known_keys(data: dict[str, Any], location: tuple[int | str, ...]) -> list[str]:
    """The keys the table at `location` may hold: its model's fields (a question's: its type's schema)."""
    from pydantic import BaseModel

    from enquete.model.question import QuestionBase
    from enquete.model.questionnaire import Group, Questionnaire
    from enquete.qtypes import type_named

    def model_in(annotation: Any) -> type[BaseModel] | None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        return next((m for m in map(model_in, get_args(annotation)) if m is not None), None)

    model: type[BaseModel] | None = Questionnaire
    node: Any = data
    for index, part in enumerate(location):
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return []
        if location[:1] == ("questions",) and index == 1:
            kind = node.get("type") if isinstance(node, dict) else None
            try:
                model = type_named(kind).schema if isinstance(kind, str) else QuestionBase
            except KeyError:
                model = QuestionBase
        elif location[:1] == ("groups",) and index == 1:
            model = Group
        elif isinstance(part, str) and model is not None and part in model.model_fields:
            model = model_in(model.model_fields[part].annotation)
    return list(model.model_fields) if model is not None else []


def _question_label(questions: list[Any], index: int, as_written: bool = False) -> str:
    """`question 8 (remarks)`: its place among the `[[questions]]` as written, counted from 1.

    `questions` hold the "please specify" follow-ups unless `as_written`; such a
    follow-up is not written: it is named with the question that brings it.
    """
    from enquete.model.questionnaire import _specify_questions

    if as_written:
        question = questions[index]
        return f"question {index + 1} ({question.get('id', '?') if isinstance(question, dict) else '?'})"

    brought: dict[str, str] = {}
    written = 0
    for position, question in enumerate(questions[: index + 1]):
        qid = question.get("id", "?") if isinstance(question, dict) else "?"
        if position == index and qid in brought:
            return f"the follow-up '{qid}' of {brought[qid]}"
        if qid not in brought:
            written += 1
        if isinstance(question, dict):
            label = f"question {written} ({qid})"
            brought.update({str(f.get("id")): label for f in _specify_questions(question, None)})
    qid = questions[index].get("id", "?") if isinstance(questions[index], dict) else "?"
    return f"question {written} ({qid})"


def _key_path(data: dict[str, Any], location: tuple[int | str, ...], as_written: bool = False) -> str:
    """`question 3 (implementation).rows[1].id` rather than pydantic's tuple; positions count from 1.

    Trial 4: `questions[7]` counted from 0, and the author looked for the seventh question.
    """
    parts: list[str] = []
    node: Any = data
    for index, part in enumerate(location):
        if isinstance(part, int):
            label = f"[{part + 1}]"
            if isinstance(node, list) and part < len(node):
                node = node[part]
                if index == 1 and location[0] == "questions":
                    label = _question_label(data["questions"], part, as_written)
            parts[-1:] = [label] if index == 1 and location[0] == "questions" else [*parts[-1:], label]
            continue
        node = node.get(part) if isinstance(node, dict) else None
        parts.append(f".{part}" if parts else str(part))
    return "".join(parts) or "(top level)"
