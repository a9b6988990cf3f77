"""Rules that a run's settings keep silent: the house-style rules without a `style` (NL405-NL416),
the house-term rules without terms (NL601-NL603), the LanguageTool rules without a server
(NL9xx), and the character-repair rules on a story without repairs (NL52x). Their `check` is a
plain call that returns an empty iterator there, not a generator made and run to its end on
every story; with the setting on (or repairs found) it returns what the generator did.
"""

from __future__ import annotations

import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import lint, segment
from newslint.config import Settings
from newslint.figures import matches_at
from newslint.rule import Rule
from newslint.rules._styles import HOUSE_STYLES
from newslint.rules.numbers import _common, percent_style_mix, thousands_separator_mix, time_format_mix
from newslint.rules.numbers._common import HouseStyleRule, MixedFormRule
from newslint.rules.typography import _repairs
from newslint.span import Span
from tests.test_engine_equivalence import INPUTS, made_stories

TEXTS = [p.read_text(encoding="utf-8") for p in INPUTS] + made_stories(40, seed=11)
QUIET = ("NL4", "NL60", "NL9")  # the code prefixes silent under the default settings
REPAIRING = ("NL520", "NL521", "NL522", "NL523", "NL524")
# character damage of each NL52x kind, put into a story (and nothing: most stories)
SLIPS = ("", "&amp;", "Â£", "\u200b", "<b>", "\\$", "caf\u00c3\u00a9")


def _rules(**options) -> dict[str, Rule]:
    return {type(r).code: r for r in lint.Linter(Settings(**options), path="story.txt").rules}


def _quiet(rules: dict[str, Rule]) -> list[Rule]:
    """The default run's rules silent by its settings (NL4xx other than the mixes)."""
    mixes = ("NL401", "NL402", "NL403", "NL404", "NL413")
    return [r for code, r in rules.items() if code.startswith(QUIET) and code not in mixes]


def test_the_quiet_rules_are_found():
    codes = {type(r).code for r in _quiet(_rules())}
    assert {"NL405", "NL410", "NL416", "NL601", "NL602", "NL603", "NL901", "NL909"} <= codes


@pytest.mark.parametrize("text", TEXTS[:12] + TEXTS[-4:], ids=lambda t: t[:24])
def test_a_quiet_rule_is_one_call_that_finds_nothing(text):
    rules = _rules()
    doc = segment.parse(text, "story.txt", "text")
    for rule in _quiet(rules):
        found = rule.check(doc)
        assert not inspect.isgenerator(found), type(rule).code
        assert list(found) == [], type(rule).code


def _by_generator(rule, doc) -> list:
    """What `_repairs.report` gave as a generator: every repair of the rule's kind, reported."""
    kind = {"NL520": "mojibake", "NL521": "entity", "NL522": "invisible", "NL523": "markup"}
    return list(_repairs._report(rule, doc, kind.get(type(rule).code, "backslash"), _title_of(rule)))


def _title_of(rule):
    module = inspect.getmodule(type(rule))
    return getattr(module, "_title", _repairs.replace_title)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TEXTS), st.sampled_from(SLIPS))
def test_a_repair_rule_reports_what_its_generator_did(text, slip):
    """With or without repairs in the story, each NL52x rule's check equals its generator's."""
    rules = _rules()
    cut = len(text) // 2
    doc = segment.parse(text[:cut] + slip + text[cut:], "story.txt", "text")
    for code in REPAIRING:
        rule = rules[code]
        found = rule.check(doc)
        if not doc.repairs:
            assert not inspect.isgenerator(found)
        assert list(found) == _by_generator(rule, doc), code


def test_a_repair_rule_still_reports_its_repairs():
    rules = _rules()
    doc = segment.parse("Rates rose\n\nAT&amp;T said caf\u00c3\u00a9 prices rose.\n", "story.txt", "text")
    assert [v.code for v in rules["NL521"].check(doc)] == ["NL521"]
    assert [v.code for v in rules["NL520"].check(doc)] == ["NL520"]


def test_under_a_house_style_the_style_rules_report_as_their_body_does():
    reported = 0
    for style in sorted(HOUSE_STYLES):
        rules = _rules(style=style)
        for text in TEXTS:
            doc = segment.parse(text, "story.txt", "text")
            for rule in rules.values():
                if isinstance(rule, HouseStyleRule):
                    want = list(rule.check_style(doc, style)) if style in rule.styles else []
                    found = list(rule.check(doc))
                    assert found == want, (style, type(rule).code)
                    reported += len(found)
                elif type(rule).code == "NL410":
                    reported += len(list(rule.check(doc)))
    assert reported, "no house-style rule reported anything: the test shows nothing"


# --- the figure rules' shortcuts: nothing to look at, one call -----------------------------------
def _prose_matches_generator(doc, pattern, *, headline=True, at_figures=False, marked=None, kept=None):
    """`prose_matches` as it was, one generator for every call: the reference for the shortcut."""
    if at_figures:
        starts = doc.digit_runs[0]
        if marked is not None:
            starts = _common.marked_starts(doc.text, starts, *marked)
        if kept is not None:
            starts = kept(doc.text, starts)
        found = matches_at(pattern, doc.text, starts) if starts else []
    else:
        found = pattern.finditer(doc.text)
    for m in found:
        span = Span(m.start(), m.end())
        if doc.is_prose(span) and (headline or not doc.in_headline(span)):
            yield m


def _mixes(rules: dict[str, Rule]) -> list[Rule]:
    return [r for r in rules.values() if isinstance(r, MixedFormRule)]


# figures and times of several forms, put into a story
FIGURES = ("", "5%", "6 per cent and 7 pct", "at 5pm and 6 p.m.", "at 5:30pm, 6.15 GMT", "2,500 and 3500 men")


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(TEXTS), st.sampled_from(FIGURES), st.booleans())
def test_prose_matches_finds_what_its_generator_did(text, figures, headline):
    cut = len(text) // 3
    doc = segment.parse(text[:cut] + figures + text[cut:], "story.txt", "text")
    cases = [
        (percent_style_mix._PERCENT, {"at_figures": True, "marked": percent_style_mix.PERCENT_MARKS}),
        (time_format_mix._CLOCK, {"at_figures": True, "marked": time_format_mix.CLOCK_MARKS}),
        (
            thousands_separator_mix._FOUR_DIGITS,
            {"at_figures": True, "kept": thousands_separator_mix.four_digit_starts},
        ),
        (thousands_separator_mix._FOUR_DIGITS, {"at_figures": True}),
        (percent_style_mix._PERCENT, {}),
    ]
    for pattern, options in cases:
        found = [m.span() for m in _common.prose_matches(doc, pattern, headline=headline, **options)]
        want = [m.span() for m in _prose_matches_generator(doc, pattern, headline=headline, **options)]
        assert found == want, (pattern.pattern[:30], options)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TEXTS), st.sampled_from(FIGURES), st.sampled_from(FIGURES))
def test_a_mix_rule_reports_what_its_forms_give(text, first, second):
    """NL402, NL403, NL404, NL413: `check` is `report` of the story's forms, which a story with
    fewer than two forms (most) is spared."""
    cut = len(text) // 2
    doc = segment.parse(first + "\n\n" + text[:cut] + second + text[cut:], "story.txt", "text")
    for rule in _mixes(_rules()):
        found = rule.check(doc)
        forms = rule.forms(doc)
        if len(forms) < 2:
            assert not inspect.isgenerator(found)
        assert list(found) == list(rule.report(doc, forms)), type(rule).code


# --- the engine leaves out the rules its settings keep silent ------------------------------------
TERMS = {"preferred-term": {"terms": [{"use": "use", "instead-of": "utilise"}]}}


def _left_out(**options) -> set[str]:
    linter = lint.Linter(Settings(**options), path="story.txt")
    _, original, reading, _, _ = linter._rule_split()
    return {type(r).code for r in linter.rules} - {type(r).code for r in original + reading}


def test_the_engine_leaves_out_the_quiet_rules_alone():
    """Under the default settings the rules left out of the run are the quiet ones; a house style,
    terms or a server put the rules they set back (`Rule.needs_setting`)."""
    # and NL001/NL002, whose `check` finds nothing under any settings (their reports come from
    # `check_suppressions`, called all the same: `test_the_suppression_rules_report_when_left_out`)
    assert _left_out() == {type(r).code for r in _quiet(_rules())} | {"NL001", "NL002"}
    styled = _left_out(style="ap")
    assert not any(code.startswith("NL4") for code in styled) and "NL601" in styled
    assert "NL601" not in _left_out(rules=TERMS)
    served = _left_out(rules={"grammar": {"server": "http://127.0.0.1:9"}})  # (no story is checked)
    assert not any(code.startswith("NL9") for code in served) and "NL405" in served


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(TEXTS), st.sampled_from([None, *sorted(HOUSE_STYLES)]), st.booleans())
def test_leaving_out_the_quiet_rules_changes_no_report(text, style, terms):
    """A story checked with the quiet rules left out gets the reports of a run that calls them all,
    under each house style, with terms or without."""
    options = {"style": style, "rules": TERMS if terms else {}}
    text += "\n\nThey utilise it.\n"
    found = lint.Linter(Settings(**options), path="story.txt").check(text).violations
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Rule, "silent", lambda self: False)
        every = lint.Linter(Settings(**options), path="story.txt")
        assert not any(r.silent() for r in every.rules)
        assert every.check(text).violations == found


def test_the_suppression_rules_report_when_left_out():
    """NL001 and NL002 are left out of every story's run (their `check` finds nothing) and still
    report the unused and the invalid suppression comments, with their fixes."""
    for options in ({}, {"style": "ap"}, {"rules": TERMS}):
        assert {"NL001", "NL002"} <= _left_out(**options)
    text = (
        "Shares rise\n\n<!-- newslint: ignore-next-line NL101 -->\nShares rose on Monday.\n\n"
        "<!-- newslint: disabel NL101 -->\nTraders said so.\n"
    )
    found = lint.Linter(Settings(), path="story.txt").check(text).violations
    assert {"NL001", "NL002"} <= {v.code for v in found}
    assert all(v.fix is not None for v in found if v.code in ("NL001", "NL002"))


# --- a story without character repairs leaves out the rules that report them ---------------------
def test_a_story_without_repairs_leaves_out_their_reporters():
    """The rules that report nothing but `Document.repairs` (NL52x, `Rule.reports_repairs`) read
    the original; a story without repairs runs the other rules of the original alone, a story
    with one runs them all, and each reporter finds nothing where there is no repair."""
    linter = lint.Linter(Settings(), path="story.txt")
    _, original, _, _, unrepaired = linter._rule_split()
    reporters = {type(r).code for r in original if r.reports_repairs}
    assert reporters == {"NL520", "NL521", "NL522", "NL523", "NL524"}
    assert {type(r).code for r in unrepaired} == {type(r).code for r in original} - reporters
    assert all(r.reads_original for r in original if r.reports_repairs)
    clean = segment.parse("Headline here\n\nThe minister said so on Monday.\n", "story.txt", "text")
    assert not clean.repairs
    for rule in original:
        if rule.reports_repairs:
            assert not list(rule.check(clean)), type(rule).code
    damaged = "Headline here\n\nShares of AT&amp;T rose on Monday.\n"
    found = {v.code for v in linter.check(damaged).violations}
    assert "NL521" in found
