"""The floors under issue 13's cold goals: what any report pays before doing its own work.

Two of issue 13's goals compare a cold `enquete report` (no cache) with
scripts that validate nothing. This measures, in the same run and paired like
report.py, the least a report can cost under enquete's stack (pydantic v2
models) and its report contract (every file validated: an invalid superseded
revision is listed as rejected, docs/report-format.md):

- **start-up floor**, against the 21-file goal (≤3x `python -c "import tomllib"`):
  a single pydantic model of one field (the least that validating anything
  with pydantic costs), then enquete's model classes alone (what validating
  a questionnaire or a response needs), with no file read at all;
- **10,000-file floor**, against the ≤1.0x goal: the 2-process rtoml
  baseline itself, plus enquete's model imported in the parent while the two
  workers parse (overlapped, the most favourable case), and no validation of
  any file. Any real report does at least this much.

If a floor is already above the goal, the goal cannot be met while the model
is pydantic and every file is validated; the figure says by how much.

    python benchmarks/floor.py --repeat 9
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate
from report import Bench, byte_compile, machine, settle

HERE = Path(__file__).parent
BASELINE = HERE / "baseline_rtoml.py"
OVERLAPPED = """
import sys
sys.path.insert(0, sys.argv[2])
import baseline_rtoml
from multiprocessing import get_context
from pathlib import Path

files = sorted(str(p) for p in Path(sys.argv[1]).glob("*.toml"))
with get_context("fork").Pool(2) as pool:
    parts = pool.map_async(baseline_rtoml.newest, [files[0::2], files[1::2]])
    import enquete.model.questionnaire  # the model a validating report needs, loaded meanwhile
    parts.get()
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    byte_compile()
    print(machine())
    print("| floor | it | baseline | ratio |\n|---|---|---|---|")
    bench = Bench(args.repeat)
    env = dict(os.environ)
    tomllib = [sys.executable, "-c", "import tomllib"]
    one_model = "from pydantic import BaseModel\nclass Header(BaseModel):\n    revision: int\n"
    bench.pair(
        "one pydantic model of one field", [sys.executable, "-c", one_model], tomllib, "import tomllib", env
    )
    bench.pair(
        "enquete's model classes",
        [sys.executable, "-c", "import enquete.model.questionnaire, enquete.model.response"],
        tomllib,
        "import tomllib",
        env,
    )
    with tempfile.TemporaryDirectory(prefix="enquete-bench-") as tmp:
        folder = Path(tmp) / "responses"
        generate(folder, 100, 100)
        settle(folder)
        bench.pair(
            "10,000 files: the baseline + the model loaded meanwhile, no validation",
            [sys.executable, "-c", OVERLAPPED, str(folder), str(HERE)],
            [sys.executable, str(BASELINE), str(folder)],
            "2-process rtoml",
            env,
        )


if __name__ == "__main__":
    main()
