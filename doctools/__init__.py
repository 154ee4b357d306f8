"""Tools that build the documentation site and its generated tables."""
