"""Question banks: the YAML schema, its validator and loader, and the `flask bank` commands."""

from . import cleanup  # noqa: F401 - connects the account-deletion receiver
