"""House-style entries from the config: parsing, matching and the examples checked at load time.

Every entry turns text into matches (start, end, replacement or None). The same matching runs on
the entry's own examples when the config loads, so a desk cannot ship an entry that does not do
what its examples say. Matching uses the `regex` module with a time limit: a runaway pattern
raises `TimeoutError` instead of hanging the run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from newslint.rule import replace_fix
from newslint.span import Span
from newslint.suggest import did_you_mean

DEFAULT_TIMEOUT = 0.5  # seconds per entry per story


@dataclass(frozen=True)
class Match:
    """Where an entry matched, and its replacement."""

    start: int
    end: int
    replacement: str | None  # None: report only


@dataclass(frozen=True)
class Entry:
    """One entry of a desk's patterns: what it matches, says and puts instead."""

    pattern: Any  # a compiled regex.Pattern
    message: str
    replacement: str | None  # a template for Match.expand, or a literal
    keep_case: bool  # the entry was written in lowercase: "utilise" also matches "Utilise"
    template: bool = False  # replacement is a regex template (\1, \g<name>)
    key: str = ""  # where the desk wrote it in the rule's options: "patterns[2]"

    def find(self, text: str, timeout: float) -> Iterator[Match]:
        for m in self.pattern.finditer(text, timeout=timeout):
            if m.end() == m.start():
                continue
            yield Match(m.start(), m.end(), self._replacement(m))

    def _replacement(self, m: Any) -> str | None:
        if self.replacement is None:
            return None
        out = m.expand(self.replacement) if self.template else self.replacement
        if not self.keep_case:
            return out
        if self.template and m.group().isupper() and len(m.group()) > 1:
            return out.upper()  # the groups copied the capitals: UTILISING -> us + ING -> USING
        return keep_case(m.group(), out)


class Matcher(Protocol):
    """What examples are checked against: one entry, or the entries of one table together."""

    @property
    def replacement(self) -> str | None: ...

    def find(self, text: str, timeout: float) -> Iterator[Match]: ...


def keep_case(found: str, replacement: str) -> str:
    """`replacement` in the case of `found`: Utilise -> Use, UTILISE -> USE, utilise -> use."""
    if found.isupper() and len(found) > 1 and replacement.lower() == replacement:
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def literal(message: str) -> str:
    """A desk's message, safe to pass through str.format."""
    return message.replace("{", "{{").replace("}", "}}")


def regex_module() -> Any:
    """The `regex` module, imported when a desk's config has entries: it costs start-up time
    that runs without house-style entries should not pay."""
    import regex

    return regex


def word_pattern(term: str) -> Any:
    """A literal term as a whole word; a lowercase term matches any case."""
    regex = regex_module()
    flags = regex.IGNORECASE if term == term.lower() else 0
    return regex.compile(rf"(?<![\w-]){regex.escape(term)}(?![\w-])", flags)


def apply(entry: Matcher, text: str, timeout: float) -> tuple[str, int]:
    """`text` with every replacement of the entry made, and the number of matches."""
    out, cursor, count = [], 0, 0
    for m in entry.find(text, timeout):
        count += 1
        if m.replacement is not None:
            out.append(text[cursor : m.start])
            out.append(m.replacement)
            cursor = m.end
    out.append(text[cursor:])
    return "".join(out), count


def table(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{where}: expected a table like {{ ... }}, got {value!r}")
    return value


def optional_text_field(entry: Mapping[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ValueError(f"{where}.{key}: expected a non-empty string, got {value!r}")
    return value


def text_field(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = optional_text_field(entry, key, where)
    if value is None:
        raise ValueError(f"{where}: missing {key!r}")
    return value


def text_list(entry: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = entry.get(key)
    if value is None:
        raise ValueError(f"{where}: missing {key!r}")
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{where}.{key}: expected a string or a list of non-empty strings, got {value!r}")
    return value


def parse(tables: tuple, name: str, keys: tuple[str, ...], build: Any) -> list:
    """The entries of every table in the option `name`; `build(table, where)` returns a list."""
    out: list = []
    for i, raw in enumerate(tables):
        where = f"{name}[{i}]"
        raw = table(raw, where)
        check_keys(raw, keys, where)
        out.extend(build(raw, where))
    return out


def check_keys(entry: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
    unknown = sorted(set(entry) - set(known))
    if unknown:
        raise ValueError(
            f"{where}: unknown key {unknown[0]!r}{did_you_mean(unknown[0], known)} "
            f"(known keys: {', '.join(known)})"
        )


def check_examples(entry: Matcher, raw: Mapping[str, Any], where: str, timeout: float) -> None:
    """Each example `{ from = "...", to = "..." }` must come out as `to` when the entry's fixes are
    applied; without `to`, `from` must be reported. `to` equal to `from` states a text the entry
    leaves alone."""
    examples = raw.get("examples", [])
    if not isinstance(examples, list):
        raise ValueError(f"{where}.examples: expected a list of {{ from = ..., to = ... }} tables")
    for i, example in enumerate(examples):
        at = f"{where}.examples[{i}]"
        example = table(example, at)
        check_keys(example, ("from", "to"), at)
        source = text_field(example, "from", at)
        expected = example.get("to")
        if expected is not None and not isinstance(expected, str):
            raise ValueError(f"{at}.to: expected a string, got {expected!r}")
        try:
            fixed, count = apply(entry, source, timeout)
        except TimeoutError:
            raise ValueError(f"{at}: pattern timed out after {timeout} s on its own example") from None
        if expected is None:
            if not count:
                raise ValueError(f"{at}: expected {source!r} to be reported, but the entry does not match it")
        elif expected == source:
            if count:
                raise ValueError(f"{at}: expected {source!r} to pass, but the entry reports it")
        elif entry.replacement is None:
            raise ValueError(f"{at}: the entry has no replacement, so {source!r} cannot become {expected!r}")
        elif fixed != expected:
            raise ValueError(f"{at}: {source!r} becomes {fixed!r}, not {expected!r}")


def report(rule: Any, doc: Any, entries: list[Entry], timeout: float, safe: bool) -> Iterator[Any]:
    """The violations of a house rule's entries on the prose of `doc`. An entry that runs past
    its time limit is skipped for this story and reported at its start, naming the config file
    and the key of the entry, like an error in the config:
    `newslint.toml: rules.house-pattern.patterns[2]: pattern timed out after 0.1 s on story.txt`."""
    for entry in entries:
        try:
            matches = list(entry.find(doc.text, timeout))
        except TimeoutError:
            yield rule.violation(
                Span(0, 0),
                f"{rule.origin}.{entry.key}: pattern timed out after {timeout} s on "
                f"{doc.path}; skipped there (simplify the pattern)",
            )
            continue
        for m in matches:
            span = Span(m.start, m.end)
            if not doc.is_prose(span):
                continue
            found = doc.slice(span)
            if m.replacement is None or m.replacement == found:
                yield rule.violation(span, entry.message.format(found=found))
            else:
                yield rule.violation(
                    span,
                    entry.message.format(found=found),
                    replace_fix(f"Write {m.replacement!r}", span, m.replacement, safe),
                )
