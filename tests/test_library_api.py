"""The documented library API: `newslint.Checker` (docs/api.md, whose examples run here)."""

from __future__ import annotations

import doctest
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import newslint
import newslint.rules
from tests.conftest import ROOT

STORIES = ROOT / "tests" / "golden" / "stories"
SEED = (STORIES / "syria-airstrikes.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("document", ["docs/api.md", "lint/__init__.py"])
def test_documented_examples_run(document):
    path = ROOT / document
    if path.suffix == ".md":
        failures, tried = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS)
    else:
        failures, tried = doctest.testmod(newslint, optionflags=doctest.ELLIPSIS)
    assert tried >= 4 and failures == 0


def test_positions_index_the_text_and_columns_count_lines():
    problems = newslint.Checker().check(SEED, path="seed.txt")
    assert problems, "the seed story has problems"
    lines = SEED.split("\n")
    for p in problems:
        assert p.path == "seed.txt"
        assert SEED.count("\n", 0, p.start.offset) + 1 == p.start.line
        assert lines[p.start.line - 1][p.start.column - 1 :].startswith(SEED[p.start.offset : p.end.offset])
    reigme = [p for p in problems if SEED[p.start.offset : p.end.offset] == "reigme"]
    assert len(reigme) == 2 and all(
        p.fix.safety == "safe" and p.fix.edits[0].content == "regime" for p in reigme
    )


def test_the_objects_serialise_to_the_cli_json(run_cli, tmp_path):
    for name in ("syria-airstrikes.txt", "markdown-desk-note.md", "wire-grain-board.txt"):
        text = (STORIES / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, out, err = run_cli("check", "--format", "json", name, cwd=tmp_path)
        assert code == 1, err
        assert out == newslint.to_json(newslint.Checker().check(text, path=name))


def test_fix_returns_the_text_the_counts_and_what_remains():
    checker = newslint.Checker()
    result = checker.fix(SEED)
    assert result.text == (STORIES / "syria-airstrikes.fixed.txt").read_text(encoding="utf-8")
    assert result.changed and result.applied["NL101"] == 2
    assert [p.code for p in result.remaining] == [p.code for p in checker.check(result.text)]
    again = checker.fix(result.text)
    assert again.text == result.text and not again.changed
    assert checker.fix(SEED, unsafe=True).applied != result.applied


def test_a_config_file_and_keyword_settings(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text('ignore = ["NL203"]\nlocale = "en-US"\n', encoding="utf-8")
    from_file = newslint.Checker(config)
    assert "NL203" not in {p.code for p in from_file.check(SEED)}
    assert "NL203" in {p.code for p in newslint.Checker().check(SEED)}
    overridden = newslint.Checker(config, ignore=[], severity={"NL203": "warning"})
    assert {p.severity for p in overridden.check(SEED) if p.code == "NL203"} == {"warning"}
    (tmp_path / "desk").mkdir()
    assert newslint.Checker.for_path(tmp_path / "desk" / "story.txt").settings.source == str(config)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"selct": ["NL1"]}, "unknown setting 'selct'; did you mean 'select'?"),
        (
            {"ignore": ["doubled-wrod"]},
            "ignore: unknown rule selector 'doubled-wrod'; did you mean 'doubled-word'?",
        ),
        ({"style": "times"}, "Checker(): style: 'times' is not one of ap, reuters, guardian, bbc"),
        ({"rules": {"quote-style-mix": {"prefered": "curly"}}}, "unknown option 'prefered'"),
    ],
)
def test_unknown_settings_and_selectors_are_clear_errors(settings, message):
    with pytest.raises(newslint.ConfigError, match=None) as caught:
        newslint.Checker(**settings)
    assert message in str(caught.value)


def test_a_missing_config_file_is_a_config_error(tmp_path):
    with pytest.raises(newslint.ConfigError, match="cannot read"):
        newslint.Checker(tmp_path / "nope.toml")


def test_bytes_are_refused_with_a_hint():
    with pytest.raises(TypeError, match="decode bytes first"):
        newslint.Checker().check(SEED.encode("utf-8"))


def test_per_file_ignores_follow_the_path(tmp_path):
    checker = newslint.Checker(per_file_ignores={"sport/**": ["NL101"]})
    assert "NL101" in {p.code for p in checker.check(SEED, path="news/story.txt")}
    assert "NL101" not in {p.code for p in checker.check(SEED, path="sport/story.txt")}


def test_one_checker_shared_by_threads_gives_the_results_of_one_thread():
    """Many different stories checked at once from eight threads, with a checker whose word
    memory is small enough to be forgotten and rebuilt while the threads run."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(STORIES.glob("*.txt")) if ".report" not in p.name]
    words = sorted(set(SEED.split()))
    # variants: each story with a different made-up slip, so every check brings new words
    texts += [f"{t}\nThe {w[::-1]}x {w} said.\n" for t in texts[:4] for w in words[:40]]
    expected = [newslint.to_json(newslint.Checker().check(t)) for t in texts]
    shared = newslint.Checker()
    linter = shared._linter("-")
    for rule in linter.rules:  # make the per-word memories forget often
        for value in vars(rule).values():
            if hasattr(value, "_limit"):
                value._limit = 200
    start = threading.Barrier(8)

    def run(index: int) -> str:
        if index < 8:
            start.wait()
        return newslint.to_json(shared.check(texts[index % len(texts)]))

    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(run, range(len(texts) * 3)))
    assert got == [expected[i % len(texts)] for i in range(len(texts) * 3)]


def test_the_old_functions_still_work():
    found = newslint.lint_text(SEED)
    assert [d.code for d in found] == [p.code for p in newslint.Checker().check(SEED)]
    assert newslint.fix_text(SEED) == newslint.Checker().fix(SEED).text
    # The engine is one import package whether installed from a wheel (site-packages/newslint)
    # or editable (the lint/ folder): the rules ship inside it either way.
    assert (Path(newslint.__file__).parent.name, Path(newslint.rules.__file__).parent.name) in {
        ("newslint", "rules"),
        ("lint", "rules"),
    }
