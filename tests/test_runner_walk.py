"""A walk hands each file over as the string of its path, with whether it is a plain file (a
regular file, not a link), whose settings are then its folder's without asking the system about
the file again: the same paths, order and settings as resolving each walked path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint import runner
from newslint.runner import ConfigResolver, FileTask, RunOptions, Skipped, discover, discover_files

STORY = "Talks resume in Geneva\n\nThe minister said the the talks failed.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for folder, select in (("desk", "NL1"), ("sport", "NL2")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "newslint.toml").write_text(f'select = ["{select}"]\n', encoding="utf-8")
    (tmp_path / "desk" / "inner").mkdir()
    for name in ("desk/a.txt", "desk/b.txt", "desk/inner/c.txt", "sport/match.txt", "top.txt"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    (tmp_path / "desk" / "linked.txt").symlink_to(tmp_path / "sport" / "match.txt")
    (tmp_path / "desk" / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    return tmp_path


@pytest.mark.parametrize("top", [".", "desk", "./desk", "desk/", "ABS"])
def test_the_walk_gives_the_paths_a_path_join_gives(tree, monkeypatch, top):
    monkeypatch.chdir(tree)
    start = tree / "desk" if top == "ABS" else Path(top)
    resolver = ConfigResolver()
    found = list(discover_files([start], resolver))
    paths = [f if isinstance(f, Skipped) else Path(f[0]) for f in found]
    assert paths == list(discover([start], ConfigResolver()))
    walked = {os.path.basename(f[0]): f for f in found if not isinstance(f, Skipped)}
    desk = start / "desk" if top == "." else start
    assert walked["a.txt"][0] == str(desk / "a.txt") and walked["c.txt"][0] == str(desk / "inner" / "c.txt")
    assert walked["a.txt"][1] and walked["c.txt"][1]  # plain files
    assert not walked["linked.txt"][1] and not walked["broken.txt"][1]  # links are asked about


def test_a_named_file_is_not_taken_as_plain(tree):
    assert list(discover_files([tree / "desk" / "a.txt"], ConfigResolver())) == [
        (str(tree / "desk" / "a.txt"), False)
    ]


def test_a_walked_plain_file_has_the_settings_resolving_its_path_gives(tree, monkeypatch):
    monkeypatch.chdir(tree)
    walked = [f for f in discover_files([Path(".")], ConfigResolver()) if not isinstance(f, Skipped)]
    resolver, each = ConfigResolver(), ConfigResolver()
    for path, plain in walked:
        if plain:
            assert resolver.for_walked_file(path) is resolver.for_path(Path(path))
            assert resolver.for_walked_file(path) is resolver.for_walked_file(path)
            assert resolver.for_walked_file(path).select == each.for_path(Path(path)).select
    assert {p for p, plain in walked if plain} == {
        "top.txt",
        "desk/a.txt",
        "desk/b.txt",
        "desk/inner/c.txt",
        "sport/match.txt",
    }


@pytest.mark.parametrize(
    "written",
    ["top.txt", "desk/a.txt", "desk//a.txt", "./desk/a.txt", "desk/inner/c.txt", "desk/inner//c.txt", "ABS"],
)
def test_a_plain_file_has_its_folders_settings_however_its_path_is_written(tree, monkeypatch, written):
    """`for_walked_file` keeps a folder's settings by the path up to its last separator: paths of
    one folder written apart ("desk//a.txt") may be kept twice, never mistaken for another's."""
    monkeypatch.chdir(tree)
    path = str(tree / "desk" / "inner" / "c.txt") if written == "ABS" else written
    resolver = ConfigResolver()
    for other in ("top.txt", "desk/b.txt", "sport/match.txt", "desk/inner/c.txt"):
        resolver.for_walked_file(other)  # the memory holds other folders' settings first
    assert resolver.for_walked_file(path).select == ConfigResolver().for_path(Path(path)).select
    assert resolver.for_walked_file(path) is resolver.for_path(Path(path))


@pytest.fixture
def settings_used(monkeypatch):
    used = []
    process_text = runner.process_text

    def spy(source, settings, options):
        used.append(settings.select)
        return process_text(source, settings, options)

    monkeypatch.setattr(runner, "process_text", spy)
    return used


def test_a_plain_task_asks_nothing_of_the_file_but_reads_it(tree, monkeypatch, settings_used):
    real_lstat = os.lstat

    def lstat(path, *args, **kwargs):
        assert not os.fspath(path).endswith("a.txt"), "lstat of a walked plain file"
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", lstat)
    result = FileTask(str(tree / "desk" / "a.txt"), "a.txt", True).run(ConfigResolver(), RunOptions())
    assert result.diagnostics and settings_used == [["NL1"]]


def test_a_linked_file_in_a_walk_keeps_the_config_beside_its_target(tree, settings_used):
    tasks = [FileTask(p, p, plain) for p, plain in discover_files([tree / "desk"], ConfigResolver())]
    linked = next(t for t in tasks if t.path.endswith("linked.txt"))
    assert not linked.plain
    linked.run(ConfigResolver(), RunOptions())
    assert settings_used == [["NL2"]]


def test_process_file_takes_a_path_or_its_string(tree):
    path = tree / "desk" / "a.txt"
    one = runner.process_file(path, "a.txt", ConfigResolver(), RunOptions())
    two = runner.process_file(str(path), "a.txt", ConfigResolver(), RunOptions(), plain=True)
    assert one.diagnostics == two.diagnostics and one.diagnostics


def test_a_linter_for_another_path_is_a_shallow_copy_naming_it():
    from newslint.config import Settings
    from newslint.lint import Linter

    class Desk(Linter):
        pass

    for linter in (Linter(Settings(), "a.txt"), Desk(Settings(), "a.txt")):
        assert linter.for_path("a.txt") is linter
        other = linter.for_path("b.md")
        assert type(other) is type(linter) and other.path == "b.md" and linter.path == "a.txt"
        assert other.__dict__ == {**linter.__dict__, "path": "b.md"}
        assert other.rules is linter.rules and other.by_code is linter.by_code
        assert (
            other.check("Head\n\nThe the talks.\n").violations
            == linter.check("Head\n\nThe the talks.\n").violations
        )


def test_the_files_of_one_settings_share_one_linter_told_each_path(tmp_path):
    """A run's files of the same settings share one linter (`_shared_linter`, no linter made for
    each file), and each file's diagnostics still name that file; other options, or settings
    with per-file ignores, get their own."""
    from newslint import runner
    from newslint.config import Settings

    settings, options = Settings(), runner.RunOptions()
    first = runner._shared_linter(settings, "a.txt", options)
    assert runner._shared_linter(settings, "b.txt", options) is first
    assert runner._shared_linter(settings, "b.txt", runner.RunOptions(ignore=("NL501",))) is not first
    assert runner._linter(settings, "c.txt", options).path == "c.txt"
    story = "Oil rises\n\nPrices rose  sharply.\n"
    for name in ("a.txt", "b.txt"):
        source = runner.sources.Source(name, story, "utf-8", b"", "\n", b"")
        result = runner.process_text(source, settings, options)
        assert result.diagnostics and {d.path for d in result.diagnostics} == {name}


@pytest.mark.parametrize("warning", [None, "a.txt: read as Windows-1252"])
def test_a_clean_file_s_result_is_the_one_its_keywords_make(warning):
    """`process_text` gives `FileResult` every field in order (no keywords, no default factories):
    a clean file's result is the one its keywords and defaults make, its lists its own."""
    from newslint import runner
    from newslint.config import Settings
    from newslint.report import FileResult

    settings = Settings()
    source = runner.sources.Source("a.txt", "Oil rises\n\nPrices rose.\n", "utf-8", b"", "\n", b"", warning)
    result = runner.process_text(source, settings, runner.RunOptions())
    expected = FileResult("a.txt", text=source.text, warning=warning, unsafe_by_config=settings.unsafe_fixes)
    assert result == expected
    assert type(result.fixed) is type(expected.fixed)
    other = runner.process_text(source, settings, runner.RunOptions())
    assert other.diagnostics is not result.diagnostics and other.fixed is not result.fixed
