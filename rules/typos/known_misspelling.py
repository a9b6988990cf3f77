"""NL102 known-misspelling."""
from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document, Token
from newslint.rule import Rule
from newslint.rules.typos._words import match_case, misspellings
from newslint.violation import Edit, Fix, FixAvailability, Violation

_COMPANY_AFTER = re.compile(r"[ \t]+(?:Corp|Inc|Ltd|Co|Plc|PLC|Group|Holdings)\b")


class KnownMisspelling(Rule):
    """## What it does
    Finds words on a curated list of common misspellings (Wikipedia's list of common English
    misspellings): `accomodate`, `goverment`, `recieved`, `independant`.

    ## Why is this bad?
    These are the misspellings writers make most; each has a known correction.

    ## Example
        The goverment recieved the report.

    ## Use instead
        The government received the report.

    ## Fix safety
    Safe when the list gives exactly one correction (the case of the original is kept: a
    capitalised misspelling gets a capitalised correction). Display-only when it lists several.
    Inside direct quotations the word is reported, never changed.
    """

    code = "NL102"
    name = "known-misspelling"
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Violation]:
        table = misspellings()
        listed = table.keys()
        # Candidate-first: the story's few distinct words that the list holds, then the tokens
        # of those words alone (most stories have none, and build no tokens here).
        candidates = {w for w in doc.word_counts if w.lower() in listed}
        for tok in doc.words_among(candidates):
            word = tok.text.lower()
            if word not in listed or tok.is_all_caps:
                continue
            corrections = table.get(word)
            if not corrections or self.context.accepts(tok.text):
                continue
            if not tok.text.islower() and not (tok.text[0].isupper() and tok.text[1:].islower()):
                continue
            if tok.text[0].isupper() and (not tok.sentence_start and not tok.in_headline or _used_as_name(doc, tok)):
                continue  # a capitalised word mid-sentence may be a name (Varity, Goverment Ltd)
            best = match_case(tok.text, corrections[0])
            if len(corrections) == 1:
                fix = Fix.safe(f"Replace with {best!r}", Edit.replace(tok.span, best))
                message = f"{tok.text!r} is a common misspelling of {best!r}"
            else:
                listed = ", ".join(repr(match_case(tok.text, c)) for c in corrections)
                fix = Fix.display_only(f"Replace with {best!r}", Edit.replace(tok.span, best))
                message = f"{tok.text!r} is a common misspelling of one of {listed}"
            yield self.violation(tok.span, message, fix)


def _used_as_name(doc: Document, tok: Token) -> bool:
    """A capitalised form that also stands mid-sentence, starts more than one sentence, or opens a
    company tag or name (<Varity Corp>) is a name, not a slip."""
    text = doc.text
    if text[tok.span.start - 1:tok.span.start] == "<" or _COMPANY_AFTER.match(text, tok.span.end):
        return True
    uses = doc.words_among({tok.text})
    return len(uses) > 1 or any(not t.sentence_start and not t.in_headline for t in uses)
