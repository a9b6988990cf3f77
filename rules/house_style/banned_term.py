"""NL602 banned-term."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from newslint.document import Document
from newslint.rule import NOTHING, Rule, RuleOptions
from newslint.rules.house_style import _entries as house
from newslint.violation import FixAvailability, Violation


class BannedTerm(Rule):
    """## What it does
    Reports words and phrases a desk has banned, with the desk's own message. Does nothing until
    the desk lists terms:

        [[rules.banned-term.terms]]
        term = ["slammed", "blasted"]
        message = "say who criticised what"
        examples = [
          { from = "He slammed the plan." },
          { from = "The door slammed-shut.", to = "The door slammed-shut." },
        ]

    A term written in lowercase matches in any case; whole words only. Each entry's `examples`
    are checked when the config loads: without `to` the text must be reported, with `to` equal
    to `from` it must pass.

    ## Why is this bad?
    A banned word in print is a desk's decision broken in public: a cliché readers tire of
    ("slammed", "blasted"), a word that takes a side, a term the lawyers have warned about.
    Writers on deadline reach for them anyway, and a list in a style guide is only applied
    when someone remembers it; checking every story against it is what makes the ban hold.

    ## Example
        The minister slammed the plan.

    ## Use instead
        The minister criticised the plan.
    """

    code = "NL602"
    name = "banned-term"
    fix_availability = FixAvailability.NONE

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The desk's banned terms (`[rules.banned-term]`) and the time a search may take."""

        terms: tuple = ()  # tables: { term = "..." | [...], message = "...", examples = [...] }
        timeout: float = house.DEFAULT_TIMEOUT

        def validate(self) -> None:
            _ = self.entries

        @cached_property
        def entries(self) -> list[house.Entry]:
            return house.parse(self.terms, "terms", ("term", "message", "examples"), self._build)

        def _build(self, raw: dict, where: str) -> list[house.Entry]:
            message = house.optional_text_field(raw, "message", where) or "banned in house style"
            words = house.text_list(raw, "term", where)
            pattern = "|".join(house.word_pattern(w).pattern for w in sorted(words, key=len, reverse=True))
            flags = house.regex_module().IGNORECASE if all(w == w.lower() for w in words) else 0
            entry = house.Entry(
                house.regex_module().compile(pattern, flags),
                "{found!r}: " + house.literal(message),
                None,
                keep_case=False,
                key=where,
            )
            house.check_examples(entry, raw, where, self.timeout)
            return [entry]

    options: Options  # built from the config by the engine
    needs_setting = "options.entries"  # no terms: nothing to find

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator of its own: with no terms (most runs) every story pays one call.
        if not self.options.entries:
            return NOTHING
        return house.report(self, doc, self.options.entries, self.options.timeout, safe=False)
