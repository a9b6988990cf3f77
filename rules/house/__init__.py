"""NL6xx: house style from the config (each rule does nothing until the desk lists entries)."""
from newslint.rules.house.banned_term import BannedTerm
from newslint.rules.house.house_pattern import HousePattern
from newslint.rules.house.preferred_term import PreferredTerm

RULES = (PreferredTerm, BannedTerm, HousePattern)
