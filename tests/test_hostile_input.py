"""Issue 16: hostile input. Fifos and devices, endless stdin, deep and unreadable folders, fixes
that could not be written, file names that try to inject CI commands, and configs that are not
configs. Each case: a one-line message, the documented exit code, no hang, no traceback, and
the good file beside it still checked.

Hang guards: the cases that could hang run the real CLI in a subprocess with a timeout.
Permissions: the tests run as root here, who reads and writes everything; the unreadable and
read-only folders are tested by injecting the OSError where the code meets it, and for real by
running the CLI as an unprivileged user through `setpriv` when that is possible.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newslint import runner, sources
from newslint.cli import app
from newslint.config import ConfigError, Settings
from newslint.quoting import name_bytes, plain_name, printable, quote_name

DIRTY = "Talks resume in Geneva\n\nThe minister said the the talks failed.\n"
FIXED = "Talks resume in Geneva\n\nThe minister said the talks failed.\n"


def run(*args: str, input: str | bytes | None = None):
    result = CliRunner().invoke(app, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def run_cli(*args: str, cwd: Path, stdin=None, timeout: float = 30, user: bool = False):
    """The real CLI in a subprocess; `user=True` runs it as the unprivileged user `nobody`."""
    command = [sys.executable, "-m", "newslint", *args]
    if user:
        command = [*_as_nobody(), *command]
    proc = subprocess.run(
        command,
        cwd=cwd,
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1"},
    )
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert "Traceback" not in err and "internal error" not in err, err
    return proc.returncode, out, err


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def error_lines(err: str, name: str) -> list[str]:
    return [line for line in err.splitlines() if name in line]


# --- 1. only regular files are read; every read is bounded ----------------------------------
def test_a_fifo_named_on_the_command_line_is_an_error_not_a_hang(tree):
    os.mkfifo(tree / "pipe.txt")
    code, out, err = run_cli("check", "pipe.txt", "good.txt", cwd=tree)
    assert code == 2
    assert error_lines(err, "pipe.txt") == [
        "newslint: error: pipe.txt: a named pipe (FIFO), not a regular file; not read"
    ]
    assert "good.txt:3" in out


def test_a_fifo_met_in_a_walk_is_skipped_with_a_warning(tree):
    folder = tree / "desk"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "story.txt").write_text(DIRTY, encoding="utf-8")
    code, out, err = run_cli("check", "desk", cwd=tree)
    assert code == 1  # a warning is not an error; the story's problem is reported
    assert error_lines(err, "pipe.txt") == [
        "newslint: warning: desk/pipe.txt: a named pipe (FIFO), not a regular file; skipped"
    ]
    assert "desk/story.txt:3" in out


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_a_story_is_an_error_and_is_not_read(tree, device):
    code, out, err = run_cli("check", device, "good.txt", cwd=tree)
    assert code == 2
    assert error_lines(err, device) == [
        f"newslint: error: {device}: a character device, not a regular file; not read"
    ]
    assert "good.txt:3" in out


def test_a_device_as_a_vocabulary_file_is_a_config_error(tree):
    (tree / "newslint.toml").write_text('vocabulary = { files = ["/dev/zero"] }\n')
    code, _, err = run_cli("check", "good.txt", cwd=tree)
    assert code == 2
    assert "newslint.toml: vocabulary.files: /dev/zero: a character device, not a regular file" in err


def test_a_device_or_fifo_as_an_extend_target_or_config_is_a_config_error(tree):
    os.mkfifo(tree / "base.toml")
    (tree / "newslint.toml").write_text('extend = "base.toml"\n')
    code, _, err = run_cli("check", "good.txt", cwd=tree)
    assert code == 2 and "newslint.toml: extend:" in err and "base.toml is not a regular file" in err
    for config in ("/dev/zero", "base.toml"):
        code, _, err = run_cli("check", "--config", config, "good.txt", cwd=tree)
        assert code == 2 and "not a regular file" in err, err


def test_an_over_large_vocabulary_file_is_a_config_error(tree):
    (tree / "names.txt").write_text("Zelenskyy\n" * 200)
    (tree / "newslint.toml").write_text('max-file-size = 1000\nvocabulary = { files = ["names.txt"] }\n')
    with pytest.raises(ConfigError, match=r"names\.txt: larger than 0\.0 MB: not a word list"):
        runner.ConfigResolver().for_path(tree / "good.txt")


def test_endless_stdin_stops_at_max_file_size(tree):
    (tree / "newslint.toml").write_text("max-file-size = 100000\n")
    with open("/dev/zero", "rb") as endless:
        code, out, err = run_cli("check", "--fix", "-", cwd=tree, stdin=endless)
    assert code == 2
    assert err.splitlines()[0] == (
        "newslint: error: -: input too large (over 0.1 MB; reading stopped there); "
        "raise max-file-size to check it"
    )
    assert out == ""  # filter mode: no partial story on stdout


def test_stdin_within_the_limit_is_read_whole(tree):
    body = "".join(f"The minister said the the talks failed on day {i}.\n\n" for i in range(3000))
    code, out, err = run(
        "check", "--fix", "-", input="Talks resume in Geneva\n\n" + body
    )  # 160 KB, in chunks
    assert code in (0, 1), err
    assert out == "Talks resume in Geneva\n\n" + body.replace("the the", "the")


def test_read_regular_stops_at_the_limit_when_a_file_grows(tmp_path, monkeypatch):
    """The size is checked before reading and again while reading: a file that grows between
    the two (a log being written) is refused once it passes the limit."""
    story = tmp_path / "growing.txt"
    story.write_bytes(b"x" * 10)
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: _with_size(real_fstat(fd), 10))
    story.write_bytes(b"x" * 5000)  # grew after the (pretended) stat
    with pytest.raises(sources.TooLarge, match="over 0.0 MB; reading stopped"):
        sources.read_regular(story, 1000, "growing.txt")


def _with_size(result: os.stat_result, size: int) -> os.stat_result:
    values = list(result)
    values[stat.ST_SIZE] = size
    return os.stat_result(values)


# --- 3. deep and looping folders ------------------------------------------------------------
def _nest(top: Path, depth: int) -> Path:
    """`depth` folders inside `top`, made one level at a time (a path can be longer than the
    system allows when made so); returns the relative path of the deepest one when it fits."""
    here = os.getcwd()
    os.chdir(top)
    try:
        for _ in range(depth):
            os.mkdir("d")
            os.chdir("d")
        with open("deep.txt", "w", encoding="utf-8") as fh:
            fh.write(DIRTY)
    finally:
        os.chdir(here)
    return Path(*["d"] * depth)


@pytest.fixture
def unnest():
    """Removes the deep trees a test made, level by level: shutil.rmtree (and pytest's clean-up
    of its temporary folders) recurses once per level too, and fails on them on Python 3.11."""
    tops: list[Path] = []
    yield tops.append
    here = os.getcwd()
    for top in tops:
        os.chdir(top)
        depth = 0
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        for _ in range(depth):
            for name in os.listdir("."):
                os.unlink(name)
            os.chdir("..")
            os.rmdir("d")
    os.chdir(here)


def test_a_tree_1500_folders_deep_is_walked(tree, unnest):
    """os.walk recursed once per level: 1,500 levels ended the whole run with RecursionError
    on Python 3.11."""
    (tree / "nest").mkdir()
    unnest(tree / "nest")
    deep = _nest(tree / "nest", 1500)
    code, out, err = run_cli("check", "good.txt", "nest", cwd=tree, timeout=120)
    assert code == 1, err
    assert "good.txt:3" in out and f"nest/{deep}/deep.txt:3" in out


def test_a_deep_walk_looks_up_each_folder_once(tree, unnest, monkeypatch):
    """Each folder of a walk costs one stat and one listing, whatever its depth: a folder's config
    files are seen in its listing (three look-ups of a long path a level, each walking the path
    in the kernel, cost 1,500 levels 4,500 of them), and its files' settings come from the walk,
    not from resolving their folder's path again, component by component."""
    (tree / "nest").mkdir()
    unnest(tree / "nest")
    deep = _nest(tree / "nest", 200)
    calls = {"stat": 0, "lstat": 0}
    stat, lstat = os.stat, os.lstat

    def counted(name, real):
        def call(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(os, "stat", counted("stat", stat))
    monkeypatch.setattr(os, "lstat", counted("lstat", lstat))
    resolver = runner.ConfigResolver()
    found = list(runner.discover([Path("nest")], resolver))
    assert found == [Path("nest") / deep / "deep.txt"]
    resolver.for_path(found[0])
    assert calls["stat"] + calls["lstat"] <= 200 + 50, calls  # and the folders above the top


def test_a_folder_too_deep_for_the_system_is_named_and_the_run_goes_on(tree, unnest):
    (tree / "nest").mkdir()
    unnest(tree / "nest")
    _nest(tree / "nest", 2100)  # "d/" * 2100 is longer than PATH_MAX (4096)
    code, out, err = run_cli("check", "good.txt", "nest", cwd=tree, timeout=120)
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 1 and "too deeply nested (path too long)" in lines[0], err
    assert "good.txt:3" in out


def test_a_folder_met_twice_is_reported_once_and_not_walked_again(tree, monkeypatch):
    """A bind mount of a parent inside its child makes a loop that no symlink test sees;
    the walk knows each folder by device and inode. Simulated: two folders with one inode."""
    for name in ("a", "b"):
        (tree / "desk" / name).mkdir(parents=True)
        (tree / "desk" / name / "story.txt").write_text(DIRTY, encoding="utf-8")
    real_stat = os.stat

    def same_inode(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if Path(path).name in ("a", "b"):
            values = list(result)
            values[stat.ST_INO] = 4242
            return os.stat_result(values)
        return result

    monkeypatch.setattr(runner.os, "stat", same_inode)
    code, out, err = run("check", "--format", "json", "desk")
    assert code == 2
    assert {v["path"] for v in json.loads(out)} == {"desk/a/story.txt"}
    assert error_lines(err, "desk/b") == [
        "newslint: error: desk/b: met twice in one walk (a loop); not walked again"
    ]


# --- 4. unreadable folders ------------------------------------------------------------------
def test_an_unreadable_folder_is_named_with_exit_2_and_the_rest_is_checked(tree, monkeypatch):
    """Simulated where the walk meets it (root reads any folder)."""
    (tree / "secret").mkdir()
    (tree / "secret" / "s.txt").write_text(DIRTY, encoding="utf-8")
    (tree / "open").mkdir()
    (tree / "open" / "s.txt").write_text(DIRTY, encoding="utf-8")
    real_scandir = os.scandir

    def refusing(path="."):
        if Path(path).name == "secret":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(runner.os, "scandir", refusing)
    code, out, err = run("check", ".")
    assert code == 2
    assert error_lines(err, "secret") == [
        "newslint: error: secret: permission denied; the files in this folder were not checked"
    ]
    assert "open/s.txt:3" in out and "good.txt:3" in out


def _as_nobody() -> list[str]:
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _unprivileged() -> tuple[bool, str]:
    """Whether the CLI can run without the power to read everything: as a non-root user
    already, or as root through setpriv (and then whether `nobody` can reach Python)."""
    if os.geteuid() != 0:
        return False, ""
    if shutil.which("setpriv") is None:
        return False, "running as root without setpriv: root reads any folder"
    probe = subprocess.run([*_as_nobody(), sys.executable, "-c", "import newslint"], capture_output=True)
    if probe.returncode != 0:
        return False, "running as root, and the unprivileged user cannot import newslint here"
    return True, ""


@pytest.fixture
def as_nobody() -> bool:
    """Whether the CLI must run as `nobody` to lack the power to read everything; skips the
    test when that power cannot be shed (root without setpriv)."""
    switch, reason = _unprivileged()
    if reason:
        pytest.skip(reason)
    return switch


@pytest.fixture
def shared_dir():
    """A folder every user may enter (tmp_path is root's own)."""
    folder = Path(tempfile.mkdtemp(prefix="newslint-perm-"))
    folder.chmod(0o777)
    yield folder
    for root, dirs, _ in os.walk(folder):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o755)
    shutil.rmtree(folder)


def test_an_unreadable_folder_for_real(shared_dir, as_nobody):
    secret = shared_dir / "secret"
    secret.mkdir()
    (secret / "s.txt").write_text(DIRTY, encoding="utf-8")
    (shared_dir / "good.txt").write_text(DIRTY, encoding="utf-8")
    (shared_dir / "good.txt").chmod(0o644)
    secret.chmod(0o700)
    code, out, err = run_cli("check", ".", cwd=shared_dir, user=as_nobody)
    assert code == 2
    assert err.splitlines() == [
        "newslint: error: secret: permission denied; the files in this folder were not checked"
    ]
    assert "good.txt:3" in out


# --- 5. only what was written is counted ------------------------------------------------------
def test_a_fix_whose_write_failed_is_not_counted(tree, monkeypatch):
    def full_disk(path, source, text):
        raise sources.SourceError(f"{source.path}: cannot write (No space left on device); not fixed")

    monkeypatch.setattr(sources, "write_if_changed", full_disk)
    code, out, err = run("check", "--fix", "--statistics", "good.txt")
    assert code == 2
    assert "Fixed" not in out and "fixed)" not in out
    assert out.splitlines()[0] == "good.txt:3:23: NL103 [*] 'the' is doubled"  # as it stays on disk
    assert out.splitlines()[-1] == "1 problem. 1 fix not written (1 file unchanged)."
    assert err.splitlines() == [
        "newslint: error: good.txt: cannot write (No space left on device); not fixed"
    ]
    assert (tree / "good.txt").read_text() == DIRTY


def test_a_read_only_folder_for_real(shared_dir, as_nobody):
    folder = shared_dir / "rodir"
    folder.mkdir()
    (folder / "s.txt").write_text(DIRTY, encoding="utf-8")
    (folder / "s.txt").chmod(0o644)
    folder.chmod(0o555)
    code, out, err = run_cli("check", "--fix", "rodir", cwd=shared_dir, user=as_nobody)
    assert code == 2
    assert out.splitlines()[-1] == "1 problem. 1 fix not written (1 file unchanged)."
    assert err.splitlines() == ["newslint: error: rodir/s.txt: permission denied; not fixed"]
    assert (folder / "s.txt").read_text() == DIRTY


def test_a_fixed_story_that_cannot_go_to_stdout_is_not_counted(tree):
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", "check", "--fix", "-"],
            input=DIRTY.encode(),
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=30,
        )
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert err.splitlines() == [
        "newslint: error: -: cannot write the story to stdout (No space left on device)",
        "1 fix not written (1 file unchanged).",
    ]


@pytest.mark.parametrize("also", [[], ["good.txt"]], ids=["streamed", "with-a-file"])
def test_a_fixed_corpus_that_cannot_be_written_counts_none_of_its_fixes(tree, also):
    (tree / "good.txt").write_text(FIXED, encoding="utf-8")
    line = json.dumps({"id": "a", "body": DIRTY}) + "\n"
    (tree / "c.jsonl").write_text(line, encoding="utf-8")
    (tree / "out.jsonl").mkdir()  # the fixed corpus is written, then cannot be moved over a folder
    code, out, err = run("check", "--fix", "--jsonl", "c.jsonl", "--jsonl-output", "out.jsonl", *also)
    assert code == 2
    assert "Fixed" not in out
    assert out.splitlines()[-1] == "1 fix not written (1 file unchanged)."
    assert err.splitlines() == ["newslint: error: out.jsonl: cannot write (Is a directory)"]
    assert (tree / "c.jsonl").read_text(encoding="utf-8") == line
    assert sorted(p.name for p in tree.iterdir()) == ["c.jsonl", "good.txt", "out.jsonl"]  # no temporary left
    assert list((tree / "out.jsonl").iterdir()) == []


# --- 6. names that cannot inject anything -----------------------------------------------------
def test_quote_name_leaves_ordinary_names_alone_and_quotes_the_rest_as_git_does():
    assert quote_name("desk/Zürich talks.txt") == "desk/Zürich talks.txt"
    assert quote_name("x\n::error::y.txt") == '"x\\n::error::y.txt"'
    assert quote_name(os.fsdecode(b"bad\xffname.txt")) == '"bad\\377name.txt"'
    assert quote_name('say "hi"\\.txt') == '"say \\"hi\\"\\\\.txt"'
    assert quote_name("evil\u202etxt.exe") == '"evil\\342\\200\\256txt.exe"'  # a bidi override
    assert quote_name("esc\x1b[2J.txt") == '"esc\\033[2J.txt"'


@given(st.text(max_size=30) | st.binary(max_size=30).map(os.fsdecode))
def test_a_plain_name_is_printable_ascii_but_quote_and_backslash(name):
    """`plain_name`, three string methods, answers as the pattern it replaced: U+0020-U+007E
    less `"` and `\\`, the whole name."""
    pattern = re.compile(r"[\x20-\x21\x23-\x5b\x5d-\x7e]*\Z")
    assert plain_name(name) == (pattern.match(name) is not None)
    assert plain_name(name + "\x7f") is False and plain_name(name + "\x1f") is False
    if plain_name(name):
        assert quote_name(name) == name and printable(name) == name


def test_plain_names_at_the_edges_of_printable_ascii():
    assert plain_name("") and plain_name(" !#[]~") and plain_name("./bbc-business-003.txt")
    assert not any(map(plain_name, ['"', "\\", "\x7f", "\x1f", "é", "\udcff", "\u2028"]))


@given(st.binary(min_size=0, max_size=40))
def test_name_bytes_undoes_quote_name(raw):
    name = os.fsdecode(raw)
    assert name_bytes(quote_name(name)) == raw
    shown = quote_name(name)
    shown.encode("utf-8")  # always valid UTF-8: no lone surrogate left (this raises otherwise)
    assert printable(shown) == shown  # nothing left to escape


def test_printable_keeps_a_message_on_one_line():
    assert printable("a\n::error::b\x1b[31m\u2028c") == "a\\n::error::b\\x1b[31m\\u2028c"
    assert printable(os.fsdecode(b"x\xfe")) == "x\\xfe"
    assert printable('plain "quoted" text, 50% done') == 'plain "quoted" text, 50% done'


NAME_BYTES = st.binary(min_size=1, max_size=24).filter(lambda b: b"/" not in b and b"\x00" not in b)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NAME_BYTES)
def test_every_format_stays_valid_for_any_file_name(tmp_path_factory, raw):
    """A story and a binary file with the same hostile name, through every format: strict UTF-8
    out, one report line per problem (nothing injected), and the real name recoverable."""
    folder = tmp_path_factory.mktemp("names")
    story_name, binary_name = raw + b".txt", raw + b"-bin.txt"
    with open(os.path.join(os.fsencode(folder), story_name), "wb") as fh:
        fh.write(DIRTY.encode())
    with open(os.path.join(os.fsencode(folder), binary_name), "wb") as fh:
        fh.write(b"\x00\x01binary")
    for fmt in ("text", "json", "github", "gitlab", "sarif"):
        result = CliRunner().invoke(app, ["check", "--format", fmt, str(folder)])
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert result.exit_code == 1
        out, err = result.stdout_bytes.decode("utf-8"), result.stderr_bytes.decode("utf-8")
        assert err.count("\n") == 1 and err.startswith("newslint: warning: ") and "binary file" in err
        assert printable(err.rstrip("\n")) == err.rstrip("\n")
        expected = os.path.join(os.fsencode(folder), story_name)
        if fmt == "text":
            lines = out.splitlines()
            assert len(lines) == 2 and lines[1] == "1 problem (1 fixable with --fix)."
            assert printable(lines[0]) == lines[0]
            assert name_bytes(lines[0].rsplit(":", 3)[0]) == expected
        elif fmt == "github":
            lines = out.splitlines()
            assert len(lines) == 1 and lines[0].startswith("::error file=")
        elif fmt == "sarif":
            report = json.loads(out)
            [found] = report["runs"][0]["results"]
            uri = found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert unquote_to_bytes(uri) == expected
        else:
            items = json.loads(out)
            key = "path" if fmt == "json" else "location"
            path = items[0][key] if fmt == "json" else items[0][key]["path"]
            assert len(items) == 1 and name_bytes(path) == expected


# Names as git writes them after `---` and `+++` (checked against `git diff` of the same files).
DIFF_HEADERS = [
    (b"x\n::error::y.txt", '--- "a/x\\n::error::y.txt"', '+++ "b/x\\n::error::y.txt"'),
    (b'q"uote.txt', '--- "a/q\\"uote.txt"', '+++ "b/q\\"uote.txt"'),
    (b"bad\xffname.txt", '--- "a/bad\\377name.txt"', '+++ "b/bad\\377name.txt"'),
    (b"sp ace.txt", "--- a/sp ace.txt\t", "+++ b/sp ace.txt\t"),
    ("Zürich.txt".encode(), "--- a/Zürich.txt", "+++ b/Zürich.txt"),
]


@pytest.mark.parametrize("raw,minus,plus", DIFF_HEADERS, ids=["newline", "quote", "byte", "space", "accent"])
def test_diff_names_a_file_as_git_does_and_git_applies_it(tree, raw, minus, plus):
    """`--diff` printed `a/"x\\n..."`, the quotes inside the name: neither git nor patch read
    that back. Now the name is git's, and `git apply` makes the fix --fix would make."""
    with open(os.fsencode(tree) + b"/" + raw, "wb") as fh:
        fh.write(DIRTY.encode())
    code, out, err = run_cli("check", "--diff", os.fsdecode(raw), cwd=tree)
    assert code == 1, err
    assert out.splitlines()[:2] == [minus, plus]
    assert err == "1 file would be changed by --fix.\n"
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the diff is not applied")
    patch = tree / "fix.diff"
    patch.write_text(out, encoding="utf-8")
    subprocess.run(["git", "apply", str(patch)], cwd=tree, check=True, capture_output=True)
    with open(os.fsencode(tree) + b"/" + raw, "rb") as fh:
        assert fh.read() == FIXED.encode()


def test_diff_says_which_files_could_not_be_checked(tree):
    """After a per-file config error `--diff` said "0 files would be changed by --fix.", as if
    the file had been checked; now it says it was not, and what the rest would change."""
    (tree / "desk").mkdir()
    (tree / "desk" / "newslint.toml").write_text("max-file-size = -1\n")
    (tree / "desk" / "story.txt").write_text(DIRTY, encoding="utf-8")
    (tree / "clean.txt").write_text(FIXED, encoding="utf-8")
    code, out, err = run("check", "--diff", "desk/story.txt")
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == "1 file could not be checked; nothing to show."
    code, out, err = run("check", "--diff", "desk/story.txt", "good.txt")
    assert code == 2 and "+++ b/good.txt" in out and "desk" not in out
    assert (
        err.splitlines()[-1] == "1 file could not be checked; of the rest, 1 file would be changed by --fix."
    )
    code, out, err = run("check", "--diff", "--unsafe-fixes", "desk/story.txt", "clean.txt")
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == (
        "1 file could not be checked; of the rest, none would be changed by --fix --unsafe-fixes."
    )


@pytest.mark.parametrize("where", [".", "desk"], ids=["below-the-top", "the-top"])
def test_a_bad_config_met_in_a_walk_skips_its_folder_and_the_run_goes_on(tree, where):
    """A bad config in a folder the walk met ended the whole run with its error, the other
    files unchecked; now that folder is named, exit 2, and the rest is checked."""
    (tree / "desk" / "sub").mkdir(parents=True)
    (tree / "desk" / "newslint.toml").write_text("max-file-size = -1\n")
    (tree / "desk" / "sub" / "story.txt").write_text(DIRTY, encoding="utf-8")
    targets = ["."] if where == "." else ["desk", "good.txt"]  # the walk of "." meets good.txt
    code, out, err = run("check", *targets)
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith(
        f"newslint: error: {tree / 'desk' / 'newslint.toml'}: max-file-size: -1 is negative"
    )
    assert line.endswith("; the files in this folder were not checked")
    assert out.count("good.txt:3:") == 1 and "story.txt" not in out
    code, out, err = run("check", "--diff", *targets)
    assert code == 2 and "+++ b/good.txt" in out and "story.txt" not in out
    assert (
        err.splitlines()[-1]
        == "1 folder could not be checked; of the rest, 1 file would be changed by --fix."
    )


# --- 7. configs that are not configs ----------------------------------------------------------
@pytest.mark.parametrize(
    "data,message",
    [
        (
            "\ufeffselect = ['NL1']\n".encode("utf-16"),
            "a config file must be UTF-8 text (byte 0 is not); it looks like UTF-16",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a config file must be UTF-8 text"),
        (b"\x00\x01\x02 binary", "invalid TOML"),
        (b"max-file-size = -1\n", "max-file-size: -1 is negative"),
        (b"select = ['NL130']\n", "select: unknown rule selector 'NL130'; did you mean 'NL103'?"),
        (b"ignore = ['NL1O3']\n", "ignore: unknown rule selector 'NL1O3'; did you mean 'NL103'?"),
        (
            b"[per-file-ignores]\n'*.txt' = ['NL130']\n",
            "per-file-ignores.*.txt: unknown rule selector 'NL130'",
        ),
        (b"[severity]\nNL130 = 'warning'\n", "severity.NL130: no rule 'NL130'; did you mean 'NL103'?"),
        (b"[severity]\ndoubled-wrod = 'warning'\n", "did you mean 'doubled-word'?"),
    ],
)
def test_a_bad_config_is_a_config_error_naming_the_file(tree, data, message):
    (tree / "newslint.toml").write_bytes(data)
    code, _, err = run("check", "good.txt")
    assert code == 2
    assert err.splitlines() == [f"newslint: error: {tree / 'newslint.toml'}: {message}"] or (
        len(err.splitlines()) == 1 and str(tree / "newslint.toml") in err and message in err
    ), err


def test_a_config_with_a_utf8_bom_is_read(tree):
    (tree / "newslint.toml").write_bytes("\ufeffignore = ['NL103']\n".encode())
    assert run("check", "good.txt")[0] == 0


def test_severity_takes_a_rule_name_as_well_as_a_code(tree):
    (tree / "newslint.toml").write_text("[severity]\ndoubled-word = 'warning'\n")
    code, out, _ = run("check", "--format", "json", "good.txt")
    assert [v["severity"] for v in json.loads(out)] == ["warning"]


@pytest.mark.parametrize("flag", ["--select", "--ignore", "--extend-select"])
def test_an_unknown_code_on_the_command_line_is_an_error(tree, flag):
    code, out, err = run("check", flag, "NL130", "good.txt")
    assert code == 2 and out == ""
    assert err == "newslint: error: unknown rule selector 'NL130'; did you mean 'NL103'?\n"


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"style": "apx"}, "style: 'apx' is not one of ap, reuters, guardian, bbc; did you mean 'ap'?"),
        ({"locale": "en-UK"}, "locale: 'en-UK' is not one of"),
        ({"max_file_size": -1}, "max_file_size: -1 is negative"),
        ({"select": ["NL130"]}, "select: unknown rule selector 'NL130'"),
        ({"fallback_encoding": "latin-1"}, "fallback_encoding: 'latin-1' is not one of windows-1252"),
    ],
)
def test_the_library_api_rejects_bad_settings(kwargs, message):
    with pytest.raises(ValueError, match="^Settings: " + message.replace("(", r"\(").replace("?", r"\?")):
        Settings(**kwargs)
