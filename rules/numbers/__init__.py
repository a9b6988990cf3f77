"""NL4xx: numbers, dates and times."""
from newslint.rules.numbers.date_order import DayMonthOrder
from newslint.rules.numbers.european_number import EuropeanNumberFormat
from newslint.rules.numbers.large_numbers import LargeNumberInWords
from newslint.rules.numbers.money_scale import MoneyScaleStyle
from newslint.rules.numbers.month_style import MonthAbbreviation
from newslint.rules.numbers.ordinal_style import OrdinalStyle
from newslint.rules.numbers.percent_mix import PercentStyleMix
from newslint.rules.numbers.percent_style import PercentSignStyle
from newslint.rules.numbers.range_style import RangeAfterFromOrBetween
from newslint.rules.numbers.sentence_start import FigureAtSentenceStart
from newslint.rules.numbers.small_numbers import SmallNumberInFigures
from newslint.rules.numbers.thousands_mix import ThousandsSeparatorMix
from newslint.rules.numbers.thousands_style import ThousandsSeparatorStyle
from newslint.rules.numbers.time_format import TimeOfDayStyle
from newslint.rules.numbers.time_mix import MinuteSeparatorMix, TimeFormatMix

RULES = (
    EuropeanNumberFormat, ThousandsSeparatorMix, TimeFormatMix, PercentStyleMix, SmallNumberInFigures,
    FigureAtSentenceStart, MoneyScaleStyle, OrdinalStyle, MonthAbbreviation, TimeOfDayStyle,
    RangeAfterFromOrBetween, LargeNumberInWords, MinuteSeparatorMix, ThousandsSeparatorStyle, DayMonthOrder,
    PercentSignStyle,
)
