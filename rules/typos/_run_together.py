"""Two words written without the space between them ("inthe", "saidthe"): which split of an
unknown word is meant, and how sure it is. Shared by NL104, which reports it, and NL101, which
leaves the words NL104 claims alone (one report per slip, with the split as its suggestion
rather than a one-letter edit).

A split is a reading of the word as a very common word (one of the 100 commonest: mostly
function words) and a common word (one of the 20,000 commonest) that English writes together
often (the pair table holds them). It is weighed, in context, against the common words one
slip from the unknown word ("forthe": "for the" or "forth"), as NL101 weighs its candidates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from newslint.rules.typos import _pairs
from newslint.rules.typos._context import Context, weigh
from newslint.rules.typos._words import english, is_rare, known_names, listed_edits, misspellings
from newslint.violation import Applicability

FUNCTION_RANK = 100  # the 100 commonest words: the, of, to, in, from, ...
SAFE_RANK = 200  # a split of two of the 200 commonest words (in the, said the) may be safe
COMMON_RANK = 20000  # a common word
SAFE_SHARE = 0.97  # the split holds this share of the belief at least: safe (both parts very common)
GUESS_SHARE = 0.6  # below this share the split is no better than a guess: NL101 weighs it
SINGLE_LETTER = frozenset({"a"})  # the one letter that is a word in lowercase copy
# A verb and a particle are often one noun written whole (signup, lineout, goto, checkin): such
# a word is left to NL101. Not after a function word ("bythe", "ofin" are no nouns).
PARTICLES = frozenset("up out off down over back away on in to about around through".split())
FUNCTION_HEADS = frozenset(
    "the a an of in on at by for from to with and or but as is was are were be been has have had "
    "that this it its he she they we his her their not".split()
)


@dataclass(frozen=True)
class Split:
    """Run-together words, as read apart."""

    words: str  # "in the"
    applicability: Applicability
    rivals: tuple[str, ...]  # the other readings worth showing, likeliest first


LONGEST_SPLIT = 23
"""The most letters a split can have: the longest of the shipped list's `FUNCTION_RANK` and of
its `COMMON_RANK` commonest words together (tests/test_sorted_tables.py works it out from the
list). A longer word (a pasted hash, letters without spaces) has no split, and is not cut at
each of its letters (a 1 MB word took minutes: a slice of the rest at each). Worked out in each
process from the list, 20,000 words split from its text, it cost 15 M instructions (measured)."""


def splits(word: str) -> list[str]:
    """The readings of `word` as a very common word and a common word with the space lost, that
    English writes together often: "inthe" -> ["in the"]."""
    if len(word) > LONGEST_SPLIT:
        return []
    words = english()
    found = []
    for i in range(1, len(word)):
        head, tail = word[:i], word[i:]
        if len(head) == 1 and head not in SINGLE_LETTER or len(tail) == 1 and tail not in SINGLE_LETTER:
            continue
        if head not in words.words or tail not in words.words:
            continue
        ranks = sorted((words.frequency_rank(head), words.frequency_rank(tail)))
        if ranks[0] >= FUNCTION_RANK or ranks[1] >= COMMON_RANK:
            continue
        if _pairs.count(head, tail) is not None:
            found.append(f"{head} {tail}")
    return found


def is_unknown(word: str) -> bool:
    """No list knows the word, nor names it: a candidate for a split."""
    return not (
        word in english()
        or is_rare(word)
        or word in misspellings()  # NL102's: the list gives the correction ("tothe": "to the")
        or word.capitalize() in known_names()
    )


def split_reading(word: str, context: Context, counts: Mapping[str, int], story_size: int) -> Split | None:
    """The split meant by the unknown lowercase `word`, weighed in its context against the common
    words one slip from it, or None when no split is likelier than them, when one of them reads
    with a neighbour too, or when the word may be a compound written whole. Safe when both parts
    are among the 100 commonest words and the split holds nearly all the belief; otherwise a
    guess (unsafe)."""
    readings = splits(word)
    if not readings:
        return None
    words = english()
    rivals = [w for w in listed_edits(word) if words.frequency_rank(w) < COMMON_RANK]
    story = {w: counts[w] for w in rivals if counts.get(w)}
    weighed = weigh(word, [*readings, *rivals], context, story, story_size)
    best = weighed[0]
    if " " not in best.word or best.share < GUESS_SHARE:
        return None
    if any(context.attested(w) for w in rivals):
        return None  # a word one slip away reads with a neighbour too ("periods toher than": other)
    head, tail = best.word.split()
    very_common = all(words.frequency_rank(w) < SAFE_RANK for w in (head, tail))
    if tail in PARTICLES and head not in FUNCTION_HEADS or counts.get(word, 0) > 1 and not very_common:
        return None  # a compound written whole ("a healthy signup"), or a word the story repeats
    safe = very_common and best.share >= SAFE_SHARE and best.attested
    others = tuple(w.word for w in weighed[1:4] if w.share >= 0.01)
    return Split(best.word, Applicability.SAFE if safe else Applicability.UNSAFE, others)
