"""NL107 real-word-slip."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain

from newslint.document import Document, LetterTest, Token
from newslint.native import line_words, native
from newslint.rule import Rule, RuleOptions, Trigger
from newslint.rules._tables import data_text, once
from newslint.rules.typos import _pairs
from newslint.rules.typos._confusions import confusions, lift
from newslint.rules.typos._context import Context
from newslint.rules.typos._slips import replacement
from newslint.rules.typos._words import WordList, english, match_case
from newslint.rules.typos.unknown_word import COMMON_RANK, neighbours
from newslint.span import Span
from newslint.violation import Applicability, FixAvailability, Violation

REPORT_LIFT = 8.0  # the other word reads e^8 (3,000) times likelier between the neighbours


class RealWordSlip(Rule):
    """## What it does
    Finds a real word written for another that reads far better in its place: "form" for
    "from" ("proceeds form the loan"), "then" for "than" ("less then four years"), "there" for
    "their" ("much of there life"), "effect" for "affect", "its" for "it" ("said its is"). A
    dictionary cannot see these slips: every word is a word.

    A negative contraction that lost its apostrophe and is a word too ("cant", "wont") is
    reported right before a verb ("I cant see", "models wont distract"), in the headline too: as
    words they are nouns (political cant, as was his wont, wont to). A verb is a word the table
    of common pairs sees after "to" ten times as often as after "the" or "of".

    The words looked at are English's commonly confused pairs (form/from, there/their,
    lose/loose, than/then, were/where, affect/effect, quite/quiet, ...; contractions and
    now/not are left out: two neighbours cannot tell "would now help" from "would not help").
    The written word and the other are weighed between the neighbours with a table of common
    word pairs: the other must make a common pair with each neighbour, the written word must
    not, and the other must read 3,000 times better. Only words with a neighbour either side in their
    sentence are weighed, never in the headline (headlines drop words). `allowed` lists words
    never reported.

    ## Why is this bad?
    A real-word slip changes or loses the meaning, and passes every spelling checker.

    ## Example
        The proceeds form the loan came after less then four years.

    ## Use instead
        The proceeds from the loan came after less than four years.

    ## Fix safety
    Reported only: the other word is shown (display-only), never applied, since two neighbours
    are thin evidence that a real word is wrong. A lost apostrophe before a verb is a guess
    (unsafe). Inside direct quotations the word is reported, never changed.
    """

    code = "NL107"
    name = "real-word-slip"
    fix_availability = FixAvailability.ALWAYS

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """Words never read as slips (`[rules.real-word-slip]`)."""

        allowed: tuple[str, ...] = ()  # words never read as slips (a desk's jargon)

    options: Options

    def triggers(self) -> tuple[Trigger, ...]:
        # each report is of a word of the table, or of a contraction less its apostrophe
        return (Trigger(words=_CONFUSABLE), Trigger(words=_APOSTROPHE_LOST))

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: a contraction less its apostrophe ("cant", "wont") is in few stories,
        # and the others pay no generator of `_lost_apostrophes` and no look-up of its tokens.
        confused = self._confused(doc)
        # (each of the table's two words looked up: the word counts' keys are no set or view,
        # so `isdisjoint` of them walked all the story's words)
        if not any(map(doc.word_counts.__contains__, apostrophe_lost())):
            return confused
        return chain(confused, self._lost_apostrophes(doc))

    def _tokens(self, doc: Document, table: Mapping[str, object]) -> list[Token]:
        """The tokens of the story's words that are words of `table`, less the `allowed` ones:
        what `doc.selected` of the table's test selects (`_CONFUSABLE`, `_APOSTROPHE_LOST`),
        found by a look-up of each of the table's few words (dozens) among the story's words
        (hundreds) rather than a test of each of the story's."""
        counts = doc.word_counts  # (the table's words looked up: its keys are no set or view)
        allowed, selected = self.options.allowed, set(filter(counts.__contains__, table))
        return doc.words_among({w for w in selected if w not in allowed} if allowed else selected)

    def _confused(self, doc: Document) -> Iterator[Violation]:
        """The commonly confused words that read far worse than another between their neighbours."""
        # The story's own str objects (`doc.selected`), which `among` (`word_positions`) finds by
        # identity among the index's words: the table's keys (`confusions().keys() &
        # doc.word_counts.keys()` holds those, nine stories in ten) were looked up word by word.
        allowed, selected = self.options.allowed, doc.selected(_CONFUSABLE)
        if allowed:
            selected = {w for w in selected if w not in allowed}
        found = doc.word_positions(selected) if selected else None
        if found is None:  # no index (a text too long, or its tokens built): read the tokens
            yield from self._confused_tokens(doc, doc.words_among(selected))
            return
        # Read from the token index, no token built: a story holds a few of the table's words
        # ("from", "their", "were") and nearly all read with their neighbours (tested in C).
        (words, ids, starts, openings, _), at = found
        table = _pair_table()  # the words of `at` are among its keys
        headline = doc.headline
        for i, before, after in _slip_candidates(doc.text, at, words, ids, starts, table):
            word, start = words[ids[i]], starts[i]
            best = _reads_better(word, before, after)
            if best is None:
                continue
            # `Token.in_headline`: the headline holds the token's sentence (it can only if it
            # holds the token's start)
            if headline is not None and start < headline.end:
                sentence = doc.sentences[bisect_right(openings, i) - 1]
                if headline.contains(sentence):
                    continue
            yield self._report(Span(start, start + len(word)), word, best)

    def _confused_tokens(self, doc: Document, tokens: list[Token]) -> Iterator[Violation]:
        """`_confused` read from the tokens of the table's words."""
        text = doc.text
        for tok in tokens:
            if tok.in_headline:
                continue
            span = tok.span
            before, after = neighbours(text, span.start, span.end)
            if before is None or after is None:
                continue
            best = _reads_better(tok.text, before, after)
            if best is None:
                continue  # the common case: the word reads with both its neighbours
            yield self._report(span, tok.text, best)

    def _report(self, span: Span, word: str, best: str) -> Violation:
        meant = match_case(word, best)
        fix, _ = replacement(span, meant, Applicability.DISPLAY_ONLY, ())
        return self.violation(span, f"{word!r} where {meant!r} reads far better", fix)

    def _lost_apostrophes(self, doc: Document) -> Iterator[Violation]:
        """A negative contraction less its apostrophe that is a word too ("cant", "wont"), right
        before a verb ("I cant see", "models wont distract"): the contraction. As words they are
        nouns ("political cant", "as was his wont", "wont to"), never before a verb. In the
        headline too: a headline drops words, not apostrophes."""
        table, text = apostrophe_lost(), doc.text
        for tok in self._tokens(doc, table):
            _, after = neighbours(text, tok.span.start, tok.span.end)
            if after is None or not _verb(after):
                continue
            meant = table[tok.text]
            fix, _ = replacement(tok.span, meant, Applicability.UNSAFE, ())
            yield self.violation(
                tok.span, f"{tok.text!r} before a verb: {meant!r} with its apostrophe lost?", fix
            )


VERB_LEAN = 10.0  # "to X" this many times commoner than "the X" and "of X": X is a verb


def _verb(word: str) -> bool:
    """A verb's base form, by the pair table: it follows "to" far more often than "the" or "of"
    (to see, to distract; not "to the", "to it", "to and", "to market")."""
    after_to = _pairs.count("to", word)
    nouns = max(_pairs.count("the", word) or 0.0, _pairs.count("of", word) or 0.0)
    return after_to is not None and after_to >= VERB_LEAN * nouns


@once
def apostrophe_lost() -> dict[str, str]:
    """The listed words that are a listed negative contraction with its apostrophe lost, the
    contraction among the commonest words: cant (can't), wont (won't). For the shipped list,
    read from `APOSTROPHE_LOST` (built when it is missing)."""
    words = english()
    shipped = _shipped_apostrophe_lost() if words.shipped else None
    return apostrophe_lost_of(words) if shipped is None else shipped


def _shipped_apostrophe_lost() -> dict[str, str] | None:
    """`APOSTROPHE_LOST` read, or None when it is missing."""
    try:
        text = data_text("newslint.rules.typos", APOSTROPHE_LOST)
    except OSError:
        return None
    rows = (line.partition("\t") for line in text.split("\n") if line)
    return {lost: written for lost, _, written in rows}


APOSTROPHE_LOST = "apostrophe-lost.tsv"
"""`apostrophe_lost()` of the shipped list, a word and its contraction a line, apart by a tab
(scripts/build_table_data.py writes it; a test rebuilds it and compares): finding the words that
end in "n't" searched the 2.3 MB word index, 7 M instructions of every `--jobs` run's warm-up
(measured), for two lines."""


def apostrophe_lost_text(words: WordList) -> str:
    """`apostrophe_lost_of(words)` as `APOSTROPHE_LOST`'s lines, in the dict's order."""
    return "".join(f"{lost}\t{written}\n" for lost, written in apostrophe_lost_of(words).items())


def apostrophe_lost_of(words: WordList) -> dict[str, str]:
    """`apostrophe_lost()` built from a word list."""
    return {
        w.replace("'", ""): w
        for w, rank in words.ending("n't")
        if rank < COMMON_RANK and w.replace("'", "") in words
    }


# a word of the table, as written (looked up in the table without a call per word)
_CONFUSABLE = LetterTest(lambda w: w in confusions(), table=confusions)
_APOSTROPHE_LOST = LetterTest(lambda w: w in apostrophe_lost(), table=apostrophe_lost)  # cant, wont


@lru_cache(maxsize=8192)  # a corpus repeats its phrases: "there is", "from the"
def _reads_better(word: str, before: str, after: str) -> str | None:
    """The word of the table that reads far better than `word` (one of the table's words)
    between its neighbours, or None, as `_confused` reports it."""
    if _reads(word, before, after):
        return None
    others = confusions()[word]
    # The best must read with both neighbours too: where none of the others does (most words
    # that miss a pair: "from" before a name), no lift needs weighing.
    if not any(_reads(other, before, after) for other in others):
        return None
    context = Context(before, after)
    lifts = {other: lift(word, other, context) for other in others}
    best = max(others, key=lifts.__getitem__)
    if lifts[best] < REPORT_LIFT or not _reads(best, before, after):
        return None
    return best


def _reads(word: str, before: str, after: str) -> bool:
    """The word makes a common pair with both neighbours."""
    words_before, words_after = _neighbours(word)
    return before in words_before and after in words_after


PairSets = tuple[frozenset[str], frozenset[str], tuple[tuple[frozenset[str], frozenset[str]], ...]]


def _slip_candidates_twin(
    text: str,
    at: Sequence[int],
    words: list[str],
    ids: Sequence[int],
    starts: Sequence[int],
    table: dict[str, PairSets],
) -> list[tuple[int, str, str]]:
    """The tokens of `at` (indices into a token index: its `words`, `ids` and `starts`) that
    `_reads_better` weighs, with their neighbours: (i, before, after) where both neighbours are
    words, the token's word (a key of `table`, its `_pair_sets`) does not make a pair with both
    and one of the others it may have been written for does. The pure-Python twin of the
    compiled `slip_candidates`, which reads a story's hundreds of the table's words without a
    Python loop over them."""
    found = []
    for i in at:
        word, start = words[ids[i]], starts[i]
        before, after = neighbours(text, start, start + len(word))
        if before is None or after is None:
            continue
        words_before, words_after, others = table[word]
        if before in words_before and after in words_after:
            continue  # the common case: the word reads with both its neighbours
        if any(before in b and after in a for b, a in others):
            found.append((i, before, after))
    return found


_slip_candidates: Callable[..., list[tuple[int, str, str]]] = (
    _slip_candidates_twin if native is None else native.slip_candidates
)


@once
def _pair_table() -> dict[str, PairSets]:
    """`_pair_sets` of every word of the table, built once: what `slip_candidates` looks a
    story's words up in, not a dict of the story's own few built again for each story."""
    return {word: _pair_sets(word) for word in confusions()}


@cache
def _pair_sets(word: str) -> PairSets:
    """`_neighbours` of a word of the table, and of each of the others it may have been written
    for: what `_reads_better` tests first, read in one look-up."""
    return (*_neighbours(word), tuple(_neighbours(other) for other in confusions()[word]))


@cache
def _neighbours(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words the pair table holds before `word` and after it (`_pairs.count(x, word)` and
    `_pairs.count(word, x)` are not None): `_reads` asks it of the table's words in nearly every
    story ("from", "their", "were"), and most (word, neighbours) triples are new, so the pair
    memo missed and searched the neighbour's line (7,000 characters for "their") twice a word.
    A few dozen words, about 11,000 neighbours in all."""
    # (each line's entries read in one compiled call, `line_words`: the before table's entries
    # hold no ':', the after table's are "word:k"; a split, a partition an entry and a frozenset
    # in Python were 18 M instructions of the start each process of a `--jobs` run pays)
    return line_words(_pairs.before(word)), line_words(_pairs.after(word))
