"""What the data build scripts share: a manifest of what each build read and wrote, and `--check`,
which rebuilds into a temporary folder and compares byte for byte with the shipped files (the
model is typos' codegen/verify).

The manifest, `BUILD-MANIFEST.toml` in the data folder, is itself an output: it records every
input (its path, where it comes from, its sha256) and every output (its sha256). So `--check`
finds a changed input, a changed frequency list, a changed script and a hand-edited output alike,
and names the files that differ.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = "BUILD-MANIFEST.toml"


@dataclass(frozen=True)
class Input:
    path: str  # as shown in the manifest: "scowl/american-english-large" (under ../shared/data)
    file: Path  # where it was read
    source: str  # what it is and which version


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def package_input(given: Path | None, distribution: str, module: str, relative: str, what: str) -> Input:
    """An input file: `given` (a command-line path), or `relative` inside the installed `module`
    (from `distribution`, a build-time dependency the `test` extra pins), recorded with its version."""
    if given is not None:
        return Input(str(given), given, f"{what} given on the command line")
    try:
        package = importlib.import_module(module)
    except ImportError:
        sys.exit(f"error: the {what} comes from {distribution}: pip install it at the version pyproject pins")
    version = metadata.version(distribution)
    return Input(
        f"{distribution}=={version}:{module}/{relative}",
        Path(package.__file__ or "").parent / relative,
        f"{distribution} {version}: {what}",
    )


def write_manifest(
    out: Path, script: str, inputs: list[Input], outputs: list[str], name: str = MANIFEST
) -> None:
    """`out/<name>` (BUILD-MANIFEST.toml unless two builds share a folder): the inputs and
    outputs of this build, with their checksums."""
    lines = [
        f"# Written by {script}; do not edit. `python {script} --check`",
        "# rebuilds the outputs from the inputs and compares them byte for byte with the shipped ones.",
        "# An input path is under ../shared/data, in this repository, or in a package (name==version:path).",
        f'script = "{script}"',
    ]
    for i in inputs:
        lines += [
            "",
            "[[input]]",
            f'path = "{i.path}"',
            f'source = "{i.source}"',
            f'sha256 = "{sha256(i.file)}"',
        ]
    for output in outputs:
        lines += ["", "[[output]]", f'path = "{output}"', f'sha256 = "{sha256(out / output)}"']
    (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def arguments(description: str | None) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument(
        "--shared",
        type=Path,
        default=Path(os.environ.get("NEWSLINT_SHARED", ROOT.parent / "shared")),
        help="the folder holding data/ (default: $NEWSLINT_SHARED, else ../shared)",
    )
    ap.add_argument(
        "--check",
        action="store_true",
        help="rebuild into a temporary folder and compare with the shipped files; write nothing",
    )
    return ap


def run(build: Callable[[Path], list[str]], out: Path, check: bool, shared: Path | None) -> int:
    """Build into `out`, or with `check` into a temporary folder compared with `out`. `build`
    writes its outputs (the manifest included) into the folder it is given and returns their names.
    `shared` is the folder of the inputs under ../shared, None for a build that reads none."""
    if shared is not None and not (shared / "data").is_dir():
        print(f"error: the build inputs are not at {shared / 'data'} (give --shared)", file=sys.stderr)
        return 2
    if not check:
        out.mkdir(parents=True, exist_ok=True)
        build(out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        names = build(Path(tmp))
        differ = [name for name in names if not _same(Path(tmp) / name, out / name)]
        for name in differ:
            where = _first_difference(Path(tmp) / name, out / name)
            print(f"{_shown(out / name)}: differs from a rebuild{where}")
    if differ:
        print(f"{len(differ)} of {len(names)} files differ: rebuild them with the script (without --check)")
        return 1
    print(f"{len(names)} files in {_shown(out)} are as the build makes them")
    return 0


def copy_notice(source: Path, target: Path) -> None:
    shutil.copy(source, target)
    target.chmod(0o644)  # the inputs are read-only; the shipped copies are ordinary files


def _same(a: Path, b: Path) -> bool:
    return b.is_file() and a.read_bytes() == b.read_bytes()


def _first_difference(rebuilt: Path, shipped: Path) -> str:
    if not shipped.is_file():
        return " (not shipped)"
    new = rebuilt.read_text(encoding="utf-8", errors="replace").splitlines()
    old = shipped.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in difflib.unified_diff(old, new, lineterm="", n=0):
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++")):
            return f" (first difference: {line[:100]!r})"
    return " (line endings or the final newline)"


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
