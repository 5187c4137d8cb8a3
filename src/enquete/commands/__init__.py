"""One module per CLI subcommand: they print; the logic they call does not."""
