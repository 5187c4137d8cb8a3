"""Realistic response folders for the benchmarks: N offices x M revisions of one response each.

Every file is a submitted response to the shipped survey, written the way
enquete writes it (tomli-w, multi-line strings), with the comments a real
office writes: several lines, bullets, URLs, curly quotes, a few CJK words.
Each office keeps one response id across its revisions, so a report counts
one file per office and lists the rest as superseded.

    python benchmarks/corpus.py FOLDER --offices 100 --revisions 100
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import tomli_w

LEVELS = ["implemented", "ongoing", "decided", "considering", "not_planned"]
RECS = [f"rec{i}" for i in range(1, 11)]
COMMENT = (
    "Our Office’s progress this year:\n"
    "- migrated the e-filing front end to the “ST.96” XML schema;\n"
    "- see https://www.wipo.int/cws/en/ for the Task Force’s notes;\n"
    "- 数字化转型 pilot with two divisions.\n"
)


def office_codes(count: int) -> list[str]:
    """`count` distinct ST.3 codes (two letters), in a stable order."""
    import pycountry

    codes = sorted(c.alpha_2 for c in pycountry.countries)
    if count > len(codes):
        raise SystemExit(f"at most {len(codes)} offices")
    return codes[:count]


def response_text(rng: random.Random, office: str, revision: int, saved: datetime) -> str:
    """One submitted response file's text."""
    focus = rng.sample(RECS, rng.randint(1, 4))
    answers = {
        "office": office,
        "implementation": {r: rng.choice(LEVELS) for r in RECS},
        "implementation_comments": COMMENT * rng.randint(1, 4),
        "current_focus": {"selected": focus, "comments": {s: f"Project on {s}: " + COMMENT for s in focus}},
        "low_priority": {"selected": ["not_applicable"]},
        "challenges": {"selected": rng.sample(RECS, 2)},
        "proposals": "Merge Recommendations 8 and 9. " * rng.randint(0, 5),
        "future_topics": {"selected": rng.sample(RECS, 3), "comment": "Demonstrations, please."},
    }
    header = {
        "questionnaire": "cws-ict-2025",
        "version": 1,
        "id": f"00000000-0000-4000-8000-{office.encode().hex():0>12}",
        "revision": revision,
        "status": "submitted",
        "language": "en",
        "started": datetime(2025, 5, 2, 9, tzinfo=UTC),
        "saved": saved,
    }
    return tomli_w.dumps({"response": header, "answers": answers}, multiline_strings=True)


def generate(folder: Path, offices: int, revisions: int, seed: int = 13) -> int:
    """Write offices x revisions files into `folder`; the number of files written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime(2025, 5, 2, 9, tzinfo=UTC)
    written = 0
    for office in office_codes(offices):
        for revision in range(1, revisions + 1):
            saved = start + timedelta(hours=revision)
            text = response_text(rng, office, revision, saved)
            (folder / f"{office}.r{revision:05d}.toml").write_text(text, "utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--offices", type=int, default=100)
    parser.add_argument("--revisions", type=int, default=100)
    args = parser.parse_args()
    print(generate(args.folder, args.offices, args.revisions), "files written to", args.folder)


if __name__ == "__main__":
    main()
