"""A slip in a short function word ("hte", "nad", "frm", "ot" for the, and, from, to): which
word was meant, and how sure that is. Shared by NL106, which reports it, and NL101, which
leaves these words to it (NL101 never looks at two-letter words, and its weighing of a
three-letter one has no notion that the function words are where typists slip most).

The function words are a closed class of English (articles, prepositions, conjunctions,
pronouns, auxiliaries); a short unknown word one slip from one of them is weighed, in its
context, against every common word one slip from it, as NL101 weighs its candidates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from newslint.rules.typos import _pairs
from newslint.rules.typos._context import FIRST_LETTER, Context, weigh
from newslint.rules.typos._run_together import splits
from newslint.rules.typos._words import (
    english,
    listed_edits,
    misspellings,
    one_edit_apart,
)
from newslint.violation import Applicability

FUNCTION_WORDS = frozenset(
    "the a an of to in on at by for from with into onto over after about and or but nor so as "
    "than then that this these those there their they them he she it its his her him we our us "
    "you your is was are were be been has have had do does did not no will would can could "
    "should may might must shall said which who whom what when where while if".split()
)
MIN_SHORT, MAX_SHORT = 2, 4  # the lengths of a slipped function word looked at
COMMON_RANK = 20000  # rivals: the common words one slip away
GUESS_SHARE = 0.6  # the function word holds this share of the belief at least: reported
SAFE_SHARE = 0.97  # and this share, reading with every neighbour: safe


@dataclass(frozen=True)
class Slip:
    """A short unknown word read as a slip of a function word."""

    word: str  # the function word meant
    applicability: Applicability
    rivals: tuple[str, ...]  # the other readings worth showing, likeliest first


def is_short_unknown(word: str) -> bool:
    """A short lowercase word that the main word list does not know. (A rare word or a name as
    short as this, "ws", "th", "Ni", written in lowercase in running copy, is likelier a slip:
    the weighing in context decides.)"""
    return (
        MIN_SHORT <= len(word) <= MAX_SHORT
        and word.isalpha()
        and word.islower()
        and word.isascii()
        and word not in english()
        and word not in misspellings()  # NL102's
    )


def short_slip(word: str, context: Context, counts: Mapping[str, int], story_size: int) -> Slip | None:
    """The function word the short unknown `word` stands for, or None: it must be one slip from
    the word, win the weighing against every common word one slip away, and make a common pair
    with a neighbour. Safe when it holds nearly all the belief and makes a common pair with
    each neighbour the word has."""
    if counts.get(word, 0) > 1 or context.before is None and context.after is None:
        return None  # a word the story repeats is its own (tables' "ov", "bb"), not a slip
    if splits(word):
        return None  # "anda": "and" or "and a"? NL104 or NL101 weighs the space too
    if len(word) == MIN_SHORT:
        # two letters swapped ("ot", "ni") or a letter of three left out ("ws", "te"): another
        # key in two letters is as likely an abbreviation (ok, tv, ie)
        meant = [f for f in FUNCTION_WORDS if f == word[::-1] or len(f) == 3 and one_edit_apart(word, f)]
    else:
        meant = [f for f in FUNCTION_WORDS if one_edit_apart(word, f)]
    if not meant:
        return None
    words = english()
    rivals = [w for w in listed_edits(word) if words.frequency_rank(w) < COMMON_RANK]
    # the story's use of a rival is evidence ("the frm said" in a story about a firm); its use of
    # a function word is none: every story uses them
    story = {w: counts[w] for w in rivals if counts.get(w) and w not in FUNCTION_WORDS}
    # "hte", "nad", "ot": the first two letters swapped. The weighing charges a slip at the
    # first letter extra (typists rarely miss it), but here it was typed, only late.
    swapped = {f: -FIRST_LETTER for f in meant if len(f) == len(word) and f[1::-1] + f[2:] == word}
    weighed = weigh(word, [*meant, *rivals], context, story, story_size, swapped)
    best = weighed[0]
    if best.word not in FUNCTION_WORDS or best.share < GUESS_SHARE or not best.attested:
        return None
    both_sides = (context.before is None or _pairs.count(context.before, best.word) is not None) and (
        context.after is None or _pairs.count(best.word, context.after) is not None
    )
    safe = best.share >= SAFE_SHARE and both_sides and len(word) > MIN_SHORT
    others = tuple(w.word for w in weighed[1:4] if w.share >= 0.01)
    return Slip(best.word, Applicability.SAFE if safe else Applicability.UNSAFE, others)
