"""The Spark recipe of docs/corpus.md (`mapInPandas`, one `newslint.Checker` per partition), run
as written on a local Spark session: every problem it writes is one `--format json` reports for
the same corpus. Skipped where pyspark (with pandas and pyarrow) is not installed: the `spark`
extra installs them, and Spark needs Java 17 or newer."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter

import pytest

from ..conftest import ROOT
from .test_streaming import corpus_lines, write_corpus

pytestmark = pytest.mark.slow
for module in ("pyspark", "pandas", "pyarrow"):
    pytest.importorskip(module, reason=f"{module} is not installed (the spark extra)")


def _recipe() -> str:
    section = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8").split("### The same from Spark", 1)[1]
    [block] = re.findall(r"```python\n(.*?)```", section.split("\n## ", 1)[0], flags=re.DOTALL)
    return block


def test_the_spark_recipe_reports_what_the_cli_reports(run_cli, tmp_path):
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java for Spark")
    records = [json.loads(line) for line in corpus_lines()[:14] if line.startswith(b'{"')]
    records = [{"id": f"r{n}", **{k: v for k, v in r.items() if k != "id"}} for n, r in enumerate(records)]
    write_corpus(tmp_path / "archive.jsonl", [json.dumps(r).encode() for r in records])
    proc = subprocess.run(
        [sys.executable, "-c", _recipe()],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = [
        json.loads(line)
        for part in sorted((tmp_path / "newslint-report").glob("part-*.json"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    code, out, err = run_cli(
        "check", "--jsonl", "archive.jsonl", "--headline-field", "headline", "--format", "json", cwd=tmp_path
    )
    expected = json.loads(out)
    assert code == 1 and len(expected) > 5
    assert Counter(row["item"] for row in rows) == Counter(
        json.dumps(i, ensure_ascii=False) for i in expected
    )
    assert all(
        (row["path"], row["code"], row["line"], row["column"])
        == (item["path"], item["code"], item["start"]["line"], item["start"]["column"])
        for row in rows
        for item in [json.loads(row["item"])]
    )
