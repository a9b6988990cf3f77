"""NL903 languagetool-punctuation."""

from __future__ import annotations

from newslint.rules.grammar._base import LanguageToolRule


class LanguagetoolPunctuation(LanguageToolRule):
    """## What it does
    Reports LanguageTool's punctuation, typography and casing matches; only when a LanguageTool
    server is configured.

    Categories PUNCTUATION, TYPOGRAPHY and CASING.
    Without a LanguageTool `server` (`[rules.grammar]`, a URL or `"local"`) or `--languagetool URL`,
    it reports nothing and sends nothing anywhere; see docs/languagetool.md.

    ## Why is this bad?
    A space before a comma or a sentence that starts in lower case looks like damaged copy.

    ## Example
        Talks failed ,officials said.

    ## Use instead
        Talks failed, officials said.

    ## Fix safety
    Unsafe: LanguageTool's first suggestion is a guess from the sentence alone, not from the story,
    so it is applied only with `--unsafe-fixes` (and never inside a direct quotation). Further
    suggestions are listed in the message. Matches on a span that one of newslint's own rules
    already reports are dropped.
    """

    code = "NL903"
    name = "languagetool-punctuation"
