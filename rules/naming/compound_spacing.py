"""NL203 compound-spacing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator

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

    Capitalised forms inside a sentence are names and keep their spelling ("the Australian Meat
    and Live-Stock Corp" beside "livestock"). Open against hyphenated forms are not reported: a
    compound modifier takes a hyphen before a noun and none after it ("long-term debt", "in the
    long term"). Only two adjacent words are joined, and pairs that differ in meaning are left
    alone: a verb and its particle against the noun (`set up` / `setup`, `take over` / `takeover`) and phrases
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
        wanted, keys = _candidates(doc)
        if not keys:
            return  # decided from the story's distinct words, without its tokens
        forms: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
        opened: dict[str, list[Span]] = defaultdict(list)  # open pairs, kept where a closed form is
        text, previous = doc.text, None
        # Candidate-first, in one pass: the tokens of the words that can meet in a report, one at
        # a time (a big file holds many); two adjacent words are adjacent among them too.
        for tok in doc.iter_words_among(wanted):
            _file_form(forms, tok, keys)
            if previous is not None and (key := _open_pair(text, previous, tok)) in keys:
                opened[key].append(Span(previous.span.start, tok.span.end))
            previous = tok
        # Every report needs a closed form: only pairs that join into one count.
        closed_keys = [key for key, by_kind in forms.items() if "closed" in by_kind]
        for key in closed_keys:
            if key in opened:
                forms[key]["open"] = opened[key]
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
                yield self.violation(
                    span,
                    f"{found.replace(chr(10), ' ')!r} is written {canonical!r} elsewhere in the story "
                    f"({len(canonical_spans)} time{'s' * (len(canonical_spans) != 1)})",
                    replace_fix(f"Write {right!r}", span, right, safe),
                )


def _is_compound_word(word: str) -> bool:
    """Letters with inner hyphens: the words `check` pairs."""
    return word.replace("-", "").isalpha()


def _hyphenated_compound(word: str) -> bool:
    """A compound of six characters or more with one hyphen that is not a phrase (`set-up`)."""
    if word.count("-") != 1 or len(word) < 6 or not _is_compound_word(word):
        return False
    left, right = word.lower().split("-")
    return left not in _PHRASE_FIRST and right not in _PARTICLES


# Longer "words" are pasted blobs, not compounds; splitting each at every letter costs the square
# of its length (a 1 MB run of letters took minutes).
LONGEST_COMPOUND = 40
# Tests of a word's letters for `_candidates`, each run once per distinct word and remembered.
_CLOSED = LetterTest(
    lambda w: (
        "-" not in w and 6 <= len(w) <= LONGEST_COMPOUND and w.isalpha() and (w.islower() or w[1:].islower())
    )
)
_HYPHENATED = LetterTest(_hyphenated_compound)
_PLAIN = LetterTest(lambda w: "-" not in w and w.isalpha())


def _candidates(doc: Document) -> tuple[set[str], set[str]]:
    """The words whose tokens `check` needs and the compounds it may report, from the story's
    distinct words: the closed forms of six letters or more that meet a hyphenated form or two
    words that join into them (the compounds), those forms and those words. Empty when no closed
    form meets another (most stories).

    Every pair `check` accepts is one of the splits looked at here: a pair's lowercase is its two
    words' lowercase put together (`str.lower` maps each letter on its own but a capital sigma,
    which a word `_plain` accepts holds only as its first letter, before lowercase ones, where
    it lowercases alike), and no letter's lowercase is shorter than the letter."""
    counts = doc.word_counts
    closed_words = _CLOSED.select(counts)
    closed = {w.lower() for w in closed_words}
    if not closed:
        return set(), set()
    hyphenated = {w for w in _HYPHENATED.select(counts) if w.lower().replace("-", "") in closed}
    keys = {w.lower().replace("-", "") for w in hyphenated}
    plain = _PLAIN.select(counts)
    lowered = {w.lower() for w in plain}
    parts: set[str] = set()
    for key in closed:
        for i in range(2, len(key) - 2):  # two letters or more, then three or more
            first, second = key[:i], key[i:]
            if (
                first in lowered
                and second in lowered
                and first not in _PHRASE_FIRST
                and second not in _PARTICLES
            ):
                keys.add(key)
                parts.update((first, second))
    wanted = (
        {w for w in closed_words if w.lower() in keys} | hyphenated | {w for w in plain if w.lower() in parts}
    )
    return wanted, keys


def _file_form(forms: dict[str, dict[str, list[Span]]], tok: Token, keys: Collection[str]) -> None:
    """File a closed (`airstrikes`) or hyphenated (`air-strikes`) form of six characters or more
    under its compound, when that is one of `keys`."""
    text = tok.text
    # capitals mid-sentence are a name's own spelling ("Australian Meat and Live-Stock Corp")
    if len(text) < 6 or not (text.islower() or tok.sentence_start and text[1:].islower()):
        return
    if "-" not in text:
        if (key := text.lower()) in keys:
            forms[key]["closed"].append(tok.span)
    elif text.count("-") == 1:
        left, right = text.lower().split("-")
        if left not in _PHRASE_FIRST and right not in _PARTICLES and left + right in keys:
            forms[left + right]["hyphenated"].append(tok.span)


def _open_pair(text: str, first: Token, second: Token) -> str | None:
    """The compound that two adjacent words write open (`air strikes`), or None: plain words,
    one space or line break apart, not a phrase or a verb and its particle."""
    if text[first.span.end : second.span.start] not in (" ", "\n") or "-" in first.text or "-" in second.text:
        return None
    if (
        _plain(first)
        and _plain(second)
        and first.text.lower() not in _PHRASE_FIRST
        and second.text.lower() not in _PARTICLES
        and len(first.text) >= 2
        and len(second.text) >= 3
    ):
        return (first.text + second.text).lower()
    return None


def _plain(tok: Token) -> bool:
    """A lowercase word, or a capitalised one that starts a sentence."""
    return tok.text.islower() or tok.sentence_start and tok.text[1:].islower()
