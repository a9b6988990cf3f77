"""What the NL9xx rules share: each reports the LanguageTool matches of its categories."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from newslint.document import Document
from newslint.rule import NOTHING, Rule, RuleOptions
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


@dataclass(frozen=True)
class LanguageToolOptions(RuleOptions):
    """The options the five NL9xx rules share, set once for all as `[rules.grammar]` (a rule's
    own table, `[rules.languagetool-style]`, may change them for that rule)."""

    server: str = ""  # a LanguageTool server's URL, or "local" to start one here; "": off
    language: str = ""  # LanguageTool's language code; "": the `locale` setting, else en-US
    disabled_rules: tuple[str, ...] = ()  # LanguageTool rule ids, e.g. "EN_QUOTES"
    disabled_categories: tuple[str, ...] = ()  # LanguageTool category ids, e.g. "CASING"
    picky: bool = False  # LanguageTool's picky level

    def validate(self) -> None:
        if self.server not in ("", backend.LOCAL) and not self.server.startswith(("http://", "https://")):
            raise ValueError(
                f"server: {self.server!r} is not an http:// or https:// URL, nor {backend.LOCAL!r}"
            )
        for key, ids in (
            ("disabled-rules", self.disabled_rules),
            ("disabled-categories", self.disabled_categories),
        ):
            if not all(isinstance(i, str) for i in ids):
                raise ValueError(f"{key}: expected a list of strings, got {list(ids)!r}")


class LanguageToolRule(Rule):
    """Base of the NL9xx rules: on only when a LanguageTool `server` is set (`[rules.grammar]`, or
    `--languagetool`); otherwise it reports nothing and sends nothing anywhere."""

    fix_availability: ClassVar[FixAvailability] = FixAvailability.SOMETIMES
    default_severity: ClassVar[Severity] = Severity.WARNING
    defers_to_other_rules: ClassVar[bool] = True
    asks_outside: ClassVar[bool] = True
    needs_setting: ClassVar[str] = "options.server"  # no server: nothing sent, nothing found
    Options = LanguageToolOptions
    options: LanguageToolOptions

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: with no server (most runs) every story pays one call, not a
        # generator made and run to its end, for each of the five rules.
        if not self.options.server:
            return NOTHING
        return self._matches(doc)

    def _matches(self, doc: Document) -> Iterator[Violation]:
        client = backend.client_for(self.options, self.context.locale)
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
