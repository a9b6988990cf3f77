"""`python -m newslint`."""

from newslint.cli_fast import entry

entry()
