"""NL909 languagetool-other."""

from __future__ import annotations

from newslint.rules.grammar._base import LanguageToolRule


class LanguagetoolOther(LanguageToolRule):
    """## What it does
    Reports LanguageTool's other matches; only when a LanguageTool server is configured.

    Every other category (MISC, regional variants, false
    friends, ...), such as a word written twice.
    Without a LanguageTool `server` (`[rules.grammar]`, a URL or `"local"`) or `--languagetool URL`,
    it reports nothing and sends nothing anywhere; see docs/languagetool.md.

    ## Why is this bad?
    These are the remaining problems LanguageTool knows about; each message names its rule and
    category so it can be switched off (`disabled-rules`, `disabled-categories`).

    ## Example
        The the talks failed.

    ## Use instead
        The talks failed.

    ## Fix safety
    Unsafe: LanguageTool's first suggestion is a guess from the sentence alone, not from the story,
    so it is applied only with `--unsafe-fixes` (and never inside a direct quotation). Further
    suggestions are listed in the message. Matches on a span that one of newslint's own rules
    already reports are dropped.
    """

    code = "NL909"
    name = "languagetool-other"
