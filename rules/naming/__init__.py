"""NL2xx: naming and consistency."""

from newslint.rules.naming.abbreviation_style import AbbreviationStyle
from newslint.rules.naming.compound_spacing import CompoundSpacing
from newslint.rules.naming.english_variety_mix import EnglishVarietyMix
from newslint.rules.naming.name_variant import NameVariant

RULES = (EnglishVarietyMix, NameVariant, CompoundSpacing, AbbreviationStyle)
