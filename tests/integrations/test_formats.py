"""CI and editor formats: `--format sarif` validates against the SARIF 2.1.0 schema (shipped with
the tests: no network), `--format github` escapes workflow commands, `--format json` carries
every fix with its edits."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import jsonschema
import pytest

from newslint import DOCS_URL
from newslint.report.github import escape_data, escape_property

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
# An unused suppression (NL001, fixable) after an astral character: its column differs in code
# points (newslint's unit) and UTF-16 code units.
EMOJI_LINE = "Rescue teams 😀 said <!-- newslint: disable NL101 --> more.\n"
STORY = "Talks resume in Geneva\n\n" + EMOJI_LINE + "The talks resumed on Monday.\n"


def _write(tmp_path: Path, name: str, text: str, newline: str = "\n") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


# --- SARIF ------------------------------------------------------------------------------------
def _sarif(run_cli, tmp_path: Path, *names: str) -> dict:
    code, out, err = run_cli("check", "--format", "sarif", *names, cwd=tmp_path)
    assert code == 1, err
    return json.loads(out)


def test_sarif_validates_against_the_schema(run_cli, tmp_path):
    _write(tmp_path, "desk/story one.md", STORY)
    _write(tmp_path, "desk/crlf 50%.md", STORY, newline="\r\n")
    _write(tmp_path, "desk/clean.md", "Talks resume\n\nThe talks resumed.\n")
    log = _sarif(run_cli, tmp_path, "desk")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    assert len(log["runs"][0]["results"]) == 2


def test_sarif_columns_count_code_points_and_say_so(run_cli, tmp_path):
    _write(tmp_path, "story.md", STORY)
    run = _sarif(run_cli, tmp_path, "story.md")["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    [result] = run["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    column = EMOJI_LINE.index("<!--") + 1
    assert region["startLine"] == 3 and region["startColumn"] == column
    assert region["endColumn"] == EMOJI_LINE.index("-->") + 4
    assert column == len("Rescue teams 😀 said ") + 1  # one code point for the emoji, not two


def test_sarif_result_refers_to_its_rule_and_carries_the_fix(run_cli, tmp_path):
    _write(tmp_path, "story one.md", STORY)
    run = _sarif(run_cli, tmp_path, "story one.md")["runs"][0]
    [result] = run["results"]
    rules = run["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "NL001"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "story%20one.md"
    [fix] = result["fixes"]
    [replacement] = fix["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == ""
    assert replacement["deletedRegion"]["startLine"] == 3


def test_sarif_rules_link_their_page_and_describe_themselves_in_plain_text(run_cli, tmp_path):
    _write(tmp_path, "story.md", STORY)
    rules = _sarif(run_cli, tmp_path, "story.md")["runs"][0]["tool"]["driver"]["rules"]
    root = Path(__file__).resolve().parent.parent.parent
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["urls"]["Documentation"] == DOCS_URL
    for rule in rules:
        page = f"rules/{rule['id']}-{rule['name']}.md"
        assert rule["helpUri"] == f"{DOCS_URL}/{page}" and (root / "docs" / page).is_file()
        text = rule["fullDescription"]["text"]
        assert not re.search(r"`|##|\*\*|\[[^\]]*\]\(", text), f"{rule['id']}: Markdown left in {text!r}"
        assert not text.rstrip().endswith(":") and "\n\n" in text  # what it does, then why
        assert rule["help"]["markdown"].startswith(f"# {rule['id']} {rule['name']}")
    nl601 = next(r for r in rules if r["id"] == "NL601")["fullDescription"]["text"]
    assert "[rules.preferred-term]" not in nl601 and "until the desk lists terms." in nl601


def test_sarif_with_nothing_found_is_valid_and_empty(run_cli, tmp_path):
    _write(tmp_path, "clean.md", "Talks resume\n\nThe talks resumed.\n")
    code, out, err = run_cli("check", "--format", "sarif", "clean.md", cwd=tmp_path)
    assert code == 0, err
    log = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert log["runs"][0]["results"] == []


# --- GitHub workflow commands -------------------------------------------------------------------
def _unescape(value: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


@pytest.mark.parametrize("raw", ["plain", "50% of 100%", "line\nbreak", "cr\r\nlf", "%0A literal", "a:b,c"])
def test_github_escaping_round_trips(raw):
    assert _unescape(escape_data(raw)) == raw
    assert _unescape(escape_property(raw)) == raw
    assert "\n" not in escape_data(raw) and "\r" not in escape_data(raw)
    assert ":" not in escape_property(raw) and "," not in escape_property(raw)


def test_github_annotation_escapes_file_and_message(run_cli, tmp_path):
    _write(tmp_path, "50%, a:b.md", STORY)
    code, out, err = run_cli("check", "--format", "github", "50%, a:b.md", cwd=tmp_path)
    assert code == 1, err
    [line] = out.splitlines()
    head, message = line.split("::", 2)[1:]
    level, props = head.split(" ", 1)
    fields = dict(item.split("=", 1) for item in props.split(","))
    assert level == "warning"  # NL001's default severity
    assert _unescape(fields["file"]) == "50%, a:b.md"
    assert fields["line"] == "3" and fields["col"] == str(EMOJI_LINE.index("<!--") + 1)
    assert _unescape(fields["title"]) == "NL001 unused-suppression"
    assert message.startswith("NL001 suppression '<!-- newslint: disable NL101 -->'")  # ':' is fine in data


# --- GitLab Code Quality --------------------------------------------------------------------------
MISTAKES = "Talks resume\n\nThe the talks resumed. The the talks went on. Officials met the ministrs.\n"


def _gitlab(run_cli, tmp_path: Path, text: str) -> list[dict]:
    _write(tmp_path, "desk/story.txt", text)
    code, out, err = run_cli("check", "--format", "gitlab", "desk/story.txt", cwd=tmp_path)
    assert code == 1, err
    return json.loads(out)


def test_gitlab_report_has_the_fields_gitlab_reads(run_cli, tmp_path):
    issues = _gitlab(run_cli, tmp_path, MISTAKES)
    assert [i["check_name"] for i in issues] == ["newslint/NL103", "newslint/NL103", "newslint/NL101"]
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] == "major" and issue["location"] == {
            "path": "desk/story.txt",
            "lines": {"begin": 3, "end": 3},
        }
        assert issue["description"].startswith(issue["check_name"].split("/")[1] + " ")
    assert len({i["fingerprint"] for i in issues}) == 3  # the same problem twice is two issues


def test_gitlab_fingerprints_survive_lines_added_above(run_cli, tmp_path):
    before = _gitlab(run_cli, tmp_path, MISTAKES)
    after = _gitlab(run_cli, tmp_path, MISTAKES.replace("\n\n", "\n\nA new first paragraph.\n\n", 1))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert {i["location"]["lines"]["begin"] for i in after} == {5}


def test_gitlab_report_of_a_clean_run_is_an_empty_list(run_cli, tmp_path):
    _write(tmp_path, "clean.txt", "Talks resume\n\nThe talks resumed on Monday.\n")
    code, out, _ = run_cli("check", "--format", "gitlab", "clean.txt", cwd=tmp_path)
    assert code == 0 and json.loads(out) == []


# --- JSON: every fix with its edits -------------------------------------------------------------
def test_json_fix_edits_reproduce_the_fixed_text(run_cli, tmp_path):
    story = (
        "Talks resume in Geneva\n\n<!-- newslint: ignore-next-line NL101 -->\nThe talks resumed on Monday.\n"
    )
    path = _write(tmp_path, "story.md", story)
    code, out, err = run_cli("check", "--format", "json", "story.md", cwd=tmp_path)
    assert code == 1, err
    [item] = json.loads(out)
    fix = item["fix"]
    assert fix["applicability"] == "safe" and fix["title"]
    text = path.read_text(encoding="utf-8")
    for edit in sorted(fix["edits"], key=lambda e: e["start"]["offset"], reverse=True):
        text = text[: edit["start"]["offset"]] + edit["content"] + text[edit["end"]["offset"] :]
    code, out, err = run_cli("check", "--fix", "story.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == text


def test_json_is_written_one_problem_at_a_time_as_the_whole_array_was(run_cli, tmp_path):
    """The report is streamed (a big run's problems are never all held as dicts and one string),
    in the bytes `json.dumps(items, indent=2)` gives for the whole array, to stdout and to a file."""
    import io

    from newslint.config import Settings
    from newslint.report import FileResult, ReportOptions
    from newslint.report import json as json_report
    from newslint.runner import RunOptions, process_text
    from newslint.sources import decode

    stories = {"a.md": STORY, "b.md": "Talks résumé 😀\n\nThe talks resumed  on Monday.\n", "c.md": "Talks\n"}
    results = [process_text(decode(t.encode(), n), Settings(), RunOptions()) for n, t in stories.items()]
    assert sum(len(r.diagnostics) for r in results) >= 2
    items = [json_report.item(r, d) for r in results for d in r.diagnostics]
    whole = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    json_report.write(results, ReportOptions(), out)
    assert out.getvalue() == whole == json_report.render(results, ReportOptions())
    empty = io.StringIO()
    json_report.write([FileResult("c.md", "Talks\n")], ReportOptions(), empty)
    assert empty.getvalue() == json.dumps([], indent=2) + "\n" == "[]\n"
    for name, text in stories.items():
        _write(tmp_path, name, text)
    code, out_text, err = run_cli("check", "--format", "json", *stories, cwd=tmp_path)
    assert code == 1 and out_text == whole, err
    run_cli("check", "--format", "json", "--output-file", "report.json", *stories, cwd=tmp_path)
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == whole
