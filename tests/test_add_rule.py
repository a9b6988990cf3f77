"""scripts/add_rule.py, run in a copy of the repository: what it scaffolds is laid out, registered
and documented as the meta-tests demand, and the tests that need a person (the docstring, a case
that shows the rule at work) fail until one writes them."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


def _free_word_code() -> str:
    """The first NL1xx code no shipped rule holds (new typo rules take the low ones)."""
    from newslint.registry import all_rules

    taken = {rule.code for rule in all_rules()}
    return next(f"NL1{n:02d}" for n in range(1, 100) if f"NL1{n:02d}" not in taken)


WORD = _free_word_code()


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    """A copy of the repository with two rules scaffolded (NL309, no fix; a free NL1xx code, a word rule with
    fixes sometimes), importable as `newslint` through the installed layout of scripts/typecheck.py."""
    copy = tmp_path_factory.mktemp("repo")
    junk = shutil.ignore_patterns("__pycache__", ".hypothesis", ".pytest_cache")
    for folder in ("lint", "rules", "docs", "scripts", "tests"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=junk)
    shutil.copy(ROOT / "pyproject.toml", copy)
    site = copy / ".site"
    _script("typecheck").build_tree(copy, site)
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    runs = [
        ["NL309", "stray-page-marker", "--summary", "Finds a page marker left in the copy."],
        [WORD.lower(), "doubled-consonant", "--fix", "sometimes"],
    ]
    for args in runs:
        done = subprocess.run(
            [sys.executable, "scripts/add_rule.py", *args], cwd=copy, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    return copy, env


@pytest.mark.slow  # two scaffolds and a pytest run in a copy: ~10 s of CPU
def test_it_writes_the_module_the_registry_entry_the_cases_and_the_docs(scaffolded):
    copy, _ = scaffolded
    module = (copy / "rules/structure/stray_page_marker.py").read_text(encoding="utf-8")
    assert "class StrayPageMarker(Rule):" in module
    assert 'code = "NL309"' in module and "FixAvailability.NONE" in module
    assert "Finds a page marker left in the copy." in module
    registry = (copy / "rules/structure/__init__.py").read_text(encoding="utf-8")
    assert "from newslint.rules.structure.stray_page_marker import StrayPageMarker" in registry
    assert "StrayPageMarker," in registry.split("RULES = (", 1)[1]
    assert 'rule = "NL309"' in (copy / "tests/rules/cases/NL309-stray-page-marker.toml").read_text()
    assert (copy / "docs/rules/NL309-stray-page-marker.md").is_file()
    assert "NL309-stray-page-marker.md" in (copy / "docs/rules/index.md").read_text(encoding="utf-8")
    # A word rule's case file starts with the quotation case every word rule needs.
    cases = (copy / f"tests/rules/cases/{WORD}-doubled-consonant.toml").read_text(encoding="utf-8")
    assert "inside-a-quotation" in cases
    assert "FixAvailability.SOMETIMES" in (copy / "rules/typos/doubled_consonant.py").read_text()


@pytest.mark.slow  # two scaffolds and a pytest run in a copy: ~10 s of CPU
def test_the_scaffold_is_ruff_clean(scaffolded):
    copy, _ = scaffolded
    new = ["rules/structure/stray_page_marker.py", "rules/structure/__init__.py", "rules/typos/__init__.py"]
    for command in (["check"], ["format", "--check"]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *command, *new], cwd=copy, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow  # two scaffolds and a pytest run in a copy: ~10 s of CPU
def test_the_meta_tests_pass_but_for_what_a_person_must_write(scaffolded, tmp_path):
    copy, env = scaffolded
    report = tmp_path / "report.xml"
    subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts="),
            *("tests/test_registry.py", "tests/test_rule_docs.py", "tests/rules/test_rule_cases.py"),
            *("-k", f"NL309 or {WORD} or not test_rule_cases", f"--junitxml={report}"),
        ],
        cwd=copy,
        env=env,
        capture_output=True,
        check=False,
    )
    outcomes = {
        case.get("name"): case.find("failure") is None and case.find("error") is None
        for case in ElementTree.parse(report).iter("testcase")
    }
    failed = {name for name, passed in outcomes.items() if not passed}
    assert failed == {
        "test_docstring_has_the_sections[NL309]",  # its TODOs
        f"test_docstring_has_the_sections[{WORD}]",
        "test_declared_fix_availability[NL309]",  # no case reports anything yet
        f"test_declared_fix_availability[{WORD}]",
        f"test_word_rule_has_a_case_inside_a_quotation[{WORD}]",
    }
    for held in (
        "test_rule_lives_in_the_package_of_its_family[NL309]",
        "test_every_rule_class_in_the_package_is_registered",
        "test_every_public_rule_module_holds_exactly_one_rule",
        "test_rule_docs_are_up_to_date",
        f"test_every_rule_has_a_case_file_named_after_it[{WORD}]",
        "test_rule_has_cases[NL309]",
    ):
        assert outcomes.get(held), f"{held} did not pass in the scaffolded copy"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["NL101", "new-word-rule"], "NL101 unknown-word exists already"),
        (["NL198", "unknown-word"], "NL101 unknown-word exists already"),
        (["NL801", "some-rule"], "'NL801' is not a code of a family"),
        (["NL198", "Some_Rule"], "'Some_Rule' is not a kebab-case name"),
    ],
)
def test_a_code_or_name_it_cannot_use_is_refused_before_anything_is_written(args, message, capsys):
    assert _script("add_rule").main(args) == 2
    assert message in capsys.readouterr().err


def test_word_families_are_the_case_tests():
    from tests.rules.test_rule_cases import WORD_FAMILIES

    assert _script("add_rule").WORD_FAMILIES == WORD_FAMILIES
