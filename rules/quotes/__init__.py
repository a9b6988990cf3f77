"""NL51x: quotation marks and apostrophes."""
from newslint.rules.quotes.quote_style_mix import QuoteStyleMix
from newslint.rules.quotes.wrong_way_apostrophe import WrongWayApostrophe

RULES = (QuoteStyleMix, WrongWayApostrophe)
