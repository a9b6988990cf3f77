"""NL9xx: grammar, spelling, punctuation and style from LanguageTool (an optional backend).

Off unless the `languagetool` setting or `--languagetool` is given; see docs/languagetool.md.
"""
from newslint.rules.grammar.grammar_error import GrammarError
from newslint.rules.grammar.other_issue import OtherIssue
from newslint.rules.grammar.punctuation_error import PunctuationError
from newslint.rules.grammar.spelling_error import SpellingError
from newslint.rules.grammar.style_issue import StyleIssue

RULES = (GrammarError, SpellingError, PunctuationError, StyleIssue, OtherIssue)
