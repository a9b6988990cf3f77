"""Filter mode: `newslint check --fix -` reads a story on stdin, writes the fixed story to stdout
and the report to stderr, so an editor or a CMS step can pipe copy through it."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys

import pytest

CLEAN = "Talks resume in Geneva\n\nThe talks resumed on Monday in Geneva.\n"
UNUSED = "Talks resume in Geneva\n\n<!-- newslint: ignore-next-line NL101 -->\nThe talks resumed on Monday.\n"
UNUSED_FIXED = "Talks resume in Geneva\n\nThe talks resumed on Monday.\n"


def newslint(*args: str, input: bytes, tmp_path) -> tuple[int, bytes, str]:
    """The real console entry in a subprocess: (exit code, stdout bytes, stderr text)."""
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        input=input,
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize(
    "data",
    [
        CLEAN.encode("utf-8"),
        codecs.BOM_UTF8 + CLEAN.encode("utf-8"),
        CLEAN.replace("\n", "\r\n").encode("utf-8"),
        codecs.BOM_UTF8 + CLEAN.replace("\n", "\r\n").encode("utf-8"),
        CLEAN.rstrip("\n").encode("utf-8"),  # no final newline
        CLEAN.replace("Geneva", "Genève").encode("cp1252"),  # Windows-1252 copy, read with the fallback
        codecs.BOM_UTF16_LE + CLEAN.encode("utf-16-le"),
        b"",
    ],
    ids=["utf8", "bom", "crlf", "bom-crlf", "no-final-newline", "windows-1252", "utf16", "empty"],
)
def test_round_trips_byte_for_byte_when_nothing_to_fix(tmp_path, data):
    code, out, err = newslint("check", "--fix", "-", input=data, tmp_path=tmp_path)
    assert out == data
    assert code == 0, err


def test_fixed_story_on_stdout_report_on_stderr(tmp_path):
    code, out, err = newslint(
        "check", "--fix", "--stdin-filename", "story.md", "-", input=UNUSED.encode(), tmp_path=tmp_path
    )
    assert out == UNUSED_FIXED.encode()
    assert "Fixed 1 problem" in err
    assert code == 0


def test_bom_and_crlf_are_kept_when_fixing(tmp_path):
    data = codecs.BOM_UTF8 + UNUSED.replace("\n", "\r\n").encode("utf-8")
    code, out, err = newslint(
        "check", "--fix", "--stdin-filename", "story.md", "-", input=data, tmp_path=tmp_path
    )
    assert out == codecs.BOM_UTF8 + UNUSED_FIXED.replace("\n", "\r\n").encode("utf-8")
    assert code == 0, err


def test_json_report_goes_to_stderr_in_filter_mode(tmp_path):
    code, out, err = newslint(
        "check",
        "--fix",
        "--format",
        "json",
        "--stdin-filename",
        "story.md",
        "-",
        input=UNUSED.encode(),
        tmp_path=tmp_path,
    )
    assert out == UNUSED_FIXED.encode()
    assert json.loads(err) == []  # nothing remains after fixing


def test_binary_input_passes_through_unchanged(tmp_path):
    data = b"\x00\x01\x02 not a story \xff"
    code, out, err = newslint("check", "--fix", "-", input=data, tmp_path=tmp_path)
    assert out == data
    assert "binary" in err


def test_without_fix_stdout_carries_the_report(run_cli):
    code, out, err = run_cli("check", "--stdin-filename", "story.md", "-", input=UNUSED)
    assert "story.md:3:1: NL001" in out
    assert code == 1
