"""`enquete merge` of 10,000 files into an empty folder, against the write-once floor, in the same run.

The floor writes each file once, crash-safely (temporary file, fsync, rename)
and fsyncs the folder once at the end: 1,001 fsyncs per 1,000 files. A
second baseline does the same with 8 threads staging files at once, as
enquete's write_files does: against it, the ratio is enquete's own overhead
(reading, validating, deciding, printing), whatever the disk's fsync latency. Figures
are medians of paired runs (enquete, then the floor), each into a new empty
folder; the fsync count comes from one more run of each with os.fsync counted.

    python benchmarks/merge.py --offices 100 --revisions 100 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate

FLOOR = """
import os, sys
from pathlib import Path
source, into = Path(sys.argv[1]), Path(sys.argv[2])
into.mkdir(parents=True, exist_ok=True)
for path in sorted(source.glob("*.toml")):
    data = path.read_bytes()
    temporary = into / (path.name + ".tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, into / path.name)
folder = os.open(into, os.O_RDONLY)
os.fsync(folder)
os.close(folder)
"""
PARALLEL_FLOOR = """
import os, sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
source, into = Path(sys.argv[1]), Path(sys.argv[2])
into.mkdir(parents=True, exist_ok=True)
def stage(path):
    temporary = into / (path.name + ".tmp")
    with open(temporary, "wb") as handle:
        handle.write(path.read_bytes())
        handle.flush()
        os.fsync(handle.fileno())
    return temporary, into / path.name
with ThreadPoolExecutor(8) as pool:
    for temporary, target in pool.map(stage, sorted(source.glob("*.toml"))):
        os.replace(temporary, target)
folder = os.open(into, os.O_RDONLY)
os.fsync(folder)
os.close(folder)
"""
ENQUETE = """
import sys
from enquete.cli import main
sys.stdout = open("/dev/null", "w")
main(["merge", sys.argv[1], "--into", sys.argv[2]])
"""
COUNTING = """
import os, sys
calls = [0]
real = os.fsync
def counted(fd):
    calls[0] += 1
    return real(fd)
os.fsync = counted
sys.argv = sys.argv[1:]
exec(compile(CODE, "<bench>", "exec"))
print(calls[0], file=sys.stderr)
"""


def timed(code: str, source: Path, into: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(source), str(into)], check=True)
    return time.perf_counter() - start


def fsyncs(code: str, source: Path, into: Path) -> int:
    wrapper = COUNTING.replace("CODE", repr(code))
    result = subprocess.run(
        [sys.executable, "-c", wrapper, "x", str(source), str(into)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--offices", type=int, default=100)
    parser.add_argument("--revisions", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="enquete-bench-") as tmp:
        work = Path(tmp)
        source = work / "inbox"
        count = generate(source, args.offices, args.revisions)
        ours, floors, ratios, parallels, parallel_ratios = [], [], [], [], []
        for run in range(args.repeat):
            mine = timed(ENQUETE, source, work / f"enquete-{run}")
            floor = timed(FLOOR, source, work / f"floor-{run}")
            parallel = timed(PARALLEL_FLOOR, source, work / f"parallel-{run}")
            ours.append(mine)
            floors.append(floor)
            ratios.append(mine / floor)
            parallels.append(parallel)
            parallel_ratios.append(mine / parallel)
        our_syncs = fsyncs(ENQUETE, source, work / "enquete-count")
        floor_syncs = fsyncs(FLOOR, source, work / "floor-count")
    per = 1000 / count
    print(
        f"| `merge` {count:,} files into an empty folder | {statistics.median(ours):.2f} s "
        f"| write-once floor {statistics.median(floors):.2f} s | {statistics.median(ratios):.2f}x; "
        f"{our_syncs * per:,.0f} fsyncs per 1,000 files vs {floor_syncs * per:,.0f} |"
    )
    print(
        f"| same | | the floor with 8 staging threads, as enquete stages, "
        f"{statistics.median(parallels):.2f} s | {statistics.median(parallel_ratios):.2f}x |"
    )


if __name__ == "__main__":
    main()
