"""Reading and writing story files: encodings, newlines, size limit, atomic and careful writes."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import native as native_chooser
from newslint import sources
from tests.depth import examples


def read_bytes(tmp_path: Path, data: bytes, name: str = "s.txt", **kw) -> sources.Source:
    path = tmp_path / name
    path.write_bytes(data)
    return sources.read(path, **kw)


def test_utf8_bom_is_kept_on_write(tmp_path):
    src = read_bytes(tmp_path, codecs.BOM_UTF8 + "Café\n".encode())
    assert src.text == "Café\n" and src.warning is None
    assert sources.write_if_changed(tmp_path / "s.txt", src, "Cafe\n")
    assert (tmp_path / "s.txt").read_bytes() == codecs.BOM_UTF8 + b"Cafe\n"


@pytest.mark.parametrize(
    "bom,codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_utf16_with_bom_round_trips(tmp_path, bom, codec):
    src = read_bytes(tmp_path, bom + "Zürich talks\r\n".encode(codec))
    assert src.text == "Zürich talks\n" and src.newline == "\r\n"
    sources.write_if_changed(tmp_path / "s.txt", src, "Zurich talks\n")
    assert (tmp_path / "s.txt").read_bytes() == bom + "Zurich talks\r\n".encode(codec)


def test_windows_1252_is_read_with_a_warning_and_written_back_as_such(tmp_path):
    src = read_bytes(tmp_path, "He said \u201cno\u201d \u2013 twice.\n".encode("cp1252"))
    assert src.encoding == "windows-1252"
    assert "read as Windows-1252" in src.warning and "\n" not in src.warning
    sources.write_if_changed(tmp_path / "s.txt", src, "He said \u201cyes\u201d \u2013 twice.\n")
    assert (tmp_path / "s.txt").read_bytes() == "He said \u201cyes\u201d \u2013 twice.\n".encode("cp1252")


def test_invalid_utf8_without_fallback_is_a_one_line_error(tmp_path):
    with pytest.raises(sources.SourceError, match=r"s\.txt: not valid UTF-8 \(byte 2"):
        read_bytes(tmp_path, b"ab\xff\xfecd", fallback=None)


def test_text_that_cannot_be_written_in_the_file_encoding_leaves_it_alone(tmp_path):
    src = read_bytes(tmp_path, "caf\xe9\n".encode("cp1252"))
    with pytest.raises(sources.SourceError, match="cannot be written as windows-1252"):
        sources.write_if_changed(tmp_path / "s.txt", src, "caf\u0113 \u4e2d\n")
    assert (tmp_path / "s.txt").read_bytes() == b"caf\xe9\n"


def test_empty_file_is_fine(tmp_path):
    src = read_bytes(tmp_path, b"")
    assert src.text == "" and not sources.write_if_changed(tmp_path / "s.txt", src, "")


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 4, b"text\x00more text"]
)
def test_binary_and_nul_bytes_are_skipped(tmp_path, data):
    with pytest.raises(sources.BinaryFile, match="binary"):
        read_bytes(tmp_path, data)


@pytest.mark.parametrize("raw,newline", [(b"a\r\nb\r\n", "\r\n"), (b"a\rb\r", "\r"), (b"a\nb\n", "\n")])
def test_uniform_line_endings_are_normalised_and_restored(tmp_path, raw, newline):
    src = read_bytes(tmp_path, raw)
    assert src.text == "a\nb\n" and src.newline == newline
    sources.write_if_changed(tmp_path / "s.txt", src, "A\nb\n")
    assert (tmp_path / "s.txt").read_bytes() == raw.replace(b"a", b"A")


def test_mixed_line_endings_are_left_as_they_are(tmp_path):
    src = read_bytes(tmp_path, b"a\r\nb\nc\r")
    assert src.text == "a\r\nb\nc\r" and src.newline == "\n"


@pytest.mark.parametrize("raw", [b"a\nb\n", b"", b"a", b"a\r\nb\n", b"a\rb\n", b"a\r\nb\r", b"\r", b"\r\n"])
def test_newlines_are_read_as_counted(raw):
    """The shortcut for a text without a carriage return gives what the counts give."""
    text = raw.decode()
    crlf, cr, lf = (
        text.count("\r\n"),
        text.count("\r") - text.count("\r\n"),
        text.count("\n") - text.count("\r\n"),
    )
    if crlf and not cr and not lf:
        expected = (text.replace("\r\n", "\n"), "\r\n")
    elif cr and not crlf and not lf:
        expected = (text.replace("\r", "\n"), "\r")
    else:
        expected = (text, "\n")
    assert sources._normalise_newlines(text) == expected


def test_size_limit_gives_a_clear_message(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1000 * 1000)  # sparse: 50 MB on paper
    with pytest.raises(
        sources.SourceError, match=r"big\.txt: file too large \(50\.0 MB > 10\.5 MB\); raise max-file-size"
    ):
        sources.read(path, max_size=10 * 1024 * 1024)


def test_a_single_five_megabyte_line_is_read(tmp_path):
    src = read_bytes(tmp_path, b"word " * 1_000_000, max_size=10 * 1024 * 1024)
    assert len(src.text) == 5_000_000


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 200_001])
def test_read_regular_reads_a_file_whole_in_one_call(tmp_path, monkeypatch, size):
    data = bytes(b % 251 for b in range(size))
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    calls = []
    real_read = os.read

    def counted(fd, n):
        calls.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counted)
    assert sources.read_regular(path, None, "s.txt") == data
    assert sources.read_regular(path, size, "s.txt") == data  # exactly at the limit
    assert calls == [size + 1, size + 1]


@pytest.mark.parametrize("told", [0, 10, 5000, 7500])
@pytest.mark.parametrize("limit", [None, 8000])
def test_read_regular_reads_to_the_end_whatever_size_the_system_tells(tmp_path, monkeypatch, told, limit):
    """A file that grew or shrank after its size was asked (or a system that tells no size) is
    still read to its end, and a capped read (less than asked in one call) is read on."""
    data = bytes(b % 251 for b in range(7000))
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    real_fstat, real_read = os.fstat, os.read
    monkeypatch.setattr(os, "fstat", lambda fd: _with_size(real_fstat(fd), told))
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, min(n, 3000)))
    assert sources.read_regular(path, limit, "s.txt") == data


def test_read_regular_stops_at_the_limit_when_the_system_tells_no_size(tmp_path, monkeypatch):
    path = tmp_path / "s.txt"
    path.write_bytes(b"x" * 7000)
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: _with_size(real_fstat(fd), 0))
    with pytest.raises(sources.TooLarge, match="reading stopped"):
        sources.read_regular(path, 6999, "s.txt")


def test_read_regular_closes_the_file(tmp_path, monkeypatch):
    path = tmp_path / "s.txt"
    path.write_bytes(b"x" * 100)
    closed = []
    real_close = os.close
    monkeypatch.setattr(os, "close", lambda fd: (closed.append(fd), real_close(fd))[1])
    sources.read_regular(path, None, "s.txt")
    with pytest.raises(sources.TooLarge):
        sources.read_regular(path, 10, "s.txt")
    assert len(closed) == 2


@pytest.mark.skipif(native_chooser.native is None, reason="newslint._native is not built here")
@pytest.mark.parametrize("size", [0, 1, 65536, 200_001])
def test_a_regular_file_is_read_whole_in_one_compiled_call(tmp_path, size):
    """`read_whole` (`read_regular`'s steps for a path as a str, in C): a regular file's bytes,
    within the limit; None for anything else, which `read_regular` then reads and reports."""
    read_whole = native_chooser.native.read_whole
    data = bytes(b % 251 for b in range(size))
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    assert read_whole(str(path), -1) == data == read_whole(str(path), size)
    if size > 0:
        assert read_whole(str(path), size - 1) is None  # past the limit: TooLarge, in Python
    assert read_whole(str(tmp_path), -1) is None  # a folder
    assert read_whole(str(tmp_path / "none.txt"), -1) is None
    assert read_whole(str(path) + "\0", -1) is None  # (Python's open says what)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        assert read_whole(str(tmp_path / "fifo"), -1) is None  # refused, not waited on
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    assert read_whole(str(link), -1) == data  # the file a link names, as os.open reads it
    with pytest.raises(TypeError):
        read_whole(path, -1)  # a Path: read_regular's own steps


@pytest.mark.parametrize("kind", ["file", "folder", "missing", "fifo", "large"])
def test_a_path_as_a_str_reads_and_reports_as_a_path_does(tmp_path, kind):
    """`read_regular` answers a str path (the compiled `read_whole` first, where it is built) as
    it answers the same path as a Path (its own steps): the bytes, or the same error."""
    path = tmp_path / "s.txt"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no fifos here")
        os.mkfifo(path)
    elif kind != "missing":
        path.write_bytes(b"story\n" * (2000 if kind == "large" else 10))

    def outcome(p: Path | str) -> object:
        try:
            return sources.read_regular(p, 5000, "s.txt")
        except (OSError, sources.SourceError) as exc:
            return type(exc), str(exc)

    assert outcome(str(path)) == outcome(path)


def _with_size(result: os.stat_result, size: int) -> os.stat_result:
    values = list(result)
    values[stat.ST_SIZE] = size
    return os.stat_result(values)


def test_unchanged_text_is_not_written(tmp_path):
    src = read_bytes(tmp_path, b"same\n")
    before = (tmp_path / "s.txt").stat().st_mtime_ns
    assert not sources.write_if_changed(tmp_path / "s.txt", src, "same\n")
    assert (tmp_path / "s.txt").stat().st_mtime_ns == before


def test_permissions_are_kept(tmp_path):
    src = read_bytes(tmp_path, b"old\n")
    os.chmod(tmp_path / "s.txt", 0o640)
    sources.write_if_changed(tmp_path / "s.txt", src, "new\n")
    assert stat.S_IMODE((tmp_path / "s.txt").stat().st_mode) == 0o640


def test_symlink_is_written_through_and_kept(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    src = sources.read(link)
    assert sources.write_if_changed(link, src, "new\n")
    assert link.is_symlink() and real.read_bytes() == b"new\n"


def test_read_only_file_is_fixed_and_stays_read_only(tmp_path):
    src = read_bytes(tmp_path, b"old\n")
    os.chmod(tmp_path / "s.txt", 0o444)
    assert sources.write_if_changed(tmp_path / "s.txt", src, "new\n")
    assert (tmp_path / "s.txt").read_bytes() == b"new\n"
    assert stat.S_IMODE((tmp_path / "s.txt").stat().st_mode) == 0o444


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_a_one_line_error(tmp_path):
    path = tmp_path / "s.txt"
    path.write_bytes(b"x")
    os.chmod(path, 0)
    with pytest.raises(sources.SourceError, match="permission denied"):
        sources.read(path)


def test_directory_and_missing_file_errors(tmp_path):
    with pytest.raises(sources.SourceError, match="is a directory"):
        sources.read(tmp_path)
    with pytest.raises(sources.SourceError, match="no such file"):
        sources.read(tmp_path / "nope.txt")


def test_file_changed_on_disk_is_not_overwritten(tmp_path):
    src = read_bytes(tmp_path, b"old\n")
    (tmp_path / "s.txt").write_bytes(b"edited by a person\n")
    with pytest.raises(sources.SourceError, match="changed on disk"):
        sources.write_if_changed(tmp_path / "s.txt", src, "new\n")
    assert (tmp_path / "s.txt").read_bytes() == b"edited by a person\n"


def test_failed_write_leaves_the_original_and_no_temp_file(tmp_path, monkeypatch):
    src = read_bytes(tmp_path, b"old\n")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd, mode):
            self.fh = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(sources.os, "fdopen", Full)
    with pytest.raises(
        sources.SourceError, match="cannot write \\(No space left on device\\); file left unchanged"
    ):
        sources.write_if_changed(tmp_path / "s.txt", src, "new\n")
    assert (tmp_path / "s.txt").read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["s.txt"]


def test_failed_rename_leaves_no_temp_file(tmp_path, monkeypatch):
    src = read_bytes(tmp_path, b"old\n")

    def broken(*a):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(sources.os, "replace", broken)
    with pytest.raises(sources.SourceError, match="Input/output error"):
        sources.write_if_changed(tmp_path / "s.txt", src, "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["s.txt"]
    assert (tmp_path / "s.txt").read_bytes() == b"old\n"


def test_a_check_does_not_keep_the_bytes_and_a_fix_does(tmp_path, monkeypatch):
    """A run that writes nothing lets the bytes read go (a big file's copy beside its text); one
    that fixes keeps them, to leave an unchanged file untouched and to see edits made meanwhile."""
    from newslint import runner

    path = tmp_path / "s.txt"
    path.write_bytes(b"\xef\xbb\xbfShares fell.\r\nShares rose.\r\n")
    kept = []
    real_read = sources.read
    monkeypatch.setattr(sources, "read", lambda *a, **k: kept.append(real_read(*a, **k)) or kept[-1])
    resolver = runner.ConfigResolver()
    for options in (runner.RunOptions(), runner.RunOptions(fix=True, diff=True)):
        runner.process_file(path, "s.txt", resolver, options)
        assert kept[-1].raw is None and kept[-1].text == "Shares fell.\nShares rose.\n"
        with pytest.raises(ValueError, match="without keeping its bytes"):
            sources.write_if_changed(path, kept[-1], "Shares fell.\n")
    before = path.stat().st_mtime_ns
    runner.process_file(path, "s.txt", resolver, runner.RunOptions(fix=True))
    assert kept[-1].raw == path.read_bytes() and path.stat().st_mtime_ns == before  # nothing to fix


# --- the control bytes of a file's head: the compiled count against its twin -----------------
_compiled = native_chooser.native
_needs_compiled = pytest.mark.skipif(_compiled is None, reason="newslint._native is not built here")
# every byte that decides (the set's edges: 8, 9, 13, 14, 26, 27, 28, 31, 32; high bytes), in runs
# that cross the compiled loop's sixteen-byte steps
_HEADS = st.lists(
    st.sampled_from(
        [bytes([b]) for b in (0, 1, 8, 9, 10, 11, 12, 13, 14, 26, 27, 28, 31, 32, 65, 127, 128, 159, 255)]
    )
    | st.binary(max_size=40),
    max_size=60,
).map(b"".join)


@_needs_compiled
@settings(max_examples=examples(1500), deadline=None)
@given(_HEADS)
def test_the_compiled_control_count_is_the_translates(head):
    assert _compiled.control_bytes(head) == sources._control_count(head)


@_needs_compiled
def test_the_control_count_reads_every_byte_at_every_length():
    for n in range(0, 70):
        for b in range(256):
            head = bytes([65] * n + [b]) + bytes([b]) * (n % 19)
            assert _compiled.control_bytes(head) == sources._control_count(head), (n, b)
    with pytest.raises(TypeError):
        _compiled.control_bytes("text")  # type: ignore[arg-type]


@pytest.mark.parametrize("compiled", [True, False])
def test_a_head_past_a_tenth_of_control_bytes_looks_binary(monkeypatch, compiled):
    if compiled and _compiled is None:
        pytest.skip("newslint._native is not built here")
    if not compiled:
        monkeypatch.setattr(sources, "native", None)
    assert not sources._looks_binary(b"")
    assert not sources._looks_binary(b"a\tb\r\nc\x0b\x0c\x1b" * 100)
    assert not sources._looks_binary(b"\x01" + b"a" * 10)  # one in eleven: not past a tenth
    assert sources._looks_binary(b"\x01" + b"a" * 8)
    assert sources._looks_binary(b"\x1f\x0e" * 5000)


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"a" * 8191 + b"\x00", True),  # a NUL in the head, as its last byte
        (b"\x00", True),
        (bytearray(b"ab\x00c"), True),  # a caller's bytearray: the same answer
        (codecs.BOM_UTF16_LE + "ab".encode("utf-16-le"), False),  # UTF-16's NULs are text
        (codecs.BOM_UTF16_BE + "ab".encode("utf-16-be"), False),
        (b"a" * 8192 + b"\x00", False),  # past the head: the decoded text's NUL test finds it
        (b"abc 0 \\x00", False),  # the digit 0 and an escape written out are not NUL bytes
    ],
)
def test_a_nul_byte_in_the_head_looks_binary(data, binary):
    assert sources._looks_binary(data) is binary


@pytest.mark.parametrize(
    ("data", "bom", "encoding", "text"),
    [
        (b"plain\n", b"", "utf-8", "plain\n"),
        (codecs.BOM_UTF8 + "Café\n".encode(), codecs.BOM_UTF8, "utf-8", "Café\n"),
        (codecs.BOM_UTF16_LE + "Café\n".encode("utf-16-le"), codecs.BOM_UTF16_LE, "utf-16", "Café\n"),
        (codecs.BOM_UTF16_BE + "Café\n".encode("utf-16-be"), codecs.BOM_UTF16_BE, "utf-16", "Café\n"),
        (b"\xef\xbb", b"", "windows-1252", "ï»"),  # a BOM's first bytes only: no BOM
    ],
)
def test_decode_tells_each_bom_and_gives_a_read_only_source(data, bom, encoding, text):
    """`decode`'s `Source` (a NamedTuple made without its Python `__new__`): its fields by name,
    as one made by calling the class, and not changeable."""
    src = sources.decode(data, "s.txt", keep_raw=True)
    assert type(src) is sources.Source
    assert (src.bom, src.encoding, src.text, src.raw, src.path, src.newline) == (
        bom,
        encoding,
        text,
        data,
        "s.txt",
        "\n",
    )
    assert src == sources.Source("s.txt", text, encoding, bom, "\n", data, src.warning)
    assert sources.decode(data, "s.txt", keep_raw=False).raw is None
    with pytest.raises(AttributeError):
        src.text = "changed"  # type: ignore[misc]


# --- a plain UTF-8 file's text in one compiled call: `plain_text` against its twin and `decode` --
# the bytes that decide (byte-order marks, NUL, CR, control bytes, bytes invalid in UTF-8, a
# character of two, three and four bytes), in runs, some longer than the 8,192 bytes of the head
_FILE_BYTES = st.lists(
    st.sampled_from(
        [
            codecs.BOM_UTF8,
            codecs.BOM_UTF16_LE,
            codecs.BOM_UTF16_BE,
            b"\x00",
            b"\r",
            b"\r\n",
            b"\n",
            b"\x01",
            b"\x1b",
            b"\x7f",
            b"\x80",
            b"\xff",
            b"\xc3",
            "é".encode(),
            "€".encode(),
            "😀".encode(),
            b"a" * 40,
        ]
    )
    | st.binary(max_size=30)
    | st.text(max_size=30).map(str.encode),
    max_size=40,
).map(b"".join) | st.sampled_from([b"a" * 8191 + b"\x01", b"\x01" * 900 + b"a" * 8000, b"x" * 9000 + b"\x00"])


@_needs_compiled
@settings(max_examples=examples(2000), deadline=None)
@given(_FILE_BYTES)
def test_the_compiled_plain_text_is_its_twins_and_decodes_answer(data):
    text = _compiled.plain_text(data)
    assert text == sources._plain_text(data) and (text is None or type(text) is str)
    if text is not None:  # what `read` returns for it: `decode`'s answer
        assert sources.decode(data, "s.txt", keep_raw=False) == (
            "s.txt",
            text,
            "utf-8",
            b"",
            "\n",
            None,
            None,
        )


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"plain\n",
        "Caf\u00e9 \u20ac\n".encode(),
        b"\xef\xbb\xbfbom\n",
        b"a\r\nb\r\n",
        b"bad \xff\n",
        b"\x00\x01",
    ],
)
def test_a_check_reads_a_file_as_decode_does(tmp_path, data):
    """`read` for a check (`keep_raw` False), the compiled read and `plain_text` first, answers as
    `decode` answers for the file's bytes (or raises what it raises)."""
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    try:
        expected: object = sources.decode(data, "shown", "windows-1252", False)
    except sources.SourceError as exc:
        expected = (type(exc), str(exc))
    try:
        got: object = sources.read(str(path), "shown", keep_raw=False)
    except sources.SourceError as exc:
        got = (type(exc), str(exc))
    assert got == expected
