"""Rule documentation generated from the rules themselves (`newslint rule`, docs/rules/)."""
from __future__ import annotations

import dataclasses
import inspect

from newslint.rule import Rule


def rule_markdown(rule: type[Rule]) -> str:
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"- Family: {rule.family()}",
        f"- Fix: {rule.fix_availability.value}",
        f"- On by default: {'yes' if rule.enabled_by_default else 'no'}",
        f"- Severity: {rule.default_severity.value}",
        f"- Edits inside quotations: {'yes (repairs characters)' if rule.repairs_characters else 'no (reported, not fixed)'}",
        "",
        inspect.cleandoc(rule.__doc__ or ""),
    ]
    fields = dataclasses.fields(rule.Options)
    if fields:
        lines += ["", "## Options", "", "| option | default |", "|---|---|"]
        for f in fields:
            default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
            lines.append(f"| `{f.name.replace('_', '-')}` | `{default!r}` |")
    return "\n".join(lines).rstrip() + "\n"
