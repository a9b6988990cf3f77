"""The engine: run the selected rules over a document and turn violations into diagnostics.

Data flow: text -> `segment.parse` -> Document -> its character repairs (`newslint.repairs`)
-> the repaired reading (`newslint.reading`), parsed into a second Document when it differs ->
each rule's `check` on the document it reads (the original for the NL52x rules that report the
repairs, the reading for all others) -> violations -> (drop those in markup or marked [sic],
demote word fixes inside quotations to display-only, each in the document the rule read; map
the reading's spans and fixes back to the original; apply inline suppressions) -> diagnostics.
`Linter.fix` runs that check to a fixpoint.
"""

from __future__ import annotations

import dataclasses
import gc
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from newslint import segment, suppress
from newslint.config import Settings
from newslint.document import NO_SPANS, Document, LetterTest, RegionKind, SpanSet
from newslint.fix import FixOutcome, fix_until_stable
from newslint.reading import Reading
from newslint.registry import select_rules
from newslint.rule import Rule, RuleContext, RuleUnavailable, Trigger
from newslint.segment import COMMENT_HINT
from newslint.span import Span
from newslint.tokens import GateProgram, gate_program, select_gates
from newslint.violation import Applicability, Diagnostic, Fix, Severity, Violation

_MARKUP = (RegionKind.CODE, RegionKind.FRONT_MATTER, RegionKind.COMMENT, RegionKind.LINK_TARGET)


# A text of this many characters or more (some 10,000 words: no story is so long) is checked and
# fixed with the cyclic collector paused (`check`, `fix`). Its check makes a tracked object or
# more for each of its thousands of problems and parts, and each full collection walked them all
# again: 400 KB of clock times fixed in 1.19 s a pass with it, 0.57 s paused, and 4x the text
# cost 5.1x the time, against 3.9x (measured).
UNCOLLECTED_TEXT = 64 * 1024


def _collector_paused_for(text: str) -> bool:
    """The cyclic collector switched off for a text of `UNCOLLECTED_TEXT` characters or more,
    if it was on: whether it was, for the caller to switch it on again when done."""
    paused = len(text) >= UNCOLLECTED_TEXT and gc.isenabled()
    if paused:
        gc.disable()
    return paused


class RuleCrash(Exception):
    """A rule raised an exception: reported as an internal error naming the rule."""


_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")


def format_of(path: str) -> str:
    return "markdown" if path.lower().endswith(_MARKDOWN_SUFFIXES) else "text"


@dataclass(slots=True)  # one a `check`: no instance dict made and freed for each
class CheckResult:
    """A check's violations, with the documents and the repaired reading they point into."""

    document: Document  # the original text's document; every violation's span is into its text
    violations: list[Violation]
    reading: Reading | None = None  # the repaired reading and its offset map
    reading_document: Document | None = None  # the document the word rules read


class _Gates(NamedTuple):
    """A list of rules' triggers, read for `Linter._triggered`: every trigger character, whether
    any trigger has a word test, the rules with triggers and for each its characters, its word
    tests and the bits that say a word passed one of them (`LetterTest.passed_bits`).
    A rule runs when the story holds one of its characters or a word one of its tests selects;
    a rule without triggers always runs. `chosen`: the rules to run for each combination of
    fired gates met so far (a few: most rules have no triggers, and most triggers seldom fire)."""

    chars: frozenset[str]
    words: bool
    gated_rules: list[Rule]
    gated: list[tuple[frozenset[str], tuple[LetterTest, ...], int]]
    chosen: dict[tuple[bool, ...], list[Rule]]
    # the gates as one compiled call reads them (`newslint.tokens.gate_program`), once every
    # test's tables are settled: [None] before
    program: list[GateProgram | None]


class Linter:
    """The rules chosen for one file, ready to check and fix texts."""

    def __init__(
        self,
        settings: Settings,
        path: str = "-",
        select: Sequence[str] | None = None,
        extend_select: Sequence[str] = (),
        ignore: Sequence[str] = (),
    ) -> None:
        self.settings = settings
        self.path = path
        chosen = select_rules(
            list(select) if select is not None else settings.select,
            [*settings.extend_select, *extend_select],
            [*settings.ignore, *settings.ignores_for(path), *ignore],
        )
        context = RuleContext(
            locale=settings.locale,
            style=settings.style,
            vocabulary=settings.vocabulary,
            profile=settings.profile,
            selected=frozenset(rule.code for rule in chosen),
        )
        self.rules: list[Rule] = [
            rule(settings.options_for(rule), context, settings.options_origin(rule)) for rule in chosen
        ]
        self.by_code = {type(r).code: r for r in self.rules}
        self._triggers: dict[Rule, tuple[Trigger, ...]] = {}  # each rule's, asked once
        # `rules` split by the document each reads, and each list's `_Gates`: worked out once,
        # not for every story (`rules` is a plain list that a caller may replace: kept with it)
        self._split: tuple[list[Rule], list[Rule], list[Rule], frozenset[str], list[Rule]] | None = None
        self._gates: dict[int, tuple[list[Rule], int, _Gates | None]] = {}

    def for_path(self, path: str) -> Linter:
        """The same rules, for another file (the path names the file in messages and decides
        its format)."""
        if path == self.path:
            return self
        # `copy.copy`'s shallow copy without its protocol (a reduce, a registry lookup): 2.6 us
        # a file of a corpus run, now 0.5 (measured); a subclass's state is its dict too
        other = object.__new__(type(self))
        other.__dict__.update(self.__dict__)
        other.path = path
        return other

    # --- checking ---------------------------------------------------------------------
    def check(self, text: str, format: str | None = None) -> CheckResult:
        doc, kept, reading, read_doc = self._checked(text, format)
        return CheckResult(doc, kept, Reading(text) if reading is None else reading, read_doc)

    def _checked(
        self, text: str, format: str | None = None, path: str | None = None
    ) -> tuple[Document, list[Violation], Reading | None, Document]:
        """`check`'s answer as a tuple, its reading None where it would be the text unrepaired:
        `violations`, asked a story, reads the violations alone (a `CheckResult` and a `Reading`
        made for every story cost more than the rest of a clean story's engine steps). `path`:
        the text's path, when not the linter's own (`violations`)."""
        # A big text's parts are millions of live objects, which every full collection of the
        # cyclic collector walks again, while its check makes few cycles: 1.5 s of a 5 MB
        # text's 6.5 s. The collector waits for its end (reference counting still frees).
        # (One body, not a second frame a story: a `try` costs nothing in 3.11 until it raises.)
        paused = _collector_paused_for(text)
        try:
            if path is None:
                path = self.path
            # (`format_of` inline: a call a story)
            fmt = format or ("markdown" if path.lower().endswith(_MARKDOWN_SUFFIXES) else "text")
            doc = segment.parse(text, path, fmt)
            split = self._split  # (`_rule_split`'s answer read here, its call made once)
            if split is None or split[0] is not self.rules:
                split = self._rule_split()
            _, original_rules, reading_rules, deferring, unrepaired = split
            if unrepaired is not original_rules and not doc.repairs:
                original_rules = unrepaired  # no repair to report: its reporters left out
            # Only the rules that read the repaired reading need it built (most stories: none to build).
            reading = Reading(text, doc.repairs) if reading_rules and doc.repairs else None
            read_doc = doc
            if reading is not None and reading.repairs:
                read_doc = segment.parse(reading.text, path, fmt)
            kept: list[Violation] = []
            for own, rules in ((doc, original_rules), (read_doc, reading_rules)):
                if not rules:  # (a clean story's original: the rules that report repairs left out)
                    continue
                if own is not doc:
                    # The original's rules are done, and what follows reads its text, lines and
                    # quotations only: a big file's sentences and paragraphs go before the reading's.
                    doc.release_parts()
                raw = self._run_all(self._triggered(own, rules), own)
                if not raw:
                    continue
                found = self._kept(own, raw)
                if own is not doc:
                    # A quotation of either text protects its words: the original's marks may be
                    # damage the reading repaired (`andà“hen`), but a fix is applied unattended.
                    assert reading is not None
                    found = self._in_original(doc, reading, found)
                kept.extend(found)
            if deferring:  # (none without a LanguageTool server)
                kept = self._drop_deferred(kept)
            # `suppress.may_hold_directive` ("<!--" in text), read from the bits parse found
            if doc.hints & COMMENT_HINT:  # (most stories hold none)
                kept = self._apply_suppressions(doc, kept)
            # a Span is the tuple (start, end): the same order as (start, end, code), keyed in C
            kept.sort(key=_BY_PLACE)
            return doc, kept, reading, read_doc
        finally:
            if paused:
                gc.enable()

    def _rule_split(self) -> tuple[list[Rule], list[Rule], list[Rule], frozenset[str], list[Rule]]:
        """The rules, those that read the original text and those that read the repaired reading
        (neither holding a rule its settings keep silent, `Rule.silent`: about twenty under the
        default settings, each a call a story), the codes of the deferring rules among those
        (none without a LanguageTool server), and the rules of the original for a story without
        repairs (those but `Rule.reports_repairs`'; the list itself when none is one): worked out
        once, not for every story."""
        split = self._split
        if split is None or split[0] is not self.rules:
            rules = self.rules
            speaking = [r for r in rules if not r.silent()]
            original = [r for r in speaking if r.reads_original]
            unrepaired = [r for r in original if not r.reports_repairs]
            split = self._split = (
                rules,
                original,
                [r for r in speaking if not r.reads_original],
                frozenset(type(r).code for r in speaking if r.defers_to_other_rules),
                original if len(unrepaired) == len(original) else unrepaired,
            )
        return split

    def _triggered(self, doc: Document, rules: list[Rule]) -> list[Rule]:
        """The rules with anything to look at in `doc`: those without triggers, and those with a
        trigger the story holds (`newslint.rule.Trigger`). One pass: each trigger character is
        tested once, and every word test reads the story's words' bits, read once."""
        known = self._gates.get(id(rules))
        if known is None or known[0] is not rules or known[1] != len(rules):
            if len(self._gates) > 8:
                self._gates.clear()
            known = self._gates[id(rules)] = (rules, len(rules), self._gates_of(rules))
        gates = known[2]
        if gates is None:
            return rules
        if gates.words:
            program = gates.program[0]
            if program is None:
                program = gates.program[0] = gate_program(gates.gated)
            if program is not None:  # every gate in one call (`fired_gates` and `_chosen`, inline)
                fired = select_gates(program, doc.text, doc._selected, doc.word_bits)
                chosen = gates.chosen.get(fired)
                return self._chosen(gates, rules, fired) if chosen is None else chosen
        text = doc.text
        present = set(filter(text.__contains__, gates.chars))  # (no comprehension: no cell a story)
        # A word remembered to pass one of a rule's tests fires it with one `&` on the bits of
        # the story's words, read once (`Document.word_bits`); only a rule fired by neither
        # has its tests run on the story's new words.
        union = doc.word_bits.union if gates.words else 0
        selected = doc.selected
        fired_list: list[bool] = []  # a plain loop: a generator and an any() a gate cost more than its tests
        fire = fired_list.append
        for chars, tests, passed in gates.gated:
            if union & passed or (chars and not present.isdisjoint(chars)):  # (most gates have no chars)
                fire(True)
                continue
            for test in tests:
                if selected(test):
                    fire(True)
                    break
            else:
                fire(False)
        return self._chosen(gates, rules, tuple(fired_list))

    @staticmethod
    def _chosen(gates: _Gates, rules: list[Rule], fired: tuple[bool, ...]) -> list[Rule]:
        """The rules to run when `fired` says which gates fired."""
        chosen = gates.chosen.get(fired)
        if chosen is None:  # each combination of fired triggers picks the same rules: kept
            on = dict(zip(gates.gated_rules, fired, strict=True))
            chosen = gates.chosen[fired] = [rule for rule in rules if on.get(rule, True)]
        return chosen

    def _gates_of(self, rules: list[Rule]) -> _Gates | None:
        triggers = [self._triggers_of(rule) for rule in rules]
        if not any(triggers):
            return None
        gated = []
        for rule, found in zip(rules, triggers, strict=True):
            if found:
                chars = frozenset(c for t in found for c in t.chars)
                tests = tuple(t.words for t in found if t.words is not None)
                gated.append((rule, (chars, tests, LetterTest.passed_bits(tests))))
        return _Gates(
            frozenset(c for found in triggers for t in found for c in t.chars),
            any(tests for _, (_, tests, _) in gated),
            [rule for rule, _ in gated],
            [gate for _, gate in gated],
            {},
            [None],
        )

    def _triggers_of(self, rule: Rule) -> tuple[Trigger, ...]:
        found = self._triggers.get(rule)
        if found is None:
            found = self._triggers[rule] = rule.triggers()
        return found

    def _run_all(self, rules: list[Rule], doc: Document) -> list[Violation]:
        """Every violation the rules find in `doc`, rule by rule. One `try` around the loop, not a
        call and a `try` per rule: a story runs some forty rules, most of which find nothing."""
        raw: list[Violation] = []
        # A loop of appends, not `raw.extend(rule.check(doc))`: most checks are generators that
        # yield nothing, and `list.extend` of a generator asks its `__length_hint__` (a special
        # method lookup) and grows the list by eight and shrinks it back (two reallocs): about
        # 1,100 instructions more a rule than this loop (callgrind, 3.11, a generator of none)
        add = raw.append
        rule = None
        try:
            for rule in rules:
                for v in rule.check(doc):
                    add(v)
        except RuleUnavailable:
            raise
        except Exception as exc:  # a crashing rule must not take the run down silently
            assert rule is not None
            raise RuleCrash(  # (the document's path: the one its check was asked for)
                f"rule {type(rule).code} ({type(rule).name}) crashed on {doc.path}: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        return raw

    def violations(self, text: str, path: str | None = None) -> list[Violation]:
        """The violations of `text`, sorted; `path` (if given) stands for the linter's own: a
        file's path read as `for_path(path).violations(text)` reads it, without a linter made
        for each file (`newslint.runner.process_text`)."""
        return self._checked(text, None, path)[1]

    def _kept(self, doc: Document, raw: list[Violation]) -> list[Violation]:
        """The violations of `raw` that may be reported, each protected (`_protect`). Its own
        method: a comprehension in `_checked` made cells of the variables it reads at every
        story's start (five, made and freed for each story, most of which find nothing)."""
        if doc.regions or doc.sic:  # (most stories: neither, and every violation is reportable)
            # once per check: a big file has many of both (most stories have no region at all)
            markup = SpanSet(_markup_spans(doc)) if doc.regions else NO_SPANS
            raw = [v for v in raw if self._reportable(doc, v, markup)]
        if not doc.quotations:  # no word to protect: each violation as it is (`_protect`)
            return raw
        return [self._protect(doc, v) for v in raw]

    def _in_original(self, doc: Document, reading: Reading, found: list[Violation]) -> list[Violation]:
        """The violations `found` in `reading` placed in the original `doc`, each protected there."""
        return [self._protect(doc, _to_original(reading, v)) for v in found]

    def _drop_deferred(self, raw: list[Violation]) -> list[Violation]:
        """Violations of deferring rules (outside checkers) that newslint's own rules also report."""
        deferring = self._rule_split()[3]
        if not deferring:
            return raw
        own = [v.span for v in raw if v.code not in deferring]
        return [
            v
            for v in raw
            if v.code not in deferring or not any(s == v.span or s.overlaps(v.span) for s in own)
        ]

    def _reportable(self, doc: Document, v: Violation, markup: SpanSet) -> bool:
        # a violation that overlaps markup, or an insertion inside or at the edge of it
        if markup.touches(v.span) or markup.covers(v.span):
            return False
        rule = self.by_code.get(v.code)
        return not (rule is not None and not rule.repairs_characters and doc.is_marked_sic(v.span))

    def _protect(self, doc: Document, v: Violation) -> Violation:
        """Words inside a direct quotation are reported, never edited: their fixes and
        alternatives stay visible in reports, display-only and withheld from editors too."""
        rule = self.by_code.get(v.code)
        if v.fix is None or (rule is not None and rule.repairs_characters):
            return v
        if not any(doc.is_quoted(e.span) for e in v.fix.edits):
            return v
        return Violation(
            v.code,
            v.span,
            v.message,
            _withheld(v.fix),
            tuple(_withheld(f) for f in v.alternatives),
        )

    def _apply_suppressions(self, doc: Document, violations: list[Violation]) -> list[Violation]:
        if not suppress.mentions_newslint(doc):  # no directive, and nothing for NL001 or NL002
            return violations
        directives = suppress.scan(doc)
        kept = []
        for v in violations:
            name = type(self.by_code[v.code]).name if v.code in self.by_code else v.code
            hits = [d for d in directives if d.covers(v.code, name, v.span.start)]
            for d in hits:
                d.used = True
            if not hits:
                kept.append(v)
        unused = [d for d in directives if not d.used]
        for rule in self.rules:  # NL001 and NL002 read the directives themselves
            kept.extend(rule.check_suppressions(doc, unused))
        return kept

    # --- fixing -----------------------------------------------------------------------
    def fix(self, text: str, unsafe: bool = False) -> FixOutcome:
        required = Applicability.UNSAFE if unsafe else Applicability.SAFE
        # a long text's passes and the fixes applied between them, with the collector paused
        # (`UNCOLLECTED_TEXT`): each pass's check then finds it paused already
        paused = _collector_paused_for(text)
        try:
            return fix_until_stable(text, self.violations, required, self.fix_rank)
        finally:
            if paused:
                gc.enable()

    def fix_rank(self, code: str) -> int:
        rule = self.by_code.get(code)
        return type(rule).fix_rank() if rule is not None else 0

    # --- reporting --------------------------------------------------------------------
    def diagnostic(self, v: Violation, path: str | None = None) -> Diagnostic:
        rule = self.by_code.get(v.code)
        name = type(rule).name if rule else v.code
        severity = self.settings.severity.get(v.code) or (
            type(rule).default_severity if rule else Severity.ERROR
        )
        return Diagnostic(path or self.path, v.code, name, v.message, severity, v.span, v.fix, v.alternatives)


QUOTATION_NOTE = "inside a quotation: not applied"

# What `_check` sorts the kept violations by: their spans, then their codes.
_BY_PLACE = operator.attrgetter("span", "code")


def _withheld(fix: Fix) -> Fix:
    if fix.applicability == Applicability.DISPLAY_ONLY:  # already shown only: its title stays
        return dataclasses.replace(fix, withheld=QUOTATION_NOTE)
    return fix.demoted(Applicability.DISPLAY_ONLY, QUOTATION_NOTE, withheld=True)


def _to_original(reading: Reading, v: Violation) -> Violation:
    """A violation found in the reading, with its span and fix edits in the original text."""
    fix = reading.fix_to_original(v.fix) if v.fix is not None else None
    return Violation(v.code, reading.span_to_original(v.span), v.message, fix)


def _markup_spans(doc: Document) -> list[Span]:
    return [r.span for r in doc.regions if r.kind in _MARKUP]
