"""Real words written for other real words ("form" for "from", "now" for "not", "loose" for
"lose", "there" for "their"): the sets of words one is written for, and how much likelier the
other reads in its place. Used by NL107.

The sets are the commonly confused words of English (a slip of the keys that makes another
word, or words that sound alike), as grammar checkers keep them (LanguageTool's confusion
sets are the model). Contractions are left out: the pair table does not hold them. So is
"now" for "not": "would now help" and "would not help" are both English, and two neighbours
cannot tell them apart (on the corpora every report of it was a false alarm).
"""

from __future__ import annotations

from newslint.rules._tables import once
from newslint.rules.typos._context import Context

CONFUSED = (
    ("from", "form"),
    ("there", "their"),
    ("lose", "loose"),
    ("than", "then"),
    ("were", "where"),
    ("affect", "effect"),
    ("passed", "past"),
    ("principal", "principle"),
    ("weather", "whether"),
    ("breaks", "brakes"),
    ("peace", "piece"),
    ("quite", "quiet"),
    ("through", "though"),
    ("accept", "except"),
    ("advice", "advise"),
    ("compliment", "complement"),
    ("council", "counsel"),
    ("discreet", "discrete"),
    ("reign", "rein"),
    ("sole", "soul"),
    ("stationary", "stationery"),
    ("site", "sight"),
    ("its", "it"),
)


@once
def confusions() -> dict[str, frozenset[str]]:
    """written word -> the words it may have been written for."""
    found: dict[str, set[str]] = {}
    for group in CONFUSED:
        for a in group:
            if len(a) > 2:  # "it" for "its" is rare, and "it" is in every story: not weighed
                found.setdefault(a, set()).update(b for b in group if b != a)
    return {w: frozenset(m) for w, m in found.items()}


def lift(written: str, meant: str, context: Context) -> float:
    """How much better `meant` reads than `written` between the neighbours: the log of the ratio
    of their fits (the words' priors and the pairs they make)."""
    return context.log_fit(meant) - context.log_fit(written)
