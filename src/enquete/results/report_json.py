"""The JSON report: a public contract for the Secretariat's scripts (docs/report-format.md).

Keys are only ever added. `report_format` names the contract's version.
"""

import io
import json
from datetime import date
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
    Streamed into a buffer (`json.dump`), not joined from a list of pieces
    (`json.dumps` with indent): the same text, without a million small strings
    held at once for a folder of 100,000 files.
    """
    data = results_to_json_data(results, questionnaire)
    if invited is not None:
        data["invited"] = invited
    out = io.StringIO()
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return out.getvalue()
