"""A parallel run gives the results of a serial one: a clean result sent back bare (its name
alone) is rebuilt the same, and the warm-up before the workers fork (the first task's linter,
its rules' tables, `Rule.prepare`) changes no result."""

from __future__ import annotations

import sys

import pytest

from newslint import runner
from newslint.lint import Linter
from newslint.report import FileResult
from newslint.rule import Rule
from newslint.rules.grammar._base import LanguageToolRule

CLEAN = "Talks resume in Geneva\n\nThe talks resumed on Monday in Geneva.\n"
DIRTY = "Talks resume in Geneva\n\nThe minister said the the talks failed in Gneva.\n"
FIXED_ONLY = "Talks resume in Geneva\n\n<!-- newslint: ignore-next-line NL101 -->\nThe talks resumed.\n"

fork_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers forked on Linux only")


@pytest.fixture(autouse=True)
def _own_collector(monkeypatch):
    """A parallel run settles the process it runs in (`runner._settle`): not the test run's."""
    import gc

    monkeypatch.setattr(runner, "_settled", True)
    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)


def _tasks(tmp_path, count: int = 70) -> list[runner.FileTask | runner.TextTask]:
    tasks: list[runner.FileTask | runner.TextTask] = []
    for i in range(count):
        path = tmp_path / f"story{i:03}.md"
        path.write_text([CLEAN, DIRTY, FIXED_ONLY][i % 3], encoding="utf-8")
        tasks.append(runner.FileTask(str(path), path.name, plain=True))
    latin = tmp_path / "latin.md"  # read with the fallback encoding: a warning, kept
    latin.write_bytes(CLEAN.replace("Geneva.", "Gen\xe8ve.").encode("latin-1"))
    tasks.append(runner.FileTask(str(latin), latin.name, plain=True))
    tasks.append(runner.FileTask(str(tmp_path / "missing.md"), "missing.md"))  # an error
    tasks.insert(3, runner.TextTask("record#1", CLEAN, str(tmp_path / "x.md")))
    tasks.insert(5, runner.TextTask("record#2", DIRTY, str(tmp_path / "x.md")))
    return tasks


@pytest.mark.parametrize("fix", [False, True])
def test_a_parallel_run_without_clean_texts_matches_a_serial_one(tmp_path, fix):
    options = runner.RunOptions(diff=fix)
    tasks = _tasks(tmp_path)
    serial = runner.run_tasks(tasks, runner.ConfigResolver(), options, 1, drop_clean_text=True)
    parallel = runner.run_tasks(tasks, runner.ConfigResolver(), options, 2, drop_clean_text=True)
    assert parallel == serial
    assert any(r.warning for r in serial) and any(r.error for r in serial)
    if not fix:  # only the results with problems keep their texts
        assert [bool(r.text) for r in serial] == [bool(r.diagnostics) for r in serial]


def test_a_run_keeps_every_text_unless_told(tmp_path):
    tasks = _tasks(tmp_path, 66)
    results = runner.run_tasks(tasks, runner.ConfigResolver(), runner.RunOptions(), 2)
    assert all(r.text for r in results if r.error is None and r.warning is None)


def test_a_clean_result_goes_back_bare_and_comes_back_whole(tmp_path, monkeypatch):
    path = tmp_path / "clean.md"
    path.write_text(CLEAN, encoding="utf-8")
    task = runner.FileTask(str(path), "clean.md", plain=True)
    options = runner.RunOptions()
    monkeypatch.setattr(runner, "_worker_state", (runner.ConfigResolver(), options))
    monkeypatch.setattr(runner, "_worker_drops_text", True)
    sent = runner._run_in_worker(task)
    assert sent is False  # its `unsafe_by_config`, no more
    expected = task.run(runner.ConfigResolver(), options)
    runner.let_text_go(expected)
    assert runner._restore(task, sent) == expected == FileResult("clean.md")
    assert runner._restore(task, True) == FileResult("clean.md", unsafe_by_config=True)
    dirty = runner.TextTask("dirty.md", DIRTY, "dirty.md")
    sent = runner._run_in_worker(dirty)
    assert isinstance(sent, FileResult) and sent.diagnostics


@fork_only
def test_the_warm_up_changes_no_result(tmp_path, monkeypatch):
    tasks = _tasks(tmp_path)
    options = runner.RunOptions()
    warmed = runner.run_tasks(tasks, runner.ConfigResolver(), options, 2)
    monkeypatch.setattr(runner, "_warm_up", lambda *args: None)
    cold = runner.run_tasks(tasks, runner.ConfigResolver(), options, 2)
    assert warmed == cold


@fork_only
def test_the_warm_up_builds_the_first_tasks_linter_and_prepares_its_rules(tmp_path, monkeypatch):
    prepared: list[str] = []
    monkeypatch.setattr(Rule, "prepare", lambda self: prepared.append(self.code))
    monkeypatch.setattr(runner, "_LINTERS", {})
    resolver = runner.ConfigResolver()
    task = runner.TextTask("a.md", CLEAN, str(tmp_path / "a.md"))
    runner._warm_up(task, resolver, runner.RunOptions(), many=False)
    assert prepared == [] and len(runner._LINTERS) == 1  # a short run: nothing prepared
    runner._warm_up(task, resolver, runner.RunOptions(), many=True)
    assert prepared and len(runner._LINTERS) == 1  # the same linter, found again


def test_the_warm_up_sends_nothing_to_an_outside_service(tmp_path, monkeypatch):
    checked: list[str] = []
    monkeypatch.setattr(Linter, "violations", lambda self, text: checked.append(text) or [])
    monkeypatch.setattr(runner, "_LINTERS", {})
    task = runner.TextTask("a.md", CLEAN, str(tmp_path / "a.md"))
    server = runner.ConfigResolver(None, {"rules": {"grammar": {"server": "http://127.0.0.1:9"}}})
    runner._warm_up(task, server, runner.RunOptions(), many=True)
    assert checked == []
    runner._warm_up(task, runner.ConfigResolver(), runner.RunOptions(), many=True)
    assert checked == [runner.WARM_UP]
    assert LanguageToolRule.asks_outside and not Rule.asks_outside


def test_the_warm_up_says_nothing_of_a_bad_config(tmp_path):
    (tmp_path / "newslint.toml").write_text("[rules\n", encoding="utf-8")
    task = runner.FileTask(str(tmp_path / "a.md"), "a.md")
    runner._warm_up(task, runner.ConfigResolver(), runner.RunOptions(), many=True)  # no exception


def test_prepared_word_tables_answer_the_same(monkeypatch):
    from newslint.rules.typos import _capitals, _split, _words

    words = ["recieve", "goverment", "thier", "britian", "teh", "news"]

    def answers() -> list[tuple[set[str], tuple[frozenset[str], frozenset[str]]]]:
        return [(_words.listed_edits(w), _capitals.known_one_edit_away.__wrapped__(w)) for w in words]

    before = answers()
    _words.prepare()
    _capitals.prepare()
    _split.prepare()
    assert _words.english().built
    assert answers() == before


@pytest.mark.parametrize("count", [1, 2, 7, 64, 70, 500, 10_657])
@pytest.mark.parametrize("jobs", [2, 3, 8])
def test_a_forked_runs_batches_take_every_task_once_in_order_smaller_at_the_end(count, jobs):
    most = max(1, min(64, count // (jobs * 8)))
    found = runner.batches(count, jobs, most)
    assert [i for batch in found for i in batch] == list(range(count))
    sizes = [len(batch) for batch in found]
    assert all(1 <= size <= most for size in sizes) and sizes == sorted(sizes, reverse=True)
    assert sizes[-1] == 1 and all(batch.step == 1 for batch in found)


class _WhereTask(runner.TextTask):
    """A task whose result names the process that checked it (in its warning)."""

    def run(self, resolver: runner.ConfigResolver, options: runner.RunOptions) -> FileResult:
        import os
        import time

        time.sleep(0.005)  # long enough that every process takes batches
        return FileResult(self.display, warning=str(os.getpid()))


@fork_only
def test_a_forked_run_checks_in_this_process_too_and_keeps_the_order(tmp_path, monkeypatch):
    import os

    monkeypatch.setattr(runner, "_warm_up", lambda *args: None)
    tasks = [_WhereTask(f"s{i}", CLEAN, str(tmp_path / "x.md")) for i in range(120)]
    for jobs in (2, 3):
        results = runner.run_tasks(tasks, runner.ConfigResolver(), runner.RunOptions(), jobs)
        assert [r.path for r in results] == [t.display for t in tasks]
        where = {r.warning for r in results}
        assert str(os.getpid()) in where and len(where) <= jobs
    assert runner._forked_tasks == () and runner._worker_state is None


class _FailingTask(runner.TextTask):
    """A task that fails in a forked worker: raises, or ends the worker's process."""

    def run(self, resolver: runner.ConfigResolver, options: runner.RunOptions) -> FileResult:
        import os
        import time

        if os.getpid() != int(self.anchor):
            if self.text == "exit":
                os._exit(3)
            raise ValueError(f"failed in a worker: {self.display}")
        time.sleep(0.002)  # long enough that the worker takes batches
        return FileResult(self.display)


@fork_only
@pytest.mark.parametrize("how", ["raise", "exit"])
def test_a_forked_workers_failure_is_raised_in_this_process_not_waited_for(monkeypatch, how):
    import os

    monkeypatch.setattr(runner, "_warm_up", lambda *args: None)
    forked: list[int] = []
    fork = os.fork

    def recorded_fork() -> int:
        process = fork()
        if process:
            forked.append(process)
        return process

    monkeypatch.setattr(os, "fork", recorded_fork)
    tasks = [_FailingTask(f"s{i}", how, str(os.getpid())) for i in range(200)]
    seen: list[FileResult] = []
    with pytest.raises(ValueError if how == "raise" else RuntimeError):
        runner.run_tasks(tasks, runner.ConfigResolver(), runner.RunOptions(), 2, on_result=seen.append)
    assert [r.path for r in seen] == [t.display for t in tasks[: len(seen)]]  # in order, up to the failure
    assert runner._forked_tasks == () and runner._worker_state is None
    assert len(forked) == 1
    for process in forked:  # ended and waited for: no process left behind
        with pytest.raises(ChildProcessError):
            os.waitpid(process, os.WNOHANG)


def test_a_run_without_fork_uses_a_pool_of_workers_and_gives_the_same_results(tmp_path, monkeypatch):
    import multiprocessing

    tasks = _tasks(tmp_path)
    options = runner.RunOptions()
    serial = runner.run_tasks(tasks, runner.ConfigResolver(), options, 1, drop_clean_text=True)
    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: spawn)
    monkeypatch.setattr(runner, "FORK", False)
    seen: list[FileResult] = []
    spawned = runner.run_tasks(tasks, runner.ConfigResolver(), options, 2, seen.append, drop_clean_text=True)
    assert spawned == serial == seen


class _BigTask(runner.TextTask):
    """A task whose result is larger than a worker's pipe (`runner.PIPE_SIZE`)."""

    def run(self, resolver: runner.ConfigResolver, options: runner.RunOptions) -> FileResult:
        return FileResult(self.display, warning=self.display * (3 << 20 // len(self.display)))


@fork_only
def test_a_forked_workers_results_larger_than_its_pipe_come_back_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "_warm_up", lambda *args: None)
    tasks = [_BigTask(f"story{i:02}", "", str(tmp_path / "x.md")) for i in range(12)]
    results = runner.run_tasks(tasks, runner.ConfigResolver(), runner.RunOptions(), 2)
    assert results == [task.run(runner.ConfigResolver(), runner.RunOptions()) for task in tasks]


class _FinalizingTask(runner.TextTask):
    """A task that leaves a multiprocessing finalizer in the process that runs it (as a local
    LanguageTool server does, `rules.grammar._backend`), which writes its process id to a file."""

    def run(self, resolver: runner.ConfigResolver, options: runner.RunOptions) -> FileResult:
        import os
        import time
        from multiprocessing import util

        folder = self.anchor
        util.Finalize(None, _write_pid, args=(folder, "worker"), exitpriority=10)
        time.sleep(0.005)  # long enough that every process takes batches
        return FileResult(self.display, warning=str(os.getpid()))


def _write_pid(folder: str, who: str) -> None:
    import os

    with open(os.path.join(folder, f"{who}-{os.getpid()}"), "w", encoding="utf-8") as out:
        out.write(who)


@fork_only
def test_a_forked_worker_runs_its_own_multiprocessing_finalizers_not_this_process(tmp_path, monkeypatch):
    import os
    from multiprocessing import util

    monkeypatch.setattr(runner, "_warm_up", lambda *args: None)
    mine = util.Finalize(None, _write_pid, args=(str(tmp_path), "parent"), exitpriority=10)
    try:
        tasks = [_FinalizingTask(f"s{i}", CLEAN, str(tmp_path)) for i in range(60)]
        results = runner.run_tasks(tasks, runner.ConfigResolver(), runner.RunOptions(), 2)
        workers = {r.warning for r in results} - {str(os.getpid())}
        assert workers  # a worker checked some of them
        written = sorted(p.name for p in tmp_path.iterdir())
        assert written == sorted(f"worker-{pid}" for pid in workers)  # the parent's finalizer not run there
    finally:
        mine.cancel()
        for _, finalizer in list(util._finalizer_registry.items()):  # this process's, from its own batches
            finalizer.cancel()


@fork_only
def test_a_forked_worker_writes_nothing_this_process_had_not_flushed(tmp_path):
    import subprocess

    script = (
        "import sys\n"
        "from newslint import runner\n"
        "from newslint.report import FileResult\n"
        "class T(runner.TextTask):\n"
        "    def run(self, resolver, options):\n"
        "        return FileResult(self.display)\n"
        "sys.stdout.write('before the fork\\n')\n"
        "tasks = [T(f's{i}', '', 'x.md') for i in range(80)]\n"
        "runner._warm_up = lambda *args: None\n"
        "assert len(runner.run_tasks(tasks, runner.ConfigResolver(), runner.RunOptions(), 3)) == 80\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout == "before the fork\n"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_path_alone_is_the_task_of_its_plain_file(tmp_path, jobs):
    """A walked plain file whose name is shown as it is goes as its path alone (`runner.Task`):
    its result is the one its `FileTask` gives, in one process or in several."""
    options = runner.RunOptions(diff=True)
    tasks = _tasks(tmp_path)
    whole = [t for t in tasks if isinstance(t, runner.FileTask) and t.plain]
    for task in whole:
        task.display = task.path
    bare = [t.path if isinstance(t, runner.FileTask) and t.plain else t for t in tasks]
    assert sum(isinstance(t, str) for t in bare) == len(whole) > 60
    expected = runner.run_tasks(tasks, runner.ConfigResolver(), options, 1, drop_clean_text=True)
    got = runner.run_tasks(bare, runner.ConfigResolver(), options, jobs, drop_clean_text=True)
    assert got == expected
    assert {r.path for r in got} >= {t for t in bare if isinstance(t, str)}
