"""`enquete report` against the floor a good script reaches, every baseline measured in the same run.

Each figure is the median, over `--repeat` pairs, of (enquete time / baseline
time), the two commands run one after the other in fresh processes, so a
busy machine slows both alike. Peak RSS is that of the largest process of
the run (the report or one of its workers), from wait4.

Folders (generated in a temporary folder by benchmarks/corpus.py, removed after):
    21 files (21 offices x 1), 10,000 files (100 x 100), 100,000 files (100 x 1,000)

Cache states:
    cold        ENQUETE_CACHE=off: every file read and parsed
    first run   an empty cache folder: cold, plus writing the caches
    repeat      the same report again: answered from the report memo
    other form  a repeat in another format: the per-file cache, no memo
    1% changed  a repeat after 1% of the files changed: those re-read

    python benchmarks/report.py                # everything (100,000 files take minutes to write)
    python benchmarks/report.py --skip-100k --repeat 5
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate

HERE = Path(__file__).parent
READ_BYTES = (
    "import sys\nfrom pathlib import Path\nfor p in sorted(Path(sys.argv[1]).glob('*.toml')): p.read_bytes()"
)
TOMLLIB_LOOP = (
    "import sys, tomllib\nfrom pathlib import Path\n"
    "for p in sorted(Path(sys.argv[1]).glob('*.toml')): tomllib.loads(p.read_bytes().decode())"
)
RTOML_LOOP = (
    "import sys, rtoml\nfrom pathlib import Path\n"
    "for p in sorted(Path(sys.argv[1]).glob('*.toml')): rtoml.loads(p.read_bytes().decode())"
)


def run(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of the largest process of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command} failed: {process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_maxrss


class Bench:
    def __init__(self, repeat: int) -> None:
        self.repeat = repeat
        self.rows: list[str] = []

    def pair(
        self,
        what: str,
        enquete: list[str],
        baseline: list[str],
        baseline_name: str,
        env: dict[str, str],
        before: Callable[[], None] = lambda: None,
        rss: bool = False,
    ) -> None:
        ours, theirs, ratios, our_rss, their_rss = [], [], [], [], []
        for _ in range(self.repeat):
            before()
            mine, mine_rss = run(enquete, env)
            base, base_rss = run(baseline, env)
            ours.append(mine)
            theirs.append(base)
            ratios.append(mine / base)
            our_rss.append(mine_rss)
            their_rss.append(base_rss)
        memory = ""
        if rss:
            memory = f"; peak RSS {max(our_rss) / 1024:.0f} MiB vs {max(their_rss) / 1024:.0f} MiB"
        row = (
            f"| {what} | {statistics.median(ours):.3f} s | {baseline_name} {statistics.median(theirs):.3f} s "
            f"| {statistics.median(ratios):.2f}x{memory} |"
        )
        self.rows.append(row)
        print(row, flush=True)


def report_command(folder: Path, form: str = "json") -> list[str]:
    return [sys.executable, "-m", "enquete", "report", "--format", form, "--responses", str(folder)]


def settle(folder: Path) -> None:
    """Files written a minute ago: caches never remember files modified in the last seconds."""
    past = time.time() - 60
    for path in folder.iterdir():
        os.utime(path, (past, past))


def bench_folder(bench: Bench, folder: Path, label: str, work: Path, full: bool) -> None:
    base_env = dict(os.environ)
    cold = {**base_env, "ENQUETE_CACHE": "off"}
    two_process = [sys.executable, str(HERE / "baseline_rtoml.py"), str(folder)]
    read_bytes = [sys.executable, "-c", READ_BYTES, str(folder)]
    big = label != "21 files"
    bench.pair(
        f"{label}, cold (no cache)", report_command(folder), two_process, "2-process rtoml", cold, rss=big
    )
    if full:
        rtoml_loop = [sys.executable, "-c", RTOML_LOOP, str(folder)]
        tomllib_loop = [sys.executable, "-c", TOMLLIB_LOOP, str(folder)]
        bench.pair(f"{label}, cold", report_command(folder), rtoml_loop, "rtoml loop, 1 process", cold)
        bench.pair(f"{label}, cold", report_command(folder), tomllib_loop, "tomllib loop, 1 process", cold)
        bench.pair(f"{label}, cold", report_command(folder), read_bytes, "reading the bytes", cold)
    if not big:
        tomllib = [sys.executable, "-c", "import tomllib"]
        bench.pair(f"{label}, cold (no cache)", report_command(folder), tomllib, "import tomllib", cold)
    counter = iter(range(10**6))

    def empty_cache() -> None:
        base_env["ENQUETE_CACHE_DIR"] = str(work / f"cache-{next(counter)}")

    first_env = base_env  # ENQUETE_CACHE_DIR is replaced before each run
    bench.pair(
        f"{label}, first run (empty cache)",
        report_command(folder),
        two_process,
        "2-process rtoml",
        first_env,
        empty_cache,
    )
    warm = {**base_env, "ENQUETE_CACHE_DIR": str(work / "warm")}
    run(report_command(folder), warm)
    run(report_command(folder, "md"), warm)
    baseline, name = (
        (read_bytes, "reading the bytes")
        if big
        else ([sys.executable, "-c", "import tomllib"], "import tomllib")
    )
    bench.pair(f"{label}, repeat (report memo)", report_command(folder), baseline, name, warm, rss=big)
    if big:
        bench.pair(
            f"{label}, repeat (report memo)", report_command(folder), two_process, "2-process rtoml", warm
        )

        def forget_md_memo() -> None:
            for memo in (work / "warm").glob("*.md.*report"):
                memo.unlink()

        bench.pair(
            f"{label}, repeat in md (file cache only)",
            report_command(folder, "md"),
            read_bytes,
            name,
            warm,
            forget_md_memo,
        )
        files = sorted(folder.iterdir())
        step = iter(range(1, 10**6))

        def change_one_percent() -> None:
            moment = time.time() - 30 - next(step)
            for path in files[::100]:
                os.utime(path, (moment, moment))

        bench.pair(
            f"{label}, repeat after 1% changed",
            report_command(folder),
            read_bytes,
            name,
            warm,
            change_one_percent,
        )


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({model}), "
        f"Python {platform.python_version()}, load average {load:.2f} at start"
    )


def byte_compile() -> None:
    """Compile enquete's modules first, as installing a wheel does.

    Some shells set PYTHONDONTWRITEBYTECODE (this machine's did): then every
    run of a checkout compiled its ~50 modules again, some 0.05-0.1 s that no
    installed enquete pays and the baselines (stdlib and rtoml only) never do.
    Python still reads .pyc files under that setting, so compiling once fixes it.
    """
    import compileall

    import enquete

    compileall.compile_dir(Path(enquete.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-100k", action="store_true")
    parser.add_argument("--sizes", default="21,10000,100000", help="which folders (of 21, 10000, 100000)")
    args = parser.parse_args()
    byte_compile()
    print(machine())
    print("| what | enquete | baseline | ratio |\n|---|---|---|---|")
    bench = Bench(args.repeat)
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.skip_100k:
        sizes = [s for s in sizes if s != 100_000]
    shapes = {21: (21, 1), 10_000: (100, 100), 100_000: (100, 1000)}
    for size in sizes:
        offices, revisions = shapes[size]
        with tempfile.TemporaryDirectory(prefix="enquete-bench-") as tmp:
            work = Path(tmp)
            folder = work / "responses"
            generate(folder, offices, revisions)
            settle(folder)
            label = f"{size:,} files" if size != 21 else "21 files"
            bench_folder(bench, folder, label, work, full=size == 10_000)


if __name__ == "__main__":
    main()
