"""NL0xx: meta rules about newslint's own directives."""

from newslint.rules.meta.invalid_suppression import InvalidSuppression
from newslint.rules.meta.unused_suppression import UnusedSuppression

RULES = (UnusedSuppression, InvalidSuppression)
