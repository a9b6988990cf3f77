"""Type-check the engine and the rules as the packages they install as, with mypy.

mypy names a module after its folder, but `lint/` installs as `newslint` and `rules/` as
`newslint.rules` (package-dir in pyproject.toml), so a plain `mypy lint rules` cannot resolve a
single `newslint.*` import. This script builds a tree of symlinks with the installed layout
(`newslint/<each entry of lint/>`, `newslint/rules -> rules/`) under `.mypy_cache/`, runs mypy on
it with the settings in pyproject.toml (strict on the engine, checked on the rules), and prints
mypy's report with each path mapped back to `lint/` or `rules/`.

    python scripts/typecheck.py            # exit status: mypy's (0 when clean)
    python scripts/typecheck.py --pretty   # other arguments go to mypy
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Inside mypy's own cache folder: ignored by git, and a stable path keeps mypy's cache valid.
TREE = ROOT / ".mypy_cache" / "installed-layout"


def build_tree(root: Path = ROOT, tree: Path = TREE) -> Path:
    """The installed layout of `root` as symlinks under `tree`; returns the `newslint` folder
    (`tree` can go on sys.path: scripts/add_rule.py's test imports a copy of the repository so)."""
    package = tree / "newslint"
    if tree.exists():
        shutil.rmtree(tree)
    package.mkdir(parents=True)
    for entry in sorted((root / "lint").iterdir()):
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    (package / "rules").symlink_to(root / "rules", target_is_directory=True)
    return package


def map_back(line: str, package: Path) -> str:
    """A line of mypy's report with the tree's paths written as the repository's."""
    for tree in (str(package), str(package.relative_to(ROOT))):
        line = line.replace(f"{tree}/rules/", "rules/").replace(f"{tree}/", "lint/")
    return line


def main(argv: list[str]) -> int:
    package = build_tree()
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--config-file",
        str(ROOT / "pyproject.toml"),
        *argv,
        str(package),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    for stream, out in ((done.stdout, sys.stdout), (done.stderr, sys.stderr)):
        for line in stream.splitlines():
            print(map_back(line, package), file=out)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
