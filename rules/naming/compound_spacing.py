"""NL203 compound-spacing."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from newslint.document import Document, LetterTest, Token
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
        if not _may_report(doc.word_counts):
            return  # decided from the story's distinct words, without its tokens
        words = [t for t in doc.words() if t.text.replace("-", "").isalpha()]
        forms: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
        for tok in words:
            text = tok.text
            if len(text) < 6 or not (text.islower() or tok.sentence_start and text[1:].islower() or "-" in text):
                continue
            if "-" not in text:
                forms[text.lower()]["closed"].append(tok.span)
            elif text.count("-") == 1:
                left, right = text.lower().split("-")
                if left not in _PHRASE_FIRST and right not in _PARTICLES:
                    forms[left + right]["hyphenated"].append(tok.span)
        # Every report needs a closed form, so only pairs that join into one are looked at.
        closed_keys = [key for key, by_kind in forms.items() if "closed" in by_kind]
        if not closed_keys:
            return
        text, joinable = doc.text, set(closed_keys)
        for first, second in zip(words, words[1:]):
            key = (first.text + second.text).lower()
            if key not in joinable or text[first.span.end:second.span.start] not in (" ", "\n"):
                continue
            if "-" in key:
                continue
            if _plain(first) and _plain(second) and first.text.lower() not in _PHRASE_FIRST \
                    and second.text.lower() not in _PARTICLES and len(first.text) >= 2 and len(second.text) >= 3:
                forms[key]["open"].append(Span(first.span.start, second.span.end))
        for key in closed_keys:
            by_kind = forms[key]
            if len(by_kind) >= 2:  # open against hyphenated is grammar: "the long term", "long-term debt"
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


def _is_compound_word(word: str) -> bool:
    """Letters with inner hyphens: the words `check` pairs."""
    return word.replace("-", "").isalpha()


def _hyphenated_compound(word: str) -> bool:
    """A compound of six characters or more with one hyphen that is not a phrase (`set-up`)."""
    if word.count("-") != 1 or len(word) < 6 or not _is_compound_word(word):
        return False
    left, right = word.lower().split("-")
    return left not in _PHRASE_FIRST and right not in _PARTICLES


# Tests of a word's letters for `_may_report`, each run once per distinct word and remembered.
_NON_ASCII = LetterTest(lambda w: _is_compound_word(w) and not w.isascii())
_CLOSED = LetterTest(lambda w: "-" not in w and len(w) >= 6 and w.isalpha() and (w.islower() or w[1:].islower()))
_HYPHENATED = LetterTest(_hyphenated_compound)
_PLAIN = LetterTest(lambda w: "-" not in w and w.isalpha())


def _may_report(counts: Counter[str]) -> bool:
    """False when no closed form of six letters or more meets a hyphenated or an open form in
    the story: a test on its distinct words that holds whenever `check` would report (it drops
    only the position tests), so most stories skip the token pass. Stories with non-ASCII words
    are not judged here (lowercasing is not character by character for all of Unicode)."""
    if _NON_ASCII.select(counts):
        return True
    closed = {w.lower() for w in _CLOSED.select(counts)}
    if not closed:
        return False
    hyphenated = {w.lower().replace("-", "") for w in _HYPHENATED.select(counts)}
    if closed & hyphenated:
        return True
    lowered = {w.lower() for w in _PLAIN.select(counts)}
    return any(key[:i] in lowered and key[i:] in lowered and key[:i] not in _PHRASE_FIRST and key[i:] not in _PARTICLES
               for key in closed for i in range(2, len(key) - 2))


def _plain(tok: Token) -> bool:
    """A lowercase word, or a capitalised one that starts a sentence."""
    return tok.text.islower() or tok.sentence_start and tok.text[1:].islower()
