"""Fixtures shared by the terminal tests."""

from tests.e2e.test_terminal import terminal  # noqa: F401 - the tmux terminal fixture
