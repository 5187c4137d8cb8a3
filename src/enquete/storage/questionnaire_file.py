"""Finding and loading the questionnaire, with errors that name the key path.

The default is found the same way from any folder: `--questionnaire PATH`,
else `questionnaire.toml` in the current folder, else the copy shipped inside
the package (the repository's root file, in a development checkout).
"""

from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from enquete.errors import QuestionnaireError, ResponseFileError
from enquete.model.questionnaire import Questionnaire
from enquete.storage.safe_read import read_toml

DEFAULT_NAME = "questionnaire.toml"


def default_questionnaire_path() -> Path:
    """The questionnaire `enquete` opens when none is named."""
    local = Path.cwd() / DEFAULT_NAME
    if local.is_file():
        return local
    shipped = resources.files("enquete") / "data" / DEFAULT_NAME
    if shipped.is_file():
        return Path(str(shipped))
    # An editable install of a checkout: the file at the repository root.
    return Path(__file__).resolve().parents[3] / DEFAULT_NAME


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    """Load and validate a questionnaire; `QuestionnaireError` says what is wrong and where."""
    path = path or default_questionnaire_path()
    try:
        data = read_toml(path)
    except ResponseFileError as error:
        raise QuestionnaireError(f"{path}: {error}") from None
    return questionnaire_from_data(data, source=str(path))


def questionnaire_from_data(data: dict[str, Any], *, source: str) -> Questionnaire:
    """Validate a parsed questionnaire table (the `[questionnaire]` header plus the rest)."""
    header = data.get("questionnaire")
    if not isinstance(header, dict):
        raise QuestionnaireError(f"{source}: no [questionnaire] table")
    merged = {**header, **{k: v for k, v in data.items() if k != "questionnaire"}}
    try:
        return Questionnaire.model_validate(merged)
    except ValidationError as error:
        raise QuestionnaireError(_describe(source, merged, error)) from None
    except ValueError as error:  # raised by the list-resolving validator
        raise QuestionnaireError(f"{source}: {error}") from None


def _describe(source: str, data: dict[str, Any], error: ValidationError) -> str:
    lines = [f"{source}: {error.error_count()} problem(s) in the questionnaire"]
    for item in error.errors():
        lines.append(f"  {_key_path(data, item['loc'])}: {_message(item)}")
    return "\n".join(lines)


def _message(item: Any) -> str:
    message = str(item["msg"])
    return message.removeprefix("Value error, ")


def _key_path(data: dict[str, Any], location: tuple[int | str, ...]) -> str:
    """`questions[2] (implementation).rows[0].id` rather than pydantic's tuple."""
    parts: list[str] = []
    node: Any = data
    question_types = {"code", "choice", "text", "matrix", "multi"}
    for index, part in enumerate(location):
        if isinstance(part, int):
            label = f"[{part}]"
            if isinstance(node, list) and part < len(node):
                node = node[part]
                if index == 1 and location[0] == "questions" and isinstance(node, dict):
                    label += f" ({node.get('id', '?')})"
            parts.append(label)
            continue
        if location[:1] == ("questions",) and index == 2 and part in question_types:
            continue  # pydantic's union tag, not a key the author wrote
        node = node.get(part) if isinstance(node, dict) else None
        parts.append(f".{part}" if parts else str(part))
    return "".join(parts) or "(top level)"
