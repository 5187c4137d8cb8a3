"""Soak the app with the monkey for minutes: random seeds, every start mode; print any failing seed.

    python benchmarks/monkey_soak.py --minutes 10 [--keys 800]

Each round runs in a fresh empty folder (with the sample responses copied in
for the home and results modes). A failure prints its seed and mode; replay
it with `--seed N --mode MODE`, then pin it as a regression test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_app_factory() -> object:
    from enquete.storage.questionnaire_file import read_questionnaire_data
    from enquete.ui.app import EnqueteApp

    path, data = read_questionnaire_data(ROOT / "questionnaire.toml")

    def build(language: str | None = "en", mode: str = "home", office: str | None = None) -> EnqueteApp:
        return EnqueteApp(
            data, Path("responses"), source=str(path), language=language, mode=mode, office=office
        )  # type: ignore[arg-type]

    return build


async def one_round(seed: int, mode: str, keys: int) -> None:
    from tests.ui.monkey import Monkey

    folder = Path(tempfile.mkdtemp(prefix="enquete-soak-"))
    os.environ["ENQUETE_CONFIG_DIR"] = str(folder / "config")
    previous = Path.cwd()
    os.chdir(folder)
    try:
        if mode != "fill":
            shutil.copytree(ROOT / "tests/fixtures/sample", folder / "responses")
        await Monkey(make_app_factory(), seed, keys, mode=mode).run()
    finally:
        os.chdir(previous)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--keys", type=int, default=800)
    parser.add_argument("--seed", type=int, help="replay one seed")
    parser.add_argument("--mode", choices=["home", "fill", "results"])
    args = parser.parse_args()
    if args.seed is not None:
        asyncio.run(one_round(args.seed, args.mode or "home", args.keys))
        print(f"seed {args.seed} ({args.mode or 'home'}): ok")
        return 0
    deadline = time.monotonic() + args.minutes * 60
    rounds = failures = sent = 0
    modes = ["home", "fill", "home", "fill", "results"]
    while time.monotonic() < deadline:
        seed, mode = random.randrange(1_000_000), modes[rounds % len(modes)]
        rounds += 1
        try:
            asyncio.run(one_round(seed, mode, args.keys))
            sent += args.keys
        except Exception as error:
            failures += 1
            print(f"FAILED seed {seed} mode {mode}: {type(error).__name__}: {str(error)[:300]}", flush=True)
            traceback.print_exc(limit=3)
    print(f"{rounds} rounds, about {sent} keys, {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
