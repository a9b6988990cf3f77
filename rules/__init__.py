"""The rule registry: every rule newslint ships, listed explicitly, family by family.

Each family package (`rules/<family>/__init__.py`) lists its rule classes in `RULES`; add a new
rule there. Codes: NL0xx meta, NL1xx typos and spelling, NL2xx naming and consistency, NL3xx
story structure, NL4xx numbers, dates and times, NL5xx typography, whitespace and encoding,
NL6xx house style from config, NL9xx grammar (LanguageTool).
"""

from newslint.rules import (
    grammar,
    house_style,
    meta,
    naming,
    numbers,
    structure,
    typography,
    typos,
)

ALL_RULES = tuple(
    sorted(
        (
            *meta.RULES,
            *typos.RULES,
            *naming.RULES,
            *structure.RULES,
            *numbers.RULES,
            *typography.RULES,
            *house_style.RULES,
            *grammar.RULES,
        ),
        key=lambda rule: rule.code,
    )
)
