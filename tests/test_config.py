"""Configuration: discovery, extend chains, validation messages that name file and key."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import ConfigError, find_config_file, load_settings
from newslint.lint import Linter
from newslint.runner import ConfigResolver


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_file_wins(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nlocale = "en-US"\n')
    write(tmp_path / "desk/newslint.toml", 'locale = "en-GB"\n')
    write(tmp_path / "desk/sport/.newslint.toml", 'locale = "en-AU"\n')
    resolver = ConfigResolver()
    assert resolver.for_path(tmp_path / "story.txt").locale == "en-US"
    assert resolver.for_path(tmp_path / "desk/story.txt").locale == "en-GB"
    assert resolver.for_path(tmp_path / "desk/sport/story.txt").locale == "en-AU"


def test_pyproject_without_a_newslint_table_is_skipped(tmp_path):
    write(tmp_path / "newslint.toml", 'style = "ap"\n')
    write(tmp_path / "desk/pyproject.toml", "[tool.black]\nline-length = 80\n")
    assert find_config_file(tmp_path / "desk") == tmp_path / "newslint.toml"


def test_extend_chain_overrides_the_base(tmp_path):
    write(tmp_path / "base.toml", 'style = "ap"\nlocale = "en-US"\nignore = ["NL303"]\n')
    config = write(tmp_path / "desk/newslint.toml", 'extend = "../base.toml"\nlocale = "en-GB"\n')
    settings = load_settings(config)
    assert (settings.style, settings.locale, settings.ignore) == ("ap", "en-GB", ["NL303"])
    assert settings.origins["style"].endswith("base.toml") and settings.origins["locale"].endswith("newslint.toml")


@pytest.mark.parametrize("text, message", [
    ('colour = "red"\n', "unknown key 'colour'"),
    ('locale = "fr-FR"\n', "locale: 'fr-FR' is not one of en-US, en-GB, en-CA, en-AU"),
    ('style = "nyt"\n', "style: 'nyt' is not one of"),
    ('select = ["NL1", "XX9"]\n', "select: unknown rule selector 'XX9'"),
    ('select = "NL1\n', "invalid TOML"),
    ('[rules.no-such-rule]\nx = 1\n', "rules.no-such-rule: no rule named 'no-such-rule'"),
    ('[rules.quote-style-mix]\nprefer = "fancy"\n', "rules.quote-style-mix: prefer: 'fancy' is not"),
    ('[rules.quote-style-mix]\nprefered = "curly"\n', "rules.quote-style-mix: unknown option 'prefered'"),
    ('[rules.quote-style-mix]\nprefer = 3\n', "rules.quote-style-mix.prefer: expected str"),
    ('max-file-size = "big"\n', "max-file-size: expected int"),
    ('vocabulary = { words = ["x"] }\n', "vocabulary: unknown key 'words'"),
    ('extend = "missing.toml"\n', "extend: no such file"),
])
def test_errors_name_the_file_and_the_key(tmp_path, text, message):
    config = write(tmp_path / "newslint.toml", text)
    with pytest.raises(ConfigError) as err:
        load_settings(config)
    assert str(err.value).startswith(str(config)) or str(config) in str(err.value)
    assert message in str(err.value)


def test_per_file_ignores_exclude_and_include(tmp_path):
    config = write(tmp_path / "newslint.toml",
                   'extend-exclude = ["archive/"]\ninclude = ["*.txt", "*.story"]\n\n'
                   '[per-file-ignores]\n"sport/**" = ["NL1"]\n')
    settings = load_settings(config)
    assert settings.ignores_for(str(tmp_path / "sport/a.txt")) == ["NL1"]
    assert settings.ignores_for(str(tmp_path / "news/a.txt")) == []
    assert settings.is_excluded(tmp_path / "archive")
    assert settings.is_included(tmp_path / "x.story") and not settings.is_included(tmp_path / "x.md")
    codes = {type(r).code for r in Linter(settings, str(tmp_path / "sport/a.txt")).rules}
    assert not any(code.startswith("NL1") for code in codes)


def test_vocabulary_inline_and_from_a_file(tmp_path):
    write(tmp_path / "names.txt", "# desk names\nZelenskyy\nRinladi\n")
    config = write(tmp_path / "newslint.toml", 'vocabulary = { accept = ["polcie"], files = ["names.txt"] }\n')
    settings = load_settings(config)
    assert settings.vocabulary == {"polcie", "Zelenskyy", "Rinladi"}
    linter = Linter(settings, "a.txt")
    assert not [v for v in linter.violations("The polcie came.\n") if v.code == "NL101"]


def test_rule_options_reach_the_rule(tmp_path):
    config = write(tmp_path / "newslint.toml", '[rules.quote-style-mix]\nprefer = "curly"\n')
    linter = Linter(load_settings(config), "a.txt", select=["NL510"])
    assert linter.fix("It's the regime’s choice.\n").text == "It’s the regime’s choice.\n"


def test_severity_and_unsafe_fixes_keys(tmp_path):
    config = write(tmp_path / "newslint.toml", 'unsafe-fixes = true\n[severity]\nNL103 = "warning"\n')
    settings = load_settings(config)
    linter = Linter(settings, "a.txt", select=["NL103"])
    [v] = linter.violations("The chairman chairman left.\n")
    assert linter.diagnostic(v).severity.value == "warning"
    assert settings.unsafe_fixes
