"""Reading and writing story files without ever damaging them.

Reading: UTF-8 with or without BOM, UTF-16 with BOM; invalid UTF-8 falls back to Windows-1252
(with a warning, since wire copy often arrives that way) unless `fallback-encoding = "none"`;
binary files are refused. A file whose line endings are all CRLF (or all CR) is checked with
`\\n` line endings and written back with its own.

Writing: only when the text changed; to a temporary file in the same directory, flushed, given
the original's permissions, then renamed over the original (atomic); refused when the file
changed on disk since it was read.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
from pathlib import Path
from typing import BinaryIO, NamedTuple

from newslint.native import native
from newslint.quoting import quote_name


class SourceError(Exception):
    """A file that cannot be read or written; the message says why, in one line."""


class BinaryFile(SourceError):
    """Not text: skipped with a message."""


class Source(NamedTuple):
    """A file's text as decoded, and what writing it back needs. A NamedTuple, not a frozen
    dataclass: as unchangeable, and made in a few hundred instructions where the dataclass's
    `__init__` set each of its seven fields through `object.__setattr__`, 12.3 K instructions a
    file of a run (callgrind, 3.11)."""

    path: str  # as shown in reports
    text: str  # decoded, with uniform CRLF/CR line endings turned into \n
    encoding: str  # "utf-8", "utf-16", "windows-1252"
    bom: bytes
    newline: str  # what \n stands for on disk: "\n", "\r\n" or "\r"
    # the bytes read, to detect changes on disk before writing; None when the run writes
    # nothing (a check, a diff): a big file's bytes are then not held beside its text
    raw: bytes | None
    warning: str | None = None

    def encode(self, text: str) -> bytes:
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        codec = (
            "utf-16-le"
            if self.bom == codecs.BOM_UTF16_LE
            else "utf-16-be"
            if self.bom == codecs.BOM_UTF16_BE
            else self.encoding
        )
        try:
            return self.bom + text.encode(codec)
        except UnicodeEncodeError as exc:
            raise SourceError(
                f"{self.path}: the fixed text cannot be written as {self.encoding} "
                f"({exc.reason} at {exc.start}); file left unchanged"
            ) from None


# Control bytes that text files do not hold (tab, newlines, form feed and escape are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32 and b != 27)


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BOMS = (codecs.BOM_UTF8, *_UTF16_BOMS)


def _control_count(head: bytes) -> int:
    """How many of `head`'s bytes are `_CONTROL_BYTES` (the twin of the compiled `control_bytes`)."""
    return len(head) - len(head.translate(None, _CONTROL_BYTES))


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_UTF16_BOMS):
        return False
    # a NUL byte, asked for as an int: one memchr (`b"\x00" in head` first tries its operand as
    # an int, and raises and clears a TypeError: 2,000 instructions a file)
    if 0 in head:
        return True
    # counted in C where it is built: the twin's translate made a table and a copy of the head,
    # a file's largest step before its text is checked
    if native is not None and type(head) is bytes:  # (a caller's bytearray: the twin)
        controls: int = native.control_bytes(head)
    else:
        controls = _control_count(head)
    return len(head) > 0 and controls / len(head) > 0.1


def decode(data: bytes, path: str, fallback: str | None = "windows-1252", keep_raw: bool = True) -> Source:
    if _looks_binary(data):
        raise BinaryFile(f"{path}: binary file skipped")
    warning = None
    if not data.startswith(_BOMS):  # (most files: one test, of constants)
        bom, encoding, body = b"", "utf-8", data
    elif data.startswith(codecs.BOM_UTF8):
        bom, encoding, body = codecs.BOM_UTF8, "utf-8", data[3:]
    else:
        bom, encoding, body = data[:2], "utf-16", data[2:]
    try:
        if encoding == "utf-16":
            text = body.decode("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be")
        else:
            text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if encoding != "utf-8" or bom or fallback is None:
            raise SourceError(
                f"{path}: not valid {encoding.upper()} (byte {exc.start}: {exc.reason})"
            ) from None
        try:
            text = body.decode("cp1252")
        except UnicodeDecodeError:
            raise SourceError(f"{path}: not valid UTF-8 (byte {exc.start}) nor Windows-1252") from None
        encoding = "windows-1252"
        warning = (
            f"{path}: not valid UTF-8 (byte {exc.start}); "
            "read as Windows-1252 and will be written back as such"
        )
    if "\x00" in text:
        raise BinaryFile(f"{path}: contains NUL characters; skipped as binary")
    text, newline = _normalise_newlines(text) if "\r" in text else (text, "\n")  # (most: no call)
    # (tuple.__new__: the NamedTuple's own __new__ is a Python call, one a file)
    return tuple.__new__(Source, (path, text, encoding, bom, newline, data if keep_raw else None, warning))


def _plain_text(data: bytes) -> str | None:
    """The text of `data` where `decode` reads it as it is: UTF-8 with no byte-order mark, not
    binary, holding no NUL and no carriage return; else None. The twin of the compiled
    `plain_text`, which `read` asks first for a file it will not write."""
    if data.startswith(_BOMS) or _looks_binary(data):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text or "\r" in text else text


def _normalise_newlines(text: str) -> tuple[str, str]:
    if "\r" not in text:  # most texts: one search for a character, not three counts
        return text, "\n"
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf and not cr and not lf:
        return text.replace("\r\n", "\n"), "\r\n"
    if cr and not crlf and not lf:
        return text.replace("\r", "\n"), "\r"
    return text, "\n"  # uniform LF, or mixed endings that a rule reports as they are


_CHUNK = 1 << 16
# Opening a fifo for reading waits for a writer; O_NONBLOCK returns at once, and fstat then
# tells what was opened before a byte is read. (Not on Windows, which has neither fifos nor it.)
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)


class NotRegularFile(SourceError):
    """A fifo, device or socket: never read (a fifo would wait for a writer, /dev/zero never ends)."""


class TooLarge(SourceError):
    """More bytes than the limit allows; reading stopped there."""


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def too_large(shown: str, size: int | None, limit: int) -> TooLarge:
    if size is None:  # a stream: reading stopped at the limit
        return TooLarge(
            f"{shown}: input too large (over {limit / 1e6:.1f} MB; reading stopped there); "
            "raise max-file-size to check it"
        )
    return TooLarge(
        f"{shown}: file too large ({size / 1e6:.1f} MB > {limit / 1e6:.1f} MB); "
        "raise max-file-size to check it"
    )


def read_stream(stream: BinaryIO, limit: int | None, shown: str) -> bytes:
    """Everything `stream` holds, read in chunks; `TooLarge` as soon as it passes `limit` bytes
    (stdin can be endless: `newslint check - < /dev/zero`)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(_CHUNK if limit is None else min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if limit is not None and total > limit:
            raise too_large(shown, None, limit)


def read_regular(path: Path | str, limit: int | None, shown: str) -> bytes:
    """The bytes of a regular file (or of the one a symlink names), at most `limit` of them.
    Anything else is refused before a byte is read: `NotRegularFile`. OSError passes through."""
    if native is not None and type(path) is str:  # a walked file's path: most files
        # the steps below in one compiled call, where they go as they go most times; None
        # for anything else, which they then take and report
        data: bytes | None = native.read_whole(path, -1 if limit is None else limit)
        if data is not None:
            return data
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        mode, size = info.st_mode, info.st_size
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"{shown}: {file_kind(mode)}, not a regular file; not read")
        if limit is not None and size > limit:
            raise too_large(shown, size, limit)
        # Its size and one byte more, asked for at once: a regular file that gives exactly its
        # size has ended there, so most files are read in one call, with no file object (it
        # asked the system about the file again) and no empty read to see the end. Any other
        # count (a file that grew or shrank since its size was asked, a system that does not
        # tell the size, as /proc, or gives less in one call) reads on in chunks to the end,
        # bounded again.
        data = os.read(fd, size + 1)
        if len(data) == size:
            return data
        chunks = [data]
        total = len(data)
        while limit is None or total <= limit:
            chunk = os.read(fd, _CHUNK if limit is None else min(_CHUNK, limit + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
        raise too_large(shown, None, limit)
    finally:
        os.close(fd)


def read(
    path: Path | str,
    display: str | None = None,
    fallback: str | None = "windows-1252",
    max_size: int | None = None,
    keep_raw: bool = True,
) -> Source:
    """The decoded file; `keep_raw` False when it will not be written back (see `Source.raw`)."""
    shown = display or str(path)
    if not keep_raw and native is not None and type(path) is str:  # a check's file (most)
        # read (`read_regular`'s compiled first step) and, where it is plain UTF-8 text, tested
        # and decoded in two compiled calls: four Python calls and a copy of the file's head
        # were 8 K instructions a file (callgrind); anything else read and reported below
        data: bytes | None = native.read_whole(path, -1 if max_size is None else max_size)
        if data is not None:
            text = native.plain_text(data)
            if text is None:
                return decode(data, shown, fallback, keep_raw)
            # (`decode`'s answer for such a text; tuple.__new__: no Python __new__)
            return tuple.__new__(Source, (shown, text, "utf-8", b"", "\n", None, None))
    try:
        data = read_regular(path, max_size, shown)
    except IsADirectoryError:
        raise SourceError(f"{shown}: is a directory") from None
    except FileNotFoundError:
        if os.path.islink(path):
            raise SourceError(f"{shown}: broken symbolic link (to {quote_name(os.readlink(path))})") from None
        raise SourceError(f"{shown}: no such file") from None
    except PermissionError:
        raise SourceError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    return decode(data, shown, fallback, keep_raw)


def write_if_changed(path: Path, source: Source, text: str) -> bool:
    """Atomically replace `path` with `text` in the source's encoding. False if nothing changed."""
    if source.raw is None:
        raise ValueError(f"{source.path}: read without keeping its bytes, so it cannot be written safely")
    data = source.encode(text)
    if data == source.raw:
        return False
    target = path.resolve()  # write through a symlink to the real file, keeping the link
    try:
        if not _unchanged_on_disk(target, source):
            raise SourceError(f"{source.path}: changed on disk while being checked; not overwritten")
        mode = stat.S_IMODE(target.stat().st_mode)
        import tempfile  # imported when a file is written: a check that writes nothing starts without it

        # A read-only file is fixed too when its directory allows it (--fix is the user's
        # request, and copies of archives are often read-only); it stays read-only afterwards.
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint", dir=target.parent)
    except PermissionError:
        raise SourceError(f"{source.path}: permission denied; not fixed") from None
    except OSError as exc:
        if isinstance(exc, SourceError):
            raise
        raise SourceError(f"{source.path}: cannot write ({exc.strerror or exc}); not fixed") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if not _unchanged_on_disk(target, source):
            raise SourceError(f"{source.path}: changed on disk while being fixed; not overwritten")
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, SourceError):
            raise
        if isinstance(exc, OSError):
            raise SourceError(
                f"{source.path}: cannot write ({exc.strerror or exc}); file left unchanged"
            ) from None
        raise
    return True


def _unchanged_on_disk(target: Path, source: Source) -> bool:
    """Whether `target` still holds exactly the bytes read (reading no more than one byte past
    them: a file that grew, or was replaced by a fifo, has changed)."""
    if source.raw is None:
        return False
    try:
        return read_regular(target, len(source.raw), source.path) == source.raw
    except (TooLarge, NotRegularFile):
        return False
