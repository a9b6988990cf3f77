"""NEWSLINT_UPDATE_CASES=1: the harness rewrites a case's pinned fields and nothing else."""

from __future__ import annotations

import tomllib

import pytest

from . import harness

CASE_FILE = """\
rule = "NL103"

# a comment the rewrite keeps
[[case]]
name = "stale"
text = "He said the the talks failed.\\n"
violations = [{ line = 1, column = 9, fix = "safe" }]  # pins from before (a wrong column too)

[[case]]
name = "untouched"
text = "No\\u00a0change here.\\n"
violations = []
"""


@pytest.fixture
def case_dir(tmp_path, monkeypatch):
    (tmp_path / "NL103-doubled-word.toml").write_text(CASE_FILE, encoding="utf-8")
    monkeypatch.setattr(harness, "CASES_DIR", tmp_path)
    monkeypatch.setattr(harness, "UPDATE", True)
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    return tmp_path


def test_update_pins_every_field_and_keeps_the_layout(case_dir):
    stale, untouched = harness.load_cases(case_dir)
    harness.check_case(stale)  # would fail without UPDATE: the pins lack message, end and title
    harness.check_case(untouched)
    written = (case_dir / "NL103-doubled-word.toml").read_text(encoding="utf-8")
    assert "# a comment the rewrite keeps" in written
    assert "]  # pins from before" in written
    assert 'text = "No\\u00a0change here.\\n"' in written  # the untouched case is as it was
    (case,) = [c for c in tomllib.loads(written)["case"] if c["name"] == "stale"]
    (pinned,) = case["violations"]
    assert set(pinned) == set(harness.PINNED_KEYS)
    assert (pinned["line"], pinned["column"], pinned["end-line"], pinned["fix"]) == (1, 13, 1, "safe")
    assert pinned["end-column"] > pinned["column"]
    assert pinned["message"] and pinned["fix-title"]
    assert case["fixed"] == "He said the talks failed.\n"  # written: it differs from the text
    assert "fixed-unsafe" not in case  # the same as `fixed`: left to its default
    assert harness.load_cases(case_dir)[0].violations == [pinned]


def test_without_update_a_stale_pin_fails_with_the_difference(case_dir, monkeypatch):
    monkeypatch.setattr(harness, "UPDATE", False)
    stale = harness.load_cases(case_dir)[0]
    with pytest.raises(AssertionError, match="NEWSLINT_UPDATE_CASES=1"):
        harness.check_case(stale)


def test_strings_that_cannot_be_seen_are_written_as_escapes():
    assert harness._toml_string('a\u00a0"b"\\\n\u200b') == '"a\\u00a0\\"b\\"\\\\\\n\\u200b"'
    written = harness._toml_string("x\u00a0y")
    assert tomllib.loads(f"v = {written}")["v"] == "x\u00a0y"
