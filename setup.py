"""The packages under the two folders pyproject.toml maps (lint/ -> newslint, rules/ ->
newslint.rules), found rather than listed: setuptools' own `find` does not follow package-dir."""

from setuptools import find_packages, setup


def packages_under(folder: str, name: str) -> list[str]:
    return [name, *(f"{name}.{sub}" for sub in find_packages(folder))]


setup(packages=packages_under("lint", "newslint") + packages_under("rules", "newslint.rules"))
