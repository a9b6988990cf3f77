"""See rules/__init__.py."""
RULES: tuple = ()
