"""A cold `enquete report` of one folder: another tree's code against this one, with a baseline, in turns.

On a machine shared with other jobs, wall times swing by 2x from one minute
to the next; running before, after and the baseline one after the other, and
giving CPU seconds (user + system of the report and its workers, from wait4)
beside the wall times, makes a before/after comparison that load hardly moves.

    python benchmarks/cold_pairs.py FOLDER --before /path/to/old/checkout/src --repeat 7
    python benchmarks/cold_pairs.py FOLDER --before ... --baseline tomllib   # the 21-file figure

The folder is any responses folder (benchmarks/corpus.py writes realistic ones).
Byte-compile both trees first (`python -m compileall -q SRC`), as report.py does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def run(command: list[str], pythonpath: str | None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one cold run."""
    env = {**os.environ, "ENQUETE_CACHE": "off"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--before", required=True, help="the src folder of the other tree")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline", choices=["rtoml", "tomllib"], default="rtoml")
    args = parser.parse_args()
    report = [sys.executable, "-m", "enquete", "report", "--format", "json", "--responses", str(args.folder)]
    baseline = (
        [sys.executable, str(HERE / "baseline_rtoml.py"), str(args.folder)]
        if args.baseline == "rtoml"
        else [sys.executable, "-c", "import tomllib"]
    )
    sides = {"before": (report, args.before), "after": (report, None), args.baseline: (baseline, None)}
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in sides}
    for _ in range(args.repeat):
        for name, (command, pythonpath) in sides.items():
            runs[name].append(run(command, pythonpath))
    print(f"load average {os.getloadavg()[0]:.1f}; medians of {args.repeat} runs")
    print("| side | wall | CPU | peak RSS |\n|---|---|---|---|")
    base_wall = statistics.median(r[0] for r in runs[args.baseline])
    for name, results in runs.items():
        wall = statistics.median(r[0] for r in results)
        cpu = statistics.median(r[1] for r in results)
        rss = max(r[2] for r in results)
        print(f"| {name} | {wall:.3f} s ({wall / base_wall:.2f}x) | {cpu:.3f} s | {rss:.0f} MiB |")


if __name__ == "__main__":
    main()
