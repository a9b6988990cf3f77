"""NL902 languagetool-spelling."""

from __future__ import annotations

from newslint.rules.grammar._base import LanguageToolRule


class LanguagetoolSpelling(LanguageToolRule):
    """## What it does
    Reports LanguageTool's spelling matches; only when a LanguageTool server is configured.

    Category TYPOS.
    Without a LanguageTool `server` (`[rules.grammar]`, a URL or `"local"`) or `--languagetool URL`,
    it reports nothing and sends nothing anywhere; see docs/languagetool.md.

    ## Why is this bad?
    A misspelt word in published copy costs the desk credibility. newslint's own typo rules learn
    from the story; LanguageTool's dictionary is a second opinion, and where both report the same
    word only newslint's report is kept.

    ## Example
        The Assad reigme's soldiers withdrew.

    ## Use instead
        The Assad regime's soldiers withdrew.

    ## Fix safety
    Unsafe: LanguageTool's first suggestion is a guess from the sentence alone, not from the story,
    so it is applied only with `--unsafe-fixes` (and never inside a direct quotation). Further
    suggestions are listed in the message. Matches on a span that one of newslint's own rules
    already reports are dropped.
    """

    code = "NL902"
    name = "languagetool-spelling"
