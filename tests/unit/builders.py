"""Small helpers to write response files for tests."""

from pathlib import Path
from typing import Any

import tomli_w

HEADER: dict[str, Any] = {
    "questionnaire": "cws-ict-2025",
    "version": 1,
    "id": "11111111-1111-4111-8111-111111111111",
    "revision": 1,
    "status": "submitted",
    "language": "en",
}
ALL_IMPLEMENTED = {f"rec{i}": "implemented" for i in range(1, 11)}


def minimal_answers(office: str = "AU", **more: Any) -> dict[str, Any]:
    """The least a submitted response to the shipped survey must hold."""
    return {"office": office, "implementation": dict(ALL_IMPLEMENTED), **more}


def write_response(folder: Path, name: str, answers: dict[str, Any], **header: Any) -> Path:
    path = folder / name
    path.write_text(tomli_w.dumps({"response": {**HEADER, **header}, "answers": answers}), "utf-8")
    return path
