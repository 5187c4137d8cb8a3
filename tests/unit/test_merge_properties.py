"""Issue 10, as properties: whatever arrives, in whatever order, merge loses nothing and settles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enquete.merge import Outcome, merge
from enquete.storage.responses import load_valid_response
from tests.unit.inbox_kit import response_bytes
from tests.unit.test_faults import SURVEY

START = datetime(2025, 5, 1, tzinfo=UTC)
ARRIVAL = st.tuples(
    st.sampled_from(["AU", "BR"]),
    st.sampled_from(["id-1", "id-2"]),
    st.integers(1, 4),
    st.integers(0, 72),
    st.sampled_from(["one", "two"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    batches=st.lists(st.lists(ARRIVAL, min_size=1, max_size=5), min_size=1, max_size=3), replace=st.booleans()
)
def test_nothing_written_is_ever_lost_and_a_second_merge_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory,
    batches: list[list[tuple[str, str, int, int, str]]],
    replace: bool,
) -> None:
    root = tmp_path_factory.mktemp("prop")
    into = root / "responses"
    written: set[bytes] = set()
    for number, batch in enumerate(batches):
        inbox = root / f"inbox{number}"
        inbox.mkdir()
        for index, (key, rid, revision, hours, text) in enumerate(batch):
            saved = START + timedelta(hours=hours)
            data = response_bytes(key, rid, revision=revision, saved=saved, proposals=text)
            (inbox / f"{index}.toml").write_bytes(data)
        steps = merge([inbox], into, SURVEY, replace=replace)
        assert len(steps) == len(batch)
        for step in steps:
            if step.outcome in (Outcome.IMPORTED, Outcome.REPLACED):
                written.add((inbox / step.name).read_bytes())
        before = {p: p.read_bytes() for p in into.rglob("*.toml")}
        again = merge([inbox], into, SURVEY, replace=replace)
        assert not [s for s in again if s.outcome in (Outcome.IMPORTED, Outcome.REPLACED)], "settled"
        assert {p: p.read_bytes() for p in into.rglob("*.toml")} == before
    kept = {p.read_bytes() for p in into.rglob("*.toml")}
    assert written <= kept, "every file merge wrote is current or in history"
    for path in into.rglob("*.toml"):
        load_valid_response(path, SURVEY)
