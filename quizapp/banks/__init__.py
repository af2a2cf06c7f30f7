"""Question banks: the YAML schema, its validator and loader, and the `flask bank` commands."""
