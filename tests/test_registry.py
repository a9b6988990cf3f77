"""Meta-tests: every rule follows the conventions (proselint test_check_structures, ruff)."""
from __future__ import annotations

import importlib
import re
import subprocess
import sys

import pytest

from newslint.registry import all_rules, rule_by_code, select_rules
from newslint.rule import FAMILIES
from newslint.violation import FixAvailability

from .conftest import ROOT

RULES = all_rules()
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")
FAMILY_PACKAGES = {"meta": "0", "typos": "1", "naming": "2", "structure": "3", "numbers": "4",
                   "whitespace": "5", "quotes": "5", "encoding": "5", "house": "6", "grammar": "9"}


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert re.fullmatch(r"NL\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)*", rule.name), rule.name
        assert rule.code[2] in FAMILIES


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_docstring_has_the_sections(rule):
    doc = rule.__doc__ or ""
    for section in SECTIONS:
        assert section in doc, f"{rule.code} lacks {section!r}"
    if rule.fix_availability is not FixAvailability.NONE:
        assert "## Fix safety" in doc, f"{rule.code} fixes but has no '## Fix safety'"
    assert rule.summary(), f"{rule.code} has no summary"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_lives_in_the_package_of_its_family(rule):
    package = rule.__module__.split(".")[2]
    assert FAMILY_PACKAGES[package] == rule.code[2], f"{rule.code} is in rules/{package}/"
    family = importlib.import_module(f"newslint.rules.{package}")
    assert rule in family.RULES


def test_rule_lookup_and_selection():
    assert rule_by_code("NL101").name == "unknown-word"
    assert rule_by_code("unknown-word").code == "NL101"
    on_by_default = {r.code for r in select_rules()}
    assert "NL101" in on_by_default and "NL502" not in on_by_default
    assert {r.code for r in select_rules(["NL1"], ignore=["NL103"])} >= {"NL101", "NL102"}
    assert "NL103" not in {r.code for r in select_rules(["NL1"], ignore=["NL103"])}
    assert "NL502" in {r.code for r in select_rules(extend_select=["NL502"])}
    assert {r.code for r in select_rules(["typos"])} == {r.code for r in RULES if r.code.startswith("NL1") and r.enabled_by_default}


def test_generated_rule_docs_are_up_to_date():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_rule_docs.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
