"""Compiled regular expressions kept between runs of the command, as Python keeps bytecode.

The engine and the rules compile about 250 patterns when they are imported; the standard `re`
module parses and compiles each in Python: about 30 ms of CPU, a fifth of a start-up on one
short story (measured). `re` hands its work to `_sre.compile` (C) as a list of codes; this
module remembers, for each pattern compiled at the top level of a module, the arguments of that
call, in a file beside the package's bytecode (`__pycache__/re.<python tag>.marshal`), and on
the next start gives `_sre.compile` the same arguments instead of compiling again. The
patterns are the same objects `re` makes (tests/test_re_cache.py compares them).

The file is used only by the same Python (its full version and `_sre.MAGIC` are its key); it
is written only where Python may write bytecode (not under `-B` or PYTHONDONTWRITEBYTECODE,
not when the folder is read-only), atomically, at exit and only when it gained a pattern.
Only newslint's own modules' patterns are written; patterns compiled inside functions (from a
story's words) never are. Bytes patterns
and DEBUG compiles go to `re` as always. Used by the command only (`newslint.cli_fast`).
"""

from __future__ import annotations

import atexit
import importlib
import marshal
import os
import sys
from array import array
from pathlib import Path
from typing import Any

# re's private compiler and the C engine under it (no type stubs): what this module stands between
_compiler: Any = importlib.import_module("re._compiler")
_sre: Any = importlib.import_module("_sre")

# "2": files written before NL304's pattern was made in a fixed order had grown by two patterns
# a run (2.4 MB and more, read and rewritten at every start): such a file is read no more.
KEY = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|codes as bytes|2"
FOLDER = Path(__file__).resolve().parent / "__pycache__"
FILE = FOLDER / f"re.{sys.implementation.cache_tag}.marshal"
_RE_FOLDER = os.path.dirname(_compiler.__file__)

MAX_PATTERNS = 600  # newslint compiles about 250 at its top levels

_known: dict[tuple[str, int], tuple[Any, ...]] = {}
_used: set[tuple[str, int]] = set()
_added = 0
_recording: tuple[str, int] | None = None
_original = _compiler.compile
_real_sre = _sre


class _Recorder:
    """`_sre` as `re._compiler` sees it while a pattern is compiled: `compile` notes its
    arguments under the pattern being compiled; everything else is `_sre`'s."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_real_sre, name)

    @staticmethod
    def compile(pattern: Any, flags: int, code: list[int], *rest: Any) -> Any:
        global _added
        if _recording is not None and _recording[0] is pattern:
            # The codes are kept as the bytes of a C array: as a list of ints they held about
            # 4 MB of a run's memory (measured); some are re's named constants (an int subclass).
            try:
                codes = array("I", [int(c) for c in code]).tobytes()
            except OverflowError:  # a code this C array cannot hold: compiled every run
                codes = None
            if codes is not None:
                _known[_recording] = (int(flags), codes, *rest)
                _used.add(_recording)
                _added += 1
        return _real_sre.compile(pattern, flags, code, *rest)


def _compile(p: Any, flags: int = 0) -> Any:
    global _recording
    if type(p) is str and not flags & _compiler.SRE_FLAG_DEBUG:
        key = (p, int(flags))
        known = _known.get(key)
        if known is not None:
            _used.add(key)
            served_flags, codes, *rest = known
            try:
                return _real_sre.compile(p, served_flags, array("I", codes).tolist(), *rest)
            except (TypeError, ValueError, RuntimeError, OverflowError):  # not what this _sre takes: compile
                del _known[key]
        if _at_module_level():
            _recording = key
            try:
                return _original(p, flags)
            finally:
                _recording = None
    return _original(p, flags)


def _at_module_level() -> bool:
    """The pattern is compiled by the top level of one of newslint's modules (the same every
    run), not in a function, nor by another package."""
    frame: Any = sys._getframe(2)
    while frame is not None and os.path.dirname(frame.f_code.co_filename) == _RE_FOLDER:
        frame = frame.f_back
    return (
        frame is not None
        and frame.f_code.co_name == "<module>"
        and str(frame.f_globals.get("__name__", "")).startswith("newslint")
    )


def install() -> None:
    """Serve the patterns remembered from earlier runs, and remember the new ones."""
    if _compiler.compile is _compile:
        return
    try:
        key, known = marshal.loads(FILE.read_bytes())
        if key == KEY and isinstance(known, dict):
            _known.update(known)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no file yet, or another Python's, or damaged: compile as usual
    _compiler._sre = _Recorder()
    _compiler.compile = _compile
    atexit.register(_save)


def uninstall() -> None:
    """`re` as it was (for tests): nothing served, nothing remembered, nothing written."""
    global _added
    _compiler.compile = _original
    _compiler._sre = _real_sre
    _known.clear()
    _used.clear()
    _added = 0
    atexit.unregister(_save)


def _save() -> None:
    if not _added or sys.dont_write_bytecode or sys.pycache_prefix:
        return
    if len(_known) > MAX_PATTERNS:  # patterns of code long changed: keep this run's alone
        for key in [k for k in _known if k not in _used]:
            del _known[key]
    tmp = FILE.with_name(f"{FILE.name}.{os.getpid()}.tmp")
    try:
        FOLDER.mkdir(exist_ok=True)
        tmp.write_bytes(marshal.dumps((KEY, _known)))
        os.replace(tmp, FILE)
    except (OSError, ValueError):  # read-only, or codes marshal cannot write: as without this module
        tmp.unlink(missing_ok=True)
