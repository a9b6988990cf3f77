"""NL603 house-pattern."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from newslint.document import Document
from newslint.rule import NOTHING, Rule, RuleOptions
from newslint.rules.house_style import _entries as house
from newslint.violation import FixAvailability, Violation

_GROUP_REF = re.compile(r"\\(\d+)|\\g<(\w+)>")  # group references in a replacement template
FLAGS = {"i": "IGNORECASE", "m": "MULTILINE", "s": "DOTALL"}  # names in the `regex` module


class HousePattern(Rule):
    """## What it does
    Runs the desk's own regular expressions (the `regex` module's syntax) over the prose and
    reports each match with the desk's message, and fixes it when the entry has a replacement.
    Does nothing until the desk lists patterns:

        [rules.house-pattern]
        timeout = 0.5   # seconds per pattern per story
        patterns = [
          { pattern = '\\b(\\d+) per cent\\b', replace = '\\1%', message = "write %",
            examples = [{ from = "up 5 per cent", to = "up 5%" }] },
        ]

    `replace` is a template (`\\1`, `\\g<name>`); `flags` may hold `i`, `m` and `s`. With `i` the
    replacement keeps the case of the text it replaces (`Co-operation` -> `Cooperation` at a
    sentence start, `CO-OPERATION` -> `COOPERATION`); without it the desk's template is used as
    written, since the pattern then says which case it matches. Each pattern
    runs with a time limit: a pattern that takes longer is skipped for that story and reported
    with the config file and its key (`newslint.toml: rules.house-pattern.patterns[2]: pattern
    timed out after 0.5 s on story.txt`), so a runaway expression cannot hang a run. Patterns,
    flags and examples are checked when the config loads (`to` is the text after the fix;
    without `to` the text must be reported).

    ## Why is this bad?
    Many house rules are patterns, not words: `5 per cent` where the house writes `5%`, a
    title before a name, a style of figure. No word list catches them, and editors catch them
    only some of the time; a pattern the desk writes once is applied to every story alike.

    ## Example
        Prices rose 5 per cent.

    ## Use instead
        Prices rose 5%.

    ## Fix safety
    Unsafe: a regular expression cannot know every context; `safe = true` on an entry makes its
    fix safe. Inside direct quotations matches are reported, never changed.
    """

    code = "NL603"
    name = "house-pattern"
    fix_availability = FixAvailability.SOMETIMES

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The desk's own patterns (`[rules.house-pattern]`) and the time a search may take."""

        patterns: tuple = ()  # tables: { pattern, message, replace?, flags?, safe?, examples? }
        timeout: float = house.DEFAULT_TIMEOUT

        def validate(self) -> None:
            if not 0 < self.timeout <= 60:
                raise ValueError(f"timeout: expected seconds between 0 and 60, got {self.timeout!r}")
            _ = self.entries

        @cached_property
        def entries(self) -> list[tuple[house.Entry, bool]]:
            keys = ("pattern", "message", "replace", "flags", "safe", "examples")
            return house.parse(self.patterns, "patterns", keys, self._build)

        def _build(self, raw: dict, where: str) -> list[tuple[house.Entry, bool]]:
            source = house.text_field(raw, "pattern", where)
            pattern = _compile(source, raw.get("flags", ""), where)
            replace = raw.get("replace")
            if replace is not None and not isinstance(replace, str):
                raise ValueError(f"{where}.replace: expected a string, got {replace!r}")
            if replace is not None:
                _check_template(pattern, replace, f"{where}.replace")
            safe = raw.get("safe", False)
            if not isinstance(safe, bool):
                raise ValueError(f"{where}.safe: expected true or false, got {safe!r}")
            message = house.optional_text_field(raw, "message", where) or f"matches house pattern {source!r}"
            ignore_case = "i" in raw.get("flags", "")
            entry = house.Entry(
                pattern,
                "{found!r}: " + house.literal(message),
                replace,
                keep_case=ignore_case,
                template=True,
                key=where,
            )
            house.check_examples(entry, raw, where, self.timeout)
            return [(entry, safe)]

    options: Options  # built from the config by the engine
    needs_setting = "options.entries"  # no terms: nothing to find

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: with no patterns (most runs) every story pays one call, not a
        # generator made and run to its end.
        if not self.options.entries:
            return NOTHING
        return self._report(doc)

    def _report(self, doc: Document) -> Iterator[Violation]:
        for entry, safe in self.options.entries:
            yield from house.report(self, doc, [entry], self.options.timeout, safe=safe)


def _check_template(pattern, replace: str, where: str) -> None:
    """Every group the replacement names exists in the pattern."""
    for m in _GROUP_REF.finditer(replace):
        ref = m.group(1) or m.group(2)
        known = int(ref) <= pattern.groups if ref.isdigit() else ref in pattern.groupindex
        if not known:
            raise ValueError(f"{where}: the pattern has no group {ref!r}")


def _compile(source: str, letters: object, where: str):
    if not isinstance(letters, str):
        raise ValueError(f"{where}.flags: expected a string of letters (i, m, s), got {letters!r}")
    flags = 0
    for letter in letters:
        if letter not in FLAGS:
            raise ValueError(f"{where}.flags: unknown flag {letter!r} (use i, m, s)")
        flags |= getattr(house.regex_module(), FLAGS[letter])
    regex = house.regex_module()
    try:
        return regex.compile(source, flags)
    except regex.error as exc:
        raise ValueError(f"{where}.pattern: not a valid regular expression: {exc}") from None
