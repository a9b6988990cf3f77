"""Hostile inputs, and a measure of the time and peak memory newslint takes on each.

Used by tests/test_pathological.py (slow tests that hold the bounds of docs/reliability.md) and
runnable on its own to print the table in that document:

    python tests/pathological.py [--size 1000000] [--fix] [CASE ...]

Each case makes one story of about `size` bytes shaped to hurt a rule or the engine: one long
word, no spaces, punctuation only, one line, a pasted hash or base64 block, runs of quotes,
entities, tags, digits, markup openers that never close, and so on. `measure` runs the real CLI
in a child process and reads the child's peak resident memory and CPU time from `os.wait4`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HEAD = "Troops enter town\n\nThe troops entered the town "


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _random_letters(size: int, alphabet: str) -> str:
    rng = random.Random(size)
    return "".join(rng.choices(alphabet, k=size))


def _prose(size: int) -> str:
    rng = random.Random(7)
    words = (
        "the minister said talks failed on Monday after rebels agreed to a truce in Geneva "
        "while officials in Washington and Moscow said 450,000 people had fled the fighting"
    ).split()
    out, total = [], 0
    while total < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 20))).capitalize() + "."
        out.append(sentence)
        total += len(sentence) + 1
    return " ".join(out)


# name -> (what it is, maker of about `size` characters)
CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "one-word": ("one lowercase word ('abab...')", lambda n: _repeat("ab", n)),
    "one-word-in-story": (
        "one long word inside a story",
        lambda n: HEAD + _repeat("ab", n) + " on Monday.\n",
    ),
    "one-capitalised-word": ("'Abab...' opening a sentence", lambda n: "Hi\n\n" + "A" + _repeat("ba", n)),
    "one-upper-word": ("one word in capitals", lambda n: _repeat("AB", n)),
    "one-word-apostrophes": ("a word with an apostrophe every few letters", lambda n: _repeat("abc'", n)),
    "hyphen-chain": ("a-b-c-... one hyphenated word", lambda n: _repeat("ab-", n)),
    "no-spaces-mixed": (
        "letters, digits and punctuation, no spaces",
        lambda n: _random_letters(n, "abcdefghijklmnopqrstuvwxyzABCDEFG0123456789.,;:-'\"!?()"),
    ),
    "no-spaces-letters-punct": (
        "letters and sentence punctuation, no spaces",
        lambda n: _random_letters(n, "abcdefghij.,'-"),
    ),
    "punctuation-only": ("punctuation only", lambda n: _random_letters(n, ".,;:!?-'\"()[]{}<>/&%$#@*")),
    "dots": ("full stops only", lambda n: "." * n),
    "ellipses-and-spaces": ("'. . . ' repeated", lambda n: _repeat(". ", n)),
    "hyphens": ("hyphens only", lambda n: "-" * n),
    "straight-quotes": ("straight double quotes only", lambda n: '"' * n),
    "curly-quotes": ("alternating curly quotes", lambda n: _repeat("\u201c\u201d", n)),
    "apostrophes": ("straight apostrophes only", lambda n: "'" * n),
    "quote-words": ("'\"a\" ' repeated: a quotation per word", lambda n: _repeat('"a" ', n)),
    "open-quotes": ("opening quotes that never close, with words", lambda n: _repeat("\u201cword ", n)),
    "one-line-prose": ("prose on one line, no line break", _prose),
    "prose-paragraphs": ("prose in short paragraphs", lambda n: _prose(n).replace(". ", ".\n\n")),
    "sentences-of-one-word": ("'Word. ' repeated", lambda n: _repeat("Word. ", n)),
    "doubled-words": ("'the the ' repeated", lambda n: _repeat("the ", n)),
    "same-line-repeated": ("the same paragraph repeated", lambda n: _repeat("Rebels took the town.\n\n", n)),
    "headline-lines": ("a short line, then blank, repeated", lambda n: _repeat("Troops enter town\n\n", n)),
    "newlines": ("line feeds only", lambda n: "\n" * n),
    "crlf": ("CRLF only", lambda n: "\r\n" * (n // 2)),
    "cr-mixed": ("mixed CR, LF and CRLF with words", lambda n: _repeat("a\rb\nc\r\n", n)),
    "spaces": ("spaces only", lambda n: " " * n),
    "double-spaces": ("'a  ' repeated", lambda n: _repeat("a  ", n)),
    "tabs": ("'a\\t' repeated", lambda n: _repeat("a\t", n)),
    "nbsp": ("no-break spaces between words", lambda n: _repeat("word\u00a0", n)),
    "zero-width": ("zero-width characters between letters", lambda n: _repeat("a\u200b", n)),
    "zwj-emoji": ("emoji joined by ZWJ", lambda n: _repeat("\U0001f468\u200d", n // 4)),
    "combining": ("a letter with many combining marks", lambda n: "a" + "\u0301" * n),
    "entities": ("'&amp;' repeated", lambda n: _repeat("&amp;", n)),
    "numeric-entities": ("'&#233;' repeated", lambda n: _repeat("&#233;", n)),
    "broken-entities": ("'&amp' without semicolons", lambda n: _repeat("&amp", n)),
    "tags": ("'<p>' repeated", lambda n: _repeat("<p>", n)),
    "unclosed-tag": ("'<a href=' then letters", lambda n: "<a href=" + _repeat("x", n)),
    "mojibake": ("'Ã©' repeated", lambda n: _repeat("Ã©", n)),
    "digits": ("digits only", lambda n: _repeat("1234567890", n)),
    "european-numbers": ("'450.000 ' repeated", lambda n: _repeat("450.000 ", n)),
    "grouped-number": ("one number with a thousands separator every 3 digits", lambda n: _repeat("000,", n)),
    "dotted-number": ("one number with a dot every 3 digits", lambda n: _repeat("000.", n)),
    "times": ("'5pm 6 p.m. ' repeated", lambda n: _repeat("5pm 6 p.m. ", n)),
    "percent": ("'5% 5 per cent ' repeated", lambda n: _repeat("5% 5 per cent ", n)),
    "hex-hashes": (
        "sha256 hashes separated by spaces",
        lambda n: " ".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(n // 65 + 1))[:n],
    ),
    "base64": (
        "one base64 block",
        lambda n: base64.b64encode(random.Random(1).randbytes(n * 3 // 4)).decode(),
    ),
    "url": (
        "one URL without spaces",
        lambda n: "https://example.com/" + _repeat("segment/", n),
    ),
    "markdown-fence": ("a code fence that never closes", lambda n: "```\n" + _repeat("code ", n)),
    "markdown-backticks": ("backticks only", lambda n: "`" * n),
    "markdown-brackets": ("'[' repeated", lambda n: "[" * n),
    "html-comment": ("an HTML comment that never closes", lambda n: "<!--" + _repeat("x ", n)),
    "suppressions": (
        "suppression comments repeated",
        lambda n: _repeat("<!-- newslint: disable NL101 -->\n", n),
    ),
    "sic": ("'word [sic] ' repeated", lambda n: _repeat("wrod [sic] ", n)),
    "tickers": ("'<ABC.N> ' repeated", lambda n: _repeat("<ABC.N> ", n)),
    "names": (
        "many different capitalised names",
        lambda n: " ".join(f"Name{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}x" for i in range(n // 8))[:n],
    ),
    "name-variants": (
        "names one letter apart",
        lambda n: " ".join("Rin" + "".join(random.Random(i).choices("aeiou", k=4)) for i in range(n // 9)),
    ),
}


@dataclass(frozen=True)
class Measure:
    code: int
    stdout: bytes
    stderr: bytes
    wall: float  # seconds
    cpu: float  # user + system seconds of the child (and any workers it waited for)
    peak_mb: float  # peak resident memory of the child, MB
    timed_out: bool


def measure(
    args: list[str], cwd: Path, timeout: float = 120.0, stdin: bytes | None = None, memory_mb: int = 3000
) -> Measure:
    """Run `python -m newslint ARGS` in a child and measure it with os.wait4 (no /usr/bin/time).
    The child's address space is capped at `memory_mb`, so a runaway case fails alone instead of
    taking the machine down."""
    import resource

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as inp:
        if stdin is not None:
            inp.write(stdin)
            inp.seek(0)
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "newslint", *args],
            stdin=inp,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env={**os.environ, "NO_COLOR": "1"},
            preexec_fn=cap,
        )
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                timed_out = True
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measure(
            proc.returncode,
            out.read(),
            err.read(),
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,
            timed_out,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", default=sorted(CASES))
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--fix", action="store_true", help="check with --fix --unsafe-fixes")
    parser.add_argument("--timeout", type=float, default=120.0)
    options = parser.parse_args()
    extra = ["--fix", "--unsafe-fixes"] if options.fix else []
    limit = ["--config", "newslint.toml"]
    print("| case | input | exit | wall s | CPU s | peak MB |\n|---|---|---|---|---|---|")
    for name in options.cases:
        what, make = CASES[name]
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "newslint.toml").write_text(f"max-file-size = {max(options.size * 4, 10 << 20)}\n")
            (folder / "story.txt").write_text(make(options.size), encoding="utf-8")
            m = measure(["check", "--quiet", *limit, *extra, "story.txt"], folder, options.timeout)
        code = "timeout" if m.timed_out else str(m.code)
        print(f"| {name} | {what} | {code} | {m.wall:.1f} | {m.cpu:.1f} | {m.peak_mb:.0f} |", flush=True)


if __name__ == "__main__":
    main()
