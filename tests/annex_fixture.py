"""A 21-office folder shaped like the 2025 answers, with figures computed by hand.

Respondent i (0-20, in the order of `CODES`) selects an option when i is
below that option's count, so every count below is exact by construction:
current focus Rec 1 14/21 (67%), Rec 5 and Rec 10 12/21 (57%), the others
between 5/21 (24%) and 9/21 (43%), Rec 9 3/21 (14%), Not Applicable 7/21
(33%); low priority Not Applicable 15/21 (71%). Comments are the hard kind:
bulleted lists over several lines, one of ~1,600 characters, CJK, markup,
HTML, a leading "=" and terminal control sequences.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

CODES = [
    "AU", "BR", "CA", "CN", "DE", "EP", "ES", "FI", "FR", "GB", "JP",
    "KR", "MX", "NO", "NZ", "RU", "SE", "US", "EM", "CH", "AT",
]  # fmt: skip
N = len(CODES)
LEVELS = ["implemented", "ongoing", "decided", "considering", "not_planned"]
IMPLEMENTATION = {
    "rec1": (10, 5, 2, 3, 1),
    "rec2": (8, 6, 3, 2, 2),
    "rec3": (5, 6, 4, 4, 2),
    "rec4": (15, 4, 1, 1, 0),
    "rec5": (9, 5, 3, 2, 2),
    "rec6": (7, 4, 2, 5, 3),
    "rec7": (6, 8, 2, 3, 2),
    "rec8": (3, 4, 3, 6, 5),
    "rec9": (2, 3, 2, 8, 6),
    "rec10": (1, 7, 4, 6, 3),
}
FOCUS = {"rec1": 14, "rec2": 5, "rec3": 9, "rec4": 7, "rec5": 12, "rec6": 6,
         "rec7": 8, "rec8": 5, "rec9": 3, "rec10": 12}  # fmt: skip
CHALLENGES = {"rec10": 9, "rec3": 6, "rec5": 4, "rec1": 2}
FUTURE = {"rec10": 13, "rec5": 8, "rec1": 3}

LONG_COMMENT = (
    "Our office has a multi-year programme:\n"
    + "\n".join(
        f"- Phase {i}: migrate the “{name}” workflow – with e-filing, OCR and AI-assisted classification; "
        "see https://example.org/ip/roadmap?phase=" + str(i)
        for i, name in enumerate(
            [
                "patents",
                "trademarks",
                "designs",
                "PCT",
                "Madrid",
                "Hague",
                "GIs",
                "plant varieties",
                "registers",
                "archives",
                "appeals",
                "fees",
            ],
            1,
        )
    )
)[:1600]
BULLETED = (
    "We are:\n- digitising the register\n- publishing bulk data weekly\n\n  * in ST.96 XML\n  * and JSON"
)
CJK = "正在推进数字化转型：\n1. 电子申请\n2. 人工智能辅助审查"
MARKUP = "[bold]Digital-first[/bold] filing <script>alert(1)</script> # not a heading"
HOSTILE = "Budget\x1b]52;c;ZXZpbA==\x07 cuts\x1b[2J and \x9b31m C1 \u202eevil\u202c end"
FORMULA = '=HYPERLINK("http://evil","click")'
DASH_START = "- starts with a dash\n+ and a plus\n@ and an at"

FOCUS_COMMENTS = {
    ("AU", "rec1"): LONG_COMMENT,
    ("BR", "rec1"): BULLETED,
    ("CN", "rec1"): CJK,
    ("AU", "rec5"): MARKUP,
    ("CA", "rec5"): FORMULA,
    ("DE", "rec10"): HOSTILE,
    ("EP", "rec10"): DASH_START,
}
TEXTS = {
    "implementation_comments": {"AU": BULLETED, "CN": CJK, "KR": MARKUP},
    "proposals": {"BR": "Merge Rec. 8 and Rec. 9.\nAdd a Recommendation on cloud.", "US": FORMULA},
}


def answers(index: int) -> dict[str, Any]:
    """The answers of respondent `index`, built from the counts above."""
    code = CODES[index]
    implementation = {}
    for rec, counts in IMPLEMENTATION.items():
        bounds = [sum(counts[: k + 1]) for k in range(len(counts))]
        implementation[rec] = LEVELS[next(k for k, b in enumerate(bounds) if index < b)]
    result: dict[str, Any] = {"office": code, "implementation": implementation}
    focus = [rec for rec, count in FOCUS.items() if index < count]
    result["current_focus"] = {"selected": focus or ["not_applicable"]}
    comments = {rec: text for (who, rec), text in FOCUS_COMMENTS.items() if who == code and rec in focus}
    if comments:
        result["current_focus"]["comments"] = comments
    if index < 15:
        result["low_priority"] = {"selected": ["not_applicable"]}
    else:
        low = ["rec9"] + (["rec8"] if index < 18 else []) + (["rec2"] if index == 15 else [])
        result["low_priority"] = {
            "selected": low,
            "comments": {"rec9": "Not a priority\n- resources elsewhere"},
        }
    challenges = [rec for rec, count in CHALLENGES.items() if index < count]
    result["challenges"] = {"selected": challenges or ["not_applicable"]}
    future = [rec for rec, count in FUTURE.items() if index < count]
    if future:
        result["future_topics"] = {"selected": future}
        if index == 0:
            result["future_topics"]["comment"] = "Demonstrations of AI tools\n- search\n- classification"
    for qid, texts in TEXTS.items():
        if code in texts:
            result[qid] = texts[code]
    return result


def write_annex_fixture(folder: Path) -> Path:
    """Write the 21 submitted responses into `folder` (created); return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, code in enumerate(CODES):
        header = {
            "questionnaire": "cws-ict-2025",
            "version": 1,
            "id": f"{index + 1:08d}-0000-4000-8000-000000000000",
            "revision": 1,
            "status": "submitted",
            "language": "en",
        }
        data = {"response": header, "answers": answers(index)}
        (folder / f"{code}.toml").write_text(tomli_w.dumps(data), "utf-8")
    return folder
