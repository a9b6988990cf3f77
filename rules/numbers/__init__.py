"""NL4xx: numbers, dates and times."""

from newslint.rules.numbers.day_month_order import DayMonthOrder
from newslint.rules.numbers.european_number_format import EuropeanNumberFormat
from newslint.rules.numbers.figure_at_sentence_start import FigureAtSentenceStart
from newslint.rules.numbers.large_number_in_words import LargeNumberInWords
from newslint.rules.numbers.minute_separator_mix import MinuteSeparatorMix
from newslint.rules.numbers.money_scale_style import MoneyScaleStyle
from newslint.rules.numbers.month_abbreviation import MonthAbbreviation
from newslint.rules.numbers.ordinal_style import OrdinalStyle
from newslint.rules.numbers.percent_sign_style import PercentSignStyle
from newslint.rules.numbers.percent_style_mix import PercentStyleMix
from newslint.rules.numbers.range_after_from_or_between import RangeAfterFromOrBetween
from newslint.rules.numbers.small_number_in_figures import SmallNumberInFigures
from newslint.rules.numbers.thousands_separator_mix import ThousandsSeparatorMix
from newslint.rules.numbers.thousands_separator_style import ThousandsSeparatorStyle
from newslint.rules.numbers.time_format_mix import TimeFormatMix
from newslint.rules.numbers.time_of_day_style import TimeOfDayStyle

RULES = (
    EuropeanNumberFormat,
    ThousandsSeparatorMix,
    TimeFormatMix,
    PercentStyleMix,
    SmallNumberInFigures,
    FigureAtSentenceStart,
    MoneyScaleStyle,
    OrdinalStyle,
    MonthAbbreviation,
    TimeOfDayStyle,
    RangeAfterFromOrBetween,
    LargeNumberInWords,
    MinuteSeparatorMix,
    ThousandsSeparatorStyle,
    DayMonthOrder,
    PercentSignStyle,
)
