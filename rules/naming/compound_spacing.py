"""NL203 compound-spacing."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from newslint.document import Document, Token
from newslint.rule import Rule, replace_fix
from newslint.rules.typos._words import match_case
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# An open pair whose first word is one of these is a phrase, not a spelling of a compound:
# every day / everyday, may be / maybe, any one / anyone, in to / into, all ready / already.
_PHRASE_FIRST = frozenset(
    "a an the any every some no all may in on to into onto per over under out up down off with "
    "without be been is was were are can will would could should must not".split()
)
# A verb and its particle is the phrase; the closed form is the noun: set up / setup,
# take over / takeover, break down / breakdown, pay out / payout.
_PARTICLES = frozenset("up down out off over in on back through away about around along aside by".split())


def _key(form: str) -> str:
    return form.replace(" ", "").replace("-", "").replace("\n", "").lower()


class CompoundSpacing(Rule):
    """## What it does
    Finds one compound written two ways in one story: closed, open or hyphenated (`airstrikes`
    and `air strikes`, `ceasefire` and `cease-fire`). The form the story uses most is taken as
    right; a tie goes to the first use. Every occurrence of the other form is reported.

    Open against hyphenated forms are not reported: a compound modifier takes a hyphen before a
    noun and none after it ("long-term debt", "in the long term"). Only two adjacent words are
    joined, and pairs that differ in meaning are left alone: a verb
    and its particle against the noun (`set up` / `setup`, `take over` / `takeover`) and phrases
    that start with a function word (`every day` / `everyday`, `may be` / `maybe`).

    ## Why is this bad?
    The same thing spelled two ways looks unedited and splits archive searches.

    ## Example
        U.S.-led airstrikes kill dozens ... in four air strikes by two F-16s

    ## Use instead
        U.S.-led airstrikes kill dozens ... in four airstrikes by two F-16s

    ## Fix safety
    Unsafe: dictionaries accept all forms of many compounds, so the majority is a guess about
    the house style. Safe when the configured `vocabulary` lists the canonical form. Inside
    direct quotations the form is reported, never changed.
    """

    code = "NL203"
    name = "compound-spacing"
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Violation]:
        words = [t for t in doc.words() if t.text.replace("-", "").isalpha()]
        closed: dict[str, list[Span]] = defaultdict(list)
        forms: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
        for tok in words:
            if len(tok.text) >= 6 and (tok.text.islower() or tok.sentence_start and tok.text[1:].islower() or "-" in tok.text):
                closed[_key(tok.text)].append(tok.span)
        for first, second in zip(words, words[1:]):
            between = doc.text[first.span.end:second.span.start]
            if between not in (" ", "\n") or "-" in first.text + second.text:
                continue
            if _plain(first) and _plain(second) and first.text.lower() not in _PHRASE_FIRST \
                    and second.text.lower() not in _PARTICLES and len(first.text) >= 2 and len(second.text) >= 3:
                key = _key(first.text + second.text)
                forms[key]["open"].append(Span(first.span.start, second.span.end))
        for key, spans in closed.items():
            for span in spans:
                text = doc.slice(span)
                if "-" in text and text.count("-") == 1:
                    left, right = text.lower().split("-")
                    if left not in _PHRASE_FIRST and right not in _PARTICLES:
                        forms[key]["hyphenated"].append(span)
                elif "-" not in text:
                    forms[key]["closed"].append(span)
        for key, by_kind in forms.items():
            if "closed" not in by_kind or len(by_kind) < 2:
                continue  # open against hyphenated is grammar: "the long term", "long-term debt"
            yield from self._minority(doc, by_kind)

    def _minority(self, doc: Document, by_kind: dict[str, list[Span]]) -> Iterator[Violation]:
        ranked = sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
        canonical_kind, canonical_spans = ranked[0]
        canonical = doc.slice(canonical_spans[0]).replace("\n", " ").lower()
        for kind, spans in ranked[1:]:
            if "closed" not in (kind, canonical_kind):
                continue
            for span in spans:
                found = doc.slice(span)
                right = match_case(found, canonical.lower())
                safe = self.context.accepts(canonical)
                yield self.violation(span, f"{found.replace(chr(10), ' ')!r} is written {canonical!r} elsewhere in the story "
                                           f"({len(canonical_spans)} time{'s' * (len(canonical_spans) != 1)})",
                                     replace_fix(f"Write {right!r}", span, right, safe))


def _plain(tok: Token) -> bool:
    """A lowercase word, or a capitalised one that starts a sentence."""
    return tok.text.islower() or tok.sentence_start and tok.text[1:].islower()
