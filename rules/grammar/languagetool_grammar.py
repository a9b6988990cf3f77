"""NL901 languagetool-grammar."""

from __future__ import annotations

from newslint.rules.grammar._base import LanguageToolRule


class LanguagetoolGrammar(LanguageToolRule):
    """## What it does
    Reports LanguageTool's grammar matches; only when a LanguageTool server is configured.

    Categories GRAMMAR, CONFUSED_WORDS, COLLOCATIONS, SEMANTICS, NONSTANDARD_PHRASES and
    COMPOUNDING: agreement, wrong word forms, confused words.
    Without a LanguageTool `server` (`[rules.grammar]`, a URL or `"local"`) or `--languagetool URL`,
    it reports nothing and sends nothing anywhere; see docs/languagetool.md.

    ## Why is this bad?
    A verb that does not agree with its subject, or "their" for "there", reads as carelessness
    and can change what a sentence says.

    ## Example
        The minister go to Brussels on Monday.

    ## Use instead
        The minister goes to Brussels on Monday.

    ## Fix safety
    Unsafe: LanguageTool's first suggestion is a guess from the sentence alone, not from the story,
    so it is applied only with `--unsafe-fixes` (and never inside a direct quotation). Further
    suggestions are listed in the message. Matches on a span that one of newslint's own rules
    already reports are dropped.
    """

    code = "NL901"
    name = "languagetool-grammar"
