"""Character damage in a story's text, found once for the whole engine.

`find_repairs(doc)` looks for each kind of damage in the original document and returns the
repairs as non-overlapping `Repair`s (see `newslint.reading`), in text order:

- `markup`: HTML tags left in plain copy, raw (`<p>`, `<a href=...>`) or escaped
  (`&lt;FONT face=verdana&gt;`), removed with their attributes, never decoded into live markup;
- `entities`: HTML character references, whole (`&amp;`, `&#151;`) or broken by a scraper that
  lost the `&` (`doesn #39;t`, `quot;Super Bowl quot;`, `AT amp;T`), rendered as an editor would
  type them (the story's quote style and dash spacing; Windows-1252 for 128-159);
- `mojibake`: UTF-8 read as Windows-1252 (`Â£`), repaired by ftfy;
- `invisible`: zero-width characters, soft hyphens and direction controls that no script around
  them needs (emoji, Persian and Indic joiners are kept);
- `backslash`: stray backslash escapes (`\\$5`, `second\\team`).

Where two kinds claim the same characters the earlier kind in that list wins: escaped markup
holds entities (`&lt;`, `&quot;`) that are part of the tag, not characters of the story.

The finders read the document's regions (Markdown code, comments, URLs) and skip what is not
prose; each returns quickly on a story that cannot hold its damage (a substring test), so a clean
story costs a few C-level scans. The NL52x rules report these repairs; the engine applies the safe
ones to build the reading the other rules judge.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newslint.reading import Repair
from newslint.repairs import backslash, entities, invisible, markup, mojibake
from newslint.segment import DAMAGE_HINT

if TYPE_CHECKING:
    from newslint.document import Document

__all__ = ["Repair", "find_repairs"]

# In order of precedence: see the module docstring.
FINDERS = (markup.find, entities.find, mojibake.find, invisible.find, backslash.find)


def find_repairs(doc: Document) -> tuple[Repair, ...]:
    """The character damage of `doc`, as non-overlapping repairs in text order."""
    if not doc.hints & DAMAGE_HINT:  # no mark any finder needs (`segment.may_hold_damage`)
        return ()  # most stories: five generators, each returning at once, cost more than this
    return _found(doc)


def _found(doc: Document) -> tuple[Repair, ...]:
    """What every finder finds in `doc`, the earlier finder's repair kept where two overlap."""
    starts: list[int] = []
    taken: list[Repair] = []
    for finder in FINDERS:
        for repair in finder(doc):
            i = bisect.bisect_right(starts, repair.span.start)
            if _free(taken, i, repair):
                starts.insert(i, repair.span.start)
                taken.insert(i, repair)
    return tuple(taken)


def _free(taken: list[Repair], i: int, repair: Repair) -> bool:
    """Whether `repair` overlaps none of `taken` (sorted; it would go at index `i`)."""
    span = repair.span
    before = taken[i - 1].span if i > 0 else None
    after = taken[i].span if i < len(taken) else None
    return (before is None or before.end <= span.start) and (after is None or span.end <= after.start)


def of_kind(repairs: Iterable[Repair], kind: str) -> list[Repair]:
    return [r for r in repairs if r.kind == kind]
