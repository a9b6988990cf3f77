"""Messages name a house style as the house writes its name: AP, Reuters, Guardian, BBC."""

from __future__ import annotations

import pytest

import newslint
from newslint.config import Settings

STORY = (
    "Council budget set\n\nThe council will prioritize care, it said on Tuesday, and 3 schools will close.\n"
)


@pytest.mark.parametrize(
    "style, name", [("guardian", "Guardian"), ("bbc", "BBC"), ("ap", "AP"), ("reuters", "Reuters")]
)
def test_messages_name_the_house_style(style, name):
    messages = [d.message for d in newslint.lint_text(STORY, settings=Settings(style=style))]
    styled = [m for m in messages if " style " in m]
    assert styled, messages
    assert all(f"{name} style" in m for m in styled), styled
    assert not any(style.upper() in m for m in styled if style.upper() != name), styled
