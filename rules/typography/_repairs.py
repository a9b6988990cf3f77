"""Reporting the character repairs the engine found (`Document.repairs`, see
`newslint.repairs`): each NL52x rule reports the repairs of its kind, a safe fix for a certain
repair and an unsafe one for a guess."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newslint.document import Document
from newslint.reading import Repair
from newslint.rule import NOTHING, Rule
from newslint.violation import Edit, Fix, Violation


def replace_title(repair: Repair, found: str) -> str:
    if not repair.content:
        return "Delete it"
    if repair.content == " ":
        return "Replace with a space"
    return f"Replace with {repair.content.strip() or repair.content!r}"


def report(
    rule: Rule, doc: Document, kind: str, title: Callable[[Repair, str], str] = replace_title
) -> Iterator[Violation]:
    """The violations of `rule` for the repairs of `kind`, in text order; `title(repair, found)`
    names each fix (`found`: the damaged characters). Not a generator: a story without repairs
    (most) pays one call, not a generator made and run to its end, for each of the five rules."""
    if not doc.repairs:
        return NOTHING
    return _report(rule, doc, kind, title)


def _report(rule: Rule, doc: Document, kind: str, title: Callable[[Repair, str], str]) -> Iterator[Violation]:
    for repair in doc.repairs:
        if repair.kind == kind:
            make = Fix.safe if repair.safe else Fix.unsafe
            fix = make(title(repair, doc.slice(repair.span)), Edit.replace(repair.span, repair.content))
            yield rule.violation(repair.span, repair.detail, fix)
