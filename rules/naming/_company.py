"""Company names, which keep their own spelling and style (Alcan Aluminium Ltd, US West Inc)."""

from __future__ import annotations

import re

SPACE = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space, or a line break of hard-wrapped copy
# What follows a word of a company's name: more capitalised words (and "of", "and", "&"), up to a
# company word; a closing bracket first for "Nissan Motor Manufacturing (UK) Ltd".
COMPANY_AFTER = re.compile(
    rf"\)?(?:{SPACE}(?:[A-Z][\w&.'-]*|of|and|&))*?{SPACE}"
    r"(?:Ltd|Inc|Corp|Co|Plc|PLC|LLC|SA|NV|AG|SpA|Group|Holdings|Company|Corporation)\b"
)
