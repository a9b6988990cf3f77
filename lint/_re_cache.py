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

The same file keeps the methods `dataclasses` writes for the engine's and the rules' 51
dataclasses (`__init__`, `__repr__`, `__eq__`, a frozen class's `__setattr__`...): it makes each
as source text and compiles it with `exec`, about 290 compiles and 15 ms of a 120 ms start-up
(measured). `dataclasses.exec` is pointed at `_exec`, which compiles a text once (as `exec`
would: no `__future__` flag of this module inherited) and keeps the code object under its text;
the next start executes the kept code. The text is the whole key: the same text compiles to the
same code. Only dataclasses made at the top level of newslint's modules (or in a class body
there) are kept.
"""

from __future__ import annotations

import atexit
import builtins
import importlib
import marshal
import os
import sys
import types
from array import array
from pathlib import Path
from types import CodeType
from typing import Any

# re's private compiler and the C engine under it (no type stubs): what this module stands between
_compiler: Any = importlib.import_module("re._compiler")
_sre: Any = importlib.import_module("_sre")

# "2": files written before NL304's pattern was made in a fixed order had grown by two patterns
# a run (2.4 MB and more, read and rewritten at every start): such a file is read no more.
KEY = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|codes as bytes|2|methods"
FOLDER = Path(__file__).resolve().parent / "__pycache__"
FILE = FOLDER / f"re.{sys.implementation.cache_tag}.marshal"
_RE_FOLDER = os.path.dirname(_compiler.__file__)
_DATACLASSES = ""  # dataclasses.py, once `install` has imported it
CO_OPTIMIZED = 0x0001  # inspect.CO_OPTIMIZED: a function's code (inspect itself is deferred)

MAX_PATTERNS = 600  # newslint compiles about 250 at its top levels
MAX_METHODS = 1500  # and dataclasses write about 290 methods

_known: dict[tuple[str, int], tuple[Any, ...]] = {}
_used: set[tuple[str, int]] = set()
_added = 0
_recording: tuple[str, int] | None = None
_methods: dict[str, CodeType] = {}  # a dataclass method's source text -> its code
_methods_used: set[str] = set()
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


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """`exec` as `dataclasses` calls it (`exec(text, globals, ns)`), serving the code of a text
    compiled in an earlier run."""
    if type(source) is str and type(globals) is dict and _at_module_level(_DATACLASSES):
        source = _kept_code(source)
    elif globals is None:  # the caller's globals, as the builtin takes them (not this module's)
        globals = sys._getframe(1).f_globals
    builtins.exec(source, globals, locals)


def _kept_code(source: str) -> CodeType:
    """The code of `source` as `exec(source)` compiles it, kept in the file with the patterns."""
    global _added
    code = _methods.get(source)
    if code is None:
        # the flags of this module's `from __future__` not inherited (they would turn the
        # methods' annotations into strings)
        code = _methods[source] = compile(source, "<string>", "exec", dont_inherit=True)
        _added += 1
    _methods_used.add(source)
    return code


def code_of(source: str) -> CodeType:
    """`compile(source, "<string>", "exec")` for a module's set-up that writes methods from a
    text made the same in every run (`newslint.violation`'s pickling methods: four compiles,
    about 2 M instructions of a start, measured): kept between runs of the command, as the
    dataclasses' methods are, once `install` has run; compiled every time otherwise."""
    if _compiler.compile is not _compile:
        return compile(source, "<string>", "exec", dont_inherit=True)
    return _kept_code(source)


def _at_module_level(through: str = "") -> bool:
    """The pattern (or dataclass) is made by the top level of one of newslint's modules, or by
    a class body there (a rule's `Options` dataclass, made in its rule's class: five rules'
    methods were compiled at every start, 30 compiles and about 25 M instructions, measured):
    the same every run, not in a function, nor by another package; `through`: a file whose
    frames lie between (dataclasses.py), besides re's."""
    frame: Any = sys._getframe(2)
    while frame is not None and (
        frame.f_code.co_filename == through or os.path.dirname(frame.f_code.co_filename) == _RE_FOLDER
    ):
        frame = frame.f_back
    # a class body's code is neither a function's (CO_OPTIMIZED) nor a module's: the body of a
    # class made at the top level runs the same every run, one made in a function may not
    while frame is not None and not frame.f_code.co_flags & CO_OPTIMIZED:
        if frame.f_code.co_name == "<module>":
            break
        frame = frame.f_back
    return (
        frame is not None
        and frame.f_code.co_name == "<module>"
        and str(frame.f_globals.get("__name__", "")).startswith("newslint")
    )


class _Deferred(types.ModuleType):
    """A module put in `sys.modules` with its code not run yet (`defer`): the first read of a
    name it does not hold runs its code into this very object, which becomes a plain module,
    so that whoever imported it before holds the module itself."""

    def __getattr__(self, name: str) -> Any:
        spec: Any = self.__spec__  # (set by `defer`, with a loader that runs a module's code)
        module: types.ModuleType = self
        module.__class__ = types.ModuleType  # (no more `__getattr__`: the code's reads are plain)
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[spec.name]  # as a failed import leaves it: the next import tries again
            raise
        return getattr(module, name)


def defer(name: str) -> None:
    """Import the standard module `name` with its code run only when one of its names is first
    read: `import name` elsewhere finds it in `sys.modules` and runs nothing (it reads the
    module's `__spec__`, which it holds). For `inspect`, which `dataclasses` imports at its
    top and reads only to write the signature of a class that has no docstring as its
    docstring (every newslint dataclass has one): inspect's code and its imports (ast, dis,
    tokenize, linecache), never used by a check, were 35 M instructions of a start, 8% of a
    check of one short story (callgrind). Nothing is done when the module is imported already
    or cannot be found."""
    if name in sys.modules:
        return
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _Deferred
    sys.modules[name] = module


def install() -> None:
    """Serve the patterns remembered from earlier runs, and remember the new ones; import
    `dataclasses` (with `inspect` deferred) and serve the methods it writes."""
    global _DATACLASSES
    if _compiler.compile is _compile:
        return
    defer("inspect")
    import dataclasses

    _DATACLASSES = dataclasses.__file__
    try:
        key, known, methods = marshal.loads(FILE.read_bytes())
        if key == KEY and isinstance(known, dict) and isinstance(methods, dict):
            _known.update(known)
            _methods.update(methods)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no file yet, or another Python's, or damaged: compile as usual
    _compiler._sre = _Recorder()
    _compiler.compile = _compile
    setattr(dataclasses, "exec", _exec)  # noqa: B010 (a module global shadowing the builtin)
    atexit.register(_save)


def uninstall() -> None:
    """`re` as it was (for tests): nothing served, nothing remembered, nothing written."""
    global _added
    import dataclasses

    _compiler.compile = _original
    _compiler._sre = _real_sre
    vars(dataclasses).pop("exec", None)
    _known.clear()
    _used.clear()
    _methods.clear()
    _methods_used.clear()
    _added = 0
    atexit.unregister(_save)


def _save() -> None:
    # (not FOLDER.parent.is_dir(): imported from a zip, where Python writes no bytecode either)
    if not _added or sys.dont_write_bytecode or sys.pycache_prefix or not FOLDER.parent.is_dir():
        return
    if len(_known) > MAX_PATTERNS:  # patterns of code long changed: keep this run's alone
        for key in [k for k in _known if k not in _used]:
            del _known[key]
    if len(_methods) > MAX_METHODS:
        for text in [t for t in _methods if t not in _methods_used]:
            del _methods[text]
    tmp = FILE.with_name(f"{FILE.name}.{os.getpid()}.tmp")
    try:
        FOLDER.mkdir(exist_ok=True)
        tmp.write_bytes(marshal.dumps((KEY, _known, _methods)))
        os.replace(tmp, FILE)
    except (OSError, ValueError):  # read-only, or codes marshal cannot write: as without this module
        try:  # noqa: SIM105 (contextlib is not imported at start-up)
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
