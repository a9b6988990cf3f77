"""NL302 duplicated-paragraph."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import NOTHING, Rule
from newslint.rules.structure._text import deletion_span, normalise, repeated_starts_in, rough_key
from newslint.violation import Edit, Fix, FixAvailability, Violation

SAFE_MIN_CHARS = 60


_NOTE = re.compile(r"^\s*(?:note|notes|n\.b\.|source|sources)\b", re.IGNORECASE)


def _is_data_or_note(doc: Document, i: int, text: str) -> bool:
    """Results lines ("Avg shrs 1,458,000 vs 1,125,000") and table notes repeat by design:
    the same line under each period, the same note under each table."""
    if _NOTE.match(text):
        return True
    near = doc.paragraphs[max(0, i - 1) : i] + doc.paragraphs[i + 1 : i + 2]
    if any(doc.in_table(q) for q in near):
        return True
    return _is_data_line(text) or (len(text.strip()) < 40 and any(_is_data_line(doc.slice(q)) for q in near))


def _is_data_line(text: str) -> bool:
    return "\n" not in text.strip() and any(c.isdigit() for c in text)


class DuplicatedParagraph(Rule):
    """## What it does
    Finds a body paragraph that repeats an earlier one.

    ## Why is this bad?
    Scrapers repeat pull quotes and teasers, and syndication glues two copies of a story
    together; readers get the same paragraph twice.

    ## Example
        The ministry said talks would resume on Monday.

        The ministry said talks would resume on Monday.

    ## Use instead
        The ministry said talks would resume on Monday.

    ## Fix safety
    Safe when the repeat is identical (after folding spaces and quote marks) and at least 60
    characters long: keeping the first copy loses nothing. Unsafe for short repeats, which can
    be deliberate (a chant, a slogan). Tables, one-line results lines with figures and table
    notes are left alone: they repeat by design under each period or table.
    """

    code = "NL302"
    name = "duplicated-paragraph"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        # a paragraph whose start is its own has a key of its own: only the others are keyed.
        # Not a generator: where every start is its own (most stories) one call, no dict made.
        repeated = repeated_starts_in(doc.text, doc.paragraphs)
        return self._repeats(doc, repeated) if repeated else NOTHING

    def _repeats(self, doc: Document, repeated: list[int]) -> Iterator[Violation]:
        """The reports of the paragraphs that repeat, `repeated` those whose start another shares."""
        rough: dict[str, list[int]] = defaultdict(list)
        paragraphs = doc.paragraphs
        for i in repeated:
            rough[rough_key(doc.slice(paragraphs[i]))].append(i)
        # Texts equal under `normalise` share their rough key: only those groups are normalised.
        by_key: dict[str, list[int]] = defaultdict(list)
        for group in rough.values():
            for i in group if len(group) > 1 else ():
                by_key[normalise(doc.slice(doc.paragraphs[i]))].append(i)
        if not by_key:
            return
        head_key = normalise(doc.slice(doc.headline)) if doc.headline else None
        # Only repeated texts can be reported: the tests below run for those alone.
        for key, indices in by_key.items():
            if len(indices) < 2 or sum(1 for w in key.split() if any(c.isalpha() for c in w)) < 3:
                continue
            first: int | None = None
            for i in indices:
                p = doc.paragraphs[i]
                text = doc.slice(p)
                if doc.in_table(p) or _is_data_or_note(doc, i, text):
                    continue
                if i == 0 and key == head_key:
                    continue  # the duplicated headline is NL301's report
                if first is None:
                    first = i
                    continue
                line = doc.lines.position(doc.paragraphs[first].start).line
                make = Fix.safe if len(text) >= SAFE_MIN_CHARS else Fix.unsafe
                yield self.violation(
                    p,
                    f"this paragraph repeats the one on line {line}",
                    make("Delete the repeated paragraph", Edit.delete(deletion_span(doc, p))),
                )
