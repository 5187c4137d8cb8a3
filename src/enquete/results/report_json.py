"""The JSON report: a public contract for the Secretariat's scripts (docs/report-format.md).

Keys are only ever added. `report_format` names the contract's version.
"""

import io
import json
from collections.abc import Callable
from datetime import date
from json.encoder import encode_basestring
from typing import Any

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results
from enquete.results.selections import cross_readings, selections

REPORT_FORMAT = 1


def results_to_json_data(results: Results, questionnaire: Questionnaire | None = None) -> dict[str, Any]:
    """The report as JSON-ready data; `questionnaire` adds the cross-readings (added keys only)."""
    data = {
        "report_format": REPORT_FORMAT,
        "questionnaire": results.questionnaire,
        "version": results.version,
        "respondents": results.respondents,
        "respondent_keys": results.respondent_keys,
        "questions": {
            qid: {
                "type": q.type,
                "answered": q.answered,
                "counts": q.counts,
                "comments": [
                    {"respondent": c.respondent, "option": c.option, "text": c.text} for c in q.comments
                ],
                # Added in enquete 0.2 (docs/report-format.md): number and date answers, and the
                # respondents a conditional question applied to (null: everyone).
                "values": [v.isoformat() if isinstance(v, date) else v for v in q.values],
                "applicable": q.applicable,
            }
            for qid, q in results.questions.items()
        },
        "files": results.files,
        "rejected": [{"file": r.file, "reason": r.reason} for r in results.rejected],
        "superseded": [
            {
                "file": s.file,
                "respondent": s.respondent,
                "id": s.id,
                "revision": s.revision,
                "superseded_by": s.superseded_by,
            }
            for s in results.superseded
        ],
        "conflicts": [
            {"respondent": c.respondent, "counted": c.counted, "ignored": list(c.ignored)}
            for c in results.conflicts
        ],
    }
    if questionnaire is not None:
        data["selections"] = selections(results, questionnaire)
        data["cross_readings"] = cross_readings(results, questionnaire)
    return data


def render_json(
    results: Results, questionnaire: Questionnaire | None = None, invited: dict[str, Any] | None = None
) -> str:
    """Pretty, UTF-8 (not \\u-escaped) JSON; control characters are escaped by JSON itself.

    `questionnaire` adds the per-respondent selections and the cross-readings;
    `invited` (who was invited, who is missing) is added under its key when
    the Secretariat keeps an invited list; the key is absent otherwise.
    Written by `write_pretty_json` into one buffer, the final newline too:
    the text `json.dump(indent=2)` writes, without a million small strings
    held at once, nor a second copy of the text, for 100,000 files.
    """
    data = results_to_json_data(results, questionnaire)
    if invited is not None:
        data["invited"] = invited
    out = io.StringIO()
    write_pretty_json(out, data)
    out.write("\n")
    return out.getvalue()


class _Unusual(Exception):
    """A value `pretty_json` leaves to the json module (a tuple, a subclass of str or int...)."""


def pretty_json(data: Any) -> str:
    """Exactly `json.dumps(data, ensure_ascii=False, indent=2)`, several times faster."""
    out = io.StringIO()
    write_pretty_json(out, data)
    return out.getvalue()


def write_pretty_json(out: io.StringIO, data: Any) -> None:
    """Write exactly what `json.dump(data, out, ensure_ascii=False, indent=2)` writes, faster.

    With an indent, the json module encodes in Python, one generator step per
    token: writing the JSON was a tenth of a cold report. Here every table or
    array whose values are all plain (a superseded file, a rejected one, a
    list of respondents), and every array of such tables, is encoded by the
    json module's C encoder, its separators carrying the newline and
    indentation. Anything unusual falls back to the json module whole.
    """
    start = out.tell()
    try:
        _write(out.write, data, "\n")
    except _Unusual:
        out.seek(start)
        out.truncate()
        json.dump(data, out, ensure_ascii=False, indent=2)


_PLAIN = frozenset({str, int, float, bool, type(None)})
_encoders: dict[str, Callable[[Any], str]] = {}


def _flat(value: Any, inner: str) -> str:
    """`value` by the C encoder, each item separated by a comma and `inner` (a newline and spaces)."""
    encode = _encoders.get(inner)
    if encode is None:
        encode = json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": ")).encode
        _encoders[inner] = encode
    return encode(value)


def _is_row(value: Any) -> bool:
    """A non-empty table of plain values only."""
    return type(value) is dict and bool(value) and all(type(v) in _PLAIN for v in value.values())


def _write(write: Callable[[str], Any], value: Any, newline: str) -> None:
    """Write a table or an array at the indentation `newline` carries (a newline and spaces)."""
    inner = newline + "  "
    kind = type(value)
    if kind is not dict and kind is not list:
        if kind not in _PLAIN:
            raise _Unusual
        write(_flat(value, inner))
        return
    if not value:
        write("{}" if kind is dict else "[]")
        return
    items = value.values() if kind is dict else value
    if all(type(v) in _PLAIN for v in items):
        text = _flat(value, inner)  # the brackets, then the items separated by "," + inner
        write(text[0] + inner + text[1:-1] + newline + text[-1])
        return
    if kind is list and all(_is_row(v) for v in value):
        _write_rows(write, value, newline)
        return
    if kind is list:
        separator = "["
        for item in value:
            write(separator + inner)
            _write(write, item, inner)
            separator = ","
        write(newline + "]")
        return
    separator = "{"
    for key, item in value.items():
        if type(key) is not str:
            raise _Unusual  # the json module words other keys its own way
        write(separator + inner + encode_basestring(key) + ": ")
        _write(write, item, inner)
        separator = ","
    write(newline + "}")


ROWS_AT_ONCE = 1000
"""Tables encoded per call: fast, without a second copy of 100,000 superseded files' text."""


def _write_rows(write: Callable[[str], Any], rows: list[dict[str, Any]], newline: str) -> None:
    """An array of non-empty tables of plain values, a thousand tables per call of the C encoder.

    Encoded with the separator of the tables' items everywhere, then the
    boundaries between tables re-indented. A boundary `},` + newline + `{`
    is found nowhere else: a newline inside a string is always escaped, and
    a plain value never ends with a brace.
    """
    inner, deeper = newline + "  ", newline + "    "
    separator = "["
    for start in range(0, len(rows), ROWS_AT_ONCE):
        text = _flat(rows[start : start + ROWS_AT_ONCE], deeper)
        body = text[2:-2].replace("}," + deeper + "{", inner + "}," + inner + "{" + deeper)
        write(separator + inner + "{" + deeper + body + inner + "}")
        separator = ","
    write(newline + "]")
