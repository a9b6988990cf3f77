"""Rule documentation generated from the rules themselves (`newslint rule`, docs/rules/)."""

from __future__ import annotations

import inspect
import re
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


def section(rule: type[Rule], heading: str) -> str:
    """The Markdown of one `## heading` section of a rule's docstring ("" when it has none)."""
    doc = inspect.cleandoc(rule.__doc__ or "")
    parts = re.split(r"^## (.+)$", doc, flags=re.MULTILINE)
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        if title.strip() == heading:
            return body.strip()
    return ""


def plain_text(markdown: str) -> str:
    """Markdown as plain text for tools that show text as it is (SARIF's `text` fields): code
    blocks left out (a sentence that led into one ends with a full stop instead of a colon),
    `code` and **emphasis** marks dropped, links reduced to their words, each paragraph on one
    line."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", markdown):
        lines = [line for line in block.splitlines() if not line.startswith(("    ", "\t"))]
        if not lines:  # a code block
            if paragraphs and paragraphs[-1].endswith(":"):
                paragraphs[-1] = paragraphs[-1][:-1] + "."
            continue
        text = " ".join(" ".join(lines).split())
        text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
        paragraphs.append(re.sub(r"`([^`]*)`", r"\1", text).replace("**", ""))
    return "\n\n".join(paragraphs)
