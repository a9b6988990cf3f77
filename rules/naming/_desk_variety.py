"""What a desk's archive says about spelling varieties: NL201's section of a desk profile.

Per-story consistency counts, not word totals: an archive of 90% American stories says nothing
about a British story that is consistent in itself. So the profile does not pool the desk's
words; it sorts the desk's stories by the evidence each shows of its variety (British and
American spellings and house-style signs, counted as the rule counts them, up to three of each:
its `evidence` key) and counts, for each kind of evidence, what those stories write:

- `endings`: which of -ise and -ize (or both) the stories write;
- `spellings`: for stories with spellings of both varieties or a house-style sign, which variety
  their spellings are (British, American, both).

A story whose own evidence leaves a question open is then answered by the desk's stories with the
same evidence, when they agree (`SHARE`) and are many (`MIN_STORIES`): a lone `criticized` in a
story that spells `favourite` is reported where the desk's stories that show one British spelling
and nothing American write -ise; a mixed archive (BBC and Reuters) answers nothing it is divided on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

VARIETIES = ("gb", "us")
NAMES = {"us": "American", "gb": "British"}
OTHER = {"us": "gb", "gb": "us"}
MAX_COUNTED = 3  # evidence of each variety counted up to this: 3 stands for "three or more"
MIN_STORIES = 20  # stories with the same evidence the desk must have before they answer
SHARE = 0.9  # ... and the share of them that must agree


def evidence_key(evidence: Mapping[str, int]) -> str:
    """ "gb1-us0": the story's British and American evidence, each counted up to three."""
    return "-".join(f"{v}{min(evidence[v], MAX_COUNTED)}" for v in VARIETIES)


def describe_key(key: str) -> str:
    """ "one piece of British evidence and none of American" for "gb1-us0"."""
    counts = dict((part[:2], int(part[2:])) for part in key.split("-"))
    said = [f"{_amount(counts[v])} {NAMES[v]}" for v in VARIETIES]
    return f"{said[0]} and {said[1]} evidence"


def _amount(n: int) -> str:
    return (
        "no" if n == 0 else "three or more pieces of" if n >= MAX_COUNTED else f"{n} piece{'s' * (n > 1)} of"
    )


def lesson(
    spellings: Counter[str], endings: Counter[str], signs: Counter[str], marked: set[str]
) -> dict[str, dict[str, int]]:
    """What one story teaches: `spellings` counts its variety spellings (names, weak evidence and
    -ise/-ize left out) by variety, `endings` its -ise and -ize words, `signs` its house-style
    signs, `marked` the words of its spellings (lowercase). Plain dicts (see `forms_lesson`)."""
    evidence = {v: spellings[v] + signs[v] for v in VARIETIES}  # `spellings + signs`, made once a story
    key = evidence_key(evidence)
    found: dict[str, dict[str, int]] = {"stories": {_clear_variety(evidence) or "unclear": 1}}
    if endings["ise"] or endings["ize"]:
        kind = "both" if endings["ise"] and endings["ize"] else "ise" if endings["ise"] else "ize"
        found["endings"] = {f"{key}:{kind}": 1}
        found["endings-with"] = {f"{word}:{kind}": 1 for word in marked}
    if spellings["gb"] or spellings["us"]:
        kind = "both" if spellings["gb"] and spellings["us"] else "gb" if spellings["gb"] else "us"
        found["spellings"] = {f"{evidence_key(signs)}:{kind}": 1}
    return found


def _clear_variety(evidence: Mapping[str, int]) -> str | None:
    """The variety with two pieces of evidence or more and twice the other's (the rule's test)."""
    major = max(VARIETIES, key=evidence.__getitem__)
    return major if evidence[major] >= 2 and evidence[major] >= 2 * evidence[OTHER[major]] else None


@dataclass(frozen=True)
class Answer:
    """What a desk profile says of a spelling choice, and why."""

    answer: str  # "ise", or a variety ("gb", "us")
    reason: str  # for messages: "the desk writes -ise in 96% of its 412 stories with ... evidence"


def desk_endings(
    section: Mapping[str, Mapping[str, int]], evidence: Counter[str], marked: set[str]
) -> Answer | None:
    """Whether the desk's stories like this one write -ise, beyond doubt: those with the same
    evidence of their variety, or else those that write the story's British and American
    spellings (`marked`: a story that writes 'favourites' is compared with the desk's stories
    that write 'favourites')."""
    key = evidence_key(evidence)
    endings = section.get("endings") or {}
    counts = Counter({kind: endings.get(f"{key}:{kind}", 0) for kind in ENDINGS})
    found = _ise(counts, f"with {describe_key(key)}")
    if found is not None or not marked:
        return found
    with_words = section.get("endings-with") or {}
    counts = Counter({kind: sum(with_words.get(f"{w}:{kind}", 0) for w in marked) for kind in ENDINGS})
    return _ise(counts, f"that write {_listed(sorted(marked))}")


ENDINGS = ("ise", "ize", "both")


def _ise(counts: Counter[str], stories: str) -> Answer | None:
    n = counts.total()
    if n < MIN_STORIES or counts["ise"] < SHARE * n:
        return None
    return Answer("ise", f"the desk writes -ise in {counts['ise'] / n:.0%} of its {n:,} stories {stories}")


def _listed(words: list[str]) -> str:
    shown = [repr(w) for w in words[:3]]
    return " or ".join(shown) if len(words) <= 3 else ", ".join(shown) + " or others"


def desk_spelling(section: Mapping[str, Mapping[str, int]], signs: Counter[str]) -> Answer | None:
    """The variety the desk's stories with the story's house-style signs spell in, beyond doubt."""
    key = evidence_key(signs)
    spellings = section.get("spellings") or {}
    counts = {kind: spellings.get(f"{key}:{kind}", 0) for kind in ("gb", "us", "both")}
    n = sum(counts.values())
    if n < MIN_STORIES:
        return None
    for variety in VARIETIES:
        if counts[variety] >= SHARE * n:
            share = counts[variety] / n
            signs_said = describe_key(key).replace(" evidence", " house-style signs")
            return Answer(
                variety,
                f"the desk spells {NAMES[variety]} in {share:.0%} of its {n:,} stories with {signs_said}",
            )
    return None
