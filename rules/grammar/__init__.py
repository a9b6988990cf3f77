"""NL9xx: grammar, spelling, punctuation and style from LanguageTool (an optional backend).

Off unless a LanguageTool `server` is set, for the whole family in `[rules.grammar]` or with
`--languagetool URL`; see docs/languagetool.md.
"""

from newslint.rules.grammar.languagetool_grammar import LanguagetoolGrammar
from newslint.rules.grammar.languagetool_other import LanguagetoolOther
from newslint.rules.grammar.languagetool_punctuation import LanguagetoolPunctuation
from newslint.rules.grammar.languagetool_spelling import LanguagetoolSpelling
from newslint.rules.grammar.languagetool_style import LanguagetoolStyle

RULES = (
    LanguagetoolGrammar,
    LanguagetoolSpelling,
    LanguagetoolPunctuation,
    LanguagetoolStyle,
    LanguagetoolOther,
)
