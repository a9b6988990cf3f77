"""Tests of where newslint is used: pre-commit, editors, CI formats, LanguageTool, corpora."""
