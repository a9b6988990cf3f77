"""The weighing's shortcuts answer as what they replace: a one-word candidate's fit read without
a walk over the (no) pairs inside it, and a candidate the story does not use given no lift
without the call."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.typos import _context
from newslint.rules.typos._context import Context, pair_count, story_lift, unigram

WORDS = st.sampled_from(
    ["the", "news", "agency", "agony", "for", "of the", "regime", "sanctions", "zzxq", "will"]
)
NEIGHBOUR = st.one_of(st.none(), st.sampled_from(["the", "news", "new", "said", "of", "qqq"]))


def _log_fit_as_summed(context: Context, candidate: str) -> float:
    parts = candidate.split()
    first, last = parts[0], parts[-1]
    inner = sum(math.log(pair_count(a, b) / unigram(a)) for a, b in zip(parts, parts[1:], strict=False))
    if context.before is not None:
        score = math.log(pair_count(context.before, first) / unigram(context.before))
    else:
        score = math.log(unigram(first) / _context.TOKENS)
    if context.after is not None:
        score += math.log(pair_count(last, context.after) / unigram(last))
    return score + inner


@settings(max_examples=200, deadline=None)
@given(NEIGHBOUR, WORDS, NEIGHBOUR)
def test_a_candidate_fits_as_summed(before, candidate, after):
    context = Context(before, after)
    assert context.log_fit(candidate) == _log_fit_as_summed(context, candidate)


@settings(max_examples=200, deadline=None)
@given(WORDS, st.integers(-2, 5), st.integers(0, 2000))
def test_no_use_is_no_lift(word, uses, size):
    lift = story_lift(word, uses, size) if uses > 0 else 0.0
    assert lift == story_lift(word, uses, size)
