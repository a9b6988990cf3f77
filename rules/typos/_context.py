"""How likely each correction of a misspelt word is, the way a copy editor weighs it: how common the
word is, which slip would have turned it into the typo (a neighbouring key, a doubled letter, two
letters swapped), and whether it reads with the words either side ("news agency", not "news
agony"). A noisy-channel score: prior x error model x context, turned into a share of belief
among the candidates.

The context comes from a table of word pairs (Google Books counts via symspellpy, shipped in
data/pairs-*.txt and read by _pairs.py): a pair in the table is common English; a pair missing
from it is rarer than the table's threshold, and is scored as if the two words were independent,
capped below it.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import itemgetter
from typing import NamedTuple

from newslint import native as _chooser
from newslint.native import line_index, near_words, near_words_in_index
from newslint.rules._tables import data_text, once
from newslint.rules.typos import _pairs
from newslint.rules.typos._pairs import PAIR_FLOOR
from newslint.rules.typos._words import accented_words, english

ZIPF = 2.3e11  # a word's count is about ZIPF / (rank + 10): "the" ~ 2.3e10, as in Google Books
TOKENS = 4.6e11  # the total count the same source implies
UNSEEN_PAIR_CAP = 0.5  # a pair missing from the table is at most half the threshold
EDIT_WEIGHT = 3.0  # one unit of slip cost makes a candidate twenty times less likely
# The story's likelihood ratio counts to this power: the pair table scores a pair it lacks as if
# its words were independent, which underrates a plausible pair of a rarer word ("new
# sanctions"), so the story's own use of the word is the better evidence of the two.
STORY_EXPONENT = 1.5

_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = set("aeiouy")
# letters that stand for one sound, swapped by spelling from the ear (c/k/s, i/y, ...)
_SOUND_ALIKE = {
    frozenset(p) for p in ("ck", "cs", "sz", "iy", "fv", "gj", "mn", "dt", "bp", "ae", "eo", "ie")
}


def _neighbours() -> dict[str, set[str]]:
    """The keys around each letter on a QWERTY keyboard (rows are staggered: a key touches two
    keys of the row above and two of the row below)."""
    pos = {c: (r, i) for r, row in enumerate(_KEYBOARD) for i, c in enumerate(row)}
    near: dict[str, set[str]] = {}
    for a, (r, i) in pos.items():
        near[a] = {
            b
            for b, (r2, i2) in pos.items()
            if (r2 == r and abs(i2 - i) == 1)
            or (r2 == r + 1 and i2 in (i - 1, i))
            or (r2 == r - 1 and i2 in (i, i + 1))
        }
    return near


_NEAR = _neighbours()


def substitution_cost(typed: str, meant: str) -> float:
    """The slip cost of typing `typed` for `meant`: a neighbouring key or a sound-alike letter is a
    common slip, any other letter a rarer one."""
    if typed in _NEAR.get(meant, ()):
        return 0.9
    if frozenset((typed, meant)) in _SOUND_ALIKE or typed in _VOWELS and meant in _VOWELS:
        return 1.1
    return 2.0


def insertion_cost(extra: str, before: str, after: str) -> float:
    """An extra letter typed between `before` and `after`: a doubled letter ("billlion") is the
    commonest slip, a neighbouring key of either side next, any other letter rare."""
    if extra in (before, after):
        return 0.6
    if extra in _NEAR.get(before, ()) or extra in _NEAR.get(after, ()):
        return 0.9
    return 1.6


def deletion_cost(lost: str, before: str, after: str) -> float:
    """A letter of the word left out: one of a double ("comitted") is the commonest slip."""
    return 0.6 if lost in (before, after) else 1.0


TRANSPOSITION = 1.0
FIRST_LETTER = 1.5  # typists rarely slip on the first letter


def slip_cost(typo: str, word: str) -> float:
    """The cheapest sequence of slips turning `word` into `typo` (weighted optimal string
    alignment: insertions, deletions, substitutions and swaps of neighbours), plus a surcharge
    when the first letter differs. Computed by the compiled `weighted_osa` from the costs'
    tables (`_slip_tables`) for ASCII words, by `_slip_cost` otherwise: the same doubles."""
    compiled = _chooser.native
    if compiled is not None and typo.isascii() and word.isascii():
        cost: float = compiled.weighted_osa(typo, word, *_slip_tables())
        return cost
    return _slip_cost(typo, word)


@once
def _slip_tables() -> tuple[bytes, bytes, tuple[float, ...], tuple[float, ...]]:
    """The costs of `_slip_cost` as `weighted_osa` reads them: each ASCII substitution's cost
    (an index into the values), which keys touch, and the other costs."""
    # Only letters have neighbouring keys, sounds or vowels: every other pair costs what a pair
    # of two unrelated characters costs ("_", "!"). Built at a check's first weighing, so the
    # letters' pairs alone are weighed (tests/test_native.py compares every ASCII pair).
    letters = {*_NEAR, *_VOWELS, *(c for pair in _SOUND_ALIKE for c in pair)}
    costs = {(m, t): substitution_cost(t, m) for m in letters for t in letters if m != t}
    unrelated = substitution_cost("_", "!")
    code = {v: i for i, v in enumerate(sorted({*costs.values(), unrelated}))}
    sub = bytearray([code[unrelated]]) * (128 * 128)
    near = bytearray(128 * 128)
    for (m, t), cost in costs.items():
        sub[ord(m) * 128 + ord(t)] = code[cost]
        near[ord(m) * 128 + ord(t)] = t in _NEAR.get(m, ())
    values = tuple(code)
    same, touch, other = (
        insertion_cost("a", "a", ""),
        insertion_cost("s", "a", ""),
        insertion_cost("p", "a", ""),
    )
    lost_same, lost_other = deletion_cost("a", "a", ""), deletion_cost("a", "b", "")
    costs_of_others = (same, touch, other, lost_same, lost_other, TRANSPOSITION, FIRST_LETTER)
    return bytes(sub), bytes(near), values, costs_of_others


def _slip_cost(typo: str, word: str) -> float:
    """`slip_cost`, in Python: the definition the compiled form is tested against."""
    n, m = len(word), len(typo)
    inf = float("inf")
    d = [[inf] * (m + 1) for _ in range(n + 1)]
    d[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = d[i][j]
            if here == inf:
                continue
            if i < n and j < m:
                step = 0.0 if word[i] == typo[j] else substitution_cost(typo[j], word[i])
                d[i + 1][j + 1] = min(d[i + 1][j + 1], here + step)
            if i < n:  # word[i] left out of the typo
                cost = deletion_cost(word[i], word[i - 1] if i else "", word[i + 1] if i + 1 < n else "")
                d[i + 1][j] = min(d[i + 1][j], here + cost)
            if j < m:  # typo[j] typed in extra
                cost = insertion_cost(typo[j], typo[j - 1] if j else "", typo[j + 1] if j + 1 < m else "")
                d[i][j + 1] = min(d[i][j + 1], here + cost)
            if (
                i + 1 < n
                and j + 1 < m
                and word[i] == typo[j + 1]
                and word[i + 1] == typo[j]
                and word[i] != word[i + 1]
            ):
                d[i + 2][j + 2] = min(d[i + 2][j + 2], here + TRANSPOSITION)
    cost = d[n][m]
    if word[:1] != typo[:1]:
        cost += FIRST_LETTER
    return cost


@lru_cache(maxsize=8192)  # asked for the same few thousand words story after story
def unigram(word: str) -> float:
    """An estimated corpus count of a word (several words: the rarest)."""
    words = english()
    parts = word.split()
    if len(parts) == 1:  # (nearly every word asked: its count, without a generator and `min`)
        return ZIPF / (words.frequency_rank(parts[0]) + 10)
    return min(ZIPF / (words.frequency_rank(w) + 10) for w in parts)


def pair_count(first: str, second: str) -> float:
    """A pair's count: from the table, else as if independent, capped below the table's floor."""
    found = _pairs.count(first, second)
    return found if found is not None else _unseen_pair(first, second)


@dataclass(frozen=True)
class Context:
    """The words either side of a word in its sentence (lowercase), None at a boundary
    (punctuation, a line of its own, the sentence's edge)."""

    before: str | None
    after: str | None

    def log_fit(self, candidate: str) -> float:
        """log P(candidate, after | before): the candidate's prior, and how it reads with its
        neighbours. A candidate of two words ("for the") reads from its last word onwards."""
        parts = candidate.split()
        first, last = parts[0], parts[-1]
        # (a word alone, nearly every candidate, has no pair inside it: no walk over none)
        inner = (
            0
            if len(parts) == 1
            else sum(math.log(pair_count(a, b) / unigram(a)) for a, b in zip(parts, parts[1:], strict=False))
        )
        if self.before is not None:
            score = math.log(pair_count(self.before, first) / unigram(self.before))
        else:
            score = math.log(unigram(first) / TOKENS)
        if self.after is not None:
            score += math.log(pair_count(last, self.after) / unigram(last))
        return score + inner

    def attested(self, candidate: str) -> bool:
        """The candidate makes a common pair with a neighbour (the table holds it)."""
        parts = candidate.split()
        return (self.before is not None and _pairs.count(self.before, parts[0]) is not None) or (
            self.after is not None and _pairs.count(parts[-1], self.after) is not None
        )

    def context_candidates(self, typo: str, known: Iterable[str] = ()) -> set[str]:
        """Words two slips from the typo that make a common pair with a neighbour ("news agcny"
        -> "agency"): the corrections a reader guesses from the context."""
        # The words near the typo, read from the table's lines as they stand: a common neighbour
        # pairs with thousands of words, and a string and a set entry for each cost more than
        # the test (0.6 ms a call, measured).
        return self.paired_candidates(typo, known)[0]

    def paired_candidates(
        self, typo: str, known: Iterable[str] = ()
    ) -> tuple[set[str], frozenset[str], frozenset[str]]:
        """`context_candidates`, and the words of it that the table pairs with each neighbour:
        those two edits from the typo seen after the word before it, and those seen before the
        word after it (`weigh`'s `paired`: no other word two edits from the typo makes a pair
        with that neighbour, and its pair is not looked up)."""
        found = set(near_words(typo, known))
        followers: list[str] = []
        preceders: list[str] = []
        if self.before is not None:
            followers = _pairs.near_after(typo, self.before)
            found.update(followers)
        if self.after is not None:
            preceders = _pairs.near_before(typo, self.after)
            found.update(preceders)
        return found, frozenset(followers), frozenset(preceders)


def _osa(a: str, b: str) -> int:
    """The optimal-string-alignment distance, in full: the definition `newslint.native`'s
    bounded forms are tested against."""
    n, m = len(a), len(b)
    prev2: list[int] = []
    prev = list(range(m + 1))
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[m]


class Weighed(NamedTuple):
    """A candidate for an unknown word, as its context weighs it. A named tuple: `weigh` makes one
    for each candidate it weighs (7,000 a corpus run for NL101 alone), and a frozen dataclass's
    construction, each field set through `object.__setattr__`, cost two and a half times as much."""

    word: str
    share: float  # the candidate's share of belief among all candidates (0..1)
    slips: float  # its slip cost
    attested: bool  # it makes a common pair with a neighbour


def story_lift(word: str, uses: int, story_size: int) -> float:
    """log of how much likelier `word` is in this story than in English at large: the story's
    uses against the uses English would lead one to expect in a story of its length. A story
    that writes "sanctions" twice in 400 words uses it about 180 times more often than English
    does, and that is its likelihood at the typo too; "will" twice is no more than expected.
    Rare words the story keeps using are the strongest evidence (a story's words come in
    bursts: Church, "The chance of two Noriegas", 2000)."""
    if uses <= 0:
        return 0.0
    expected = max(story_size, 1) * unigram(word) / TOKENS
    return STORY_EXPONENT * math.log1p(uses / expected)


def weigh(
    typo: str,
    candidates: Iterable[str],
    context: Context,
    story: dict[str, int],
    story_size: int = 0,
    extra_cost: dict[str, float] | None = None,
    paired: tuple[AbstractSet[str], AbstractSet[str]] | None = None,
) -> list[Weighed]:
    """The candidates, most likely first, each with its share of belief: prior x error model x
    context, the prior raised by the story's own use of the word (`story`: uses of the words
    the story writes, in `story_size` words). `extra_cost` adds slip cost to some candidates
    (those found only from the context, two slips away). `paired`: the words two edits from the
    typo that the pair table holds after `context.before` and before `context.after`
    (`Context.paired_candidates`), when the caller has them: a candidate two edits from the
    typo that is not among them makes no pair the table holds (the two tables hold the same
    pairs), and its pair is not looked up (a pair missed cost a word's whole line of the table
    read: most candidates' pairs are missed, nearly every one a new word's line)."""
    extra = extra_cost or {}
    before, after = context.before, context.after
    compiled = _chooser.native
    # the neighbours' unigrams read once a weighing, and `_unseen_pair` inline (its call, and
    # the neighbour's lookup, were made for each candidate): the same doubles, in the same order
    known_before = 0.0 if before is None else unigram(before)
    known_after = 0.0 if after is None else unigram(after)
    words = list(dict.fromkeys(candidates))
    # the candidates two edits from the typo (not the typo itself), whose pairs `paired` tells
    within: AbstractSet[str] = frozenset() if paired is None else set(near_words(typo, words))
    followers, preceders = paired or (within, within)
    neighbours = (before, after, known_before, known_after)
    # `slip_cost`'s tables read once a weighing, not once a candidate
    tables = () if compiled is None or not typo.isascii() else _slip_tables()
    scored: list[Score] | None = None
    if tables and compiled is not None:  # every candidate a plain word (nearly every weighing): one call
        scored = compiled.word_scores(
            typo, words, tables, neighbours, (followers, preceders, within), extra, story, story_size,
            english().rank_lookup(), (_pairs.after_table(), _pairs.after_lines()), _WEIGHTS,
        )  # fmt: skip
    if scored is None:
        scored = []
        for c in words:
            if " " in c:
                # a lost space ("ofthe")
                slips = slip_cost(typo, c.replace(" ", "")) + extra.get(c, 0.0) + 0.6
                fit = context.log_fit(c)
                uses = story.get(c, 0)
                lift = story_lift(c, uses, story_size) if uses > 0 else 0.0  # (most: no use, no lift)
                scored.append((fit - EDIT_WEIGHT * slips + lift, c, slips, context.attested(c)))
            else:
                paired_sets = (followers, preceders, within)
                scored.append(_word_score(typo, c, tables, neighbours, paired_sets, extra, story, story_size))
    ranked = None if compiled is None else compiled.ranked_shares(scored, Weighed)
    return _ranked(scored) if ranked is None else ranked


def _ranked(scored: list[Score]) -> list[Weighed]:
    """The scored candidates, most likely first, each with its share of belief: the twin of the
    compiled `ranked_shares` (which makes each `Weighed` without its Python `__new__`)."""
    if not scored:
        return []
    top = max(s for s, _, _, _ in scored)
    # each exp once, added one after another as the compiled loop does: `sum` of floats
    # compensates its rounding from Python 3.12 on, which would part the two paths' last bits
    shares = [(s, math.exp(s - top), c, slips, attested) for s, c, slips, attested in scored]
    total = 0.0
    for _, e, _, _, _ in shares:
        total += e
    shares.sort(key=_first, reverse=True)  # (stable: ties keep their order, as a sort by -score)
    return [Weighed(c, e / total, slips, attested) for _, e, c, slips, attested in shares]


_first = itemgetter(0)

Score = tuple[float, str, float, bool]  # (score, word, slips, attested): a candidate as `weigh` scores it
# `word_scores`' constants
_WEIGHTS = (TOKENS, PAIR_FLOOR * UNSEEN_PAIR_CAP, EDIT_WEIGHT, STORY_EXPONENT, ZIPF, PAIR_FLOOR)


def _word_score(
    typo: str,
    c: str,
    tables: tuple[bytes, bytes, tuple[float, ...], tuple[float, ...]] | tuple[()],
    neighbours: tuple[str | None, str | None, float, float],
    paired: tuple[AbstractSet[str], AbstractSet[str], AbstractSet[str]],
    extra: dict[str, float],
    story: dict[str, int],
    story_size: int,
) -> Score:
    """`weigh`'s score of one word without a space: `slip_cost`, `log_fit` and `attested` in one,
    each pair with a neighbour looked up once, the same doubles summed in the same order. A
    pair two edits from the typo that `paired` (followers, preceders, the candidates within two
    edits) does not hold is not looked up. `tables`: `_slip_tables()`, or () (`slip_cost` then)."""
    before, after, known_before, known_after = neighbours
    followers, preceders, within = paired
    cap = PAIR_FLOOR * UNSEEN_PAIR_CAP
    compiled = _chooser.native
    if tables and compiled is not None and c.isascii():
        cost: float = compiled.weighted_osa(typo, c, *tables)
    else:
        cost = slip_cost(typo, c)
    slips = cost + extra.get(c, 0.0)
    first = second = None  # the table's counts of the pairs with the neighbours
    known = unigram(c)
    if before is not None:
        first = _pairs.count(before, c) if c in followers or c not in within else None
        pair = first if first is not None else min(known_before * known / TOKENS, cap)
        fit = math.log(pair / known_before)
    else:
        fit = math.log(known / TOKENS)
    if after is not None:
        second = _pairs.count(c, after) if c in preceders or c not in within else None
        pair = second if second is not None else min(known * known_after / TOKENS, cap)
        fit += math.log(pair / known)
    uses = story.get(c, 0)
    lift = story_lift(c, uses, story_size) if uses > 0 else 0.0  # (most: no use, no lift)
    return (fit - EDIT_WEIGHT * slips + lift, c, slips, first is not None or second is not None)


def _word_scores(
    typo: str,
    candidates: list[str],
    tables: tuple[bytes, bytes, tuple[float, ...], tuple[float, ...]],
    neighbours: tuple[str | None, str | None, float, float],
    paired: tuple[AbstractSet[str], AbstractSet[str], AbstractSet[str]],
    extra: dict[str, float],
    story: dict[str, int],
    story_size: int,
) -> list[Score] | None:
    """The twin of the compiled `word_scores` (its ranks `english()`'s, its `count` and `weights`
    this module's: `unigram`, `_pairs.count`, `_WEIGHTS`):
    `_word_score` of each candidate, in order, or None unless the typo and every candidate are
    ASCII and no candidate holds a space (`weigh` scores those itself)."""
    if not typo.isascii() or any(" " in c or not c.isascii() for c in candidates):
        return None
    return [_word_score(typo, c, tables, neighbours, paired, extra, story, story_size) for c in candidates]


def _unseen_pair(first: str, second: str) -> float:
    """`pair_count` of a pair the table does not hold."""
    return min(unigram(first) * unigram(second) / TOKENS, PAIR_FLOOR * UNSEEN_PAIR_CAP)


@once
def unaccented_words() -> frozenset[str]:
    """Listed words written without their accents (cafe, cliches): the same words."""
    out = set()
    for w in accented_words():
        plain = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode("ascii")
        if plain.isalpha() and len(plain) == len(w):
            out.add(plain)
    return frozenset(out)


COMMON_RANK = 40000  # two-slip rivals come from the 40,000 commonest words


@cache
def _common_by_opening() -> dict[str, list[str]]:
    """The commonest words by their first two letters."""
    index: dict[str, list[str]] = {}
    for w in english().top(COMMON_RANK):
        if len(w) >= 4 and w.isalpha():
            index.setdefault(w[:2], []).append(w)
    return index


@lru_cache(maxsize=4096)  # a typo the corpus repeats (a jargon word, a name in lowercase) is weighed again
def two_slip_words(typo: str) -> frozenset[str]:
    """Common words two slips from the typo that begin as it does ("volatily" -> volatility,
    "leasees" -> lessees): rivals a one-slip word must beat before its fix is sure. Remembered:
    a walk over the hundreds of common words of its opening, for a word NL101 weighs in story
    after story ("writedown" 27 times in the dev corpus) and twice in one report."""
    if len(typo) < 5:
        return frozenset()
    # (`near_words` over `_common_with_opening(typo[:2])`, the same words in the same order, read
    # from the words' line and its index: only the words within two letters of the typo's length
    # are read, and those of the wrong letters from their records alone, not from their objects)
    return frozenset(near_words_in_index(typo, *_common_line(typo[:2])))


@cache
def _common_line(opening: str) -> tuple[str, bytes]:
    """`_common_with_opening(opening)` as one line, its words apart by a space, with its
    `line_index`: `two_slip_words`' walk over the list was a tenth of NL101 (a few hundred common
    words a typo, each its object and letters read); the index reads a block of records. The
    lists are not kept (`_common_with_opening` is the index's spec): the lines pay for the index."""
    if english().built or _common_line.cache_info().currsize >= OPENINGS_BEFORE_INDEX:
        return _common_lines().get(opening, _NO_LINE)
    return _line_of(common_from_index(opening))


@once
def _common_lines() -> dict[str, tuple[str, bytes]]:
    """`_common_line` of every opening: `_common_by_opening`'s lists as lines, read from the
    shipped `COMMON_LINES` (built here from the word list when it is missing)."""
    try:
        text = data_text("newslint.rules.typos", COMMON_LINES)
    except OSError:
        text = common_lines_text()
    return {line[:2]: (line, line_index(line)) for line in text.split("\n") if line}


COMMON_LINES = "common-lines.txt"
"""`common_lines_text()`, shipped (scripts/build_table_data.py writes it; a test rebuilds it and
compares): building it from the word list cost a run 15-30 ms before `--jobs` forks its workers
(a Python walk over the 40,000 commonest words, measured); its index lines are made as it is read."""


def common_lines_text() -> str:
    """`_common_by_opening`'s lists, a line each in the dict's order, the words apart by a space
    (a line's opening is its first two letters: every word of the line begins with them)."""
    return "".join(" ".join(words) + "\n" for words in _common_by_opening.__wrapped__().values())


def _line_of(words: list[str]) -> tuple[str, bytes]:
    line = " ".join(words)  # (common words are letters alone: no space, no ':' in one)
    return line, line_index(line)


_NO_LINE = ("", b"")


OPENINGS_BEFORE_INDEX = 40  # openings looked up one by one before the whole index is built


@cache
def _common_with_opening(opening: str) -> list[str]:
    """`_common_by_opening()[opening]`, read from the sorted word index alone for the first
    openings a run asks about: a short story asks about a few, and the whole index reads the
    40,000 commonest words."""
    if english().built or _common_with_opening.cache_info().currsize >= OPENINGS_BEFORE_INDEX:
        return _common_by_opening().get(opening, [])
    return common_from_index(opening)


def common_from_index(opening: str) -> list[str]:
    """The words `_common_by_opening` lists under `opening`, from the sorted word index."""
    ranked = sorted(
        (rank, w)
        for w, rank in english().by_opening(opening)
        if rank < COMMON_RANK and len(w) >= 4 and w.isalpha() and w[:2] == opening
    )
    return [w for _, w in ranked]
