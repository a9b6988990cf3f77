"""House-style entries are checked when the config loads, and a runaway pattern cannot hang a run."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newslint.config import ConfigError, load_settings
from newslint.lint import Linter


def _settings(tmp_path: Path, toml: str):
    path = tmp_path / "newslint.toml"
    path.write_text(toml, encoding="utf-8")
    return load_settings(path)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[rules.preferred-term]\nterms = [{ use = "Kyiv", instead-of = "Kiev", '
            'examples = [{ from = "in Kiev", to = "in Kiev!" }] }]',
            "terms[0].examples[0]: 'in Kiev' becomes 'in Kyiv', not 'in Kiev!'",
        ),
        ('[rules.preferred-term]\nterms = [{ use = "Kyiv" }]', "terms[0]: missing 'instead-of'"),
        (
            '[rules.preferred-term]\nterms = [{ use = "Kyiv", instead-of = "Kiev", spelling = "x" }]',
            "unknown key 'spelling'",
        ),
        (
            '[rules.preferred-term]\nterms = [{ use = "Kyiv", instaed-of = "Kiev" }]',
            "unknown key 'instaed-of'; did you mean 'instead-of'?",
        ),
        (
            '[rules.preferred-term]\nterms = [{ use = "the Kiev office", instead-of = "Kiev" }]',
            "so the fix would never end",
        ),
        (
            '[rules.banned-term]\nterms = [{ term = "slammed", examples = [{ from = "He slam-dunked." }] }]',
            "does not match it",
        ),
        (
            '[rules.house-pattern]\npatterns = [{ pattern = "(" }]',
            "patterns[0].pattern: not a valid regular expression",
        ),
        (
            '[rules.house-pattern]\npatterns = [{ pattern = "a(b)", replace = "\\\\2" }]',
            "the pattern has no group '2'",
        ),
        ('[rules.house-pattern]\npatterns = [{ pattern = "a", flags = "q" }]', "unknown flag 'q'"),
        ("[rules.house-pattern]\ntimeout = 0\npatterns = []", "timeout: expected seconds between 0 and 60"),
    ],
)
def test_bad_entries_name_the_key(tmp_path: Path, toml: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        _settings(tmp_path, toml)
    assert message in str(info.value)
    assert "newslint.toml" in str(info.value)


def test_runaway_pattern_is_skipped_within_its_time_limit(tmp_path: Path) -> None:
    settings = _settings(
        tmp_path,
        '[rules.house-pattern]\ntimeout = 0.1\npatterns = [{ pattern = "(x+x+)+y" }, { pattern = "end" }]',
    )
    linter = Linter(settings, "story.txt", select=["NL603"])
    started = time.monotonic()
    found = linter.violations("Head\n\n" + "x" * 5000 + " the end\n")
    assert time.monotonic() - started < 30  # without the limit this pattern would run for ages
    assert [v.message for v in found][0].startswith(
        f"{tmp_path.resolve() / 'newslint.toml'}: rules.house-pattern.patterns[0]: "
        "pattern timed out after 0.1 s on story.txt"
    )
    assert any(v.message.startswith("'end'") for v in found)
