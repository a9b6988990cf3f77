"""What the installed package says about itself: one version, and every licence it ships under.

Read from the installed distribution (importlib.metadata, importlib.resources), so the tests hold
for `pip install .` as CI runs it and for an editable install alike.
"""

from __future__ import annotations

import re
from importlib import metadata, resources
from importlib.resources.abc import Traversable

import newslint

# A file in a rule package's data folder that carries the terms its data ships under.
_LICENCE_NAME = re.compile(r"(?:.*-)?(?:LICEN[CS]E|COPYRIGHT)|VARCON-README")


def _installed() -> metadata.Distribution:
    """The distribution an installer wrote. Building from the checkout leaves a newslint.egg-info
    there, on sys.path while the tests run: that one describes a build, not what is installed."""
    found = [d for d in metadata.distributions(name="newslint") if d.read_text("INSTALLER") is not None]
    assert len(found) == 1, [str(d.locate_file("")) for d in found]
    return found[0]


def _shipped_licence_files() -> dict[str, Traversable]:
    """'family/data/NAME' -> the installed file, for every licence file beside the shipped data."""
    rules = resources.files("newslint.rules")
    found = {}
    for family in rules.iterdir():
        data = family / "data"
        if family.is_dir() and data.is_dir():
            for item in data.iterdir():
                if _LICENCE_NAME.fullmatch(item.name):
                    found[f"{family.name}/data/{item.name}"] = item
    return found


def test_the_version_is_the_installed_distributions():
    assert newslint.__version__ == _installed().version
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", newslint.__version__)


def test_the_code_is_mit_and_its_licence_ships():
    dist = _installed()
    assert dist.metadata["License-Expression"].split(" AND ")[0] == "MIT"
    licence = dist.read_text("licenses/LICENSE")
    assert licence is not None and licence.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in licence


def test_every_licence_of_the_shipped_data_ships_in_the_metadata():
    dist = _installed()
    declared = dist.metadata.get_all("License-File") or []
    shipped = _shipped_licence_files()
    assert {"typos/data/MISSPELLINGS-LICENSE", "typos/data/SCOWL-COPYRIGHT"} <= shipped.keys()
    for where, item in shipped.items():
        entry = f"rules/{where}"
        assert entry in declared, f"{entry} is shipped data's licence but not in pyproject's license-files"
        assert dist.read_text(f"licenses/{entry}") == item.read_text(encoding="utf-8")


# What a data licence file says -> the SPDX identifier the declared expression must then hold.
_LICENCES_SAID = {
    "CC BY-SA 3.0": "CC-BY-SA-3.0",
    "Creative Commons Attribution 3.0": "CC-BY-3.0",
    "Kevin Atkinson": "LicenseRef-SCOWL",  # SCOWL's and VarCon's own notice
}


def test_the_licence_expression_names_the_data_licences():
    """Each licence a shipped data file states is in the declared expression (MIT is not all)."""
    expression = _installed().metadata["License-Expression"].split(" AND ")
    texts = [item.read_text(encoding="utf-8") for item in _shipped_licence_files().values()]
    said = {spdx for phrase, spdx in _LICENCES_SAID.items() if any(phrase in text for text in texts)}
    assert "CC-BY-SA-3.0" in said  # the misspellings list: the check is not empty
    assert said <= set(expression), f"{sorted(said - set(expression))} missing from License-Expression"
