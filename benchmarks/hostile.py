"""How long each hostile shape takes to be judged, against a plain 1 MB valid-shaped file.

Every shape of tests/unit/test_bounded_readers.py (and the hostile corpus)
goes through what `check` does (read, decode, guard, parse, validate), best
of `--repeat` runs. The baseline is tomllib parsing a 1 MB file of ordinary
keys: what any reader must pay for the largest file accepted. It prints each
shape's time and ratio, slowest first, and exits 1 if any shape takes over
2 s. Usage:

    python benchmarks/hostile.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from enquete.storage.questionnaire_file import load_questionnaire  # noqa: E402
from enquete.verdicts import check_response_file  # noqa: E402
from tests.unit.test_bounded_readers import HOSTILE_SHAPES  # noqa: E402

LIMIT_SECONDS = 2.0


def best(action: object, repeat: int) -> float:
    assert callable(action)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    survey = load_questionnaire(ROOT / "questionnaire.toml")
    shapes = {name: data for name, (data, _reason) in HOSTILE_SHAPES.items()}
    shapes |= {
        f"corpus {p.name}": p.read_bytes() for p in sorted((ROOT / "tests/fixtures/hostile").glob("*.toml"))
    }
    baseline_text = "".join(f"key_{i} = 'value {i}'\n" for i in range(40_000))  # about 1 MB
    baseline = best(lambda: tomllib.loads(baseline_text), args.repeat)
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "shape.toml"
        for name, data in shapes.items():
            path.write_bytes(data)
            timings.append((best(lambda: check_response_file(path, survey), args.repeat), name, len(data)))
    timings.sort(reverse=True)
    print(f"baseline: tomllib on 1 MB of plain keys: {baseline * 1000:.1f} ms")
    print(f"{'shape':<48} {'bytes':>10} {'ms':>8} {'x baseline':>10}")
    for seconds, name, size in timings:
        print(f"{name[:48]:<48} {size:>10,} {seconds * 1000:>8.1f} {seconds / baseline:>10.2f}")
    slowest = timings[0]
    print(f"slowest: {slowest[1]}: {slowest[0]:.3f} s ({slowest[0] / baseline:.2f}x baseline)")
    return 0 if slowest[0] <= LIMIT_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
