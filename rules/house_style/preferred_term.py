"""NL601 preferred-term."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from newslint.document import Document
from newslint.rule import NOTHING, Rule, RuleOptions
from newslint.rules.house_style import _entries as house
from newslint.span import Span
from newslint.violation import FixAvailability, Violation


class PreferredTerm(Rule):
    """## What it does
    Replaces the terms and names a desk has ruled out with the ones it prefers, as listed in the
    config. Does nothing until the desk lists terms:

        [rules.preferred-term]
        terms = [
          { use = "Kyiv", instead-of = "Kiev", examples = [{ from = "in Kiev.", to = "in Kyiv." }] },
          { use = "Deir ez-Zor", instead-of = ["Deir Ezzor", "Deir al-Zour"] },
          { use = "use", instead-of = "utilise" },
        ]

    A term written in lowercase matches in any case and the replacement keeps the case of the
    text (`Utilise` -> `Use`); a term with capitals matches exactly as written. Whole words only.
    Each entry's `examples` are checked when the config loads (`to` is the text after the fix;
    `to` equal to `from` states a text the entry must leave alone). A dateline written in capitals
    (`KIEV (Reuters) -`) is the wire's own record of where the story was filed and is left as it
    is.

    Where a term's fix overlaps another rule's (`utilise` is also a British spelling under
    `locale = "en-US"`), the desk's term wins: --fix writes `use`, not `utilize`.

    ## Why is this bad?
    A desk's style decisions (Kyiv, not Kiev) only hold if every story follows them.

    ## Example
        Talks in Kiev resumed.

    ## Use instead
        Talks in Kyiv resumed.

    ## Fix safety
    Safe: the desk stated the replacement. Inside direct quotations the term is reported,
    never changed.
    """

    code = "NL601"
    name = "preferred-term"
    fix_availability = FixAvailability.ALWAYS

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The desk's preferred terms (`[rules.preferred-term]`) and the time a search may take."""

        terms: tuple = ()  # tables: { use = "...", instead-of = "..." | [...], examples = [...] }
        timeout: float = house.DEFAULT_TIMEOUT

        def validate(self) -> None:
            _ = self.entries

        @cached_property
        def entries(self) -> list[house.Entry]:
            return house.parse(self.terms, "terms", ("use", "instead-of", "examples"), self._build)

        def _build(self, raw: dict, where: str) -> list[house.Entry]:
            use = house.text_field(raw, "use", where)
            group = []
            for term in house.text_list(raw, "instead-of", where):
                entry = house.Entry(
                    house.word_pattern(term),
                    f"{{found!r}} is written {use!r} in house style",
                    use,
                    keep_case=term == term.lower(),
                    key=where,
                )
                if any(True for _ in entry.find(use, self.timeout)):
                    raise ValueError(
                        f"{where}: {term!r} matches inside {use!r} itself, so the fix would never end"
                    )
                group.append(entry)
            house.check_examples(_Either(group), raw, where, self.timeout)
            return group

    options: Options  # built from the config by the engine
    needs_setting = "options.entries"  # no terms: nothing to find

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: with no terms (most runs) every story pays one call, not two
        # generators made and run to their end.
        if not self.options.entries:
            return NOTHING
        return self._report(doc)

    def _report(self, doc: Document) -> Iterator[Violation]:
        for v in house.report(self, doc, self.options.entries, self.options.timeout, safe=True):
            if not _in_capitals_dateline(doc, v.span):
                yield v


def _in_capitals_dateline(doc: Document, span: Span) -> bool:
    dateline = doc.dateline
    found = doc.slice(span)
    return dateline is not None and dateline.contains(span) and found.isupper()


@dataclass(frozen=True)
class _Either:
    """The entries of one table, matched together (for checking its examples)."""

    entries: list[house.Entry]

    @property
    def replacement(self) -> str | None:
        return self.entries[0].replacement

    def find(self, text: str, timeout: float) -> Iterator[house.Match]:
        matches = sorted(
            (m for e in self.entries for m in e.find(text, timeout)), key=lambda m: (m.start, -m.end)
        )
        last = -1
        for m in matches:
            if m.start >= last:
                last = m.end
                yield m
