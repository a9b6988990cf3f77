"""NL201 english-variety-mix."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from newslint.document import Document, Token
from newslint.rule import Rule
from newslint.rules.naming._varieties import Variant, variants
from newslint.violation import Edit, Fix, FixAvailability, Violation

# Other signs of a story's variety, each counted at most three times: British copy writes
# "per cent" and prices in pounds; American copy writes "percent". (Reuters copy of any era mixes
# both spellings, so its "pct" and "dlrs" say nothing about the variety.)
_SIGNS = {
    "gb": re.compile(r"£|\bper cent\b|\bpence\b"),
    "us": re.compile(r"\bpercent\b"),
}
MAX_SIGNS = 3
LOCALE_VARIETY = {"en-US": "us", "en-GB": "gb", "en-AU": "gb", "en-CA": None}
NAMES = {"us": "American", "gb": "British"}


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


class EnglishVarietyMix(Rule):
    """## What it does
    Finds British and American spellings mixed in one story (`Defence` and `defense`,
    `programme` and `program`, `rumours` and `rumors`). With `locale` set (en-US, en-GB, en-AU),
    the locale decides which spelling is right; without it, the story's majority does (variant
    spellings, `-ise` verbs, "per cent", "£" against "percent"), and a tie goes to the first
    spelling used.

    Proper names keep their own spelling: a capitalised word in mid-sentence ("Ministry of
    Defence" in an American story, "Pearl Harbor" in a British one) is reported only when the
    story also spells the same word the other way. Pairs whose choice depends on meaning
    (program for software, license and licence as verb or noun, practice/practise, story/storey,
    tire/tyre, check/cheque) are not in the table; `-ize` and `-ise` are only reported when a
    story uses both for the same word, since Oxford British spelling writes `-ize` too.

    ## Why is this bad?
    A story that switches between spellings looks unedited, and search and archives treat the
    two spellings as different words.

    ## Example
        The defense ministry said ... Russia's Defence Ministry said ...

    ## Use instead
        The defense ministry said ... Russia's Defense Ministry said ...

    ## Fix safety
    Unsafe when the story's majority decides (it is a guess about the house style); safe when
    `locale` is set and the word is lowercase, since then the desk has stated its variety.
    Inside direct quotations the spelling is reported, never changed.
    """

    code = "NL201"
    name = "english-variety-mix"
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Violation]:
        table = variants()
        found: list[tuple[Token, Variant]] = []
        for tok in doc.words():
            if tok.is_all_caps:
                continue
            entry = table.get(tok.text.lower().replace("’", "'"))
            if entry is not None:
                found.append((tok, entry))
        if not found:
            return
        target = LOCALE_VARIETY.get(self.context.locale or "", None) if self.context.locale else None
        from_locale = target is not None
        if target is None:
            target = self._majority(found, doc.text)
        if target is None:
            return
        spelled = {(e.word if e.variety == "us" else e.other) + "|" + e.variety for _, e in found}
        for tok, entry in found:
            if entry.variety == target:
                continue
            pair_key = (entry.word if entry.variety == "us" else entry.other)
            both = f"{pair_key}|{target}" in spelled
            proper = tok.text[:1].isupper() and not tok.sentence_start and not tok.in_headline
            if (proper or entry.kind == "ize") and not both:
                continue
            right = _match_case(tok.text, entry.other)
            safe = from_locale and tok.text.islower()
            fix = (Fix.safe if safe else Fix.unsafe)(f"Write {right!r}", Edit.replace(tok.span, right))
            reason = f"the story is set to {self.context.locale}" if from_locale else f"the story mostly uses {NAMES[target]} spelling"
            yield self.violation(tok.span, f"{tok.text!r} is {NAMES[entry.variety]} spelling; {reason} ({right!r})", fix)

    @staticmethod
    def _majority(found: list[tuple[Token, Variant]], text: str) -> str | None:
        spellings = Counter(e.variety for _, e in found if e.kind == "spelling")
        spellings.update(e.variety for _, e in found if e.kind == "ize" and e.variety == "gb")  # -ise is British
        counts = Counter(spellings)
        for variety, pattern in _SIGNS.items():
            counts[variety] += min(MAX_SIGNS, len(pattern.findall(text)))
        if not (spellings["us"] and counts["gb"] or spellings["gb"] and counts["us"]):
            return None  # nothing of the other variety: nothing is mixed
        if counts["us"] != counts["gb"]:
            return max(("us", "gb"), key=counts.__getitem__)
        return found[0][1].variety  # a tie goes to the spelling used first
