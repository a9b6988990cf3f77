"""What the NL9xx rules share: each reports the LanguageTool matches of its categories."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from newslint.document import Document
from newslint.rule import Rule
from newslint.rules.grammar import _backend as backend
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Severity, Violation

# LanguageTool category ids (as in its /v2/check responses) -> newslint rule code.
CATEGORY_CODES = {
    "GRAMMAR": "NL901",
    "CONFUSED_WORDS": "NL901",
    "COLLOCATIONS": "NL901",
    "SEMANTICS": "NL901",
    "NONSTANDARD_PHRASES": "NL901",
    "COMPOUNDING": "NL901",
    "TYPOS": "NL902",
    "PUNCTUATION": "NL903",
    "TYPOGRAPHY": "NL903",
    "CASING": "NL903",
    "STYLE": "NL904",
    "REDUNDANCY": "NL904",
    "PLAIN_ENGLISH": "NL904",
    "REPETITIONS_STYLE": "NL904",
    "WIKIPEDIA": "NL904",
    "GENDER_NEUTRALITY": "NL904",
    "CREATIVE_WRITING": "NL904",
    "TEXT_ANALYSIS": "NL904",
}
OTHER = "NL909"
SHOWN_ALTERNATIVES = 3


def code_for(category: str) -> str:
    return CATEGORY_CODES.get(category, OTHER)


class LanguageToolRule(Rule):
    """Base of the NL9xx rules: on only when the `languagetool` setting (or `--languagetool`) is
    given; otherwise it reports nothing and sends nothing anywhere."""

    fix_availability: ClassVar[FixAvailability] = FixAvailability.SOMETIMES
    default_severity: ClassVar[Severity] = Severity.WARNING
    defers_to_other_rules: ClassVar[bool] = True

    def check(self, doc: Document) -> Iterator[Violation]:
        if not self.context.languagetool:
            return
        client = backend.client_for(self.context.languagetool, self.context.locale)
        for match in client.matches(doc.text):
            if code_for(match.category) == self.code:
                yield self._violation(doc, match)

    def _violation(self, doc: Document, match: backend.Match) -> Violation:
        span = Span(match.start, match.end)
        message = f"{match.message} (LanguageTool {match.rule_id}, {match.category})"
        options = [r for r in match.replacements if r != doc.text[span.start : span.end]]
        if len(options) > 1:
            message += f"; or: {', '.join(repr(r) for r in options[1 : SHOWN_ALTERNATIVES + 1])}"
        fix = (
            Fix.unsafe(f"Replace with {options[0]!r} (LanguageTool)", Edit.replace(span, options[0]))
            if options
            else None
        )
        alternatives = tuple(
            Fix.display_only(f"Replace with {r!r} (LanguageTool)", Edit.replace(span, r))
            for r in options[1 : SHOWN_ALTERNATIVES + 1]
        )
        return self.violation(span, message, fix, alternatives)
