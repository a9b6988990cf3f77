"""Configuration: discovery, `extend`, every key, errors that name the file and key, and
`newslint config`. The CLI runs in-process (typer's CliRunner) for speed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newslint.cli import app
from newslint.config import DEFAULT_EXCLUDE, ConfigError, Settings, _spec, find_config_file, load_settings
from newslint.lint import Linter
from newslint.violation import Severity
from tests.depth import examples

RUNNER = CliRunner()
DOUBLED = "Talks resume\n\nThe the talks resumed on Monday.\n"  # NL103 doubled-word


def cli(args, cwd: Path, input: str | None = None):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = RUNNER.invoke(app, args, input=input, env={"NO_COLOR": "1"})
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- discovery -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, body",
    [
        ("newslint.toml", 'locale = "en-GB"\n'),
        (".newslint.toml", 'locale = "en-GB"\n'),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.newslint]\nlocale = "en-GB"\n'),
    ],
)
def test_nearest_config_file_is_found(tmp_path, name, body):
    write(tmp_path / name, body)
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config_file(deep) == tmp_path / name
    assert load_settings(find_config_file(deep)).locale == "en-GB"


def test_pyproject_without_a_newslint_table_is_passed_over(tmp_path):
    write(tmp_path / "newslint.toml", 'locale = "en-AU"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config_file(tmp_path / "sub") == tmp_path / "newslint.toml"


def test_the_nearest_file_wins_per_checked_file(tmp_path):
    write(tmp_path / "newslint.toml", 'ignore = ["NL103"]\n')
    write(tmp_path / "desk" / "newslint.toml", 'select = ["NL103"]\n')
    write(tmp_path / "top.txt", DOUBLED)
    write(tmp_path / "desk" / "story.txt", DOUBLED)
    code, out, _ = cli(["check", "."], tmp_path)
    assert code == 1
    assert "desk/story.txt:3:5: NL103" in out
    assert "top.txt" not in out


def test_each_kind_of_path_gets_the_config_of_its_folder(tmp_path):
    """A plain file, a folder, a link to a file or a folder (the config beside what it names) and
    a path that is not there: the settings of the folder each belongs to."""
    from newslint.runner import ConfigResolver

    write(tmp_path / "newslint.toml", 'locale = "en-AU"\n')
    write(tmp_path / "desk" / "newslint.toml", 'locale = "en-GB"\n')
    write(tmp_path / "desk" / "story.txt", DOUBLED)
    write(tmp_path / "top.txt", DOUBLED)
    (tmp_path / "link.txt").symlink_to(tmp_path / "desk" / "story.txt")
    (tmp_path / "desk" / "up.txt").symlink_to(tmp_path / "top.txt")
    (tmp_path / "desk-link").symlink_to(tmp_path / "desk")
    resolver = ConfigResolver()
    locales = {
        name: resolver.for_path(tmp_path / name).locale
        for name in ("top.txt", "desk", "desk/story.txt", "link.txt", "desk/up.txt", "desk-link", "gone.txt")
    }
    assert locales == {
        "top.txt": "en-AU",
        "desk": "en-GB",
        "desk/story.txt": "en-GB",
        "link.txt": "en-GB",
        "desk/up.txt": "en-AU",
        "desk-link": "en-GB",
        "gone.txt": "en-AU",
    }


def test_config_option_names_one_file_for_the_whole_run(tmp_path):
    write(tmp_path / "newslint.toml", 'ignore = ["NL103"]\n')
    write(tmp_path / "other.toml", 'select = ["NL103"]\n')
    write(tmp_path / "story.txt", DOUBLED)
    assert cli(["check", "story.txt"], tmp_path)[0] == 0
    assert cli(["check", "story.txt", "--config", "other.toml"], tmp_path)[0] == 1


# --- extend --------------------------------------------------------------------------------
def test_extend_chains_and_the_nearer_file_overrides(tmp_path):
    write(tmp_path / "base.toml", 'locale = "en-US"\nstyle = "ap"\nignore = ["NL501"]\n')
    write(tmp_path / "mid.toml", 'extend = "base.toml"\nstyle = "reuters"\n')
    write(tmp_path / "desk" / "newslint.toml", 'extend = "../mid.toml"\nlocale = "en-GB"\n')
    settings = load_settings(tmp_path / "desk" / "newslint.toml")
    assert (settings.locale, settings.style, settings.ignore) == ("en-GB", "reuters", ["NL501"])
    assert settings.origins["locale"].endswith("desk/newslint.toml")
    assert settings.origins["style"].endswith("mid.toml")
    assert settings.origins["ignore"].endswith("base.toml")


def test_extend_merges_rule_options(tmp_path):
    write(tmp_path / "base.toml", '[rules.quote-style-mix]\nprefer = "curly"\n')
    write(tmp_path / "newslint.toml", 'extend = "base.toml"\nlocale = "en-GB"\n')
    assert load_settings(tmp_path / "newslint.toml").rules == {"quote-style-mix": {"prefer": "curly"}}


def test_circular_extend_is_an_error(tmp_path):
    write(tmp_path / "a.toml", 'extend = "b.toml"\n')
    write(tmp_path / "b.toml", 'extend = "a.toml"\n')
    with pytest.raises(ConfigError, match="circular"):
        load_settings(tmp_path / "a.toml")


# --- every key ------------------------------------------------------------------------------
def test_every_key_is_read(tmp_path):
    write(tmp_path / "names.txt", "# desk names\nZelenskyy\n\nDeir ez-Zor\n")
    write(
        tmp_path / "newslint.toml",
        """
select = ["NL1", "typography"]
extend-select = ["NL502"]
ignore = ["unknown-word"]
exclude = ["archive/"]
extend-exclude = ["drafts/"]
include = ["*.txt", "*.story"]
locale = "en-gb"
style = "AP"
vocabulary = { accept = ["Kyiv"], files = ["names.txt"] }
unsafe-fixes = true
fallback-encoding = "none"
max-file-size = 1000

[severity]
NL103 = "warning"

[per-file-ignores]
"sport/*.txt" = ["NL201"]

[rules.quote-style-mix]
prefer = "straight"

[rules.grammar]
server = "http://localhost:8081"
picky = true
""",
    )
    s = load_settings(tmp_path / "newslint.toml")
    assert s.select == ["NL1", "typography"] and s.extend_select == ["NL502"] and s.ignore == ["unknown-word"]
    assert s.exclude == ["archive/"] and s.extend_exclude == ["drafts/"] and s.include == ["*.txt", "*.story"]
    assert (s.locale, s.style) == ("en-GB", "ap")
    assert s.vocabulary == {"Kyiv", "Zelenskyy", "Deir ez-Zor"}
    assert s.unsafe_fixes is True and s.fallback_encoding is None and s.max_file_size == 1000
    assert s.severity == {"NL103": Severity.WARNING}
    assert s.per_file_ignores == {"sport/*.txt": ["NL201"]}
    assert s.rules == {
        "quote-style-mix": {"prefer": "straight"},
        "grammar": {"server": "http://localhost:8081", "picky": True},
    }
    assert s.root == tmp_path.resolve()


def test_vocabulary_inline_list(tmp_path):
    write(tmp_path / "newslint.toml", 'vocabulary = ["Zelenskyy", "Kyiv"]\n')
    assert load_settings(tmp_path / "newslint.toml").vocabulary == {"Zelenskyy", "Kyiv"}


def test_vocabulary_file_is_relative_to_the_config_that_names_it(tmp_path):
    write(tmp_path / "shared" / "words.txt", "Gazprom\n")
    write(tmp_path / "shared" / "base.toml", 'vocabulary = { files = ["words.txt"] }\n')
    write(tmp_path / "desk" / "newslint.toml", 'extend = "../shared/base.toml"\n')
    assert load_settings(tmp_path / "desk" / "newslint.toml").vocabulary == {"Gazprom"}


def test_per_file_ignores_match_globs_relative_to_the_config(tmp_path):
    write(tmp_path / "newslint.toml", '[per-file-ignores]\n"sport/**" = ["NL103"]\n')
    write(tmp_path / "sport" / "match.txt", DOUBLED)
    write(tmp_path / "news" / "talks.txt", DOUBLED)
    code, out, _ = cli(["check", "."], tmp_path)
    assert code == 1 and "news/talks.txt" in out and "sport/match.txt" not in out
    settings = load_settings(tmp_path / "newslint.toml")
    assert settings.ignores_for(str(tmp_path / "sport" / "match.txt")) == ["NL103"]
    assert settings.ignores_for(str(tmp_path / "news" / "talks.txt")) == []


def test_exclude_and_include_globs(tmp_path):
    write(tmp_path / "newslint.toml", 'exclude = ["archive/"]\ninclude = ["*.story"]\n')
    for name in ("a.story", "b.txt", "archive/c.story"):
        write(tmp_path / name, DOUBLED)
    code, out, _ = cli(["check", "."], tmp_path)
    assert code == 1
    assert "a.story" in out and "b.txt" not in out and "archive" not in out


def test_excluded_file_named_on_the_command_line_is_still_checked(tmp_path):
    # As in ruff without --force-exclude: naming a file is a request to check it.
    write(tmp_path / "newslint.toml", 'exclude = ["archive/"]\n')
    write(tmp_path / "archive" / "old.txt", DOUBLED)
    assert cli(["check", "archive/old.txt"], tmp_path)[0] == 1


def test_settings_select_and_severity_reach_the_linter():
    settings = Settings(select=["NL103"], severity={"NL103": Severity.WARNING})
    linter = Linter(settings, "story.txt")
    assert [type(r).code for r in linter.rules] == ["NL103"]
    [v] = linter.violations(DOUBLED)
    assert linter.diagnostic(v).severity is Severity.WARNING


def test_rule_options_reach_the_rule(tmp_path):
    config = write(tmp_path / "newslint.toml", '[rules.quote-style-mix]\nprefer = "curly"\n')
    linter = Linter(load_settings(config), "a.txt", select=["NL510"])
    assert linter.fix("It's the regime’s choice.\n").text == "It’s the regime’s choice.\n"


# --- errors: one line, exit 2, the file and the key -------------------------------------------
@pytest.mark.parametrize(
    "body, key, words",
    [
        ("selcet = ['NL1']\n", "selcet", "unknown key 'selcet'; did you mean 'select'?"),
        ("select = 'NL1'\nlocale = 'en-NZ'\n", "locale", "not one of"),
        ("style = 'nyt'\n", "style", "not one of"),
        ("select = ['NL99x']\n", "select", "unknown rule selector"),
        ("ignore = [1]\n", "ignore", "expected a list of strings"),
        ("per-file-ignores = ['x']\n", "per-file-ignores", "expected a table"),
        ("unsafe-fixes = 'yes'\n", "unsafe-fixes", "expected bool"),
        ("max-file-size = true\n", "max-file-size", "expected int"),
        ("fallback-encoding = 'latin-9'\n", "fallback-encoding", "not one of"),
        ("[severity]\nNL101 = 'fatal'\n", "severity.NL101", 'not "warning" or "error"'),
        ("vocabulary = 3\n", "vocabulary", "expected a list of words"),
        ("vocabulary = { files = ['missing.txt'] }\n", "vocabulary.files", "cannot read"),
        ("vocabulary = { words = ['x'] }\n", "vocabulary", "unknown key 'words'"),
        ("[rules.no-such-rule]\nx = 1\n", "rules.no-such-rule", "no rule named"),
        (
            "[rules.quote-style-mix]\nprefered = 'curly'\n",
            "rules.quote-style-mix",
            "unknown option 'prefered'; did you mean 'prefer'?",
        ),
        (
            "[rules.quote-style-mixx]\nprefer = 'curly'\n",
            "rules.quote-style-mixx",
            "did you mean 'quote-style-mix'?",
        ),
        ("vocabulary = { acept = ['x'] }\n", "vocabulary", "unknown key 'acept'; did you mean 'accept'?"),
        ("[rules.quote-style-mix]\nprefer = 3\n", "rules.quote-style-mix.prefer", "expected str"),
        ("[rules.quote-style-mix]\nprefer = 'fancy'\n", "rules.quote-style-mix", "fancy"),
        ("extend = 'nowhere.toml'\n", "extend", "no such file"),
        ("[rules.grammar]\nserver = 'ftp://x'\n", "rules.grammar.server", "not an http"),
        ("[rules.grammar]\nservr = 'x'\n", "rules.grammar", "did you mean 'server'?"),
        ("[rules.typography]\nprefer = 'curly'\n", "rules.typography", "take different options"),
        ("languagetool = { server = 'http://x' }\n", "languagetool", "unknown key"),
        ("select = [\n", None, "invalid TOML"),
    ],
)
def test_bad_config_is_a_one_line_error_naming_file_and_key(tmp_path, body, key, words):
    write(tmp_path / "newslint.toml", body)
    write(tmp_path / "story.txt", DOUBLED)
    code, out, err = cli(["check", "story.txt"], tmp_path)
    assert code == 2, out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "newslint.toml" in lines[0] and (key is None or key in lines[0]) and words in lines[0], lines[0]
    assert "Traceback" not in err and out == ""  # stdout is for the report: nothing was checked


def test_config_error_among_several_files_stays_on_stderr(tmp_path):
    write(tmp_path / "desk" / "newslint.toml", "stlye = 'ap'\n")
    write(tmp_path / "desk" / "story.txt", DOUBLED)
    write(tmp_path / "other.txt", DOUBLED)
    code, out, err = cli(["check", "desk/story.txt", "other.txt"], tmp_path)
    assert code == 2 and len(err.splitlines()) == 1 and "unknown key 'stlye'" in err
    assert out.splitlines() == [
        "other.txt:3:5: NL103 [*] 'the' is doubled",
        "1 problem (1 fixable with --fix).",
    ]


def test_bad_pyproject_table_names_the_file(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.newslint]\nlocal = 'en-GB'\n")
    write(tmp_path / "story.txt", DOUBLED)
    code, _, err = cli(["check", "story.txt"], tmp_path)
    assert code == 2 and "pyproject.toml" in err and "'local'" in err


def test_bad_selector_on_the_command_line_exits_2(tmp_path):
    write(tmp_path / "story.txt", DOUBLED)
    code, _, err = cli(["check", "story.txt", "--select", "NLX"], tmp_path)
    assert code == 2 and "unknown rule selector 'NLX'" in err
    code, _, err = cli(["check", "story.txt", "--ignore", "doubled-wrod"], tmp_path)
    assert code == 2 and "unknown rule selector 'doubled-wrod'; did you mean 'doubled-word'?" in err


# --- newslint config --------------------------------------------------------------------------
def test_config_command_shows_resolved_settings_and_origins(tmp_path):
    write(tmp_path / "base.toml", 'style = "ap"\n')
    write(tmp_path / "newslint.toml", 'extend = "base.toml"\nlocale = "en-GB"\nvocabulary = ["Kyiv"]\n')
    code, out, _ = cli(["config", "."], tmp_path)
    assert code == 0
    lines = {line.split(" = ")[0]: line for line in out.splitlines() if " = " in line}
    assert lines["locale"].startswith('locale = "en-GB"') and lines["locale"].endswith("newslint.toml")
    assert lines["style"].startswith('style = "ap"') and lines["style"].endswith("base.toml")
    assert lines["vocabulary"].startswith('vocabulary = ["Kyiv"]')
    assert lines["select"].endswith("# from default")


def test_config_command_with_no_config_file_shows_defaults(tmp_path):
    code, out, _ = cli(["config"], tmp_path)
    assert code == 0 and "config file: defaults" in out and 'include = ["*.txt", "*.md"]' in out


def test_config_command_reports_bad_config(tmp_path):
    write(tmp_path / "newslint.toml", "colour = true\n")
    code, _, err = cli(["config"], tmp_path)
    assert code == 2 and "newslint.toml: unknown key 'colour' (known keys:" in err  # nothing close: no guess


_PARTS = st.sampled_from(
    ["build", "a", ".git", "x.txt", "notes.md", ".txt", "b.TXT", "dist2", "..", ".", "m.txt.gz"]
)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(_PARTS, min_size=1, max_size=4),
    st.sampled_from([None, ["build", ".git"], ["dist"], ["*.gz"], ["build/"], ["!a"], []]),
    st.sampled_from([["*.txt", "*.md"], ["*.gz", "*.TXT"], ["*"], ["notes.md"], []]),
    st.booleans(),
)
@example(["a", "x.txt"], None, ["*.txt", "*.md"], False)
@example(["build", "x.txt"], None, ["*.txt", "*.md"], True)
def test_a_walk_s_includes_and_excludes_answer_what_the_patterns_do(parts, exclude, include, absolute):
    """A walk's tests of each file (`Settings.excludes`, `Settings.includes`) answer plain names
    and "*" endings (the defaults) from the path's parts without the pattern matcher: what the
    gitignore patterns themselves answer, for any path, other patterns taking the matcher's way."""
    rel = ("/" if absolute else "") + "/".join(parts)
    s = Settings(include=include, **({} if exclude is None else {"exclude": exclude}))
    excluded = _spec(tuple(s.exclude or DEFAULT_EXCLUDE) + tuple(s.extend_exclude))
    assert s.excludes(rel) == bool(excluded.match_file(rel) or excluded.match_file(rel + "/"))
    included = _spec(tuple(include))
    assert s.includes(parts[-1], rel) == bool(included.match_file(parts[-1]) or included.match_file(rel))
    assert s.includes(parts[-1], lambda: rel) == s.includes(parts[-1], rel)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(_PARTS, min_size=1, max_size=4),
    st.sampled_from([None, ["build", ".git"], ["dist"], ["*.gz"], ["build/"], ["!a"], []]),
    st.sampled_from([["*.txt", "*.md"], ["*.gz", "*.TXT"], ["*"], ["notes.md"], []]),
    st.sampled_from(["", "/", "."]),
)
@example(["build", "x.txt"], None, ["*.txt", "*.md"], "")
@example(["x.txt"], None, ["*.txt", "*.md"], ".")
def test_a_walk_s_folder_test_passes_only_files_that_are_included_and_not_excluded(
    parts, exclude, include, start
):
    """`Settings.plain_file_test`, asked once a folder: a file of the folder it passes is one
    that `includes` and `excludes` (file by file) include and do not exclude."""
    folder = start + "/".join(parts[:-1]) if start != "." or len(parts) == 1 else "/".join(parts[:-1])
    name = parts[-1]
    rel = name if folder in (".", "") else f"{folder}/{name}"  # the walk's `_join`
    s = Settings(include=include, **({} if exclude is None else {"exclude": exclude}))
    test = s.plain_file_test(folder)
    if test is not None and name.endswith(test[0]) and name not in test[1]:
        assert s.includes(name, rel) and not s.excludes(rel)
