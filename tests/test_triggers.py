"""Rules driven by their triggers: a rule whose trigger a story lacks is not run there, and that
changes no report.

A rule declares what a story must hold for it to have anything to look at (`Rule.triggers`: a
character, or a word that passes a letter test); the engine reads every trigger in one pass per
story (`Linter._triggered`) and skips the rules whose triggers are absent. Each trigger must be a
necessary condition of the rule's reports: checked here rule by rule on the golden stories, the
stories made from them and a few made to hold each trigger's characters, and for the whole engine
by comparing its reports and fixed texts with and without the skipping.
"""

from __future__ import annotations

import pytest

import newslint
from newslint import lint, segment, tokens
from newslint.config import Settings
from newslint.document import LetterTest
from newslint.rule import Trigger
from tests.test_engine_equivalence import INPUTS, made_stories, outputs

TEXTS = [p.read_text(encoding="utf-8") for p in INPUTS] + made_stories(120, seed=7)
# a few stories that hold the trigger characters of the typography rules
TEXTS += [
    "Oil rises\n\nPrices rose\tsharply in the ‘90s, traders said.\r\nThe\u00a0index fell.\u2028\n",
    "Rain falls\n\nIt rained ‘til noon.\u00a0\n\nNo\u00a0\u00a0more.\r\n",
]


def _gated_rules() -> list:
    linter = lint.Linter(Settings(), path="story.txt")
    return [rule for rule in linter.rules if rule.triggers()]


def test_rules_declare_triggers():
    codes = {type(rule).code for rule in _gated_rules()}
    assert {"NL101", "NL102", "NL104", "NL106", "NL107", "NL201", "NL203", "NL503", "NL504"} <= codes


@pytest.mark.parametrize("rule", _gated_rules(), ids=lambda r: type(r).code)
def test_a_rule_reports_nothing_where_its_trigger_is_absent(rule):
    """Run directly on every story, the rule reports only where one of its triggers fires."""
    fired_somewhere = 0
    for text in TEXTS:
        doc = segment.parse(text, "story.txt", "text")
        fires = any(
            any(c in text for c in t.chars) or t.words is not None and doc.selected(t.words)
            for t in rule.triggers()
        )
        found = list(rule.check(doc))
        if fires:
            fired_somewhere += 1
        else:
            assert found == [], (type(rule).code, text[:80])
    assert fired_somewhere, f"{type(rule).code}'s trigger fired on no story: the test shows nothing"


def test_skipping_rules_changes_no_report_or_fix(monkeypatch):
    """The engine's reports and fixed texts with the skipping and with every rule run."""
    texts = TEXTS[:80]
    skipped = outputs(texts)
    monkeypatch.setattr(lint.Linter, "_triggered", lambda self, doc, rules: rules)
    assert outputs(texts) == skipped


def test_the_skipping_skips():
    """On a plain story most gated rules are not run."""
    text = "Shares rise\n\nShares rose on Monday, traders said.\n"
    linter = lint.Linter(Settings(), path="story.txt")
    doc = segment.parse(text, "story.txt", "text")
    run = {type(r).code for r in linter._triggered(doc, linter.rules)}
    assert {"NL503", "NL504", "NL505", "NL511", "NL102", "NL104", "NL106", "NL201"}.isdisjoint(run)
    assert "NL501" in run  # no trigger: always run
    assert newslint.Checker().check(text) is not None


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "twin"])
def test_one_walk_selects_what_each_test_selects(compiled, monkeypatch):
    if not compiled:
        monkeypatch.setattr(tokens, "native", None)
    tests = [
        LetterTest(lambda w: w.startswith("a")),
        LetterTest(lambda w: len(w) > 3),
        LetterTest(str.istitle),
    ]
    words = {"apple": 1, "an": 2, "Bee": 1, "bears": 1, "Ant": 1}
    fresh = LetterTest.select_many(tests, words)  # the words are new to every test
    assert fresh == [{"apple", "an"}, {"apple", "bears"}, {"Bee", "Ant"}]
    assert LetterTest.select_many(tests, words) == fresh  # remembered
    assert [t.select(words) for t in tests] == fresh
    more = {**words, "axe": 1, "Zebra": 2}
    assert LetterTest.select_many(tests[::-1], more) == [
        {"Bee", "Ant", "Zebra"},
        {"apple", "bears", "Zebra"},
        {"apple", "an", "axe"},
    ]


def test_a_trigger_needs_characters_or_a_word_test():
    with pytest.raises(ValueError):
        Trigger()
