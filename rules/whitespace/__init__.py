"""NL50x: whitespace."""
from newslint.rules.whitespace.double_space import DoubleSpace
from newslint.rules.whitespace.mixed_line_endings import MixedLineEndings
from newslint.rules.whitespace.no_break_space import MisusedNoBreakSpace
from newslint.rules.whitespace.tab_in_prose import TabInProse
from newslint.rules.whitespace.trailing_whitespace import TrailingWhitespace

RULES = (DoubleSpace, TrailingWhitespace, TabInProse, MixedLineEndings, MisusedNoBreakSpace)
