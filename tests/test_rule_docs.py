"""docs/rules/ is generated from the rules and must not go stale."""

from __future__ import annotations

import importlib.util

from newslint.docs import rule_markdown
from newslint.registry import rule_by_code

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location(
    "generate_rule_docs", ROOT / "scripts" / "generate_rule_docs.py"
)
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)


def test_rule_docs_are_up_to_date():
    problems = generate.stale()
    assert not problems, "docs/rules is stale; run `python scripts/generate_rule_docs.py`:\n" + "\n".join(
        problems
    )


def test_check_mode_finds_missing_changed_and_left_over_pages(tmp_path):
    assert generate.write(tmp_path) > 0
    assert generate.stale(tmp_path) == []
    assert generate.write(tmp_path) == 0  # nothing to do the second time
    (tmp_path / "NL103-doubled-word.md").write_text("old\n", encoding="utf-8")
    (tmp_path / "NL001-unused-suppression.md").unlink()
    (tmp_path / "NL199-gone.md").write_text("gone\n", encoding="utf-8")
    assert sorted(generate.stale(tmp_path)) == [
        "NL001-unused-suppression.md: missing",
        "NL103-doubled-word.md: out of date",
        "NL199-gone.md: no such rule any more",
    ]
    generate.write(tmp_path)
    assert generate.stale(tmp_path) == [] and not (tmp_path / "NL199-gone.md").exists()


def test_a_rule_page_is_what_newslint_rule_prints():
    rule = rule_by_code("NL103")
    page = (ROOT / "docs" / "rules" / "NL103-doubled-word.md").read_text(encoding="utf-8")
    assert page == rule_markdown(rule)
    assert page.startswith("# NL103 doubled-word\n") and "## Why is this bad?" in page


def test_index_links_every_rule_page():
    index = (ROOT / "docs" / "rules" / "index.md").read_text(encoding="utf-8")
    for name in generate.expected_pages():
        if name != "index.md":
            assert f"]({name})" in index
