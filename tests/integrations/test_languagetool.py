"""The LanguageTool backend (NL9xx): a contract test of the mapping against recorded /v2/check
responses replayed on localhost (tests/lt_replay.py), error handling, and a live test that runs
only when NEWSLINT_LANGUAGETOOL_URL names a real server."""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

import pytest

pytest.importorskip("language_tool_python", reason="needs the languagetool extra")

from newslint.config import Settings  # noqa: E402
from newslint.lint import Linter  # noqa: E402
from newslint.rule import Rule, RuleUnavailable  # noqa: E402
from newslint.rules.grammar import _backend as backend  # noqa: E402
from newslint.rules.grammar._base import LanguageToolOptions  # noqa: E402
from newslint.span import Span  # noqa: E402
from tests.lt_replay import ReplayServer, load_recordings  # noqa: E402

SPELLING = "Talks resume in Geneva\n\nThe Assad reigme's soldiers withdrew on Monday.\n"
GRAMMAR = "Talks resume in Geneva\n\nThe minister go to Brussels on Monday.\n"
ASTRAL = "Talks resume in Geneva\n\nRescue teams 😀 said the the talks failed ,officials said.\n"
QUOTED = 'Talks resume in Geneva\n\nThe minister said: "We go to Brussels tomorow."\n'
STYLE = "Talks resume in Geneva\n\nOfficials met in order to discuss the ceasefire.\n"


@pytest.fixture(scope="module")
def replay():
    with ReplayServer() as server:
        yield server


def _story(tmp_path: Path, text: str, name: str = "story.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _json(run_cli, tmp_path, *args):
    code, out, err = run_cli("check", "--format", "json", *args, cwd=tmp_path)
    return code, json.loads(out) if out.strip() else None, err


def test_recordings_cover_the_texts_used_here():
    assert {SPELLING, GRAMMAR, ASTRAL, QUOTED, STYLE} <= set(load_recordings())


# --- the mapping ------------------------------------------------------------------------------
def test_spelling_match_becomes_nl902_with_unsafe_fix(run_cli, tmp_path, replay):
    _story(tmp_path, SPELLING)
    code, items, err = _json(run_cli, tmp_path, "--languagetool", replay.url, "--select", "NL9", "story.txt")
    assert code == 1, err
    [item] = items
    assert item["code"] == "NL902" and item["name"] == "languagetool-spelling"
    assert (item["start"]["offset"], item["end"]["offset"]) == (34, 40)
    assert (item["start"]["line"], item["start"]["column"]) == (3, 11)
    assert "MORFOLOGIK_RULE_EN_US" in item["message"] and "TYPOS" in item["message"]
    assert "Possible spelling mistake found." in item["message"]
    assert "'reign'" in item["message"]  # further suggestions are listed
    assert item["severity"] == "warning"
    assert item["fix"]["applicability"] == "unsafe"
    assert [e["content"] for e in item["fix"]["edits"]] == ["regime"]


def test_request_carries_language_and_options(run_cli, tmp_path, replay):
    _story(tmp_path, STYLE)
    (tmp_path / "newslint.toml").write_text(
        f'[rules.grammar]\nserver = "{replay.url}"\nlanguage = "en-GB"\n'
        'disabled-rules = ["EN_QUOTES"]\ndisabled-categories = ["CASING"]\n',
        encoding="utf-8",
    )
    before = len(replay.requests)
    code, items, err = _json(run_cli, tmp_path, "story.txt")
    assert [i["code"] for i in items] == ["NL904"]
    sent = replay.requests[before:]
    assert len(sent) == 1  # five NL9xx rules, one request per text
    assert sent[0]["language"] == "en-GB" and sent[0]["text"] == STYLE
    assert sent[0]["disabledRules"] == "EN_QUOTES" and sent[0]["disabledCategories"] == "CASING"


def test_the_command_line_server_keeps_the_files_other_options(run_cli, tmp_path, replay):
    """--languagetool URL sets the grammar rules' `server` option over the file's; the file's
    other options stay."""
    _story(tmp_path, STYLE)
    (tmp_path / "newslint.toml").write_text(
        f'[rules.grammar]\nserver = "http://127.0.0.1:{_closed_port()}"\nlanguage = "en-GB"\n',
        encoding="utf-8",
    )
    before = len(replay.requests)
    code, items, err = _json(run_cli, tmp_path, "--languagetool", replay.url, "story.txt")
    assert [i["code"] for i in items] == ["NL904"], err
    (sent,) = replay.requests[before:]
    assert sent["language"] == "en-GB"


def test_columns_count_code_points_after_an_astral_character(run_cli, tmp_path, replay):
    _story(tmp_path, ASTRAL)
    code, items, err = _json(run_cli, tmp_path, "--languagetool", replay.url, "--select", "NL9", "story.txt")
    by_code = {i["code"]: i for i in items}
    assert set(by_code) == {"NL903", "NL909"}
    repeat, comma = by_code["NL909"], by_code["NL903"]
    assert ASTRAL[repeat["start"]["offset"] : repeat["end"]["offset"]] == "the the"
    assert ASTRAL[comma["start"]["offset"] : comma["end"]["offset"]] == " ,"
    assert "ENGLISH_WORD_REPEAT_RULE" in repeat["message"] and "MISC" in repeat["message"]


def test_unsafe_fixes_apply_the_suggestions(run_cli, tmp_path, replay):
    path = _story(tmp_path, ASTRAL)
    lt = ("--languagetool", replay.url, "--select", "NL9")
    code, out, err = run_cli("check", *lt, "--fix", "story.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == ASTRAL  # unsafe fixes need --unsafe-fixes
    code, out, err = run_cli("check", *lt, "--fix", "--unsafe-fixes", "story.txt", cwd=tmp_path)
    assert code == 0, out + err
    assert path.read_text(encoding="utf-8") == ASTRAL.replace("the the", "the").replace(" ,o", ", o")


def test_quotation_is_reported_not_fixed(run_cli, tmp_path, replay):
    path = _story(tmp_path, QUOTED)
    code, out, err = run_cli(
        "check",
        "--languagetool",
        replay.url,
        "--select",
        "NL9",
        "--fix",
        "--unsafe-fixes",
        "story.txt",
        cwd=tmp_path,
    )
    assert code == 1 and "NL902" in out
    assert path.read_text(encoding="utf-8") == QUOTED


def test_parallel_workers_each_reach_the_server(run_cli, tmp_path, replay):
    for i in range(70):
        _story(tmp_path, GRAMMAR, f"s{i:02}.txt")
    code, items, err = _json(run_cli, tmp_path, "--languagetool", replay.url, "--jobs", "2", ".")
    assert [i["path"] for i in items] == [f"s{i:02}.txt" for i in range(70)]
    assert {i["code"] for i in items} == {"NL901"}


def test_off_by_default_sends_nothing(run_cli, tmp_path, replay):
    _story(tmp_path, SPELLING)
    before = len(replay.requests)
    code, out, err = run_cli("check", "story.txt", cwd=tmp_path)
    assert "NL9" not in out
    assert len(replay.requests) == before
    linter = Linter(Settings(), "story.txt")
    assert any(type(r).code == "NL902" for r in linter.rules)
    assert not [v for v in linter.violations(SPELLING) if v.code.startswith("NL9")]


# --- dropping what newslint's own rules already report -----------------------------------------
def test_newslint_own_reports_win_on_the_same_span(run_cli, tmp_path, replay):
    """With the default rules, newslint's own typo rules report 'reigme' and 'the the': the
    LanguageTool matches on those spans are dropped; the comma match, which no rule of newslint's
    reports, is kept."""
    _story(tmp_path, SPELLING, "spelling.txt")
    _story(tmp_path, ASTRAL, "astral.txt")
    code, items, err = _json(run_cli, tmp_path, "--languagetool", replay.url, "spelling.txt", "astral.txt")
    codes = {(i["path"], i["code"]) for i in items}
    own = {c for c in codes if not c[1].startswith("NL9")}
    assert ("spelling.txt", "NL902") not in codes and any(p == "spelling.txt" for p, _ in own)
    assert ("astral.txt", "NL909") not in codes and any(p == "astral.txt" for p, _ in own)
    assert ("astral.txt", "NL903") in codes


class _OwnRule(Rule):
    code, name = "NL199", "test-own-rule"

    def check(self, doc):
        yield self.violation(Span(34, 40), "own report on 'reigme'")


class _Outside(Rule):
    code, name, defers_to_other_rules = "NL998", "test-outside-rule", True

    def check(self, doc):
        yield self.violation(Span(35, 38), "overlaps the own report")
        yield self.violation(Span(45, 53), "elsewhere")


def test_matches_on_a_span_newslint_reports_are_dropped():
    linter = Linter(Settings(), "story.txt", select=["NL001"])
    linter.rules = [_OwnRule(), _Outside()]
    linter.by_code = {type(r).code: r for r in linter.rules}
    got = [(v.code, v.message) for v in linter.violations(SPELLING)]
    assert got == [("NL199", "own report on 'reigme'"), ("NL998", "elsewhere")]


# --- errors -------------------------------------------------------------------------------------
def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_is_one_line_error(run_cli, tmp_path):
    for i in range(3):
        _story(tmp_path, SPELLING, f"s{i}.txt")
    url = f"http://127.0.0.1:{_closed_port()}"
    code, out, err = run_cli("check", "--languagetool", url, ".", cwd=tmp_path)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"newslint: error: LanguageTool at {url} cannot be reached")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "url,why",
    [
        (None, "connection refused: nothing listens at that address and port"),  # a closed port
        ("http://newslint-test.invalid:8081", "the host name was not found by DNS"),  # RFC 2606
    ],
)
def test_unreachable_server_says_why(run_cli, tmp_path, url, why):
    _story(tmp_path, SPELLING)
    url = url or f"http://127.0.0.1:{_closed_port()}"
    code, out, err = run_cli("check", "--languagetool", url, "story.txt", cwd=tmp_path)
    assert code == 2 and f"LanguageTool at {url} cannot be reached ({why}" in err, err


def test_server_that_never_answers_times_out_and_says_so(monkeypatch):
    monkeypatch.setattr(backend, "REQUEST_TIMEOUT", 1)
    with socket.socket() as silent:  # accepts connections (the kernel's backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(RuleUnavailable, match=r"cannot be reached \(timed out: no answer within 1 s\)"):
            backend.Client(LanguageToolOptions(server=url), None)


def test_bad_languagetool_config_names_file_and_key(run_cli, tmp_path):
    _story(tmp_path, SPELLING)
    (tmp_path / "newslint.toml").write_text(
        '[rules.grammar]\nurl = "http://localhost:8081"\n', encoding="utf-8"
    )
    code, out, err = run_cli("check", "story.txt", cwd=tmp_path)
    assert code == 2
    assert "newslint.toml: rules.grammar: unknown option 'url'" in err


def test_missing_library_gives_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "language_tool_python", None)
    monkeypatch.setattr(backend, "_clients", {})
    monkeypatch.setattr(backend, "_failures", {})
    linter = Linter(Settings(rules={"grammar": {"server": "http://127.0.0.1:9"}}), "story.txt")
    with pytest.raises(RuleUnavailable, match=r"pip install 'newslint\[languagetool\]'"):
        linter.violations(SPELLING)


@pytest.mark.parametrize(
    "url, public",
    [
        ("https://api.languagetool.org", True),
        ("https://languagetool.org/api/", True),
        ("https://api.languagetoolplus.com/v2", True),
        ("http://localhost:8081", False),
        ("http://lt.newsroom.internal:8010", False),
        ("https://notlanguagetool.org", False),
    ],
)
def test_public_api_is_recognised(url, public):
    assert backend.is_public_api(url) is public


def test_utf16_offsets_map_to_code_points():
    text = "a😀b😀c"
    to_cp = backend.utf16_to_code_points(text)
    assert [to_cp(o) for o in (0, 1, 3, 4, 6)] == [0, 1, 2, 3, 4]
    assert [backend.code_points_to_utf16(text, o) for o in (0, 1, 2, 3, 4, 5)] == [0, 1, 3, 4, 6, 7]


# --- live ---------------------------------------------------------------------------------------
LIVE_URL = os.environ.get("NEWSLINT_LANGUAGETOOL_URL")


@pytest.mark.skipif(not LIVE_URL, reason="set NEWSLINT_LANGUAGETOOL_URL to a LanguageTool server to run")
def test_live_server_finds_a_misspelling(run_cli, tmp_path):
    _story(tmp_path, SPELLING)
    code, items, err = _json(run_cli, tmp_path, "--languagetool", LIVE_URL, "story.txt")
    assert code == 1, err
    reigme = [i for i in items if SPELLING[i["start"]["offset"] : i["end"]["offset"]] == "reigme"]
    assert reigme and reigme[0]["code"] == "NL902"
    assert (
        any(e["content"] == "regime" for e in reigme[0]["fix"]["edits"]) or "regime" in reigme[0]["message"]
    )
