"""`newslint learn --suggest-config`: the house style a desk's profile shows, as a newslint.toml
for the desk to review and commit. Each rule says what its part of the profile suggests
(`Rule.suggest`); this module only gathers the suggestions and writes them out, each with its
evidence in a comment.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from newslint.profile import Profile
from newslint.rule import Suggestion


def suggest_config(profile: Profile) -> str:
    """The suggestions of every rule, written as a newslint.toml."""
    from newslint.registry import all_rules

    return render(profile, [s for rule in all_rules() for s in rule().suggest(profile)])


def render(profile: Profile, suggestions: Iterable[Suggestion]) -> str:
    lines = [
        f"# Suggested by `newslint learn --suggest-config` from a profile of {profile.stories:,} stories.",
        "# Review every line before you commit it: the archive shows what the desk wrote, not what",
        "# it meant to write.",
    ]
    top: list[Suggestion] = []
    notes: list[Suggestion] = []
    tables: dict[str, list[Suggestion]] = {}
    for s in suggestions:
        if not s.key:
            notes.append(s)
        elif s.key.startswith("rules."):
            tables.setdefault(s.key.rsplit(".", 1)[0], []).append(s)
        else:
            top.append(s)
    for s in top:
        lines += ["", *_comment(s.evidence), f"{s.key} = {_toml(s.value)}"]
    for table, entries in sorted(tables.items()):
        lines += ["", f"[{table}]"]
        by_option: dict[str, list[Suggestion]] = {}
        for s in entries:
            by_option.setdefault(s.key.rsplit(".", 1)[1], []).append(s)
        for option, given in by_option.items():
            if all(isinstance(s.value, list) for s in given):  # entries of one list, each with its why
                lines.append(f"{option} = [")
                for s in given:
                    lines += [f"  {c}" for c in _comment(s.evidence)]
                    lines += [f"  {_toml(v)}," for v in s.value]
                lines.append("]")
            else:
                lines += [*_comment(given[0].evidence), f"{option} = {_toml(given[0].value)}"]
    if notes:
        lines += [
            "",
            "# What the archive shows that no setting says (rules follow the desk when",
            "# the profile is used):",
        ]
        lines += [c for s in notes for c in _comment(s.evidence)]
    return "\n".join(lines) + "\n"


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in text.split("\n")]


def _toml(value: Any) -> str:
    """A TOML value: strings as JSON writes them (TOML's basic strings), lists, inline tables."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)
