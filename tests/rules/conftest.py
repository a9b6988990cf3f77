"""The NL9xx (LanguageTool) cases run against the replay server of tests/lt_replay.py: a case
whose config names the placeholder server below is pointed at the running replay server."""

from __future__ import annotations

import dataclasses

import pytest

REPLAY_PLACEHOLDER = "http://languagetool.replay.invalid"


@pytest.fixture(scope="session", autouse=True)
def languagetool_replay():
    # No skip here: this fixture serves every family's cases. Without language-tool-python (in the
    # test extras) the NL9xx cases fail with newslint's own "pip install" message.
    from tests.lt_replay import ReplayServer
    from tests.rules import harness

    original = harness.settings_for

    def settings_for(case):
        settings = original(case)
        grammar = settings.rules.get("grammar", {})
        if grammar.get("server") == REPLAY_PLACEHOLDER:
            rules = {**settings.rules, "grammar": {**grammar, "server": server.url}}
            settings = dataclasses.replace(settings, rules=rules)
        return settings

    with ReplayServer() as server:
        harness.settings_for = settings_for
        try:
            yield server
        finally:
            harness.settings_for = original
