"""The monkey test: thousands of random keys and pastes, fixed seeds, over every screen and dialog.

It asserts no exception escapes and that, once the app settles, the drafts
on disk are what the sessions hold. Bugs it found are pinned in
`test_monkey_regressions.py`. `benchmarks/monkey_soak.py` runs it for
minutes with random seeds.
"""

import pytest

from tests.ui.conftest import AppFactory
from tests.ui.monkey import Monkey

KEYS_PER_RUN = 300


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_monkey_from_home(make_app: AppFactory, seed: int, sample_responses: object) -> None:
    await Monkey(make_app, seed, KEYS_PER_RUN, mode="home").run()


@pytest.mark.parametrize("seed", [11, 12])
async def test_monkey_while_filling(make_app: AppFactory, seed: int) -> None:
    await Monkey(make_app, seed, KEYS_PER_RUN, mode="fill").run()


@pytest.mark.parametrize("seed", [21, 22])
async def test_monkey_on_results(make_app: AppFactory, seed: int, sample_responses: object) -> None:
    await Monkey(make_app, seed, 150, mode="results").run()


@pytest.mark.parametrize("seed", [31, 32])
async def test_monkey_on_one_line_fields(seed: int) -> None:
    """Issue 12's one-line text, number and Enter-goes-on under the monkey (its pastes are multi-line)."""
    from typing import Any

    from tests.ui.test_one_line_text import one_line_app

    def build(language: str | None = "en", mode: str = "fill", **_: Any) -> Any:
        return one_line_app(language or "en")

    await Monkey(build, seed, KEYS_PER_RUN, mode="fill").run()
