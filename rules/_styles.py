"""The house styles a desk can choose with `style`, and how messages name them."""

from __future__ import annotations

STYLE_NAMES = {"ap": "AP", "reuters": "Reuters", "guardian": "Guardian", "bbc": "BBC"}


def style_name(style: str) -> str:
    """ "Guardian" for "guardian": the house's own name, as messages print it."""
    return STYLE_NAMES.get(style, style)
