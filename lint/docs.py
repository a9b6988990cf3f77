"""Rule documentation generated from the rules themselves (`newslint rule`, docs/rules/)."""

from __future__ import annotations

import inspect
from collections.abc import Iterable

from newslint.rule import Rule, option_default


def rule_markdown(rule: type[Rule]) -> str:
    quotations = "yes (repairs characters)" if rule.repairs_characters else "no (reported, not fixed)"
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"- Family: {rule.family()}",
        f"- Fix: {rule.fix_availability.value}",
        f"- On by default: {'yes' if rule.enabled_by_default else 'no'}",
        f"- Severity: {rule.default_severity.value}",
        f"- Edits inside quotations: {quotations}",
        "",
        inspect.cleandoc(rule.__doc__ or ""),
    ]
    fields = rule.option_fields()
    if fields:
        lines += ["", "## Options", "", "| option | default |", "|---|---|"]
        for f in fields:
            default = option_default(f)
            lines.append(f"| `{f.name.replace('_', '-')}` | `{default!r}` |")
    return "\n".join(lines).rstrip() + "\n"


def index_markdown(rules: Iterable[type[Rule]]) -> str:
    """The rule index: one table per family, each rule linking to its page."""
    lines = [
        "# Rules",
        "",
        "Generated from the rules by `python scripts/generate_rule_docs.py`; do not edit by hand.",
        "`newslint rule CODE` prints the same page in the terminal.",
        "",
        "Fix: `always` or `sometimes` a fix is offered (safe or unsafe, as each page says), "
        "`none`: reported only.",
    ]
    by_family: dict[str, list[type[Rule]]] = {}
    for rule in rules:
        by_family.setdefault(rule.family(), []).append(rule)
    for family, members in by_family.items():
        lines += [
            "",
            f"## {family} (NL{members[0].code[2]}xx)",
            "",
            "| code | name | fix | on by default | what it does |",
            "|---|---|---|---|---|",
        ]
        for rule in members:
            summary = rule.summary().replace("|", "\\|")
            lines.append(
                f"| [{rule.code}]({rule.code}-{rule.name}.md) | {rule.name} | {rule.fix_availability.value} "
                f"| {'yes' if rule.enabled_by_default else 'no'} | {summary} |"
            )
    return "\n".join(lines) + "\n"
