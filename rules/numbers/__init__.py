"""NL4xx: numbers, dates and times."""
from newslint.rules.numbers.european_number import EuropeanNumberFormat
from newslint.rules.numbers.time_format import TimeOfDayStyle

RULES = (EuropeanNumberFormat, TimeOfDayStyle)
