"""Bad input, faults while fixing and bad config: newslint reports, skips, and never damages a file.

Most tests drive the real CLI in a subprocess (`python -m newslint`, the `run_cli` fixture);
the write faults are injected in-process into `newslint.sources.write_if_changed`.
"""
from __future__ import annotations

import codecs
import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslint
from newslint import sources

# A story with two safe fixes: a doubled space (NL501) and a doubled word (NL103).
BROKEN = "Council approves budget\n\nThe council  approved the the budget on Tuesday.\n"
FIXED = "Council approves budget\n\nThe council approved the budget on Tuesday.\n"
CLEAN = "Council approves budget\n\nThe council approved the budget on Tuesday.\n"


def no_traceback(*streams: str) -> None:
    for text in streams:
        assert "Traceback" not in text, text


# --- bad input ---------------------------------------------------------------------------------
def test_binary_file_is_skipped_with_a_message_and_the_run_goes_on(run_cli, tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "story.txt").write_text(BROKEN, encoding="utf-8")
    code, out, err = run_cli("check", str(tmp_path))
    assert "photo.txt" in out + err and "binary" in (out + err).lower()
    assert "NL103" in out  # the other file was still checked
    assert code == 1
    no_traceback(out, err)


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


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
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


def test_empty_file_is_fine(run_cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = run_cli("check", "--fix", str(tmp_path / "empty.txt"))
    assert code == 0, out + err
    assert (tmp_path / "empty.txt").read_bytes() == b""


def test_file_over_max_file_size_is_one_error_and_the_others_are_checked(run_cli, tmp_path):
    (tmp_path / "newslint.toml").write_text("max-file-size = 200\n", encoding="utf-8")
    (tmp_path / "huge.txt").write_text(BROKEN * 10, encoding="utf-8")
    (tmp_path / "small.txt").write_text(BROKEN, encoding="utf-8")
    code, out, err = run_cli("check", str(tmp_path))
    assert code == 2
    lines = [line for line in (out + err).splitlines() if "huge.txt" in line]
    assert len(lines) == 1 and "too large" in lines[0], out + err
    assert "small.txt" in out and "NL103" in out
    no_traceback(out, err)


@pytest.mark.slow  # ~100 s at today's ~0.05 MB/s; see docs/reliability.md
def test_a_single_5mb_line_does_not_crash(run_cli, tmp_path):
    story = tmp_path / "oneline.txt"
    story.write_text("Headline\n\n" + "The council approved the budget, he said. " * 120_000 + "\n", encoding="utf-8")
    start = time.perf_counter()
    code, out, err = run_cli("check", "--quiet", str(story))
    assert code in (0, 1), out + err
    no_traceback(out, err)
    if time.perf_counter() - start > 600:
        pytest.fail("a 5 MB line took over ten minutes")


def test_nul_bytes_are_skipped_as_binary_not_crashed(run_cli, tmp_path):
    (tmp_path / "nul.txt").write_bytes(CLEAN.encode() + b"\x00" + CLEAN.encode())
    (tmp_path / "late.txt").write_bytes(CLEAN.encode() * 300 + b"\x00")  # NUL past the sniffed head
    code, out, err = run_cli("check", str(tmp_path))
    assert code == 0, out + err
    assert "nul.txt" in out + err and "late.txt" in out + err
    no_traceback(out, err)


def test_symlink_is_fixed_through_to_its_target_and_kept(run_cli, tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(BROKEN, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    code, out, err = run_cli("check", "--fix", str(link))
    assert code == 0, out + err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == FIXED


def test_unreadable_file_is_an_error_and_the_run_goes_on(run_cli, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(BROKEN, encoding="utf-8")
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        (tmp_path / "open.txt").write_text(BROKEN, encoding="utf-8")
        code, out, err = run_cli("check", str(tmp_path))
        assert code == 2
        assert any("secret.txt" in line and "permission denied" in line for line in (out + err).splitlines())
        assert "open.txt" in out
        no_traceback(out, err)
    finally:
        secret.chmod(0o644)


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


def test_directory_with_2000_files(run_cli, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"s{i:04}.txt").write_text(BROKEN if i % 500 == 0 else CLEAN, encoding="utf-8")
    code, out, err = run_cli("check", "--jobs", "2", str(folder))
    assert code == 1
    assert sorted(line.split(":")[0].rsplit("/", 1)[-1] for line in out.splitlines() if "NL103" in line) == [
        "s0000.txt", "s0500.txt", "s1000.txt", "s1500.txt"]
    no_traceback(out, err)


@pytest.mark.parametrize("body", [
    'He said, "the plan will work.\n\nShe said it would not.',  # opened, never closed
    'He said "it is over." She said." Then "a "nested "quote" here" ends."',
    "He said, \u201cShe told me \u2018no \u201cway\u201d\u2019 and left.\u201d\n\u201cUnclosed at the end",
    "\u201d\u201d\u201c\u2019\u2018'\"'\"\u201c",
])
def test_unbalanced_and_nested_quotes(run_cli, tmp_path, body):
    story = tmp_path / "quotes.txt"
    story.write_text("Quotes\n\n" + body + "\n", encoding="utf-8")
    code, out, err = run_cli("check", "--fix", str(story))
    assert code in (0, 1), out + err
    no_traceback(out, err)
    once = story.read_bytes()
    run_cli("check", "--fix", str(story))
    assert story.read_bytes() == once  # a second fix finds nothing more to change


# --- faults while fixing -------------------------------------------------------------------------
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


def test_file_changed_on_disk_between_read_and_write_is_not_overwritten(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(BROKEN, encoding="utf-8")
    source = sources.read(story)
    story.write_text(BROKEN + "An editor added this line.\n", encoding="utf-8")
    with pytest.raises(sources.SourceError, match="changed on disk"):
        sources.write_if_changed(story, source, newslint.fix_text(source.text))
    assert story.read_text(encoding="utf-8") == BROKEN + "An editor added this line.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_two_processes_fixing_the_same_file_leave_a_valid_fixed_file(tmp_path):
    story = tmp_path / "story.txt"
    text = BROKEN * 200
    expected = newslint.fix_text(text)
    assert expected != text
    for _ in range(3):
        story.write_text(text, encoding="utf-8")
        procs = [subprocess.Popen([sys.executable, "-m", "newslint", "check", "--fix", "--quiet", str(story)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        outputs = [p.communicate(timeout=120) for p in procs]
        for proc, (out, err) in zip(procs, outputs):
            assert proc.returncode in (0, 2), (out, err)  # 2: the other process wrote first
            no_traceback(out.decode(), err.decode())
        assert story.read_text(encoding="utf-8") == expected
        assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


# --- config errors -------------------------------------------------------------------------------
@pytest.mark.parametrize("config,key", [
    ("select = [\"NL1\"\nlocale = 'en-US'\n", None),  # malformed TOML
    ("colour-scheme = 'red'\n", "colour-scheme"),  # unknown key
    ("[rules.quote-style-mix]\nprefer = \"fancy\"\n", "prefer"),  # bad rule option value
])
def test_config_errors_are_one_line_naming_file_and_key(run_cli, tmp_path, config, key):
    (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "story.txt").write_text(CLEAN, encoding="utf-8")
    code, out, err = run_cli("check", str(tmp_path / "story.txt"))
    assert code == 2, out + err
    no_traceback(out, err)
    lines = [line for line in (out + err).splitlines() if "newslint.toml" in line]
    assert len(lines) >= 1, out + err
    if key:
        assert any(key in line for line in lines), out + err


# --- properties ----------------------------------------------------------------------------------
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_safe_fixing_never_crashes_and_is_idempotent(text):
    once = newslint.fix_text(text)
    assert newslint.fix_text(once) == once


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=400), TEXT.map(lambda t: t.encode("utf-8"))))
def test_cli_fix_never_crashes_and_is_idempotent(tmp_path, data):
    story = tmp_path / "fuzz.txt"
    story.write_bytes(data)
    first = subprocess.run([sys.executable, "-m", "newslint", "check", "--fix", str(story)], capture_output=True)
    assert first.returncode in (0, 1, 2), first
    no_traceback(first.stdout.decode("utf-8", "replace"), first.stderr.decode("utf-8", "replace"))
    if first.returncode == 2:  # refused (binary, undecodable): the file must be untouched
        assert story.read_bytes() == data
        return
    once = story.read_bytes()
    second = subprocess.run([sys.executable, "-m", "newslint", "check", "--fix", str(story)], capture_output=True)
    assert story.read_bytes() == once, second
