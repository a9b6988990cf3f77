"""The packages under the two folders pyproject.toml maps (lint/ -> newslint, rules/ ->
newslint.rules), found rather than listed: setuptools' own `find` does not follow package-dir.

And the compiled helpers, `newslint._native` (lint/_native.c), built when a C compiler and the
Python headers are there. The extension is optional: where it does not build, `pip install`
goes on without it and newslint uses its pure-Python twins (newslint/native.py), with the same
results, more slowly."""

from setuptools import Extension, find_packages, setup


def packages_under(folder: str, name: str) -> list[str]:
    return [name, *(f"{name}.{sub}" for sub in find_packages(folder))]


setup(
    packages=packages_under("lint", "newslint") + packages_under("rules", "newslint.rules"),
    ext_modules=[
        Extension("newslint._native", ["lint/_native.c"], optional=True, extra_compile_args=["-O2"]),
    ],
)
