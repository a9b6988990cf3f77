"""NL304 boilerplate-line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from newslint.document import Document
from newslint.native import native
from newslint.rule import NOTHING, Rule
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# Whole lines that are page furniture, never story text (compared case-insensitively, trimmed).
_EXACT = frozenset(
    line.casefold()
    for line in (
        "Advertisement",
        "Skip advertisement",
        "Story continues below advertisement",
        "Continue reading",
        "Continue reading below",
        "Read more",
        "Read more:",
        "Share this article",
        "Share this",
        "Share",
        "Click here",
        "Click here to subscribe",
        "Subscribe",
        "Listen to this article",
        "Loading...",
        "Loading…",
        "Related:",
        "Related coverage",
        "Related content",
        "Reuse this content",
        "Explore more on these topics",
        "Sign up for our newsletter",
        "Most read",
        "Image caption",
        "Media caption",
        "Image source",
        "Getty Images",
        "Publicidad",
        "Advertisement - scroll to continue",
        "Share on Facebook",
        "Share on Twitter",
        "Share on X",
        "Share on LinkedIn",
        "Share on WhatsApp",
        "Share on Reddit",
        "Share on Pinterest",
        "Share via Email",
        "Share by email",
        "Copy link",
    )
)
_MINUTES = re.compile(r"^\d{1,2} min(?:ute)?s? read$", re.IGNORECASE)
# Lines that are probably furniture but carry other text: a person decides.
_LIKELY = re.compile(
    r"^(?:read more|related|related coverage|see also|more on this story)\s*:.{0,120}$"
    r"|^(?:sign up for|subscribe to|follow us on|click here)\b.{0,100}$"
    r"|^(?:file photo:|file -|image caption,|media caption,|image source,|photograph:|photo:)"
    r"|^(?:copyright|©)\s*(?:\(c\)\s*)?\d{4}\b|^this material may not be published\b"
    r"|\((?:AP|AFP|Reuters) Photo/[^)]*\)\s*$|^REUTERS/[A-Z][\w .'-]*(?:/File Photo)?\s*$",
    re.IGNORECASE,
)

# One scan of the story for lines that could be furniture: the openings of everything above.
# The pattern starts with a newline, which `re` searches for fast; the first line is matched apart.
# Sorted: a set's order changes from process to process, and the pattern with it (compiled
# again on every start instead of served by the command's pattern cache, lint/_re_cache.py).
_OPENING_TEXTS = (
    *sorted(_EXACT),
    *("read more", "related", "see also", "more on this story", "sign up for", "subscribe to"),
    *("follow us on", "click here", "file photo:", "file -", "image caption,", "media caption,"),
    *("image source,", "photograph:", "photo:", "REUTERS/", "copyright", "©"),
    "this material may not be published",
)
_ALTERNATIVES = "|".join(  # the lines of `_EXACT`, minutes read ("4 min read"), the rest
    [
        *(re.escape(line) for line in sorted(_EXACT)),
        r"\d{1,2} min",
        *map(re.escape, _OPENING_TEXTS[len(_EXACT) :]),
    ]
)
_OPENINGS = rf"[^\S\n]*(?:{_ALTERNATIVES})"
_FIRST_LINE = re.compile(_OPENINGS, re.IGNORECASE)
# `\n` + _OPENINGS, the first character of an opening looked at before its fifty alternatives are
# tried one by one: most lines open with none of them (tests/test_fast_patterns.py checks they agree).
_OPENING_FIRSTS = "".join(re.escape(c) for c in sorted({opening[0] for opening in _OPENING_TEXTS})) + r"\d"
_LINE = re.compile(rf"\n[^\S\n]*(?=[{_OPENING_FIRSTS}])(?:{_ALTERNATIVES})", re.IGNORECASE)


def _shortest_first(texts: Iterable[str]) -> list[str]:
    """The texts that no other of them begins (`share`, not `share this`), sorted."""
    kept: list[str] = []
    # A text sorts before those it begins, and every text between them begins with it too (so
    # is not kept): a text begun by a kept one is begun by the last kept. (Each text tested
    # against every kept one was some 2,000 calls of `startswith` at every start.)
    for text in sorted(set(texts)):
        if not kept or not text.startswith(kept[-1]):
            kept.append(text)
    return kept


def _tree_pattern(texts: Iterable[str]) -> str:
    """A pattern of `texts` (each literal) as a tree of their characters: the alternatives that
    share a start share its test, so a line is tried against the few that begin as it does, not
    each of the fifty in turn. It matches where one of the texts does."""
    tree: dict[str, dict] = {}
    for text in texts:
        node = tree
        for char in text:
            node = node.setdefault(char, {})

    def pattern(node: dict[str, dict]) -> str:
        parts = [re.escape(char) + pattern(child) for char, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})" if parts else ""

    return pattern(tree)


# Where `_LINE` matches, from the openings that no shorter one begins: NL304 reads only where a
# candidate line starts (tests/test_fast_patterns.py checks the two find the same starts).
_SHORTEST_TEXTS = _shortest_first(_OPENING_TEXTS)
_SHORTEST = rf"(?=[{_OPENING_FIRSTS}])(?:\d{{1,2}} min|{_tree_pattern(_SHORTEST_TEXTS)})"
_LINE_START = re.compile(rf"\n[^\S\n]*{_SHORTEST}", re.IGNORECASE)
# Where `_FIRST_LINE` matches, the same way: a first line is tried against the few openings that
# begin as it does, not each of the fifty in turn (a third of the cost).
_FIRST_LINE_START = re.compile(rf"[^\S\n]*{_SHORTEST}", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(r"\((?:AP|AFP|Reuters) Photo/", re.IGNORECASE)


# The openings lowercased, as `opening_lines` compares a line's start with them.
_LOWER_OPENINGS = tuple(text.lower() for text in _SHORTEST_TEXTS)


def _may_open(text: str, at: int, opening: str) -> bool:
    """Whether text[at:] may begin with `opening` (lowercase) under IGNORECASE: its ASCII letters
    lowercased are the opening's, a character that is not ASCII taken as maybe equal."""
    part = text[at : at + len(opening)]
    if len(part) != len(opening) or not opening:
        return False
    return all(not c.isascii() or c.lower() == o for c, o in zip(part, opening, strict=True))


def _may_read_minutes(text: str, at: int) -> bool:
    """Whether text[at:] may read " min", or one digit (or a character that is not ASCII) and then
    " min" (`_may_open`): `at` is one past a line's first digit, where "\\d{1,2} min" may match.
    The pure-Python twin of the compiled opening_lines' `may_read_minutes`."""
    if _may_open(text, at, " min"):
        return True
    second = text[at : at + 1]
    return second != "" and (not second.isascii() or "0" <= second <= "9") and _may_open(text, at + 1, " min")


def _opening_lines(text: str, openings: tuple[str, ...]) -> list[int]:
    """The starts of the lines (0, and one past each newline) that may open, past their white
    space other than newlines, with one of `openings` (`_may_open`), or open with a character
    that is not ASCII, or a digit that may read minutes after it ("4 min read",
    `_may_read_minutes`). The pure-Python twin of the compiled `opening_lines`."""
    found, start, size = [], 0, len(text)
    while start <= size:
        i = start
        while i < size and text[i] != "\n" and text[i].isspace():
            i += 1
        first = text[i : i + 1]
        if first not in ("", "\n") and (
            not first.isascii()
            or ("0" <= first <= "9" and _may_read_minutes(text, i + 1))
            or any(_may_open(text, i, o) for o in openings)
        ):
            found.append(start)
        end = text.find("\n", i)
        start = size + 1 if end < 0 else end + 1
    return found


opening_lines: Callable[[str, tuple[str, ...]], list[int]] = (
    _opening_lines if native is None else native.opening_lines
)


def _candidate_offsets(text: str) -> list[int]:
    """Where the lines that may be furniture start, and the photo credits: the lines that may
    open with an opening, found in one compiled scan, tried alone. A list, made in a plain loop:
    a story with none (most) makes no generator."""
    found = []
    for at in opening_lines(text, _LOWER_OPENINGS):
        if _FIRST_LINE_START.match(text) if at == 0 else _LINE_START.match(text, at - 1):
            found.append(at)
    # (a search for "/" first, where the two searches for five characters cost some 4,900
    # instructions a story: six stories in seven hold no "/")
    if "/" in text and ("hoto/" in text or "HOTO/" in text):
        found.extend(m.start() for m in _PHOTO_CREDIT.finditer(text))
    return found


class BoilerplateLine(Rule):
    """## What it does
    Finds lines that are web-page furniture rather than story text: "Advertisement",
    "Read more", "Share this article", "Share on Facebook", "Click here", newsletter prompts,
    photo captions and credits inside the body ("(AP Photo/...)", "REUTERS/...", "Photo: ..."),
    and copyright notices ("Copyright 2026 The Associated Press. All rights reserved.").

    ## Why is this bad?
    Scraped copy keeps the page around the story; the furniture ends up in archives, search
    indexes and republished text.

    ## Example
        The talks resumed on Monday.
        Advertisement
        Both sides said progress was made.

    ## Use instead
        The talks resumed on Monday.
        Both sides said progress was made.

    ## Fix safety
    Safe only for a whole line that is exactly one of the known furniture lines. Unsafe for
    lines that carry more text (a "Read more:" teaser, a caption), which a person should see.
    """

    code = "NL304"
    name = "boilerplate-line"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: a story with no candidate line (most) pays one call.
        found = _candidate_offsets(doc.text)
        if not found:
            return NOTHING
        return self._lines(doc, found)

    def _lines(self, doc: Document, offsets: list[int]) -> Iterator[Violation]:
        """The reports of the candidate lines that hold `offsets` (`_candidate_offsets`)."""
        position = doc.lines.position
        lines = sorted({position(offset).line for offset in offsets})
        for n in lines:  # one scan finds the few lines worth a closer look
            line = doc.lines.line_span(n)
            raw = doc.text[line.start : line.end]
            body = raw.strip()
            if not body:
                continue
            exact = body.casefold() in _EXACT or bool(_MINUTES.match(body))
            if not exact and not _LIKELY.search(body) or doc.in_table(line):
                continue
            if not exact and (doc.is_quoted(line) or _continues(doc.text, line)):
                continue
            make = Fix.safe if exact else Fix.unsafe
            yield self.violation(
                Span(line.start + raw.index(body[0]), line.start + len(raw.rstrip())),
                f"{body[:40]!r} is page furniture, not story text",
                make("Delete the line", Edit.delete(_line_deletion(doc.text, line))),
            )


def _continues(text: str, line: Span) -> bool:
    """Whether the line carries on a sentence from the line above (hard-wrapped copy). Reads
    back from the line, not a copy of the text before it (a big file has many candidate lines)."""
    end = line.start
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if not text.endswith("\n", 0, end) or text.endswith("\n\n", 0, end):
        return False
    end -= 1  # the line above, without its newline and trailing space
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end > 0 and text[end - 1] not in ".!?:\"”’')]"


def _line_deletion(text: str, line: Span) -> Span:
    """The line with its newline; a line standing alone between blank lines, or after one at the
    end of the text, takes one with it."""
    end = min(line.end + 1, len(text))
    alone = text[line.end : line.end + 2] == "\n\n" or end == len(text)
    if text[line.start - 2 : line.start] == "\n\n" and alone:
        return Span(line.start - 1, end)
    return Span(line.start, end)
