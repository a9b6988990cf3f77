"""File names and messages made safe to print.

A file name may hold any byte but `/` and NUL: a newline followed by `::error::` writes a GitHub
Actions command into a CI log, an escape sequence repaints a terminal, and bytes that are not
UTF-8 make JSON and SARIF output invalid. So every name newslint reports goes through
`quote_name`, which leaves ordinary names alone (accented letters included) and writes the rest
as git does (`core.quotePath`): in double quotes, with C escapes (`\\n`, `\\t`, `\\"`, `\\\\`) and
three octal digits for each other byte that needs one:

    >>> quote_name("bad\\udcffname.txt")      # the byte 0xFF, as Python reads it from the disk
    '"bad\\\\377name.txt"'
    >>> quote_name("x\\n::error::y.txt")
    '"x\\\\n::error::y.txt"'

`name_bytes` turns a shown name back into the bytes of the real one (SARIF percent-encodes
those). `printable` escapes the same characters in free text, such as a message that quotes a
config file's path, without adding quotes; every line newslint writes to stderr goes through it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that are not safe to print as they are: control characters (C0, DEL, C1), format
# characters (bidirectional overrides, zero-width characters), line and paragraph separators,
# and the lone surrogates that stand for bytes that were not UTF-8 (read with surrogateescape).
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_LETTER_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}
_UNESCAPE = {v[1]: k for k, v in _LETTER_ESCAPES.items()}


@lru_cache(maxsize=4096)
def _unsafe(char: str) -> bool:
    return unicodedata.category(char) in _UNSAFE_CATEGORIES


def plain_name(name: str) -> bool:
    """A quick test for the common case, a name shown as it is (`quote_name`'s first test):
    printable ASCII (letters, digits and ordinary punctuation, U+0020-U+007E) but for the two
    characters quoting escapes. Three string methods, not a regular expression: a match cost
    2,200 instructions a name, 23 M before a corpus run's workers fork (measured)."""
    return name.isascii() and name.isprintable() and '"' not in name and "\\" not in name


def _needs_quoting(name: str) -> bool:
    return not plain_name(name) and any(c in _LETTER_ESCAPES or _unsafe(c) for c in name)


def _bytes_of(char: str) -> bytes:
    try:
        return char.encode("utf-8", "surrogateescape")  # a byte that was not UTF-8: itself
    except UnicodeEncodeError:  # a surrogate that stands for no byte (from a JSON \ud800)
        return char.encode("utf-8", "surrogatepass")


def quote_name(name: str) -> str:
    """`name` as it is when it is safe to print, else in double quotes with C escapes."""
    if plain_name(name) or not _needs_quoting(name):  # (most: the first test)
        return name
    out = []
    for char in name:
        if char in _LETTER_ESCAPES:
            out.append(_LETTER_ESCAPES[char])
        elif _unsafe(char):
            out.append("".join(f"\\{byte:03o}" for byte in _bytes_of(char)))
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


_ESCAPE = re.compile(r'\\([abtnvfr"\\]|[0-7]{3})')


def name_bytes(shown: str) -> bytes:
    """The bytes of the name that `quote_name` showed as `shown`."""
    if len(shown) < 2 or not (shown.startswith('"') and shown.endswith('"')):
        return _bytes_of_text(shown)
    out = bytearray()
    pos = 1
    for m in _ESCAPE.finditer(shown, 1, len(shown) - 1):
        out += _bytes_of_text(shown[pos : m.start()])
        code = m.group(1)
        out += _UNESCAPE[code].encode() if code in _UNESCAPE else bytes([int(code, 8)])
        pos = m.end()
    out += _bytes_of_text(shown[pos:-1])
    return bytes(out)


def _bytes_of_text(text: str) -> bytes:
    return b"".join(_bytes_of(c) for c in text) if not text.isascii() else text.encode()


def printable(text: str) -> str:
    """`text` with every character that is not safe to print written as an escape (`\\n`,
    `\\x1b`, `\\u202e`; a byte that was not UTF-8 as `\\xff`): one line, whatever it quotes."""
    if plain_name(text) or not any(_unsafe(c) for c in text):
        return text
    return "".join(_printable_char(c) if _unsafe(c) else c for c in text)


def _printable_char(char: str) -> str:
    if char in _LETTER_ESCAPES:
        return _LETTER_ESCAPES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
