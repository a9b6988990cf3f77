"""NL4xx: numbers, dates and times."""
from newslint.rules.numbers.european_number import EuropeanNumberFormat
from newslint.rules.numbers.percent_mix import PercentStyleMix
from newslint.rules.numbers.thousands_mix import ThousandsSeparatorMix
from newslint.rules.numbers.time_format import TimeOfDayStyle
from newslint.rules.numbers.time_mix import TimeFormatMix

RULES = (EuropeanNumberFormat, ThousandsSeparatorMix, TimeFormatMix, PercentStyleMix, TimeOfDayStyle)
