"""The real-error gold set (`tests/data/real_errors.tsv`, made and explained by
`benchmarks/real_errors.py`): every word-level report of newslint, codespell and typos over BBC
and AG News whole and a seeded sample of Reuters, read in its sentence and judged error or not.

The slow tests hold newslint's NL1 precision and recall per corpus at issue 14's targets (95%,
measured figures beside FLOORS), and fail on any newslint report the gold set does not
hold: a rule change that reports new words must have them read first (`python
benchmarks/real_errors.py --unjudged read.tsv`, give each row its verdict, then `--merge
read.tsv`). Skipped when the corpora are not beside the checkout (`../shared`, or
NEWSLINT_SHARED).
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT, SHARED


def _load():
    spec = importlib.util.spec_from_file_location("real_errors", ROOT / "benchmarks" / "real_errors.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["real_errors"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


real_errors = _load()
Hit, Row = real_errors.Hit, real_errors.Row

# Measured 2026-12-03 (`python benchmarks/real_errors.py`; right/reports, found/pooled errors):
# BBC 81/83 and 81/99, Reuters 337/339 and 337/372, AG News 54/56 and 54/62. Re-measured after
# NL101 judged lowercase sentences locally and reported two-slip words and capitalised clear
# slips: BBC 90/92 and 90/104, Reuters 354/356 and 354/383, AG News 56/58 and 56/62. After the
# rare-word slip (2026-12-03 23:00): BBC 99.0% and 102/107 (95.3%), Reuters 99.7% and 96.9%,
# AG News 98.4% and 96.8%. The floors are now issue 14's targets, 95% both ways on every
# corpus: one BBC error lost fails the test, as it should.
FLOORS = {
    "bbc": {"precision": 0.95, "recall": 0.95},
    "reuters": {"precision": 0.95, "recall": 0.95},
    "ag_news": {"precision": 0.95, "recall": 0.95},
}
HINT = (
    "read them: `python benchmarks/real_errors.py --unjudged read.tsv`, give each row a verdict, "
    "then `python benchmarks/real_errors.py --merge read.tsv`"
)


# --- the gold set itself (fast) --------------------------------------------------------------
def test_every_gold_row_has_a_verdict_a_correction_and_a_reason():
    rows = real_errors.read_gold()
    assert len(rows) > 700
    bad = [
        r
        for r in rows
        if r.corpus not in real_errors.CORPORA
        or r.verdict not in real_errors.VERDICTS
        or not r.why.strip()
        or not r.correction.strip()
        or not r.word.strip()
    ]
    assert not bad, "\n".join(r.line() for r in bad[:20])


def test_each_span_is_read_once():
    keys = [(r.corpus, r.id, r.offset) for r in real_errors.read_gold()]
    assert len(keys) == len(set(keys))


def test_the_gold_set_holds_words_and_a_few_words_of_context_only():
    """No corpus text beyond a few words around each span."""
    long = [r for r in real_errors.read_gold() if len(r.word.split()) > 3 or len(r.context) > 100]
    assert not long, "\n".join(r.line() for r in long[:10])
    unmarked = [r for r in real_errors.read_gold() if f"[[{r.word}]]" not in r.context]
    assert not unmarked, "\n".join(r.line() for r in unmarked[:10])


def test_each_corpus_has_both_verdicts_in_number():
    rows = real_errors.read_gold()
    for corpus in real_errors.CORPORA:
        verdicts = [r.verdict for r in rows if r.corpus == corpus]
        assert verdicts.count("error") >= 50 and verdicts.count("not-error") >= 50, corpus


# --- scoring (fast) -----------------------------------------------------------------------
def _row(offset: int, word: str, verdict: str, story: str = "s1") -> Row:
    return Row("bbc", story, offset, word, word, verdict, "why")


def test_a_report_counts_against_the_rows_its_span_overlaps():
    gold = real_errors.rows_by_story(
        [_row(10, "reigme", "error"), _row(30, "Corus", "not-error"), _row(50, "the", "error")], "bbc"
    )
    hits = [
        Hit("t", "bbc", "s1", 10, 16, "reigme"),  # the row's span: right
        Hit("t", "bbc", "s1", 29, 35, " Corus"),  # cut differently, overlapping: wrong
        Hit("t", "bbc", "s1", 70, 75, "other"),  # no row: unjudged, in neither figure
    ]
    s = real_errors.score(hits, gold, ["s1"])
    assert (s.right, s.wrong, len(s.unjudged)) == (1, 1, 1)
    assert (s.found, s.errors) == (1, 2)  # the doubled 'the' at 50 is a pooled error it missed
    assert s.precision == 0.5 and s.recall == 0.5


def test_errors_of_stories_outside_the_sample_are_not_counted():
    gold = real_errors.rows_by_story(
        [_row(10, "reigme", "error", "s1"), _row(5, "teh", "error", "s2")], "bbc"
    )
    s = real_errors.score([Hit("t", "bbc", "s1", 10, 16, "reigme")], gold, ["s1"])
    assert (s.found, s.errors) == (1, 1)


def test_wilson_interval():
    lo, hi = real_errors.wilson(45, 53)
    assert 0.72 < lo < 0.74 and 0.92 < hi < 0.93
    assert real_errors.wilson(0, 0) == (0.0, 1.0)
    assert real_errors.wilson(10, 10)[1] == 1.0


def test_merge_adds_only_rows_with_a_verdict(tmp_path):
    gold = tmp_path / "gold.tsv"
    real_errors.write_gold([_row(10, "reigme", "error")], gold)
    read = tmp_path / "read.tsv"
    read.write_text(
        real_errors.HEADER
        + "\n"
        + "\t".join(("bbc", "s1", "40", "teh", "the", "error", "a misspelling", "x [[teh]] y", "NL101"))
        + "\n"
        + "\t".join(("bbc", "s1", "60", "Gere", "Gere", "unread", "", "x [[Gere]] y"))
        + "\n"
        + "\t".join(("bbc", "s1", "10", "reigme", "regime", "error", "again", "x"))
        + "\n",
        encoding="utf-8",
    )
    assert real_errors.merge(read, gold) == 1
    assert [(r.offset, r.word) for r in real_errors.read_gold(gold)] == [(10, "reigme"), (40, "teh")]


def test_the_script_says_so_when_the_corpora_are_absent(tmp_path, capsys):
    assert real_errors.main(["--shared", str(tmp_path)]) == 0
    assert "the corpora are not at" in capsys.readouterr().out


@pytest.mark.skipif(real_errors.tool_exe("typos") is None, reason="typos is not installed (bench extra)")
def test_typos_reports_map_to_character_offsets(tmp_path):
    """typos gives a byte offset in its line: after a pound sign (two bytes) the character
    offset is one less."""
    text = "Head\n\nIt cost £5 and teh rest.\n"
    hits = real_errors.typos_hits("bbc", {"s1": text}, tmp_path)
    assert [(h.start, h.word) for h in hits] == [(text.index("teh"), "teh")]


@pytest.mark.skipif(real_errors.tool_exe("codespell") is None, reason="codespell is not installed")
def test_codespell_reports_map_to_each_occurrence(tmp_path):
    """codespell names the line only: its n-th report of a word there is the n-th occurrence."""
    text = "Head\n\nThe teh and teh.\nOnce more teh.\n"
    hits = real_errors.codespell_hits("bbc", {"s1": text}, tmp_path)
    starts = [i for i in range(len(text)) if text.startswith("teh", i)]
    assert sorted(h.start for h in hits) == starts


# --- the held figures (slow) ------------------------------------------------------------
@pytest.fixture(scope="module")
def measured():
    if not real_errors.corpora_present(SHARED):
        pytest.skip(f"the corpora are not at {SHARED / 'corpora'}")
    rows = real_errors.read_gold()
    found = {}
    for corpus in real_errors.CORPORA:
        p = real_errors.pool(SHARED, corpus, tools=("newslint",))
        found[corpus] = (p, real_errors.scores(p, rows)["newslint"])
    return found


def _listed(hits) -> str:
    return "\n".join(
        f"  {h.corpus} {h.id} {h.start} {h.code} {h.word!r} -> {h.suggestion!r}" for h in hits[:30]
    )


@pytest.mark.slow
def test_every_newslint_report_in_the_sample_is_judged(measured):
    unjudged = [h for _, s in measured.values() for h in s.unjudged]
    assert not unjudged, f"{len(unjudged)} unjudged newslint reports ({HINT}):\n{_listed(unjudged)}"


@pytest.mark.slow
@pytest.mark.parametrize("corpus", real_errors.CORPORA)
def test_newslint_precision_and_recall_hold(measured, corpus):
    _, s = measured[corpus]
    floor = FLOORS[corpus]
    assert s.precision >= floor["precision"], (
        f"{corpus}: NL1 precision {s.right}/{s.right + s.wrong} = {s.precision:.1%}, "
        f"floor {floor['precision']:.0%}"
    )
    assert s.recall >= floor["recall"], (
        f"{corpus}: NL1 recall of pooled errors {s.found}/{s.errors} = {s.recall:.1%}, "
        f"floor {floor['recall']:.0%}"
    )


@pytest.mark.slow
def test_gold_words_are_the_story_text_at_their_offsets(measured):
    rows = real_errors.read_gold()
    outside = [r for r in rows if r.id not in measured[r.corpus][0].stories]
    assert not outside, "rows of stories outside the sample:\n" + "\n".join(r.line() for r in outside[:10])
    wrong = [
        r
        for r in rows
        if " ".join(measured[r.corpus][0].stories[r.id][r.offset : r.end].split()) != " ".join(r.word.split())
    ]
    assert not wrong, "\n".join(r.line() for r in wrong[:10])


def test_halves_split_by_the_number_that_ends_the_id():
    assert real_errors.in_half("reuters-10148", "even") and not real_errors.in_half("reuters-10148", "odd")
    assert real_errors.in_half("bbc-tech-401", "odd") and real_errors.in_half("bbc-tech-401", None)
    assert not real_errors.in_half("no-number", "even")


def test_a_suggestion_is_right_when_it_writes_the_correction():
    teh = Row("bbc", "s1", 10, "teh", "the", "error", "why")
    assert real_errors._suggests(Hit("t", "bbc", "s1", 10, 13, "teh", "the"), teh)
    assert not real_errors._suggests(Hit("t", "bbc", "s1", 10, 13, "teh", "ten"), teh)
    doubled = Row("bbc", "s1", 20, "the", "(delete)", "error", "why")
    assert real_errors._suggests(Hit("t", "bbc", "s1", 20, 23, "the", ""), doubled)
    assert real_errors._suggests(Hit("t", "bbc", "s1", 20, 23, "the", "the"), doubled)  # the first copy goes
    # a report of part of the row's span: the rest of the row is kept around its suggestion
    joined = Row("bbc", "s1", 30, "inthe", "in the", "error", "why")
    assert real_errors._suggests(Hit("t", "bbc", "s1", 30, 35, "inthe", "in the"), joined)
    wider = Row("bbc", "s1", 40, "Serivces Corp", "Services Corp", "error", "why")
    assert real_errors._suggests(Hit("t", "bbc", "s1", 40, 48, "Serivces", "Services"), wider)
    split = Row("bbc", "s1", 60, "dea l", "deal", "error", "why")
    assert not real_errors._suggests(Hit("t", "bbc", "s1", 60, 63, "dea", "deal"), split)  # "deal l"
