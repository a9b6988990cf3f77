"""Suggestions for a slip in a name the user wrote: a config key, a rule option or name, a selector.

A module of its own, importing nothing of newslint's, so that the config, the registry, the
suppression comments and the rules' own option checks can all use it without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(key: str, known: Iterable[str], cutoff: float = 0.75) -> str:
    """ "; did you mean 'style'?" for a key one slip from a known one, else ""."""
    close = closest(key, known, cutoff)
    return f"; did you mean {close!r}?" if close else ""


def closest(key: str, known: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The known word `key` most likely stands for, if one is close enough."""
    import difflib  # only an error needs it: kept out of every run's start-up

    close = difflib.get_close_matches(key, list(known), n=1, cutoff=cutoff)
    return close[0] if close else None
