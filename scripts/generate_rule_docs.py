"""Write the rule reference, docs/rules/, from the rules themselves.

    python scripts/generate_rule_docs.py           # regenerate docs/rules/
    python scripts/generate_rule_docs.py --check   # exit 1 and list what is stale

Each rule gets `docs/rules/<CODE>-<name>.md` (from `newslint.docs.rule_markdown`, the same text
`newslint rule CODE` prints) and `docs/rules/index.md` lists them all by family. Pages of rules
that no longer exist are removed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newslint.docs import index_markdown, rule_markdown
from newslint.registry import all_rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def expected_pages() -> dict[str, str]:
    pages = {f"{rule.code}-{rule.name}.md": rule_markdown(rule) for rule in all_rules()}
    pages["index.md"] = index_markdown(all_rules())
    return pages


def stale(directory: Path = DOCS) -> list[str]:
    """Pages that are missing, different or left over, as `name: why`."""
    pages = expected_pages()
    out = []
    for name, text in pages.items():
        path = directory / name
        if not path.is_file():
            out.append(f"{name}: missing")
        elif path.read_text(encoding="utf-8") != text:
            out.append(f"{name}: out of date")
    existing = {p.name for p in directory.glob("*.md")} if directory.is_dir() else set()
    out.extend(f"{name}: no such rule any more" for name in sorted(existing - set(pages)))
    return out


def write(directory: Path = DOCS) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    pages = expected_pages()
    changed = 0
    for name, text in pages.items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed += 1
    for path in directory.glob("*.md"):
        if path.name not in pages:
            path.unlink()
            changed += 1
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale pages and exit 1; write nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for line in problems:
            print(f"docs/rules/{line}")
        if problems:
            print("Run: python scripts/generate_rule_docs.py", file=sys.stderr)
        return 1 if problems else 0
    changed = write()
    print(f"docs/rules: {changed} page{'s' * (changed != 1)} written or removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
