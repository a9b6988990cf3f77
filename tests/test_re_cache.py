"""lint/_re_cache.py: patterns compiled at a module's top level are remembered between runs of
the command and served as the same pattern objects `re` makes."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import _re_cache

SOURCES = [
    r"\b(?P<word>[A-Z][a-z]+)\s+(?P=word)\b",
    r"(?<![\w@]@)\w{1,30}",
    r"^[ \t]*(```|~~~)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)",
    r"(?i)\bdeir\s+ez[- ]?zor\b",
    r"[^\W\d_]+(?:['’][^\W\d_]+)*",
    r"\d{1,3}(?:\.\d{3})+(?!\d)",
]
FLAGS = [0, re.IGNORECASE, re.MULTILINE | re.DOTALL, re.VERBOSE, re.ASCII, re.UNICODE | re.IGNORECASE]
SAMPLES = "Deir Ez-Zor, deir ezzor. The The regime's 450.000 Syrians @handle\n```x\ncode\n```\nCafé né"


def _module(source: str, flags: int) -> re.Pattern[str]:
    """`source` compiled at the top level of a module, as the engine and the rules do."""
    scope: dict[str, object] = {"re": re, "__name__": "newslint.rules.example"}
    exec(compile(f"PATTERN = re.compile({source!r}, {int(flags)})", "<module>", "exec"), scope)
    pattern = scope["PATTERN"]
    assert isinstance(pattern, re.Pattern)
    return pattern


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(_re_cache, "FOLDER", tmp_path)
    monkeypatch.setattr(_re_cache, "FILE", tmp_path / "re.marshal")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # as where Python writes bytecode
    _re_cache.uninstall()
    _re_cache.install()
    yield _re_cache
    _re_cache.uninstall()


def test_a_remembered_pattern_is_the_pattern_re_makes(cache):
    made = {}
    for source in SOURCES:
        for flags in FLAGS:
            if flags & re.ASCII and "(?i)" in source:
                continue
            re.purge()
            made[source, flags] = _module(source, flags)
    assert len(cache._known) == len(made)  # every one remembered
    cache._save()
    assert cache.FILE.exists()
    remembered = dict(cache._known)
    cache.uninstall()
    cache.install()
    assert cache._known == remembered  # read back from the file
    for (source, flags), fresh in made.items():
        re.purge()
        served = _module(source, flags)
        assert served is not fresh
        assert (served.pattern, served.flags, served.groups, served.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groups,
            fresh.groupindex,
        )
        assert [m.span() for m in served.finditer(SAMPLES)] == [m.span() for m in fresh.finditer(SAMPLES)]
        assert served.sub("#", SAMPLES) == fresh.sub("#", SAMPLES)
    assert cache._added == 0  # nothing new to write


def test_the_codes_served_are_the_codes_re_compiles(cache):
    """The arguments recorded for `_sre.compile` are those `re` computes again from scratch."""
    for source in SOURCES:
        re.purge()
        _module(source, 0)
    first = dict(cache._known)
    cache._known.clear()
    for source in SOURCES:
        re.purge()
        _module(source, 0)
    assert cache._known == first


def test_patterns_made_in_functions_or_by_other_packages_are_not_remembered(cache):
    def inside(word: str) -> re.Pattern[str]:
        return re.compile(rf"\b{re.escape(word)}\b")

    re.purge()
    inside("Assad")
    exec(compile("import re\nP = re.compile('other+')", "<module>", "exec"), {"__name__": "otherpkg"})
    assert cache._known == {} and cache._added == 0
    cache._save()
    assert not cache.FILE.exists()


def test_another_pythons_file_or_a_damaged_one_is_ignored(cache):
    cache.FILE.write_bytes(marshal.dumps(("another python", {("x", 0): (0, [1, 2], 0, {}, (None,))})))
    cache.uninstall()
    cache.install()
    assert cache._known == {}
    cache.FILE.write_bytes(b"\x00garbage")
    cache.uninstall()
    cache.install()
    assert cache._known == {}
    cache._known[("ab+", 0)] = (0, [999999], 0, {}, (None,))  # not what _sre takes
    re.purge()
    assert _module("ab+", 0).findall("abb ab a") == ["abb", "ab"]


def test_a_file_of_too_many_patterns_keeps_this_runs_alone(cache, monkeypatch):
    monkeypatch.setattr(cache, "MAX_PATTERNS", 3)
    for n in range(5):
        cache._known[(f"old{n}", 0)] = (0, [1], 0, {}, (None,))
    re.purge()
    _module(r"new+", 0)
    cache._save()
    key, kept, _methods = marshal.loads(cache.FILE.read_bytes())
    assert key == cache.KEY and list(kept) == [("new+", 0)]


def test_nothing_is_written_where_python_writes_no_bytecode(cache, monkeypatch):
    _module(r"qq+", 0)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache._save()
    assert not cache.FILE.exists()


_DATACLASS = """
from dataclasses import dataclass, field

@dataclass(frozen=True, order=True)
class Story:
    slug: str
    words: int = 0
    tags: tuple[str, ...] = field(default=())

@dataclass(slots=True)
class Count:
    n: int
"""


def _dataclasses(module: str) -> dict[str, object]:
    scope: dict[str, object] = {"__name__": module}
    exec(compile(_DATACLASS, "<module>", "exec", dont_inherit=True), scope)
    return scope


def _behaviour(scope: dict[str, object]) -> list[object]:
    import dataclasses
    import inspect

    story, count = scope["Story"], scope["Count"]
    assert isinstance(story, type) and isinstance(count, type)
    a, b = story("a", 3, ("x",)), story("b")
    seen: list[object] = [repr(a), a == story("a", 3, ("x",)), a < b, hash(a) == hash(story("a", 3, ("x",)))]
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.words = 4  # type: ignore[attr-defined]
    c = count(2)
    c.n += 1
    seen += [
        repr(c),
        str(inspect.signature(story)),
        story.__init__.__annotations__,
        count.__init__.__annotations__,
    ]
    return seen


def test_a_dataclass_made_from_remembered_methods_is_the_dataclass_made_without(cache):
    fresh = _behaviour(_dataclasses("newslint.rules.example"))
    assert len(cache._methods) >= 8 and cache._added == len(cache._methods)
    cache._save()
    cache.uninstall()
    cache.install()
    assert len(cache._methods) >= 8  # read back from the file
    served = _behaviour(_dataclasses("newslint.rules.example"))
    assert cache._added == 0  # every method served, nothing new to write
    uncached = cache.uninstall() or _behaviour(_dataclasses("newslint.rules.example"))
    # the annotations are the types themselves, not strings (no `from __future__` inherited)
    assert served == fresh == uncached and served[-1] == {"n": int, "return": None}


_NESTED = """
from dataclasses import dataclass

class Rule:
    @dataclass(frozen=True)
    class Options:
        words: tuple[str, ...] = ()
        limit: int = 3
"""


def test_a_dataclass_made_in_a_top_level_class_body_is_remembered_and_served(cache):
    """A rule's `Options`, made in its class's body at a module's top level: the same every
    run, so its methods are kept as a top-level dataclass's are, and served the next start."""

    def options() -> list[object]:
        scope: dict[str, object] = {"__name__": "newslint.rules.example"}
        exec(compile(_NESTED, "<module>", "exec", dont_inherit=True), scope)
        made = scope["Rule"].Options  # type: ignore[attr-defined]
        return [repr(made(("a",), 4)), made() == made((), 3), made.__init__.__annotations__]

    fresh = options()
    assert len(cache._methods) >= 4 and cache._added == len(cache._methods)
    cache._save()
    cache.uninstall()
    cache.install()
    served = options()
    assert cache._added == 0  # every method served from the file
    assert served == fresh == ["Rule.Options(words=('a',), limit=4)", True, fresh[2]]


def test_a_dataclass_made_in_a_class_body_inside_a_function_is_not_remembered(cache):
    def inside() -> None:
        scope: dict[str, object] = {"__name__": "newslint.rules.example"}
        body = "def make():\n" + "".join(f"    {line}\n" for line in _NESTED.splitlines()) + "make()\n"
        exec(compile(body, "<module>", "exec", dont_inherit=True), scope)

    inside()
    assert cache._methods == {} and cache._added == 0


def test_dataclasses_made_in_functions_or_by_other_packages_are_not_remembered(cache):
    _dataclasses("otherpkg")

    def inside() -> None:
        from dataclasses import make_dataclass

        make_dataclass("Made", [("x", int)])

    inside()
    assert cache._methods == {} and cache._added == 0


@pytest.mark.parametrize("where", ["zip", "file in the way"])
def test_nothing_is_written_or_raised_where_the_package_is_no_folder(cache, monkeypatch, tmp_path, where):
    """From a zip (or with a file where `__pycache__` would go) the patterns are not saved, and
    the exit is quiet: no traceback from the atexit callback."""
    if where == "zip":
        folder = tmp_path / "newslint.zip" / "newslint" / "__pycache__"
        (tmp_path / "newslint.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    else:
        folder = tmp_path / "pkg" / "__pycache__"
        folder.parent.mkdir()
        folder.write_text("not a folder")
    monkeypatch.setattr(cache, "FOLDER", folder)
    monkeypatch.setattr(cache, "FILE", folder / "re.marshal")
    _module(r"zz+", 0)
    cache._save()
    assert not (tmp_path / "pkg" / "__pycache__").is_dir()
    assert list(tmp_path.glob("**/*.tmp")) == []


def test_the_command_with_remembered_patterns_reports_as_without(tmp_path):
    """A run that wrote the file, then runs served from it: the report of the seed story, the
    fixed text and the exit code are those of the typer command, which compiles every pattern."""
    seed = Path(__file__).parent / "golden" / "stories" / "syria-airstrikes.txt"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"

    def run(entry: str, *args: str) -> tuple[int, str]:
        code = f"import sys\nsys.argv[0] = 'newslint'\nfrom newslint.{entry} import main\nmain()"
        proc = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
        )
        return proc.returncode, proc.stdout

    first = run("cli_fast", "check", str(seed))
    assert _re_cache.FILE.exists()
    served = run("cli_fast", "check", str(seed))
    compiled = run("cli", "check", str(seed))
    assert first == served == compiled and first[0] == 1 and "NL101" in first[1]
    story = tmp_path / "story.txt"
    for entry in ("cli_fast", "cli"):
        story.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
        run(entry, "check", "--fix", "--unsafe-fixes", str(story))
        if entry == "cli_fast":
            fixed = story.read_text(encoding="utf-8")
    assert story.read_text(encoding="utf-8") == fixed


_RECORD = """
import json, pkgutil, sys
from pathlib import Path
from newslint import _re_cache
_re_cache.FOLDER = Path(sys.argv[1])
_re_cache.FILE = _re_cache.FOLDER / "re.marshal"
_re_cache.install()
import newslint, newslint.rules
from newslint import cli_check, registry
for info in pkgutil.walk_packages(newslint.__path__, "newslint."):
    if not info.name.startswith(("newslint.dask", "newslint.server")) and not info.name.endswith("__main__"):
        __import__(info.name)
registry.all_rules()
print(json.dumps(sorted(f"{flags}:{source}" for source, flags in _re_cache._known)))
"""


def test_the_patterns_remembered_are_the_same_in_every_process(tmp_path):
    """A pattern built at a module's top level from a set's order (which Python changes from
    process to process, PYTHONHASHSEED) is a new pattern on every start: compiled again, and
    the file rewritten and grown on every run. The same top-level patterns under two seeds."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    seen = []
    for seed in ("1", "2"):
        proc = subprocess.run(
            [sys.executable, "-c", _RECORD, str(tmp_path / seed)],
            capture_output=True,
            text=True,
            env={**env, "PYTHONHASHSEED": seed},
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        seen.append(proc.stdout)
    assert seen[0].count(":") > 100  # the engine's and the rules' patterns were recorded
    assert seen[0] == seen[1]


def test_co_optimized_is_inspects():
    import inspect

    assert _re_cache.CO_OPTIMIZED == inspect.CO_OPTIMIZED


_DEFERRED = """
import sys, types
from newslint import _re_cache
_re_cache.defer("colorsys")
module = sys.modules["colorsys"]
import colorsys
before = type(colorsys) is _re_cache._Deferred and "rgb_to_hsv" not in vars(colorsys)
print(before, colorsys is module, colorsys.rgb_to_hsv(1.0, 0.0, 0.0), type(module) is types.ModuleType)
_re_cache.defer("colorsys")  # imported already: nothing done
print(sys.modules["colorsys"] is module, module.__name__, module.__spec__.name)
"""


def test_a_deferred_module_runs_on_first_use():
    """`defer`: the module is in `sys.modules`, an import finds it there and runs nothing, and
    the first read of one of its names runs its code into the object every importer holds."""
    proc = subprocess.run([sys.executable, "-c", _DEFERRED], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["True True (0.0, 1.0, 1.0) True", "True colorsys colorsys"]


_INSPECT_AT_EXIT = """
import atexit, sys
from newslint import _re_cache
_re_cache.install()
atexit.register(lambda: print(type(sys.modules["inspect"]).__name__, "ast" in sys.modules))
sys.argv = ["newslint", *sys.argv[1:]]
from newslint.cli_fast import main
main(fast_exit=True)
"""


def test_a_check_never_runs_inspect(tmp_path):
    """The command defers `inspect` (`_re_cache.install`), which dataclasses reads only for a
    class without a docstring: a check, with fixes, of a story with an HTML entity (the entity
    repair's dataclass) and a house-style config (the house rules' options), runs none of it.
    A dataclass added without a docstring to the command's path fails here."""
    story = tmp_path / "story.txt"
    story.write_text("Talks resume\n\nThe the talks&nbsp;resumed on Monday.\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(
        '[rules.banned-term]\nterms = [{ term = "slammed" }]\n[rules.preferred-term]\n'
        'terms = [{ use = "because", instead-of = "due to the fact that" }]\n'
        '[rules.quote-style-mix]\nprefer = "curly"\n',
        encoding="utf-8",
    )
    for args in (["check", "--exit-zero", "."], ["check", "--fix", "--unsafe-fixes", "."]):
        proc = subprocess.run(
            [sys.executable, "-c", _INSPECT_AT_EXIT, *args],
            capture_output=True, text=True, timeout=120, cwd=tmp_path,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines()[-1] == "_Deferred False", proc.stdout


def test_code_of_is_kept_once_installed(cache):
    """`code_of`: the code `exec(text)` runs, kept (and saved) under its text once the command
    has installed the cache; compiled afresh and nothing kept otherwise."""
    text = "def __getstate__(self):\n    return (self.a, self.b, )\n"
    first = cache.code_of(text)
    assert cache.code_of(text) is first and cache._methods[text] is first and cache._added == 1
    space: dict[str, object] = {}
    exec(first, space)
    assert space["__getstate__"](type("T", (), {"a": 1, "b": 2})()) == (1, 2)  # type: ignore[operator]
    cache._save()
    cache.uninstall()
    assert cache.code_of(text) is not first and cache._methods == {}
    cache.install()  # served from the file now
    assert cache.code_of(text) == first and cache._added == 0
