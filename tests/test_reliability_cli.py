"""Encodings, line endings, read-only directories, odd quotes and ENOSPC through `newslint check --fix`.

Complements tests/test_reliability.py and tests/test_sources.py (which test `sources` in process):
most tests here drive the real CLI in a subprocess (`python -m newslint`, the `run_cli` fixture);
the write faults are injected in-process into `newslint.sources.write_if_changed`.
"""

from __future__ import annotations

import codecs
import errno
import os

import pytest

import newslint
from newslint import sources

# A story with two safe fixes: a doubled space (NL501) and a doubled word (NL103).
BROKEN = "Council approves budget\n\nThe council  approved the the budget on Tuesday.\n"
FIXED = "Council approves budget\n\nThe council approved the budget on Tuesday.\n"
CLEAN = "Council approves budget\n\nThe council approved the budget on Tuesday.\n"


def no_traceback(*streams: str) -> None:
    for text in streams:
        assert "Traceback" not in text, text


def test_invalid_utf8_is_read_as_windows_1252_and_written_back_as_such(run_cli, tmp_path):
    story = tmp_path / "wire.txt"
    story.write_bytes(BROKEN.replace("council ", "council\u2019s ", 1).encode("cp1252"))
    code, out, err = run_cli("check", "--fix", str(story))
    assert "Windows-1252" in out + err
    data = story.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data == FIXED.replace("council ", "council\u2019s ", 1).encode("cp1252")
    no_traceback(out, err)


@pytest.mark.parametrize(
    "bom,codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_utf16_with_bom_round_trips(run_cli, tmp_path, bom, codec):
    story = tmp_path / "utf16.txt"
    story.write_bytes(bom + BROKEN.encode(codec))
    code, out, err = run_cli("check", "--fix", str(story))
    assert code == 0, out + err
    assert story.read_bytes() == bom + FIXED.encode(codec)


def test_utf8_bom_is_kept(run_cli, tmp_path):
    story = tmp_path / "bom.txt"
    story.write_bytes(codecs.BOM_UTF8 + BROKEN.encode())
    code, out, err = run_cli("check", "--fix", str(story))
    assert code == 0, out + err
    assert story.read_bytes() == codecs.BOM_UTF8 + FIXED.encode()


def test_crlf_is_kept_after_fix(run_cli, tmp_path):
    story = tmp_path / "crlf.txt"
    story.write_bytes(BROKEN.replace("\n", "\r\n").encode())
    code, out, err = run_cli("check", "--fix", str(story))
    assert code == 0, out + err
    assert story.read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_read_only_directory_cannot_be_fixed_and_is_left_unchanged(run_cli, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text(BROKEN, encoding="utf-8")
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a read-only directory is still writable")
        code, out, err = run_cli("check", "--fix", str(story))
        assert code == 2, out + err
        assert "story.txt" in out + err
        assert story.read_text(encoding="utf-8") == BROKEN
        assert sorted(p.name for p in folder.iterdir()) == ["story.txt"]
        no_traceback(out, err)
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    "body",
    [
        'He said, "the plan will work.\n\nShe said it would not.',  # opened, never closed
        'He said "it is over." She said." Then "a "nested "quote" here" ends."',
        "He said, \u201cShe told me \u2018no \u201cway\u201d\u2019 and left.\u201d\n"
        "\u201cUnclosed at the end",
        "\u201d\u201d\u201c\u2019\u2018'\"'\"\u201c",
    ],
)
def test_unbalanced_and_nested_quotes(run_cli, tmp_path, body):
    story = tmp_path / "quotes.txt"
    story.write_text("Quotes\n\n" + body + "\n", encoding="utf-8")
    code, out, err = run_cli("check", "--fix", str(story))
    assert code in (0, 1), out + err
    no_traceback(out, err)
    once = story.read_bytes()
    run_cli("check", "--fix", str(story))
    assert story.read_bytes() == once  # a second fix finds nothing more to change


@pytest.mark.parametrize("call", ["replace", "fsync"])
def test_write_failure_leaves_the_original_intact_and_no_temp_file(tmp_path, monkeypatch, call):
    story = tmp_path / "story.txt"
    story.write_text(BROKEN, encoding="utf-8")
    source = sources.read(story)

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(sources.os, call, disk_full)
    with pytest.raises(sources.SourceError, match="No space left"):
        sources.write_if_changed(story, source, newslint.fix_text(source.text))
    monkeypatch.undo()
    assert story.read_text(encoding="utf-8") == BROKEN
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]
