"""NL904 languagetool-style."""

from __future__ import annotations

from newslint.rules.grammar._base import LanguageToolRule


class LanguagetoolStyle(LanguageToolRule):
    """## What it does
    Reports LanguageTool's style matches; only when a LanguageTool server is configured.

    Categories STYLE, REDUNDANCY, PLAIN_ENGLISH,
    REPETITIONS_STYLE, WIKIPEDIA, GENDER_NEUTRALITY, CREATIVE_WRITING, TEXT_ANALYSIS).
    Without a LanguageTool `server` (`[rules.grammar]`, a URL or `"local"`) or `--languagetool URL`,
    it reports nothing and sends nothing anywhere; see docs/languagetool.md.

    ## Why is this bad?
    Wordy or redundant phrasing wastes the reader's time and the page's space.

    ## Example
        Officials met in order to discuss the ceasefire.

    ## Use instead
        Officials met to discuss the ceasefire.

    ## Fix safety
    Unsafe: LanguageTool's first suggestion is a guess from the sentence alone, not from the story,
    so it is applied only with `--unsafe-fixes` (and never inside a direct quotation). Further
    suggestions are listed in the message. Matches on a span that one of newslint's own rules
    already reports are dropped.
    """

    code = "NL904"
    name = "languagetool-style"
