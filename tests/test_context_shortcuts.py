"""The weighing's shortcuts answer as what they replace: a one-word candidate's fit read without
a walk over the (no) pairs inside it, and a candidate the story does not use given no lift
without the call."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.typos import _context, _pairs
from newslint.rules.typos._context import Context, pair_count, story_lift, unigram
from tests.depth import examples

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


def _weigh_as_defined(typo, candidates, context, story, story_size=0, extra_cost=None):
    """`weigh` as first written: each candidate's slip cost, `log_fit` and `attested` asked one
    by one, the shares summed over a generator and the candidates sorted by their negated score."""
    scored = []
    for c in dict.fromkeys(candidates):
        slips = _context.slip_cost(typo, c.replace(" ", "")) + (extra_cost or {}).get(c, 0.0)
        if " " in c:
            slips += 0.6
        uses = story.get(c, 0)
        lift = story_lift(c, uses, story_size) if uses > 0 else 0.0
        score = context.log_fit(c) - _context.EDIT_WEIGHT * slips + lift
        scored.append((score, c, slips))
    if not scored:
        return []
    top = max(s for s, _, _ in scored)
    total = sum(math.exp(s - top) for s, _, _ in scored)
    ranked = sorted(scored, key=lambda t: -t[0])
    return [
        _context.Weighed(c, math.exp(s - top) / total, slips, context.attested(c)) for s, c, slips in ranked
    ]


CANDIDATES = st.lists(
    st.sampled_from(
        [
            "agency",
            "agony",
            "angry",
            "the",
            "of the",
            "for the",
            "regime",
            "régime",
            "news",
            "zzxq",
            "sanctions",
        ]
    ),
    max_size=8,
)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.sampled_from(["agcny", "reigme", "th", "ofthe", "régme", "sactions"]),
    CANDIDATES,
    NEIGHBOUR,
    NEIGHBOUR,
    st.dictionaries(st.sampled_from(["agency", "the", "regime", "sanctions"]), st.integers(1, 9)),
    st.integers(0, 3000),
    st.one_of(
        st.none(), st.dictionaries(st.sampled_from(["agony", "of the", "news"]), st.sampled_from([1.0, 0.5]))
    ),
)
def test_the_weighing_in_one_pass_is_the_weighing_as_defined(
    typo, candidates, before, after, story, size, extra
):
    """`weigh` reads a one-word candidate's slip cost, fit and pairs in one pass (each pair looked
    up once), and each share's exponential once: the same `Weighed`s, to the last bit, in the
    same order (ties too), as the definition."""
    context = Context(before, after)
    assert _context.weigh(typo, candidates, context, story, size, extra) == _weigh_as_defined(
        typo, candidates, context, story, size, extra
    )


@settings(max_examples=examples(300), deadline=None)
@given(
    st.sampled_from(["agcny", "reigme", "sactions", "nwes", "wil", "teh", "régme", "tehe"]),
    st.lists(
        st.sampled_from(
            ["agency", "agony", "angry", "the", "them", "then", "of the", "regime", "régime", "news",
             "new", "will", "well", "sanctions", "sections", "ten", "tea", "zzxq", "she"]
        ),
        max_size=10,
    ),
    st.one_of(st.none(), st.sampled_from(["the", "news", "new", "said", "of", "a", "qqq", "will"])),
    st.one_of(st.none(), st.sampled_from(["the", "news", "agency", "said", "of", "be", "qqq", "to"])),
    st.dictionaries(st.sampled_from(["agency", "the", "regime", "news"]), st.integers(1, 9)),
)  # fmt: skip
def test_the_pairs_read_from_the_context_candidates_are_the_pairs_looked_up(
    typo, candidates, before, after, story
):
    """`weigh` given the words two edits from the typo that the table pairs with each neighbour
    (`Context.paired_candidates`) looks up only their pairs, and weighs as it does looking up
    every candidate's: the same `Weighed`s, to the last bit, in the same order. The candidates
    found from the context are `context_candidates`."""
    context = Context(before, after)
    found, followers, preceders = context.paired_candidates(typo, ["agency", "regime", "them"])
    assert found == context.context_candidates(typo, ["agency", "regime", "them"])
    assert followers | preceders <= found
    every = [*candidates, *sorted(found)]
    assert _context.weigh(typo, every, context, story, 800, paired=(followers, preceders)) == _context.weigh(
        typo, every, context, story, 800
    )


def test_the_two_pair_tables_hold_the_same_pairs():
    """A word is seen before another in the table of words before it (`_pairs.before`) when, and
    only when, it holds their pair's count (`_pairs.count`): what `weigh`'s `paired` relies on."""
    for second in ["the", "agency", "said", "sanctions", "of", "zzxq"]:
        preceding = set(_pairs.before(second).split())
        for first in [*sorted(preceding)[:50], "the", "news", "agony", "zzxq", "said"]:
            assert (_pairs.count(first, second) is not None) == (first in preceding)
