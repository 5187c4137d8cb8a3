"""How close `enquete report --format json` is to just reading the files.

Generates N response files, then times (a) a bare loop that reads and
tomllib-parses each, and (b) the real command, in fresh processes, best of
`--repeat` runs each. Usage:

    python benchmarks/aggregate.py 1000 10000
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tomli_w

BARE_LOOP = """
import sys, tomllib
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.toml")):
    tomllib.loads(path.read_bytes().decode("utf-8"))
"""
LEVELS = ["implemented", "ongoing", "decided", "considering", "not_planned"]
RECS = [f"rec{i}" for i in range(1, 11)]


def generate(folder: Path, count: int) -> None:
    rng = random.Random(count)
    codes = [f"{a}{b}" for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    import pycountry

    valid = sorted({c.alpha_2 for c in pycountry.countries} & set(codes))
    for i in range(count):
        selected = rng.sample(RECS, rng.randint(1, 4))
        answers = {
            "office": valid[i % len(valid)],
            "implementation": {r: rng.choice(LEVELS) for r in RECS},
            "implementation_comments": "Progress report. " * rng.randint(1, 20),
            "current_focus": {"selected": selected, "comments": {s: f"Project on {s}." for s in selected}},
            "low_priority": {"selected": ["not_applicable"]},
            "challenges": {"selected": rng.sample(RECS, 2)},
            "proposals": "Merge Recommendations 8 and 9. " * rng.randint(0, 5),
            "future_topics": {"selected": rng.sample(RECS, 3), "comment": "Demonstrations"},
        }
        header = {
            "questionnaire": "cws-ict-2025",
            "version": 1,
            "id": f"id-{i}",
            "revision": 1 + i % 3,
            "status": "submitted",
            "language": "en",
        }
        text = tomli_w.dumps({"response": header, "answers": answers}, multiline_strings=True)
        (folder / f"r{i:06d}.toml").write_text(text, "utf-8")


def best_of(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'files':>7} {'bare loop':>10} {'enquete':>10} {'ratio':>6}")
    for count in args.counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            generate(folder, count)
            bare = best_of([sys.executable, "-c", BARE_LOOP, str(folder)], args.repeat)
            real = best_of(
                [sys.executable, "-m", "enquete", "report", "--format", "json", "--responses", str(folder)],
                args.repeat,
            )
            print(f"{count:>7} {bare:>9.2f}s {real:>9.2f}s {real / bare:>5.2f}x", flush=True)


if __name__ == "__main__":
    main()
