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

import gc
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
def test_bits_read_once_select_what_each_test_selects(compiled, monkeypatch):
    """A story's words' bits read once (`StoryBits.read`) answer each test as its own walk
    (`select`) does: for new words, remembered ones, and words met since the bits were read."""
    if not compiled:
        monkeypatch.setattr(tokens, "native", None)
    tests = [
        LetterTest(lambda w: w.startswith("a")),
        LetterTest(lambda w: len(w) > 3),
        LetterTest(str.istitle),
    ]
    words = {"apple": 1, "an": 2, "Bee": 1, "bears": 1, "Ant": 1}
    story = tokens.StoryBits.read(words)  # the words are new to every test
    fresh = [t.select_read(story) for t in tests]
    assert fresh == [{"apple", "an"}, {"apple", "bears"}, {"Bee", "Ant"}]
    assert [t.select_read(tokens.StoryBits.read(words)) for t in tests] == fresh  # remembered
    assert [t.select(words) for t in tests] == fresh
    more = {**words, "axe": 1, "Zebra": 2}
    story = tokens.StoryBits.read(more)
    assert tests[0].select(more) == {"apple", "an", "axe"}  # tested after the bits were read
    assert [t.select_read(story) for t in tests[::-1]] == [
        {"Bee", "Ant", "Zebra"},
        {"apple", "bears", "Zebra"},
        {"apple", "an", "axe"},
    ]


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "twin"])
def test_a_walked_test_runs_on_new_words_only_when_asked(compiled, monkeypatch):
    """`Document.word_bits` reads each word's bits once for every test and runs no test: a test's
    new words are tested when `selected` (or `selects_any`, if no remembered word passes) asks,
    and what it selects is what `select` selects."""
    if not compiled:
        monkeypatch.setattr(tokens, "native", None)
    calls: dict[str, list[str]] = {"shouting": [], "titled": [], "long": []}

    def counted(name, test):
        return lambda w: calls[name].append(w) or test(w)

    shouting = LetterTest(counted("shouting", str.isupper))
    titled = LetterTest(counted("titled", str.istitle))
    _long = LetterTest(counted("long", lambda w: len(w) > 5))  # alive beside them, never asked
    text = "Talks end\n\nNATO and the UN met in Geneva. NATO left.\n"
    shouting.select({"NATO"})  # remembered to pass: its walk finds it without a test
    doc = segment.parse(text, "story.txt", "text")
    doc.word_bits  # noqa: B018 (read once for every test, as the engine's triggers read it)
    assert calls == {"shouting": ["NATO"], "titled": [], "long": []}
    assert doc.selects_any(shouting) and calls["shouting"] == ["NATO"]  # remembered: no test run
    assert doc.selected(titled) == {"Talks", "Geneva"} == titled.select(doc.word_counts)
    assert doc.selected(shouting) == {"NATO", "UN"}
    assert calls["long"] == []  # never asked for: never run on the story's words
    assert sorted(calls["titled"]) == sorted(doc.word_counts)  # each word tested once
    assert calls["shouting"].count("NATO") == 1 and len(calls["shouting"]) == len(doc.word_counts)


WORDS = st.text("aAbB-", min_size=1, max_size=4)


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "twin"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_bits_read_once_answer_what_each_select_answers(compiled, data):
    """A story's words' bits read once (`StoryBits`) and then split test by test select what
    `LetterTest.select` selects, each test run only on the words it has not met; their union
    says whether a remembered word passes, as the words selected from the memory alone do."""
    with pytest.MonkeyPatch.context() as patch:
        if not compiled:
            patch.setattr(tokens, "native", None)
        predicates = [str.isupper, lambda w: "-" in w, lambda w: len(w) % 2 == 0]
        asked: list[list[str]] = [[] for _ in predicates]
        tests = [
            LetterTest(lambda w, p=p, log=log: log.append(w) or p(w))
            for p, log in zip(predicates, asked, strict=True)
        ]
        for test in tests:  # what each test met before the story
            test.select(data.draw(st.sets(WORDS, max_size=6)))
        met = [set(log) for log in asked]
        words = data.draw(st.dictionaries(WORDS, st.integers(1, 3), max_size=10))
        story = tokens.StoryBits.read(words)
        remembered = [
            {w for w in words if w in seen and p(w)} for p, seen in zip(predicates, met, strict=True)
        ]
        for i, test in enumerate(tests):
            assert test.remembered_in(story) == bool(remembered[i])
        assert bool(story.union & LetterTest.passed_bits(tests)) == any(remembered)  # a rule's gate
        order = data.draw(st.permutations(range(len(tests))))
        for i in order:
            asked[i].clear()
            assert tests[i].select_read(story) == {w for w in words if predicates[i](w)}
            assert sorted(asked[i]) == sorted(set(words) - met[i])  # each new word once, no other
        for i, test in enumerate(tests):
            assert test.select(words) == {w for w in words if predicates[i](w)}


def test_the_engine_walks_the_rules_check_words_with_the_triggers(monkeypatch):
    """NL202 and NL203 read their word tests from the engine's one walk: no test of theirs walks
    the story's words again (`LetterTest.select`) when the linter checks a story."""
    linter = lint.Linter(Settings(), path="story.txt")
    declared = {t for rule in linter.rules for t in rule.check_words()}
    assert {"NL202", "NL203"} <= {type(r).code for r in linter.rules if r.check_words()}
    walked: list[LetterTest] = []
    monkeypatch.setattr(
        LetterTest,
        "select",
        lambda self, words: walked.append(self) or LetterTest.finish(self, set(), list(words)),
    )
    for text in TEXTS[:20]:
        linter.check(text)
    assert declared and not declared & set(walked)


def test_a_trigger_needs_characters_or_a_word_test():
    with pytest.raises(ValueError):
        Trigger()


def _declared_tests(
    linter: lint.Linter, declares: Callable[[LetterTest], bool] | None = None
) -> list[LetterTest]:
    """The letter tests of the linter's rules that declare shapes or a table (of the words they
    pass, or of those they fail): those its rules hold (some built on first use, so the linter
    reads the stories first) and those of the modules their code lives in.

    Taken from the linter, not from every object alive: in a long test process (a pytest worker)
    the tests of the other linters still alive are copies of these, and checking each of them
    over every word took one CI worker minutes and gigabytes."""
    assert linter.rules
    for text in TEXTS:
        linter.check(text)
    found: dict[int, LetterTest] = {}
    for rule in linter.rules:
        for holder in (vars(rule), vars(sys.modules[type(rule).__module__])):
            found.update(
                (id(v), v)
                for v in holder.values()
                if isinstance(v, LetterTest) and (declares or _declares)(v)
            )
    return list(found.values())


def _declares(test: LetterTest) -> bool:
    return test._shapes != tokens.ANY_SHAPE or test._table_of is not None or test._fails_of is not None


def _words_of_every_shape() -> set[str]:
    """The words of the stories above and of the shipped tables, each also capitalised, in
    capitals, possessive and hyphenated: words of every shape, many that the tests pass."""
    from newslint.rules.typos._confusions import confusions
    from newslint.rules.typos._words import english, listed_misspellings, misspellings
    from newslint.rules.typos.real_word_slip import apostrophe_lost

    words = {m.group() for text in TEXTS for m in tokens.TOKEN.finditer(text)}
    words |= set(confusions()) | set(apostrophe_lost()) | set(listed_misspellings().keys())
    words |= set(list(misspellings().keys())[::5]) | set(sorted(english().words)[::40])
    words.add("artic")  # NL101's rare slip, the Artic circle: no table above holds one
    return words | {
        form
        for w in words
        for form in (w.capitalize(), w.upper(), w.title(), w + "'s", w + "-" + w, "Mc" + w.capitalize())
    }


def test_a_test_passes_only_words_of_its_declared_shapes_and_table():
    """A test that declares shapes or a table (`LetterTest`) is not asked of the other words,
    nor one that declares a table of failing words of the words in it: each declaration must
    follow from the test itself, or reports would change."""
    linter = lint.Linter(Settings(), path="story.txt")  # held: NL101's tests live in its rule
    declared = _declared_tests(linter)
    assert len(declared) >= 16  # NL101 4, NL102 2, NL104, NL106, NL107 2, NL202 3, NL203 3
    words = _words_of_every_shape()
    assert {tokens.word_shape(w) for w in words} == {int(s) for s in tokens.Shape if s != tokens.Shape.ANY}
    for test in declared:
        table = test._table_of() if test._table_of is not None else None
        passed = [w for w in words if test._test(w)]
        fails = test._fails_of() if test._fails_of is not None else None  # (once the test ran)
        assert passed, test._test  # the words reach each test's passing words
        for w in passed:
            assert tokens.word_shape(w) & test._shapes, (test._test, w)
            assert table is None or w in table, (test._test, w)
            assert fails is None or not (w.isascii() and w.isalpha() and w.lower() in fails), (test._test, w)


def _declares_any(test: LetterTest) -> bool:
    return _declares(test) or test._only_of is not None or test._decided_settled is not None


def test_the_walks_answer_every_word_as_the_test_does():
    """What the walks answer for a word from a test's declarations (shapes, tables, the lengths
    whose words pass or fail unasked) and, where they leave it open, its call (`within`, or the
    test) is what the test itself answers, for every word of every shape: a length declared to
    pass words unasked (`decided`) must pass only words the test passes."""
    linter = lint.Linter(Settings(), path="story.txt")  # held: NL101's tests live in its rule
    for rule in linter.rules:
        rule.prepare()  # the tables a run of many stories builds: the tests' tables settled
    declared = _declared_tests(linter, _declares_any)
    assert len(declared) >= 19  # those above, and those that declare `only` or lengths alone
    words = _words_of_every_shape()
    for test in declared:
        table, fails, only = test._tables()
        for w in words:  # (`_decided`: its lengths once its tables are settled, its floors before)
            walked = tokens._passes(test._asked, table, fails, only, test._shapes, test._decided, w)
            assert walked == bool(test._test(w)), (test._test, w)


def _asked_of(test: LetterTest, word: str) -> bool:
    """Whether the walks may ask `test` about `word`: of its declared shapes, from its floor for
    that shape, and not passed by its length unasked (its lengths are read only once its `fails`
    and `only` tables are settled: until then, asked)."""
    shape = tokens.word_shape(word)
    if not shape & test._shapes:
        return False
    settled = test._decided_settled
    floor, longest = (0, -1) if settled is None else tokens._decided_range(settled[shape.bit_length() - 1])
    unsettled = test._fails_of is not None or test._only_of is not None
    return len(word) >= floor and (longest < 0 or unsettled)


def test_a_test_asked_within_its_shapes_answers_as_the_test_does():
    """A test that declares `within` (the test as it answers the words of its declared shapes,
    called by the walks in its place) answers every word the walks may ask it as the test itself
    does, or reports would change."""
    linter = lint.Linter(Settings(), path="story.txt")  # held: NL101's tests live in its rule
    declared = [test for test in _declared_tests(linter) if test._asked is not test._test]
    assert len(declared) >= 2  # NL101's capital test, NL104's candidates
    words = _words_of_every_shape()
    for test in declared:
        asked = [w for w in words if _asked_of(test, w)]
        assert any(test._test(w) for w in asked) and not all(test._test(w) for w in asked), test._test
        for w in asked:
            assert bool(test._asked(w)) == bool(test._test(w)), (test._test, w)


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "twin"])
def test_a_storys_results_are_written_once_for_all_its_tests(compiled, monkeypatch):
    """A story's tests keep their results in its pending bits, written into the memory in one
    store a word when the next story's bits are read (or a test walks the memory itself)."""
    if not compiled:
        monkeypatch.setattr(tokens, "native", None)
    monkeypatch.setattr(tokens, "_WORD_BITS", tokens._WordBits())  # slots 0 and 1: machine words
    tests = [LetterTest(str.istitle), LetterTest(str.isupper)]
    words = {"Zanzibarq": 1, "QZQX": 1}
    story = tokens.StoryBits.read(words)
    assert [t.select_read(story) for t in tests] == [{"Zanzibarq"}, {"QZQX"}]
    first, second = (t._tested | t._passed for t in tests)
    known = tokens._WORD_BITS.words.get
    assert not any(known(w, 0) & (first | second) for w in words)  # pending, not written yet
    tokens.StoryBits.read({"other": 1})  # the next story: this one's bits written first
    memory = tokens._WORD_BITS.words
    assert memory["Zanzibarq"] & (first | second) == first | tests[1]._tested
    assert memory["QZQX"] & (first | second) == tests[0]._tested | second
    assert [t.select_read(tokens.StoryBits.read(words)) for t in tests] == [{"Zanzibarq"}, {"QZQX"}]


class _Gated:
    """A stand-in rule: only its triggers are read."""

    def __init__(self, *triggers: Trigger) -> None:
        self._triggers = triggers

    def triggers(self) -> tuple[Trigger, ...]:
        return self._triggers


def test_a_gates_word_tests_run_until_one_selects_a_word():
    """`_triggered` asks a rule's word tests in order and stops at the first that selects a word
    of the story (the rule runs, and asks the others itself); a character present fires a rule
    without its tests; a rule whose tests select nothing is not run."""
    asked: list[str] = []

    def test(name: str, result: bool) -> LetterTest:
        return LetterTest(lambda w: asked.append(name) or result)

    first = _Gated(
        *(Trigger(words=test(name, result)) for name, result in [("a", False), ("b", True), ("c", True)])
    )
    tabbed = _Gated(Trigger(chars="\t"), Trigger(words=test("d", True)))
    never = _Gated(Trigger(words=test("e", False)))
    plain = _Gated()
    linter = lint.Linter(Settings(), path="story.txt")
    doc = segment.parse("Zqxv\twrote.\n", "story.txt", "text")
    rules = [first, tabbed, never, plain]
    assert linter._triggered(doc, rules) == [first, tabbed, plain]  # type: ignore[arg-type]
    assert sorted(set(asked)) == ["a", "b", "e"]


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "twin"])
def test_gates_in_one_call_pick_what_the_loop_picks(compiled, monkeypatch):
    """Once every gate's tests are settled (`LetterTest.gate_spec`), `_triggered` fires the gates
    in one call (`select_gates`): on every story it picks the rules the gate-by-gate loop picks,
    and leaves each test it ran with the words the loop's `selected` finds."""
    if not compiled:
        monkeypatch.setattr(tokens, "native", None)
    gc.collect()  # the memory's slots of the tests other tests made, given back
    vowels = frozenset("aeiou")
    tests = [
        LetterTest(lambda w: w.endswith("ing")),
        LetterTest(lambda w: len(w) > 9, table=lambda: frozenset({"department"})),
        LetterTest(lambda w: w[0] in vowels, fails=lambda: frozenset({"the", "and"})),
        LetterTest(str.isupper, only=lambda: (frozenset({"un", "bbc"}),)),
        LetterTest(str.istitle, decided={tokens.Shape.CAPITAL: 64}),
    ]
    rules = [
        _Gated(Trigger(words=tests[0]), Trigger(words=tests[1])),
        _Gated(Trigger(chars="\u00a0"), Trigger(words=tests[2])),
        _Gated(Trigger(words=tests[3])),
        _Gated(Trigger(chars="‘’"), Trigger(words=tests[4]), Trigger(words=tests[0])),
        _Gated(),
    ]
    linter = lint.Linter(Settings(), path="story.txt")
    first = segment.parse(TEXTS[0], "story.txt", "text")
    assert all(t.gate_spec() is None for t in tests)  # no table asked for yet: the loop
    assert linter._triggered(first, rules) is not None  # type: ignore[arg-type]
    for test in tests:
        first.selected(test)  # every table asked for: settled
    # (a test whose bits do not fit a machine word, its slot taken after 31 others, is run by
    # `select_read` itself: the loop then)
    fits = all(t.passed_bits([t]) < 1 << 63 for t in tests)
    program = lint.gate_program(linter._gates[id(rules)][2].gated)  # type: ignore[union-attr]
    assert (program is not None) == fits
    chosen = set()
    for text in TEXTS:
        doc, again = segment.parse(text, "story.txt", "text"), segment.parse(text, "story.txt", "text")
        picked = linter._triggered(doc, rules)  # type: ignore[arg-type]
        kept = dict(doc._selected)
        with monkeypatch.context() as patched:
            patched.setattr(lint, "gate_program", lambda gated: None)
            looped = lint.Linter(Settings(), path="story.txt")._triggered(again, rules)  # type: ignore[arg-type]
        assert picked == looped
        assert {t: again.selected(t) for t in kept} == kept
        chosen.add(tuple(map(id, picked)))
    assert (linter._gates[id(rules)][2].program[0] is not None) == fits  # type: ignore[union-attr]
    assert len(chosen) > 3  # the gates fired in several combinations


# --- gates of rules that used to run on every story ---------------------------------------------
GATED = {
    # code: (a story that fires the gate and is reported, a story the gate leaves out)
    "NL306": (
        "Senate passes bill\n\nWASHINGTON (Reuters) - WASHINGTON (Reuters) - The Senate passed "
        "the bill on Tuesday.\n\nIt now goes to the House.\n",
        "Senate passes bill\n\nWASHINGTON (Reuters) WASHINGTON (Reuters) The Senate passed the "
        "bill on Tuesday.\n\nIt now goes to the House.\n",
    ),
    "NL510": (
        "Rain falls\n\nThe city\u2019s mayor said it wasn't over.\n\nThe city\u2019s roads closed.\n",
        "Rain falls\n\nThe city's mayor said \"it wasn't over\".\n\nThe city's roads closed.\n",
    ),
}


@pytest.mark.parametrize("code", sorted(GATED))
def test_a_gate_fires_where_its_rule_reports_and_not_elsewhere(code):
    fired, left_out = GATED[code]
    linter = lint.Linter(Settings(), path="story.txt")
    rule = linter.by_code[code]
    for text, runs in ((fired, True), (left_out, False)):
        doc = segment.parse(text, "story.txt", "text")
        assert (rule in linter._triggered(doc, [rule])) is runs, (code, text)
        assert bool(list(rule.check(doc))) is runs, (code, text)
    assert code in {v.code for v in linter.check(fired).violations}
