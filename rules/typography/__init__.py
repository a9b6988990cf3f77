"""NL5xx: typography: whitespace (NL50x), quotation marks and apostrophes (NL51x), encoding damage
(NL52x)."""

from newslint.rules.typography.backslash_escape import BackslashEscape
from newslint.rules.typography.double_space import DoubleSpace
from newslint.rules.typography.html_entity import HtmlEntity
from newslint.rules.typography.html_tag import HtmlTag
from newslint.rules.typography.invisible_character import InvisibleCharacter
from newslint.rules.typography.misused_no_break_space import MisusedNoBreakSpace
from newslint.rules.typography.mixed_line_endings import MixedLineEndings
from newslint.rules.typography.mojibake import Mojibake
from newslint.rules.typography.quote_style_mix import QuoteStyleMix
from newslint.rules.typography.tab_in_prose import TabInProse
from newslint.rules.typography.trailing_whitespace import TrailingWhitespace
from newslint.rules.typography.wrong_way_apostrophe import WrongWayApostrophe

RULES = (
    DoubleSpace,
    TrailingWhitespace,
    TabInProse,
    MixedLineEndings,
    MisusedNoBreakSpace,
    QuoteStyleMix,
    WrongWayApostrophe,
    Mojibake,
    HtmlEntity,
    InvisibleCharacter,
    HtmlTag,
    BackslashEscape,
)
