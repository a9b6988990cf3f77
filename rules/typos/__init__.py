"""NL1xx: typos and spelling."""

from newslint.rules.typos.doubled_word import DoubledWord
from newslint.rules.typos.known_misspelling import KnownMisspelling
from newslint.rules.typos.real_word_slip import RealWordSlip
from newslint.rules.typos.run_together_words import RunTogetherWords
from newslint.rules.typos.short_slip import ShortSlip
from newslint.rules.typos.split_word import SplitWord
from newslint.rules.typos.unknown_word import UnknownWord

RULES = (UnknownWord, KnownMisspelling, DoubledWord, RunTogetherWords, SplitWord, ShortSlip, RealWordSlip)
