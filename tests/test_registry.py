"""Meta-tests of the rule registry: every rule is well formed, documented and has cases."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re

import pytest

import newslint.rules
from newslint.registry import UnknownSelector, all_rules, rule_by_code, select_rules, validate_selectors
from newslint.rule import FAMILIES, Rule
from newslint.violation import FixAvailability

from .rules.harness import CASES_DIR

RULES = all_rules()
IDS = [r.code for r in RULES]


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_code_and_name_are_well_formed(rule):
    assert re.fullmatch(r"NL\d{3}", rule.code), rule.code
    assert rule.code[2] in FAMILIES, f"{rule.code}: no family NL{rule.code[2]}xx"
    assert re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", rule.name), rule.name


def test_every_rule_class_in_the_package_is_registered():
    registered = set(RULES)
    found = set()
    for module in pkgutil.walk_packages(newslint.rules.__path__, "newslint.rules."):
        mod = importlib.import_module(module.name)
        for _, obj in inspect.getmembers(mod, inspect.isclass):
            if (
                issubclass(obj, Rule)
                and obj is not Rule
                and "code" in vars(obj)
                and obj.__module__ == mod.__name__
            ):
                found.add(obj)
    assert found - registered == set(), f"rule classes missing from a family's RULES: {found - registered}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_lives_in_the_package_of_its_family(rule):
    """rules/<family>/<rule_name>.py: the package is the family's name, the module the rule's."""
    _, _, package, module = rule.__module__.split(".")
    assert package == rule.family().replace("-", "_"), f"{rule.code} is in rules/{package}/"
    assert module == rule.name.replace("-", "_"), f"{rule.code} {rule.name} is in {module}.py"
    assert rule.__name__ == "".join(part.capitalize() for part in rule.name.split("-"))
    assert rule in importlib.import_module(f"newslint.rules.{package}").RULES


def test_every_public_rule_module_holds_exactly_one_rule():
    """Helpers shared by a family's rules live in modules whose names start with `_`."""
    for info in pkgutil.walk_packages(newslint.rules.__path__, "newslint.rules."):
        leaf = info.name.rsplit(".", 1)[-1]
        if info.ispkg or leaf.startswith("_"):
            continue
        mod = importlib.import_module(info.name)
        rules = [
            obj
            for _, obj in inspect.getmembers(mod, inspect.isclass)
            if issubclass(obj, Rule) and "code" in vars(obj) and obj.__module__ == mod.__name__
        ]
        assert len(rules) == 1, f"{info.name} holds {[r.code for r in rules]}: one rule per module"


SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_docstring_has_the_sections(rule):
    doc = inspect.cleandoc(rule.__doc__ or "")
    assert "TODO" not in doc, f"{rule.code}: the docstring has a TODO left (scripts/add_rule.py writes them)"
    positions = [doc.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), (
        f"{rule.code}: missing {[s for s, p in zip(SECTIONS, positions, strict=True) if p < 0]}"
    )
    assert positions == sorted(positions), f"{rule.code}: sections out of order"
    if rule.fix_availability is not FixAvailability.NONE:
        assert "## Fix safety" in doc, f"{rule.code} can fix but does not say how safe its fixes are"
    assert rule.summary(), f"{rule.code}: empty '## What it does'"
    assert rule.summary()[-1] in ".)", f"{rule.code}: summary {rule.summary()!r} is not a sentence"
    for section, body in zip(SECTIONS, re.split("|".join(map(re.escape, SECTIONS)), doc)[1:], strict=True):
        text = body.split("## ")[0].strip()
        assert len(text.split()) >= (12 if section == "## Why is this bad?" else 1), (
            f"{rule.code}: {section!r} says too little: {text!r}"
        )


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_every_rule_has_a_case_file_named_after_it(rule):
    assert (CASES_DIR / f"{rule.code}-{rule.name}.toml").is_file()


def test_every_case_file_names_a_registered_rule():
    for path in CASES_DIR.glob("*.toml"):
        code, _, name = path.stem.partition("-")
        rule = rule_by_code(code)
        assert rule.name == name, f"{path.name}: rule {code} is named {rule.name}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_options_are_frozen_dataclasses_with_defaults(rule):
    assert dataclasses.is_dataclass(rule.Options)
    rule.Options()  # every option has a default
    assert rule.Options.__dataclass_params__.frozen


# --- selection --------------------------------------------------------------------------------
def codes(*args, **kwargs):
    return {r.code for r in select_rules(*args, **kwargs)}


def test_default_selection_is_the_rules_on_by_default():
    assert codes() == {r.code for r in RULES if r.enabled_by_default}


def test_all_does_not_switch_on_rules_that_are_off_by_default_but_naming_them_does():
    off = [r for r in RULES if not r.enabled_by_default]
    assert off, "expected at least one rule off by default"
    assert off[0].code not in codes(["ALL"])
    assert off[0].code in codes(["ALL", off[0].code])
    assert off[0].code in codes(None, [off[0].name])


def test_more_specific_selector_wins_and_ignore_wins_a_tie():
    assert codes(["NL1"], ignore=["NL103"]) == {r.code for r in RULES if r.code.startswith("NL1")} - {"NL103"}
    assert codes(["NL103"], ignore=["NL1"]) == {"NL103"}
    assert codes(["NL103"], ignore=["NL103"]) == set()


@pytest.mark.parametrize("selector", ["NL9999", "XX1", "doubled", "typo", "NL130", "NL600", "NL19"])
def test_unknown_selectors_are_rejected(selector):
    with pytest.raises(UnknownSelector):
        validate_selectors([selector])


def test_an_unknown_code_suggests_the_code_meant():
    """Issue 16: `--select NL130` checked nothing and exited 0; a code that names no rule is a typo."""
    with pytest.raises(UnknownSelector, match="unknown rule selector 'NL130'; did you mean 'NL103'"):
        validate_selectors(["NL130"])


@pytest.mark.parametrize(
    "selector", ["ALL", "all", "NL", "NL1", "NL10", "NL103", "NL6", "doubled-word", "meta", "house-style"]
)
def test_known_selectors_are_accepted(selector):
    validate_selectors([selector])  # NL6: a family's prefix, which names the rules to come too


def test_a_code_typed_with_letters_for_digits_suggests_the_code() -> None:
    with pytest.raises(UnknownSelector, match=r"'NL1O1'; did you mean 'NL101'\?"):
        validate_selectors(["NL1O1"])
    with pytest.raises(UnknownSelector, match=r"did you mean 'NL510'\?"):
        validate_selectors(["nl5l0"])
    with pytest.raises(UnknownSelector, match=r"'NL7'$"):  # an unused family: no guess at a code
        validate_selectors(["NL7"])


def test_newslint_rule_with_a_slip_suggests_the_rule_meant(run_cli) -> None:
    code, _, err = run_cli("rule", "NL1O1")
    assert code != 0
    assert "no rule 'NL1O1'; did you mean 'NL101'?" in err
    assert "Traceback" not in err
