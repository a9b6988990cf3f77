"""NL6xx: house style from the config (each rule does nothing until the desk lists entries)."""

from newslint.rules.house_style.banned_term import BannedTerm
from newslint.rules.house_style.house_pattern import HousePattern
from newslint.rules.house_style.preferred_term import PreferredTerm

RULES = (PreferredTerm, BannedTerm, HousePattern)
