"""The runner moves what a process loaded for its first file out of the cyclic collector's
reach, once a process, and leaves a library caller's collector alone."""

from __future__ import annotations

import gc

import pytest

from newslint import runner
from newslint.config import Settings
from newslint.lint import Linter

STORY = "Talks resume in Geneva\n\nThe minister said the the talks failed.\n"


@pytest.fixture
def freezes(monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(runner, "_settled", False)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(len(calls)))
    threshold = gc.get_threshold()
    yield calls
    gc.set_threshold(*threshold)


def test_settling_collects_the_young_generation_less_often(freezes):
    gc.set_threshold(700, 10, 10)
    runner._settle()
    assert gc.get_threshold() == (runner.YOUNG_THRESHOLD, 10, 10)
    runner._settle()  # once
    assert freezes == [0]


@pytest.mark.parametrize("threshold", [(0, 10, 10), (50_000, 5, 5)])
def test_settling_leaves_a_collector_switched_off_or_rarer(freezes, threshold):
    gc.set_threshold(*threshold)
    runner._settle()
    assert gc.get_threshold() == threshold


def test_the_runner_settles_once_after_the_first_file(freezes):
    seen: list[int] = []
    tasks = [runner.TextTask(f"story{i}.txt", STORY, "story.txt") for i in range(3)]
    results = runner.run_tasks(
        tasks, runner.ConfigResolver(), runner.RunOptions(), 1, lambda r: seen.append(len(freezes))
    )
    assert [r.path for r in results] == ["story0.txt", "story1.txt", "story2.txt"]
    assert freezes == [0]  # once, however many files
    assert seen == [1, 1, 1]  # after the first file was checked, before the second


def test_a_worker_settles_after_its_first_task(freezes, monkeypatch):
    monkeypatch.setattr(runner, "_worker_state", (runner.ConfigResolver(), runner.RunOptions()))
    first = runner._run_in_worker(runner.TextTask("a.txt", STORY, "a.txt"))
    runner._run_in_worker(runner.TextTask("b.txt", STORY, "b.txt"))
    assert first.diagnostics and freezes == [0]


def test_a_library_check_leaves_the_collector_alone(freezes):
    threshold = gc.get_threshold()
    assert Linter(Settings(), "story.txt").check(STORY).violations
    assert freezes == [] and gc.get_threshold() == threshold


def test_a_held_collector_is_switched_on_when_the_process_settles(freezes, monkeypatch):
    monkeypatch.setattr(runner, "_collector_held", False)
    assert gc.isenabled()
    try:
        runner.hold_collector()
        assert not gc.isenabled()
        tasks = [runner.TextTask(f"story{i}.txt", STORY, "story.txt") for i in range(2)]
        seen: list[bool] = []
        runner.run_tasks(
            tasks, runner.ConfigResolver(), runner.RunOptions(), 1, lambda r: seen.append(gc.isenabled())
        )
        assert seen == [True, True] and not runner._collector_held
        runner.hold_collector()
        runner._settle()  # settled already: switched on all the same
        assert gc.isenabled()
    finally:
        gc.enable()


def test_a_collector_switched_off_stays_off(monkeypatch):
    monkeypatch.setattr(runner, "_collector_held", False)
    gc.disable()
    try:
        runner.hold_collector()
        runner.release_collector()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_check_command_switches_the_collector_on_again(tmp_path, monkeypatch):
    from newslint import cli_check

    monkeypatch.setattr(runner, "_collector_held", False)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    for paths in ([str(story)], [str(tmp_path / "empty")], []):
        (tmp_path / "empty").mkdir(exist_ok=True)
        with pytest.raises(SystemExit):
            cli_check.run_check(paths or [str(tmp_path / "missing")], quiet=True, exit_zero=True)
        assert gc.isenabled() and not runner._collector_held


@pytest.mark.parametrize("failure", ["bad config", "unknown rule", "crash"])
def test_a_check_command_that_ends_early_switches_the_collector_on_again(failure, tmp_path, monkeypatch):
    """A command that exits before any file is checked (an error in its config or its options)
    or raises gives the collector back: run in a caller's process (a test, an editor's host),
    it left it off, and every cycle made afterwards stayed (one pytest worker grew to 2.9 GB)."""
    from newslint import cli_check

    monkeypatch.setattr(runner, "_collector_held", False)
    config = tmp_path / "newslint.toml"
    config.write_text('[rules]\nlocale = "martian"\n' if failure == "bad config" else "", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    select = "NL999" if failure == "unknown rule" else None
    if failure == "crash":
        monkeypatch.setattr(cli_check, "_run_all", lambda *args: 1 / 0)
    with pytest.raises(SystemExit if failure != "crash" else ZeroDivisionError) as ended:
        cli_check.run_check([str(story)], config=config, select=select, quiet=True, exit_zero=True)
    assert failure == "crash" or ended.value.code == 2
    assert gc.isenabled() and not runner._collector_held
