"""What the slip rules (NL104 run-together words, NL106 short slips) share: the story's
lowercase words they look at, and the fix that writes a word's likeliest reading with the other
readings as a menu (display-only)."""

from __future__ import annotations

from newslint.document import Document, LetterTest, Token
from newslint.rule import RuleContext
from newslint.rules.typos.unknown_word import in_company_tag, not_a_word, written_as_a_name
from newslint.span import Span
from newslint.violation import Applicability, Edit, Fix


def candidate_tokens(doc: Document, context: RuleContext, wanted: LetterTest) -> list[Token]:
    """The tokens of the story's words that `wanted` picks, except names (the story writes the
    word capitalised too, or the configured vocabulary accepts it), entity fragments and
    company tags. Candidate-first: `wanted` reads each distinct word once, remembered across
    stories."""
    words = {w for w in doc.selected(wanted) if not context.accepts(w) and not written_as_a_name(doc, w)}
    if not words:
        return []
    return [
        t
        for t in doc.words_among(words)
        if not not_a_word(doc.text, t.span) and not in_company_tag(doc.text, t.span)
    ]


def replacement(
    span: Span, written: str, applicability: Applicability, rivals: tuple[str, ...]
) -> tuple[Fix, tuple[Fix, ...]]:
    """(the fix writing `written` over `span`, the display-only fixes writing each rival)."""
    fix = Fix(f"Replace with {written!r}", (Edit.replace(span, written),), applicability)
    return fix, tuple(Fix.display_only(f"Replace with {r!r}", Edit.replace(span, r)) for r in rivals)
