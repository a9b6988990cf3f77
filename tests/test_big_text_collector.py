"""A big text is checked with the cyclic collector paused (`Linter.check`): its millions of live
parts are not walked by every full collection. The collector's state is restored whatever
happens, a story below the size is checked with it as it was, and the output is the same."""

from __future__ import annotations

import ctypes
import gc

import pytest

from newslint import lint, runner, sources
from newslint.config import Settings

STORY = "Headline\n\nThe minister said the the talks failed in Bagdad on Wednsday.\n"


def _collector_while_checking(monkeypatch: pytest.MonkeyPatch, text: str) -> list[bool]:
    seen: list[bool] = []
    run_all = lint.Linter._run_all

    def spy(self, rules, doc):
        seen.append(gc.isenabled())
        return run_all(self, rules, doc)

    monkeypatch.setattr(lint.Linter, "_run_all", spy)
    lint.Linter(Settings(), "story.txt").check(text)
    return seen


def test_a_big_text_is_checked_with_the_collector_paused(monkeypatch):
    monkeypatch.setattr(lint, "UNCOLLECTED_TEXT", len(STORY))
    assert gc.isenabled()
    assert not any(_collector_while_checking(monkeypatch, STORY))
    assert gc.isenabled()
    assert all(_collector_while_checking(monkeypatch, STORY[:-2] + "\n"))  # one below the size


def test_a_paused_collector_stays_paused(monkeypatch):
    monkeypatch.setattr(lint, "UNCOLLECTED_TEXT", 1)
    gc.disable()
    try:
        lint.Linter(Settings(), "story.txt").check(STORY)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_back_after_a_crash(monkeypatch):
    monkeypatch.setattr(lint, "UNCOLLECTED_TEXT", 1)

    def crash(self, rules, doc):
        raise lint.RuleCrash("boom")

    monkeypatch.setattr(lint.Linter, "_run_all", crash)
    with pytest.raises(lint.RuleCrash):
        lint.Linter(Settings(), "story.txt").check(STORY)
    assert gc.isenabled()


def test_a_big_text_finds_what_it_finds_with_the_collector(monkeypatch):
    linter = lint.Linter(Settings(), "story.txt")
    collected = linter.check(STORY).violations
    monkeypatch.setattr(lint, "UNCOLLECTED_TEXT", 1)
    paused = linter.check(STORY).violations
    assert paused == collected
    assert collected  # a story with something to find


def _source(text: str) -> sources.Source:
    return sources.Source("story.txt", text, "utf-8", b"", "\n", b"")


def test_a_big_text_settles_the_allocator_once_and_reports_the_same(monkeypatch):
    calls: list[tuple[int, int]] = []

    class Libc:
        def mallopt(self, parameter: int, value: int) -> int:
            calls.append((parameter, value))
            return 1

    monkeypatch.setattr(ctypes, "CDLL", lambda name: Libc())
    monkeypatch.setattr(runner, "_allocator_settled", False)
    monkeypatch.setattr(runner.sys, "platform", "linux")
    before = runner.process_text(_source(STORY), Settings(), runner.RunOptions())
    assert calls == []  # a story below the size: the allocator left as it is
    monkeypatch.setattr(runner, "BIG_TEXT", len(STORY))
    big = runner.process_text(_source(STORY), Settings(), runner.RunOptions())
    runner.process_text(_source(STORY), Settings(), runner.RunOptions())
    assert calls == [(-3, runner.MMAP_THRESHOLD), (-1, runner.MMAP_THRESHOLD)]  # once a process
    assert [d.code for d in big.diagnostics] == [d.code for d in before.diagnostics] != []


def test_the_allocator_is_left_alone_without_mallopt(monkeypatch):
    def no_library(name):
        raise OSError("no C library")

    monkeypatch.setattr(ctypes, "CDLL", no_library)
    monkeypatch.setattr(runner, "_allocator_settled", False)
    monkeypatch.setattr(runner.sys, "platform", "linux")
    runner._settle_allocator()  # no error: nothing done
    assert runner._allocator_settled


def test_a_long_text_is_fixed_with_the_collector_paused(monkeypatch):
    """The fixes applied between a long text's passes run paused too, not only its checks, and
    the collector is back afterwards; the fixed text is the same either way."""
    seen: list[bool] = []
    apply = lint.fix_until_stable

    def spy(text, check, required, rank):
        seen.append(gc.isenabled())
        return apply(text, check, required, rank)

    linter = lint.Linter(Settings(), "story.txt")
    collected = linter.fix(STORY).text
    monkeypatch.setattr(lint, "fix_until_stable", spy)
    monkeypatch.setattr(lint, "UNCOLLECTED_TEXT", len(STORY))
    paused = linter.fix(STORY).text
    assert seen == [False] and gc.isenabled()
    assert paused == collected != STORY
    linter.fix(STORY[:-2] + "\n")  # one below the size: the collector left as it is
    assert seen == [False, True]
