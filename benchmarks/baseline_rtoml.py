"""The baseline to beat: a 30-line, 2-process rtoml map/reduce over a responses folder.

What a good script does without enquete: two processes each read and parse
half of the files, keep the newest revision per office, and the parent counts
the matrix answers of the winners. No validation, no report: the floor.

    python benchmarks/baseline_rtoml.py FOLDER
"""

import sys
from multiprocessing import Pool
from pathlib import Path

import rtoml


def newest(paths: list[str]) -> dict[str, tuple[int, str, dict]]:
    best: dict[str, tuple[int, str, dict]] = {}
    for path in paths:
        with open(path, "rb") as handle:
            data = rtoml.loads(handle.read().decode("utf-8"))
        office, revision = data["answers"]["office"], data["response"]["revision"]
        if office not in best or best[office][0] < revision:
            best[office] = (revision, path, data["answers"])
    return best


if __name__ == "__main__":
    files = sorted(str(p) for p in Path(sys.argv[1]).glob("*.toml"))
    with Pool(2) as pool:
        parts = pool.map(newest, [files[0::2], files[1::2]])
    winners: dict[str, tuple[int, str, dict]] = {}
    for part in parts:
        for office, found in part.items():
            if office not in winners or winners[office][0] < found[0]:
                winners[office] = found
    counts: dict[tuple[str, str], int] = {}
    for _, _, answers in winners.values():
        for row, column in answers.get("implementation", {}).items():
            counts[row, column] = counts.get((row, column), 0) + 1
    print(len(files), "files,", len(winners), "respondents,", sum(counts.values()), "cells")
