"""`python -m newslint`."""

from newslint.cli import main

main()
