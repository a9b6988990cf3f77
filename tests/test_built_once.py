"""`tests.conftest.built_once`: the slow fixtures shared by the xdist workers are built once a run
and read back equal; a build that fails leaves nothing behind."""

from __future__ import annotations

import pytest

from tests.conftest import built_once


def test_a_value_is_built_once_and_read_back_equal(tmp_path_factory):
    calls = []

    def build() -> dict[str, list[int]]:
        calls.append(1)
        return {"built": [1, 2, 3]}

    first = built_once(tmp_path_factory, "test-built-once", build)
    again = built_once(tmp_path_factory, "test-built-once", build)
    assert first == again == {"built": [1, 2, 3]}
    assert len(calls) == 1


def test_a_failed_build_leaves_nothing_and_the_next_caller_builds(tmp_path_factory):
    def fail() -> int:
        raise RuntimeError("no corpora")

    with pytest.raises(RuntimeError):
        built_once(tmp_path_factory, "test-built-once-fails", fail)
    assert built_once(tmp_path_factory, "test-built-once-fails", lambda: 7) == 7
